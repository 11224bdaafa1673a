import ArgumentParser
import Foundation
import Lint
import Rules

extension Severity: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint documents and report each violation with its place.",
        discussion: """
            Folders are walked for .docx, .docm, .xml, .md and .txt files. Exit status: 0 when no finding \
            is at or above --fail-on, 1 when one is, 2 for a usage error or an unreadable input (the other \
            files are still reported).
            """
    )

    @Option(help: "Rule set: auto (by the document's kind), base, iku, renstra, lakip, or a .yml file.")
    var ruleset: String = "auto"

    @Option(help: "Configuration file (default: .iku-lint.yml in the file's folder or the nearest above).")
    var config: String?

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the messages: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    @Option(help: "Report only findings at or above this severity: info, warning, error.")
    var minSeverity: Severity = .info

    @Option(help: "Exit with 1 when a finding is at or above this severity.")
    var failOn: Severity = .error

    @Argument(help: "Files or folders to lint.")
    var paths: [String]

    func run() throws {
        let files: [String]
        do {
            files = try FileWalker.documents(in: paths)
        } catch {
            Output.error("iku-lint: \(error)")
            throw ExitCode(2)
        }
        if let config, !FileManager.default.isReadableFile(atPath: config) {
            Output.error("iku-lint: \(config): cannot read the configuration file")
            throw ExitCode(2)
        }
        if ruleset != "auto", !RuleSetLibrary.builtInNames.contains(ruleset),
           !FileManager.default.isReadableFile(atPath: ruleset) {
            Output.error("iku-lint: \(ConfigurationError.unknownRuleSet(ruleset))")
            throw ExitCode(2)
        }
        let session = LintSession(
            options: .init(ruleSet: ruleset, configuration: config, minimumSeverity: minSeverity),
            rules: RuleCatalog.all)
        let reports = Parallel.map(files) { session.lint(path: $0) }
        switch format {
        case .json:
            Output.write(FindingReport.json(reports, language: lang).serialized(pretty: true) + "\n")
        case .text:
            Output.write(FindingReport.text(reports, language: lang, colour: isatty(STDOUT_FILENO) != 0))
        }
        for report in reports where report.error != nil {
            Output.error("\(report.path): \(report.error ?? "")")
        }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        if reports.contains(where: { $0.findings.contains { $0.severity >= failOn } }) { throw ExitCode(1) }
    }
}

/// Expands folders into the documents under them, in a stable order.
enum FileWalker {
    static let extensions: Set<String> = ["docx", "docm", "xml", "md", "markdown", "txt"]

    struct NotFound: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path): no such file or folder" }
    }

    static func documents(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw NotFound(path: path) }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let enumerator = FileManager.default.enumerator(
                at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles, .skipsPackageDescendants])
            while let url = enumerator?.nextObject() as? URL {
                // Word's lock files (`~$name.docx`) are not documents.
                guard extensions.contains(url.pathExtension.lowercased()), !url.lastPathComponent.hasPrefix("~$") else { continue }
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    found.append(path.hasSuffix("/") ? path + url.path.dropFirst(URL(fileURLWithPath: path).path.count + 1)
                                                     : url.path.replacingOccurrences(of: URL(fileURLWithPath: path).path, with: path))
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }
}

/// Runs work on every core and returns the results in input order.
enum Parallel {
    static func map<T: Sendable>(_ items: [String], _ work: @Sendable (String) -> T) -> [T] {
        let box = Box<T>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            box.set(index, work(items[index]))
        }
        return box.values
    }

    private final class Box<T>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }
        var values: [T] { slots.compactMap { $0 } }
    }
}
