/// Runs every enabled rule of a rule set over one analysed document and orders the findings.
public struct Linter: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule]) {
        self.rules = rules
    }

    public func lint(_ document: Document, with ruleSet: RuleSet) -> [Finding] {
        var findings: [Finding] = []
        let cache = DerivedCache()
        for rule in rules {
            let description = rule.description
            guard ruleSet.isEnabled(description.id) else { continue }
            let context = RuleContext(document: document, ruleID: description.id,
                                      severity: ruleSet.severity(of: description.id, default: description.defaultSeverity),
                                      parameters: ruleSet.parameters(of: description.id),
                                      vocabulary: ruleSet.vocabulary, terms: ruleSet.terms, cache: cache)
            findings.append(contentsOf: rule.check(context))
        }
        return Self.ordered(findings, in: document)
    }

    /// Findings in document order (a table sorts where it stands among the paragraphs), without repeats.
    static func ordered(_ findings: [Finding], in document: Document) -> [Finding] {
        var tableAnchor: [Int: Int] = [:]
        for table in document.tables { tableAnchor[table.index] = table.paragraphsBefore * 2 + 1 }
        var seen = Set<String>()
        let unique = findings.filter { finding in
            let key = "\(finding.rule)|\(finding.location)|\(finding.message.en)"
            return seen.insert(key).inserted
        }
        return unique.sorted { Finding.precedes($0, $1, tableOrder: { tableAnchor[$0] ?? 0 }) }
    }
}
