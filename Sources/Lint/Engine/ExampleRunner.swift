/// Runs a rule on one of its examples, the way `check` would on a user's file.
public enum ExampleRunner {
    /// The example read (text/Markdown through the text reader) and analysed.
    public static func document(for example: RuleExample) -> Document {
        switch example.source {
        case .markdown(let text):
            return DocumentAnalyzer().analyze(TextReader.read(text: text, path: "example.md", markdown: true))
        case .document(let build):
            return DocumentAnalyzer().analyze(build())
        }
    }

    /// Findings of `rule` on the example, with the rule set of the example's kind (or of the detected
    /// kind); the rule runs even where that rule set leaves it out.
    public static func findings(of rule: any Rule, on example: RuleExample) -> [Finding] {
        let document = document(for: example)
        let name = RuleSetLibrary.name(for: example.kind ?? document.subject.kind)
        let ruleSet = (try? RuleSetLibrary.load(name)) ?? RuleSet()
        let id = rule.description.id
        let context = RuleContext(document: document, ruleID: id,
                                  severity: ruleSet.severity(of: id, default: rule.description.defaultSeverity),
                                  parameters: ruleSet.parameters(of: id), vocabulary: ruleSet.vocabulary,
                                  terms: ruleSet.terms)
        return rule.check(context)
    }
}
