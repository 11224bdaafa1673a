import Foundation
import Testing
@testable import Lint
@testable import Rules

// MARK: - Helpers

/// Findings of `rule` on a Markdown snippet, with the rule set of `kind` (as `explain` examples run).
private func findings(_ rule: any Rule, _ markdown: String, kind: Subject.Kind = .iku) -> [Finding] {
    ExampleRunner.findings(of: rule, on: RuleExample(markdown, kind: kind)).filter { $0.rule == rule.description.id }
}

/// Findings of `rule` on a document built from grids: "^" is a vMerge continuation of the cell above.
private func findings(_ rule: any Rule, grids: [[[String]]], subject: Subject.Kind = .iku,
                      title: String = "Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026") -> [Finding] {
    let example = RuleExample(caption: "grid", kind: subject) {
        var blocks: [Block] = [.paragraph(Paragraph(location: Location(paragraph: 1), text: title))]
        for (offset, grid) in grids.enumerated() {
            let rows = grid.enumerated().map { index, texts in
                Row(index: index + 1, cells: texts.enumerated().map { column, text in
                    if text == "^" { return Cell(text: "", kind: .mergedAbove) }
                    let below = grid.indices.contains(index + 1) && grid[index + 1].indices.contains(column)
                        ? grid[index + 1][column] : ""
                    return Cell(text: text, startsVerticalMerge: below == "^")
                }, repeatsAsHeader: index == 0)
            }
            blocks.append(.paragraph(Paragraph(location: Location(paragraph: offset + 2), text: "Tabel \(offset + 1)")))
            blocks.append(.table(Table(index: offset + 1, paragraphsBefore: offset + 2, rows: rows)))
        }
        return Document(path: "grid.docx", format: .docx, blocks: blocks)
    }
    return ExampleRunner.findings(of: rule, on: example).filter { $0.rule == rule.description.id }
}

private func places(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.location.table ?? 0)/\($0.location.row ?? 0)" }
}

// MARK: - Corpus (expected.yml entries of the indicator rules, all three forms)

@Suite("Indicator rules on the corpus")
struct IndicatorRuleCorpusTests {
    /// The corpus file read once; the returned function runs one rule on it with the built-in rule set of
    /// the file's kind, as `check` does.
    static func linter(_ path: String) throws -> (any Rule) -> [Finding] {
        let document = try DocumentLoader.load(path: path)
        let ruleSet = try RuleSetLibrary.load(RuleSetLibrary.name(for: document.subject.kind))
        return { rule in
            let id = rule.description.id
            return rule.check(RuleContext(document: document, ruleID: id,
                                          severity: ruleSet.severity(of: id, default: rule.description.defaultSeverity),
                                          parameters: ruleSet.parameters(of: id), vocabulary: ruleSet.vocabulary,
                                          terms: ruleSet.terms))
        }
    }

    static func at(_ findings: [Finding], table: Int, row: Int? = nil) -> Bool {
        findings.contains { $0.location.table == table && (row == nil || $0.location.row == row) }
    }

    @Test(arguments: Corpus.forms("wanaraya-iku-2023-2026"))
    func wanaraya(path: String) throws {
        let lint = try Self.linter(path)
        let pic = lint(PICMissingRule())
        #expect(Self.at(pic, table: 2, row: 8) && Self.at(pic, table: 2, row: 10))
        #expect(pic.allSatisfy { $0.severity == .error })
        let formula = lint(FormulaMissingRule())
        #expect(Self.at(formula, table: 7, row: 21))
        #expect(Self.at(lint(SmartIndicatorRule()), table: 7, row: 7))
        let units = lint(FormulaUnitMismatchRule())
        for (table, row) in [(7, 2), (7, 3), (7, 4), (8, 3)] {
            #expect(Self.at(units, table: table, row: row), "formula-unit-mismatch \(table)/\(row)")
        }
        // Continuation rows and the first table's rows are not indicators of their own.
        for (table, row) in [(2, 9), (7, 11), (7, 20), (8, 6), (1, 2)] {
            #expect(!Self.at(pic, table: table, row: row) && !Self.at(formula, table: table, row: row),
                    "false alarm at \(table)/\(row)")
        }
    }

    @Test(arguments: Corpus.forms("wotu-iku-2021-2026"))
    func wotu(path: String) throws {
        let lint = try Self.linter(path)
        let formula = lint(FormulaMissingRule())
        #expect(Self.at(formula, table: 1, row: 4))
        #expect(!Self.at(formula, table: 1, row: 3))
        for rule in [PICMissingRule(), TargetsMonotoneRule(), TargetsMissingRule()] as [any Rule] {
            let found = lint(rule)
            #expect(!Self.at(found, table: 1, row: 3) && !Self.at(found, table: 1, row: 4), "\(rule.description.id)")
        }
    }

    @Test(arguments: Corpus.forms("rawajitutimur-iku-2023-2026"))
    func rawajitutimur(path: String) throws {
        let lint = try Self.linter(path)
        #expect(Self.at(lint(PICMissingRule()), table: 1))
        let flat = lint(TargetsFlatRule())
        #expect(Self.at(flat, table: 1, row: 5) && Self.at(flat, table: 2, row: 4))
        #expect(flat.allSatisfy { $0.severity == .info })
        for rule in [TargetsMonotoneRule(), TargetsMissingRule(), FormulaMissingRule()] as [any Rule] {
            #expect(!Self.at(lint(rule), table: 1, row: 4), "\(rule.description.id)")
        }
        for rule in [TargetsMonotoneRule(), TargetsMissingRule()] as [any Rule] {
            #expect(!Self.at(lint(rule), table: 2, row: 4), "\(rule.description.id)")
        }
    }

    @Test(arguments: Corpus.forms("setda-luwutimur-iku-2021-2026"))
    func setda(path: String) throws {
        let lint = try Self.linter(path)
        #expect(Self.at(lint(TargetsMissingRule()), table: 1))
        for rule in [PICMissingRule(), FormulaMissingRule()] as [any Rule] {
            let found = lint(rule)
            #expect(!Self.at(found, table: 1, row: 3) && !Self.at(found, table: 1, row: 4), "\(rule.description.id)")
        }
    }

    @Test(arguments: Corpus.forms("towuti-lakip-2023"))
    func towuti(path: String) throws {
        let lint = try Self.linter(path)
        let monotone = lint(TargetsMonotoneRule())
        let finding = try #require(monotone.first { $0.location.table == 5 && $0.location.row == 6 })
        #expect(finding.location.column == 9)
        #expect(finding.actual == "73.5" && finding.expected == "≥ 74,5")
        #expect(monotone.count == 1)
        // The Renstra table's kondisi akhir is the 2026 target in every row.
        #expect(!Self.at(lint(FinalTargetMismatchRule()), table: 5))
    }

    @Test(arguments: ["iku-clean-7-00", "iku-clean-7-01", "lakip-clean-7-00", "lakip-clean-7-01"])
    func cleanDocumentsDrawNothing(name: String) throws {
        let lint = try Self.linter(Corpus.path("clean/\(name).docx"))
        let rules: [any Rule] = [FormulaMissingRule(), FormulaUnitMismatchRule(), PICMissingRule(), SmartIndicatorRule(),
                                 TargetsMissingRule(), TargetsMonotoneRule(), TargetsFlatRule(),
                                 FinalTargetMismatchRule(), ValueRangeRule()]
        for rule in rules {
            let found = lint(rule)
            #expect(found.isEmpty, "\(rule.description.id): \(found.map(\.message.en))")
        }
    }
}

// MARK: - Edge cases

@Suite("Indicator rules")
struct IndicatorRuleTests {
    // MARK: Words

    @Test func phrasesMatchInOrderWithGaps() {
        let words = RuleText.words("Persentase pengaduan masyarakat yang belum ditindaklanjuti")
        let phrase = RuleText.words("pengaduan yang belum ditindaklanjuti")
        #expect(IndicatorWords.find(phrase, in: words) == nil)
        #expect(IndicatorWords.find(phrase, in: words, maxGap: 2) == 1..<6)
        #expect(RuleText.words("Rata-rata (IKM)") == ["rata", "rata", "ikm"])
        #expect(IndicatorWords.withoutLeadingMarks("- Indeks Kepuasan") == "Indeks Kepuasan")
        #expect(IndicatorWords.withoutLeadingMarks("1. Jumlah desa") == "Jumlah desa")
        #expect(IndicatorWords.isBlank(" – ") && !IndicatorWords.isBlank("0"))
    }

    @Test func formulaTokensReadMarksAndFactors() {
        #expect(FormulaText("A/B x100%").tokens == ["a", "/", "b", "x", "100", "%"])
        #expect(FormulaText("dikali 100,00 persen").tokens == ["dikali", "100", "persen"])
        #expect(FormulaText("Max 3.5").words == ["max", "3.5"])
    }

    // MARK: formula-missing

    @Test func formulaMissingTellsSourcesFromMethods() {
        let found = findings(FormulaMissingRule(), """
            | No | Sasaran | Indikator | Formula Perhitungan | Penanggung Jawab |
            |---|---|---|---|---|
            | 1 | Meningkatnya akuntabilitas | Nilai LAKIP | Nilai Lakip dari Pemerintah Daerah | Sekretaris |
            | 2 | Meningkatnya akuntabilitas | Nilai AKIP | Hasil Evaluasi AKIP dari KEMENPAN RB | Sekretaris |
            | 3 | Meningkatnya pelayanan | Nilai IKM | IKM unit pelayanan X 25 | Seksi Pelayanan |
            | 4 | Meningkatnya pelayanan | Jumlah layanan | - | Seksi Pelayanan |
            """)
        #expect(places(found) == ["1/2", "1/5"])
        #expect(found.allSatisfy { $0.location.column == 4 && $0.severity == .error })
        #expect(found.first?.evidence == "Nilai Lakip dari Pemerintah Daerah")
        #expect(found.last?.evidence == "Jumlah layanan")
    }

    @Test func aDefinitionColumnHoldingFormulasServesAsTheFormula() {
        let found = findings(FormulaMissingRule(), """
            | No | Indikator Kinerja Utama | Penjelasan | Penanggung Jawab |
            |---|---|---|---|
            | 1 | Persentase desa tertib | Jumlah desa tertib dibagi jumlah desa x 100% | Seksi Pemerintahan |
            | 2 | Jumlah laporan | Laporan dari seksi | Sekcam |
            | 3 | Persentase ASN bersertifikat | ASN bersertifikat / seluruh ASN x 100% | Sekcam |
            """)
        #expect(places(found) == ["1/3"])
    }

    @Test func anIKUTableWithoutFormulaColumnIsReportedOnce() {
        let found = findings(FormulaMissingRule(), """
            | No | Indikator Kinerja Utama | Sumber Data | Penanggung Jawab |
            |---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | Survei | Camat |
            | 2 | Nilai SAKIP | Inspektorat | Sekcam |
            """)
        #expect(places(found) == ["1/1"])
        #expect(found.first?.evidence.contains("Sumber Data") == true)
    }

    @Test func anIKUDocumentWithoutTheIKUFormIsHeldToIt() {
        let table = """
            # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

            | No | Sasaran | Indikator Kinerja Utama | Target 2024 | Target 2025 |
            |---|---|---|---|---|
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 80 | 82 |
            """
        #expect(places(findings(PICMissingRule(), table)) == ["1/1"])
        #expect(places(findings(FormulaMissingRule(), table)) == ["1/1"])
        // The same table in a Perjanjian Kinerja is complete.
        let pk = table.replacingOccurrences(of: "# Indikator Kinerja Utama", with: "# Perjanjian Kinerja")
        #expect(findings(PICMissingRule(), pk, kind: .pk).isEmpty)
    }

    // MARK: pic-missing

    @Test func anIKUFormIsCompleteWhenAnotherTableNamesTheOwners() {
        let document = """
            # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

            | No | Sasaran | Indikator Kinerja Utama | Target 2024 | Target 2025 | Target 2026 | Penanggung Jawab |
            |---|---|---|---|---|---|---|
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat (IKM) | 80 | 82 | 84 | Seksi Pelayanan |

            Tabel 2 Definisi operasional

            | No | Indikator Kinerja Utama | Definisi Operasional | Formula Perhitungan | Sumber Data |
            |---|---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | Kepuasan atas layanan | Nilai per unsur dibagi unsur x 25 | Survei |
            """
        #expect(findings(PICMissingRule(), document).isEmpty)
        #expect(findings(FormulaMissingRule(), document).isEmpty)
        #expect(findings(TargetsMissingRule(), document).isEmpty)
    }

    @Test func aMergedPICCellIsFilledAndARepeatedHeaderIsNoIndicator() {
        let header = ["Kinerja Utama", "Indikator Kinerja Utama", "Formulasi Perhitungan IKU", "Penanggung Jawab"]
        let found = findings(PICMissingRule(), grids: [[
            header,
            ["Meningkatnya pelayanan", "Indeks Kepuasan Masyarakat", "Nilai per unsur dibagi unsur x 25", "Camat"],
            ["^", "Persentase layanan tepat waktu", "Layanan tepat waktu dibagi layanan x 100%", "^"],
            header,
            ["Meningkatnya ketertiban", "Persentase pos kamling aktif", "Pos aktif dibagi pos x 100%", ""],
        ]])
        #expect(places(found) == ["1/5"])
        #expect(found.first?.location.column == 4)
        #expect(found.first?.evidence == "Persentase pos kamling aktif")
    }

    // MARK: smart-indicator

    @Test func smartIndicatorReasons() {
        let found = findings(SmartIndicatorRule(), """
            | No | Sasaran | Indikator | Satuan | Target 2024 |
            |---|---|---|---|---|
            | 1 | Tersedianya Barang Cetak | Tersedianya Barang Cetak | Paket | 10 |
            | 2 | Meningkatnya kualitas pelayanan publik | Kualitas pelayanan publik | | 80 |
            | 3 | Meningkatnya kualitas pelayanan publik | - Indeks Kepuasan Masyarakat | | 80 |
            | 4 | Meningkatnya ketertiban | Banyaknya pos kamling aktif | | 12 |
            | 5 | Meningkatnya partisipasi | Peserta musrenbang (orang) | | 120 |
            """, kind: .renstra)
        #expect(places(found) == ["1/2", "1/3"])
        #expect(found.first?.message.en.contains("repeats its sasaran") == true)
        #expect(found.first?.message.en.contains("outcome") == true)
        #expect(found.last?.message.en.contains("no measure word") == true)
    }

    @Test func theSasaranIsCarriedDownToTheRowsBelow() {
        let found = findings(SmartIndicatorRule(), """
            | No | Sasaran | Indikator | Satuan |
            |---|---|---|---|
            | 1 | Tersedianya data desa | Jumlah desa dengan data lengkap | Desa |
            | 2 | | Tersedianya data desa | Desa |
            """, kind: .renstra)
        #expect(places(found) == ["1/3"])
        #expect(found.first?.message.en.contains("repeats its sasaran (\"Tersedianya data desa\")") == true)
    }

    // MARK: targets-monotone

    @Test func polarityFromWordsHandlingAndNegation() {
        let found = findings(TargetsMonotoneRule(), """
            | No | Sasaran | Indikator | Target 2024 | Target 2025 | Target 2026 |
            |---|---|---|---|---|---|
            | 1 | Menurunnya gangguan | Persentase pengaduan masyarakat yang belum ditindaklanjuti | 20 | 17 | 14 |
            | 2 | Menurunnya gangguan | Persentase pengaduan masyarakat yang belum ditindaklanjuti | 14 | 17 | 20 |
            | 3 | Meningkatnya ketertiban | Persentase pelanggaran Perda yang ditangani | 80 | 70 | 90 |
            | 4 | Meningkatnya ketertiban | Persentase pelanggaran Perda yang ditangani | 70 | 80 | 90 |
            | 5 | Menurunnya kemiskinan | Persentase penurunan angka kemiskinan | 2 | 1,5 | 1 |
            | 6 | Menurunnya gangguan ketertiban | Persentase desa aman | 90 | 85 | 80 |
            | 7 | Meningkatnya akuntabilitas | Predikat SAKIP | B | BB | B |
            | 8 | Meningkatnya akuntabilitas | Nilai LAKIP | 70.1 | 74,5 | 73.5 |
            """, kind: .renstra)
        #expect(places(found) == ["1/3", "1/4", "1/6", "1/8", "1/9"])
        let lakip = found.last
        #expect(lakip?.location.column == 6)
        #expect(lakip?.expected == "≥ 74,5" && lakip?.actual == "73.5")
        #expect(found[0].message.en.contains("rise"))
        #expect(found[1].message.en.contains("fall"))
    }

    @Test func aSeriesThatOnlyFallsIsJudgedOnlyForSurelyPositiveIndicators() {
        let found = findings(TargetsMonotoneRule(), """
            | No | Indikator | Target 2024 | Target 2025 | Target 2026 |
            |---|---|---|---|---|
            | 1 | Persentase rumah tidak layak huni | 30 | 25 | 20 |
            | 2 | Persentase jalan dalam kondisi mantap | 60 | 55 | 50 |
            | 3 | Nilai SAKIP | 70 | 68 | 66 |
            | 4 | Persentase jalan dalam kondisi mantap | 60 | 55 | 65 |
            """, kind: .renstra)
        #expect(places(found) == ["1/4", "1/5"])
    }

    @Test func theKondisiAwalAndBlankYearsAreNotTargets() {
        let found = findings(TargetsMonotoneRule(), """
            | No | Indikator | Kondisi Awal | Target 2024 | Target 2025 | Target 2026 |
            |---|---|---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | 90 | 78 | - | 80 |
            """, kind: .renstra)
        #expect(found.isEmpty)
    }

    // MARK: targets-flat

    @Test func flatNeedsEveryYearFilledAndEnoughYears() {
        let found = findings(TargetsFlatRule(), """
            # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

            | No | Indikator | Target 2024 | Target 2025 | Target 2026 |
            |---|---|---|---|---|
            | 1 | Nilai SAKIP | 70 | 70,0 | 70 |
            | 2 | Nilai SAKIP | 70 | - | 70 |
            | 3 | Predikat SAKIP | BB | BB | bb |
            | 4 | Indeks Kepuasan | 80 | 80 | 81 |
            """)
        #expect(places(found) == ["1/2", "1/4"])
        let twoYears = findings(TargetsFlatRule(), """
            | No | Indikator | Target 2025 | Target 2026 |
            |---|---|---|---|
            | 1 | Nilai SAKIP | 70 | 70 |
            """)
        #expect(twoYears.isEmpty)
    }

    // MARK: targets-missing

    @Test func missingYearsAndBlankTargets() {
        let found = findings(TargetsMissingRule(), """
            # Rencana Strategis Kecamatan Maju Tahun 2021-2026

            | No | Indikator | Target 2022 | Target 2023 | Target 2025 | Target 2026 |
            |---|---|---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | 77 | - | 80 | 81 |
            | 2 | Nilai SAKIP | 60 | 62 | 64 | 66 |
            """, kind: .renstra)
        // 2021 is the baseline of a six-year RPJMD-aligned period; 2024 has no column; row 2 lacks 2023.
        #expect(places(found) == ["1/1", "1/2"])
        #expect(found.first?.message.en.contains("no column for 2024 ") == true)
        #expect(found.last?.message.en.contains("no target for 2023") == true)
        #expect(found.last?.location.column == 4)
    }

    @Test func singleYearTablesNeedOneTarget() {
        let found = findings(TargetsMissingRule(), """
            # Perjanjian Kinerja Kecamatan Maju Tahun 2024

            | No | Sasaran Strategis | Indikator Kinerja | Target |
            |---|---|---|---|
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 80 |
            | 2 | Meningkatnya akuntabilitas | Nilai SAKIP | |
            """, kind: .pk)
        #expect(places(found) == ["1/3"])
    }

    // MARK: final-target-mismatch

    @Test func kondisiAkhirAgainstTheLastTargetOrTheSum() {
        let found = findings(FinalTargetMismatchRule(), """
            | No | Indikator | Satuan | Target 2024 | Target 2025 | Target 2026 | Kondisi Akhir |
            |---|---|---|---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | Nilai | 80 | 82 | 84,5 | 84,50 |
            | 2 | Indeks Kepuasan Masyarakat | Nilai | 80 | 82 | 84,5 | 84 |
            | 3 | Jumlah kader terlatih | Orang | 10 | 20 | 30 | 60 |
            | 4 | Jumlah kader terlatih | Orang | 10 | 20 | 30 | 30 |
            | 5 | Anggaran program | Rp | 1.500.000 | 2.000.000 | 2.500.000,50 | 6.000.000 |
            | 6 | Jumlah kader terlatih | Orang | 10 | 20 | 30 | 50 |
            """, kind: .renstra)
        #expect(places(found) == ["1/3", "1/6", "1/7"])
        #expect(found[0].expected == "84,5" && found[0].actual == "84")
        #expect(found[1].expected == "6.000.000,50")
        #expect(found[2].expected == "30")
        #expect(FinalTargetMismatchRule.indonesian(ParsedNumber(mantissa: -123456789, decimals: 2, isCurrency: true))
                == "-Rp 1.234.567,89")
    }

    @Test func onlyPlanTablesReachingThePeriodEndAreCompared() {
        let report = findings(FinalTargetMismatchRule(), """
            # Laporan Kinerja Kecamatan Maju Tahun 2023

            | No | Indikator | Target 2022 | Target 2023 | Realisasi 2023 | Kondisi Akhir Renstra |
            |---|---|---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | 77,1 | 78,5 | 84,05 | 84,1 |
            """, kind: .lakip)
        #expect(report.isEmpty)
        let shortPlan = findings(FinalTargetMismatchRule(), """
            # Rencana Strategis Kecamatan Maju Tahun 2021-2026

            | No | Indikator | Target 2022 | Target 2023 | Kondisi Akhir |
            |---|---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | 77,1 | 78,5 | 84,1 |
            """, kind: .renstra)
        #expect(shortPlan.isEmpty)
    }

    // MARK: value-range

    @Test func rangesByIndicatorKind() {
        let found = findings(ValueRangeRule(), """
            | No | Indikator | Satuan | Kondisi Awal | Target | Realisasi | Capaian (%) |
            |---|---|---|---|---|---|---|
            | 1 | Persentase desa tertib | % | 90 | 100 | 101,5 | 101,5 |
            | 2 | Persentase capaian kinerja program | % | 90 | 100 | 114,5 | 114,5 |
            | 3 | Persentase peningkatan nilai IKM | % | 0,62 | 1,47 | 130 | 88 |
            | 4 | Indeks Kepuasan Masyarakat (IKM) | Nilai | 24 | 80 | 84 | 105 |
            | 5 | Jumlah kasus yang difasilitasi | Kasus | 0 | 10 | -2 | 0 |
            | 6 | Cakupan layanan | % | 50 | 120 | 60 | 50 |
            | 7 | Nilai SAKIP | Nilai | 60 | 70 | 171 | 244 |
            """, kind: .lakip)
        #expect(found.map { "\($0.location.row ?? 0)/\($0.location.column ?? 0)" } == ["2/6", "5/4", "6/6", "7/5"])
        #expect(found[0].expected == "0–100" && found[0].actual == "101,5")
        #expect(found[1].expected == "25–100")
        #expect(found[2].expected == "≥ 0")
    }

    // MARK: Settings and size

    @Test func severitiesComeFromTheRuleSets() throws {
        let iku = try RuleSetLibrary.load("iku")
        #expect(iku.isEnabled("targets-monotone") && iku.isEnabled("smart-indicator") && iku.isEnabled("formula-missing"))
        #expect(iku.severity(of: "targets-flat", default: .error) == .info)
        let lakip = try RuleSetLibrary.load("lakip")
        #expect(lakip.isEnabled("targets-monotone") && lakip.isEnabled("final-target-mismatch"))
        #expect(!lakip.isEnabled("targets-flat") && !lakip.isEnabled("smart-indicator"))
        let base = try RuleSetLibrary.load("base")
        #expect(!base.isEnabled("targets-monotone") && base.isEnabled("value-range"))
        #expect(base.parameters(of: "targets-monotone")["reversal_words"]?.strings?.contains("ditangani") == true)
    }

    @Test func theRulesTakeLinearTime() throws {
        func document(rows: Int) -> Document {
            var lines = ["| No | Sasaran | Indikator | Target 2024 | Target 2025 | Target 2026 | Formula Perhitungan | Penanggung Jawab |",
                         "|---|---|---|---|---|---|---|---|"]
            for index in 1...rows {
                lines.append("| \(index) | Meningkatnya layanan \(index) | Jumlah layanan \(index) | \(index) | \(index + 1) | "
                             + "\(index + 2) | Jumlah layanan dibagi target x 100% | Seksi \(index) |")
            }
            return ExampleRunner.document(for: RuleExample(lines.joined(separator: "\n")))
        }
        let ruleSet = try RuleSetLibrary.load("iku")
        let rules: [any Rule] = [FormulaMissingRule(), FormulaUnitMismatchRule(), PICMissingRule(), SmartIndicatorRule(),
                                 TargetsMissingRule(), TargetsMonotoneRule(), TargetsFlatRule(),
                                 FinalTargetMismatchRule(), ValueRangeRule()]
        /// The fastest of three runs of every rule, and how many findings they made.
        func measure(_ document: Document) -> (Duration, Int) {
            var best = Duration.seconds(3600)
            var count = 0
            for _ in 0..<3 {
                count = 0
                let elapsed = ContinuousClock().measure {
                    for rule in rules {
                        let id = rule.description.id
                        count += rule.check(RuleContext(document: document, ruleID: id, severity: .warning,
                                                        parameters: ruleSet.parameters(of: id),
                                                        vocabulary: ruleSet.vocabulary, terms: ruleSet.terms)).count
                    }
                }
                best = min(best, elapsed)
            }
            return (best, count)
        }
        let (small, smallCount) = measure(document(rows: 500))
        let (large, largeCount) = measure(document(rows: 4000))
        // Every "Jumlah … x 100%" is a unit mismatch, nothing else is wrong.
        #expect(smallCount == 500 && largeCount == 4000)
        // Eight times the rows: linear work takes about eight times as long, quadratic sixty-four.
        #expect(large < small * 24 + .milliseconds(200), "500 rows: \(small), 4000 rows: \(large)")
    }
}
