import Testing
import Lint
import Rules

/// Every rule's examples are its tests: each triggering snippet draws a finding of that rule, each
/// non-triggering snippet none, and every rule has at least one of each.
@Suite("Rule examples")
struct RuleExampleTests {
    @Test(arguments: RuleCatalog.all.map(\.description.id))
    func examples(id: String) throws {
        let rule = try #require(RuleCatalog.rule(id))
        let description = rule.description
        #expect(!description.triggering.isEmpty, "\(id) has no triggering example")
        #expect(!description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in description.triggering {
            let findings = ExampleRunner.findings(of: rule, on: example)
            #expect(findings.contains { $0.rule == id }, "\(id) should trigger on: \(example.displayText)")
            for finding in findings {
                #expect(finding.location.table != nil || finding.location.paragraph != nil,
                        "\(id) finding without a place: \(finding.message.en)")
                #expect(!finding.message.id.isEmpty && !finding.message.en.isEmpty, "\(id) message in both languages")
            }
        }
        for example in description.nonTriggering {
            let findings = ExampleRunner.findings(of: rule, on: example).filter { $0.rule == id }
            #expect(findings.isEmpty, "\(id) should not trigger on: \(example.displayText) — got \(findings.map(\.message.en))")
        }
    }

    @Test func everyRuleIsInABuiltInRuleSetAndIdsAreUnique() throws {
        let ids = RuleCatalog.all.map(\.description.id)
        #expect(Set(ids).count == ids.count)
        let sets = try RuleSetLibrary.builtInNames.map { try RuleSetLibrary.load($0) }
        for id in ids {
            #expect(sets.contains { $0.isEnabled(id) }, "\(id) is in no built-in rule set")
        }
    }
}
