import ArgumentParser
import Lint
import Rules

struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: id, severity, rule sets, title.")

    @Option(help: "Language: id or en.")
    var lang: Language = .id

    func run() throws {
        let sets = RuleSetLibrary.builtInNames.compactMap { name in (try? RuleSetLibrary.load(name)).map { (name, $0) } }
        var lines: [[String]] = [["RULE", "SEVERITY", "RULE SETS", "TITLE"]]
        for rule in RuleCatalog.all {
            let description = rule.description
            // A rule belongs to the sets that first enable it (a kind's set inherits base's rules).
            let owners = sets.filter { $0.1.isEnabled(description.id) }.map(\.0)
            let shown = owners.contains("base") ? ["base"] : owners
            lines.append([description.id, description.defaultSeverity.rawValue,
                          shown.isEmpty ? "-" : shown.joined(separator: ","), description.title.text(lang)])
        }
        let widths = (0..<3).map { column in lines.map { $0[column].count }.max() ?? 0 }
        for line in lines {
            let padded = (0..<3).map { line[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            Output.write((padded + [line[3]]).joined(separator: "  ") + "\n")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: description, rationale, parameters, examples.")

    @Option(help: "Language: id or en.")
    var lang: Language = .id

    @Argument(help: "The rule id (see `iku-lint rules`).")
    var rule: String

    func run() throws {
        guard let found = RuleCatalog.rule(rule) else {
            Output.error("iku-lint: unknown rule \"\(rule)\" (see `iku-lint rules`)")
            throw ExitCode(2)
        }
        let d = found.description
        let en = lang == .en
        var out = "\(d.id) [\(d.defaultSeverity.rawValue)]: \(d.title.text(lang))\n\n\(d.description.text(lang))\n"
        if !d.rationale.text(lang).isEmpty { out += "\n" + (en ? "Rationale: " : "Dasar: ") + d.rationale.text(lang) + "\n" }
        if !d.parameters.isEmpty {
            out += "\n" + (en ? "Parameters:" : "Parameter:") + "\n"
            for parameter in d.parameters {
                out += "  \(parameter.name) (default \(parameter.defaultValue)): \(parameter.description.text(lang))\n"
            }
        }
        for (title, examples) in [(en ? "Triggers on:" : "Memicu temuan:", d.triggering),
                                  (en ? "Does not trigger on:" : "Tidak memicu temuan:", d.nonTriggering)] where !examples.isEmpty {
            out += "\n\(title)\n"
            for example in examples {
                if !example.caption.isEmpty { out += "  # \(example.caption)\n" }
                if case .markdown(let text) = example.source {
                    out += text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
                }
            }
        }
        Output.write(out)
    }
}
