import Testing
@testable import Lint
import Rules

/// Rule sets are data: a synonym, a polarity word or a tolerance moved in YAML changes what the rules
/// report, with no Swift change.
@Suite("Rule sets and configuration")
struct ConfigurationTests {
    static func lint(_ markdown: String, ruleSet: RuleSet, rule id: String) throws -> [Finding] {
        let rule = try #require(RuleCatalog.rule(id))
        var document = DocumentAnalyzer(vocabulary: ruleSet.vocabulary)
            .analyze(TextReader.read(text: markdown, path: "t.md", markdown: true))
        document.subject.kind = .iku
        var enabled = ruleSet
        enabled.rules = enabled.rules.merging(Settings([(id, .map(Settings([("enabled", .scalar("true"))])))]))
        return Linter(rules: [rule]).lint(document, with: enabled)
    }

    static func layered(_ base: String, _ yaml: String) throws -> RuleSet {
        try RuleSetLibrary.load(base).applying(try Settings(yaml: yaml, source: "test.yml"), name: "test.yml")
    }

    static let ikuTable = """
        # IKU Kecamatan Contoh Tahun 2023-2025

        | No | Sasaran | Indikator Kinerja | Formula | Pelaksana | 2023 | 2024 | 2025 |
        |---|---|---|---|---|---|---|---|
        | 1 | Meningkatnya pelayanan | Persentase aduan warga yang belum ditindaklanjuti | Aduan belum ditindaklanjuti / seluruh aduan x 100% | Seksi Pelayanan | 30 | 20 | 10 |
        """

    @Test func aColumnSynonymAddedInYAMLNamesTheColumn() throws {
        let standard = try RuleSetLibrary.load("iku")
        #expect(try Self.lint(Self.ikuTable, ruleSet: standard, rule: "pic-missing").contains { $0.rule == "pic-missing" })
        let adapted = try Self.layered("iku", """
            vocabulary:
              columns:
                - role: penanggung_jawab
                  phrases: [PELAKSANA]
            """)
        #expect(try Self.lint(Self.ikuTable, ruleSet: adapted, rule: "pic-missing").isEmpty)
    }

    static let risingTargets = """
        # IKU Kecamatan Contoh Tahun 2023-2025

        | No | Sasaran | Indikator Kinerja | Formula | Penanggung Jawab | Target 2023 | Target 2024 | Target 2025 |
        |---|---|---|---|---|---|---|---|
        | 1 | Meningkatnya ketertiban | Jumlah aduan warga | Jumlah aduan yang diterima | Seksi Trantib | 10 | 20 | 30 |
        """

    @Test func aPolarityWordDecidesWhichWayTargetsMayMove() throws {
        // Rising targets are right for an ordinary count …
        let standard = try RuleSetLibrary.load("iku")
        #expect(try Self.lint(Self.risingTargets, ruleSet: standard, rule: "targets-monotone").isEmpty)
        // … and wrong once a province's rule set lists "aduan" as a lower-is-better word.
        let adapted = try Self.layered("iku", """
            terms:
              polarity:
                negative: [aduan]
            """)
        #expect(try Self.lint(Self.risingTargets, ruleSet: adapted, rule: "targets-monotone").contains { $0.rule == "targets-monotone" })
    }

    @Test func aToleranceInYAMLAcceptsARoundedTotal() throws {
        let table = """
            # LKjIP Kecamatan Contoh Tahun 2023

            | No | Uraian | Pagu (Rp) | Realisasi (Rp) |
            |---|---|---|---|
            | 1 | Belanja Alat Tulis Kantor | 1.000.000 | 900.000 |
            | 2 | Belanja Cetak | 500.000 | 450.000 |
            | | JUMLAH | 1.500.002 | 1.350.000 |
            """
        let standard = try RuleSetLibrary.load("lakip")
        #expect(try Self.lint(table, ruleSet: standard, rule: "sum-mismatch").contains { $0.rule == "sum-mismatch" })
        let adapted = try Self.layered("lakip", """
            terms:
              tolerance:
                extra: 5
            """)
        #expect(try Self.lint(table, ruleSet: adapted, rule: "sum-mismatch").isEmpty)
    }

    @Test func severitiesAndSwitchesComeFromTheFile() throws {
        let adapted = try Self.layered("iku", """
            rules:
              pic-missing: warning
              targets-flat: false
            """)
        #expect(adapted.severity(of: "pic-missing", default: .error) == .warning)
        #expect(!adapted.isEnabled("targets-flat"))
        #expect(adapted.isEnabled("formula-missing"))
        #expect(adapted.chain == ["base", "iku", "test.yml"])
    }

    @Test func builtInRuleSetsLoadAndExtendBase() throws {
        for name in RuleSetLibrary.builtInNames {
            let set = try RuleSetLibrary.load(name)
            #expect(set.chain.first == "base")
            #expect(set.isEnabled("heading-numbering"))
        }
        #expect(RuleSetLibrary.name(for: .lakip) == "lakip")
        #expect(RuleSetLibrary.name(for: .unknown) == "base")
    }

    @Test func badFilesSayWhichKeyIsWrong() {
        #expect(throws: ConfigurationError.invalid(file: "test.yml", key: "rules.pic-missing.severity",
                                                   reason: "\"fatal\" is not one of error, warning, info")) {
            try Self.layered("iku", "rules:\n  pic-missing: {severity: fatal}\n")
        }
        #expect(throws: ConfigurationError.self) { try Self.layered("iku", "rules: [a, b]\n") }
        #expect(throws: ConfigurationError.unknownRuleSet("nope")) { try RuleSetLibrary.load("nope") }
    }

    @Test func listsExtendUnlessReplaced() throws {
        let base = try Settings(yaml: "a: [x, y]\nb: {c: 1}\n", source: "a")
        let over = try Settings(yaml: "a: [y, z]\nb: {d: 2}\n", source: "b")
        let merged = base.merging(over)
        #expect(merged["a"]?.strings == ["x", "y", "z"])
        #expect(merged[path: "b.c"]?.number == 1)
        #expect(merged[path: "b.d"]?.number == 2)
        let replaced = base.merging(try Settings(yaml: "a: {replace: [q]}\n", source: "c"))
        #expect(replaced["a"]?.strings == ["q"])
    }
}

@Suite("Derived data")
struct DerivedCacheTests {
    @Test func aValueIsMadeOncePerDocument() {
        let cache = DerivedCache()
        var made = 0
        for _ in 0..<3 {
            let value = cache.value("tokens") { () -> [String] in
                made += 1
                return ["a", "b"]
            }
            #expect(value == ["a", "b"])
        }
        #expect(made == 1)
        #expect(cache.value("other") { 7 } == 7)
    }
}

@Suite("Reports")
struct ReportTests {
    static let finding = Finding(rule: "sum-mismatch", severity: .error,
                                 message: Message(id: "Jumlah salah", en: "Wrong total"),
                                 location: Location(table: 65, row: 10, column: 3),
                                 evidence: "2.294.120.181", expected: "2.294.120.184", actual: "2.294.120.181")

    @Test func jsonFollowsTheContract() {
        let report = FileReport(path: "a.docx", subject: Subject(kind: .lakip, year: 2023), ruleSet: "lakip",
                                findings: [Self.finding])
        let text = FindingReport.json([report, FileReport(path: "b.docx", error: "the file is empty (0 bytes)")],
                                      language: .en).serialized()
        #expect(text.hasPrefix("{\"version\":1,\"files\":[{\"path\":\"a.docx\",\"kind\":\"lakip\""))
        #expect(text.contains("\"findings\":[{\"rule\":\"sum-mismatch\",\"severity\":\"error\",\"message\":\"Wrong total\",\"location\":{\"table\":65,\"row\":10,\"column\":3},\"evidence\":\"2.294.120.181\",\"expected\":\"2.294.120.184\",\"actual\":\"2.294.120.181\"}]"))
        #expect(text.contains("\"error\":\"the file is empty (0 bytes)\""))
        #expect(text.contains("\"summary\":{\"files\":2,\"unreadable\":1,\"error\":1,\"warning\":0,\"info\":0}"))
    }

    @Test func textIsOneLinePerFindingInTheChosenLanguage() {
        let report = FileReport(path: "a.docx", findings: [Self.finding])
        let indonesian = FindingReport.text([report], language: .id, colour: false)
        #expect(indonesian.contains("a.docx:tabel 65 baris 10 kolom 3: error sum-mismatch Jumlah salah (tertulis 2.294.120.181, seharusnya 2.294.120.184)"))
        let english = FindingReport.text([report], language: .en, colour: false)
        #expect(english.contains("a.docx:table 65 row 10 column 3: error sum-mismatch Wrong total (written 2.294.120.181, expected 2.294.120.184)"))
        #expect(english.hasSuffix("1 file(s): 1 error(s), 0 warning(s), 0 info\n"))
        #expect(!english.contains("\u{1B}"))
    }
}
