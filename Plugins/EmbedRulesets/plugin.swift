import Foundation
import PackagePlugin

/// Embeds every `rulesets/*.yml` of the package into the `Lint` module as string literals,
/// so the default rule sets travel inside the binary and need no resource bundle at run time.
@main
struct EmbedRulesets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "rulesets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let inputs = names.filter { $0.hasSuffix(".yml") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulesets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule set files",
                executable: try context.tool(named: "embed-rulesets").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
