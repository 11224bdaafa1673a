import ArgumentParser
import Foundation
import Lint

@main
struct IkuLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iku-lint",
        abstract: "Lints Indonesian SAKIP planning documents (IKU, Renstra, Perjanjian Kinerja, LAKIP/LKjIP).",
        version: "0.1.0",
        subcommands: [Check.self, Dump.self, ListRules.self, Explain.self]
    )
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the model iku-lint reads from each file: paragraphs, list labels, headings, tables, subject.",
        discussion: "With --format json and one file, prints one JSON object; with several files, a JSON array of them."
    )

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "Files to read (.docx, .docm, Word XML .xml, .md, .txt).")
    var files: [String]

    func run() throws {
        let results = Loader.loadAll(files)
        var failed = false
        var objects: [JSONValue] = []
        for (path, result) in zip(files, results) {
            switch result {
            case .success(let document):
                switch format {
                case .json: objects.append(DocumentDump.json(document))
                case .text: Output.write(DocumentDump.text(document))
                }
            case .failure(let error):
                failed = true
                Output.error("\(path): \(error.description)")
            }
        }
        if format == .json {
            if files.count == 1, let only = objects.first {
                Output.write(only.serialized() + "\n")
            } else if files.count > 1 {
                Output.write(JSONValue.array(objects).serialized() + "\n")
            }
        }
        if failed { throw ExitCode(2) }
    }
}
