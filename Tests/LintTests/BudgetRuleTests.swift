import Foundation
import Testing
@testable import Lint
@testable import Rules

// MARK: - Helpers

/// Findings of one rule on a Markdown snippet, with the LAKIP rule set (the way `check` runs it).
private func findings(_ rule: any Rule, _ markdown: String) -> [Finding] {
    ExampleRunner.findings(of: rule, on: RuleExample(markdown, kind: .lakip)).filter { $0.rule == rule.description.id }
}

/// "table/row" and "table/row/column" keys of findings, for compact expectations.
private func places(_ findings: [Finding], column: Bool = false) -> [String] {
    findings.map { finding in
        let location = finding.location
        var key = "\(location.table ?? 0)/\(location.row ?? 0)"
        if column { key += "/\(location.column ?? 0)" }
        return key
    }
}

/// The corpus, read in place: the package root is three levels above this file.
private let corpusRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/corpus").standardizedFileURL.path

private func corpusFindings(_ rule: any Rule, _ relativePath: String) throws -> [Finding] {
    let document = try DocumentLoader.load(path: corpusRoot + "/" + relativePath)
    return Linter(rules: [rule]).lint(document, with: try RuleSetLibrary.load("lakip"))
}

private let towutiForms = ["docx/towuti-lakip-2023.docx", "docx-lo/towuti-lakip-2023.docx", "xml/towuti-lakip-2023.xml"]
private let cleanDocuments = ["clean/lakip-clean-7-00.docx", "clean/lakip-clean-7-01.docx",
                              "clean/iku-clean-7-00.docx", "clean/iku-clean-7-01.docx"]

// MARK: - Corpus

@Suite("Budget rules: corpus")
struct BudgetRuleCorpusTests {
    /// APPROACH.md: the hierarchy reproduces every sum of the Towuti LKjIP and finds exactly its real errors.
    @Test(arguments: towutiForms)
    func towutiSums(path: String) throws {
        let found = try corpusFindings(SumMismatchRule(), path)
        #expect(places(found, column: true).sorted() == ["65/10/3", "65/10/4", "68/15/3", "70/12/4"])
        let gaji = try #require(found.first { $0.location.table == 65 && $0.location.column == 3 })
        #expect(gaji.expected == "2.294.120.184")
        #expect(gaji.actual == "2.294.120.181")
        let rapat = try #require(found.first { $0.location.table == 70 })
        #expect(rapat.expected == "276.659.480")
        #expect(rapat.actual == "273.659.480")
        // must_not: Penyusunan Dokumen Perencanaan, the Belanja total, the JUMLAH row of Tabel 1.1.
        for place in ["63/3", "62/4", "1/12"] { #expect(!places(found).contains(place)) }
    }

    @Test(arguments: towutiForms)
    func towutiSerapan(path: String) throws {
        let found = try corpusFindings(SerapanMismatchRule(), path)
        #expect(places(found).sorted() == ["70/15", "77/8", "78/11"])
        let rapat = try #require(found.first { $0.location.table == 70 })
        #expect(rapat.expected == "99,98")
        #expect(rapat.actual == "99,89")
        #expect(!places(found).contains("63/5"))
    }

    @Test(arguments: towutiForms)
    func towutiCodes(path: String) throws {
        let found = places(try corpusFindings(CodeSequenceRule(), path))
        #expect(found.contains("74/4") || found.contains("73/10"), "sub kegiatan 02 twice under Pemeliharaan BMD")
        #expect(found.contains("73/4"), "kegiatan codes 07 then 09")
    }

    @Test(arguments: towutiForms)
    func towutiMeansAddUp(path: String) throws {
        // Towuti states programme capaian as means (114,5 for 114,52) and they agree: nothing to report.
        #expect(try corpusFindings(AverageMismatchRule(), path).isEmpty)
    }

    @Test(arguments: cleanDocuments)
    func cleanDocumentsDrawNothing(path: String) throws {
        for rule in [SumMismatchRule(), SerapanMismatchRule(), AverageMismatchRule(), CodeSequenceRule()] as [any Rule] {
            let found = try corpusFindings(rule, path)
            #expect(found.isEmpty, "\(rule.description.id) on \(path): \(found.map(\.message.en))")
        }
    }
}

// MARK: - sum-mismatch

@Suite("Budget rules: sum-mismatch")
struct SumMismatchTests {
    let rule = SumMismatchRule()

    @Test func parentChecksUseWrittenChildTotals() {
        // The kegiatan adds its sub kegiatan as written (1.500.000 + 500.000); only the sub is wrong.
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) | Realisasi (Rp) |
        |---|---|---|---|
        | 01 | Administrasi Keuangan | 2.000.000 | 1.900.000 |
        | 01 | Penyediaan Gaji | 1.500.000 | 1.400.000 |
        |  | Belanja Gaji Pokok | 1.000.000 | 950.000 |
        |  | Belanja Tunjangan | 500.003 | 450.000 |
        | 02 | Laporan Keuangan | 500.000 | 500.000 |
        |  | Belanja ATK | 500.000 | 500.000 |
        """)
        #expect(places(found, column: true) == ["1/3/3"])
        #expect(found.first?.expected == "1.500.003")
        #expect(found.first?.actual == "1.500.000")
        #expect(found.first?.message.en.contains("difference of 3") == true)
    }

    @Test func wholeRupiahAddExactly() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Penyediaan Gaji | 1.000.001,00 |
        |  | Belanja Gaji Pokok | 500.000,00 |
        |  | Belanja Tunjangan | 500.000,00 |
        """)
        #expect(found.count == 1)
    }

    @Test func malformedGroupingStillAddsItsDigits() {
        // `11680.000` is malformed for number-format, but its digits are 11.680.000 rupiah.
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Pendataan Kepegawaian | 11.973.000 |
        |  | Belanja ATK | 293.000 |
        |  | Belanja Perjalanan Dinas | 11680.000 |
        """)
        #expect(found.isEmpty)
    }

    @Test func namedLevelsAndTheRoot() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 5.2 | Belanja | 300 |
        | 01 | Program Penunjang | 100 |
        | 01 | Administrasi Umum | 100 |
        | 01 | Penyediaan ATK | 100 |
        |  | Belanja ATK | 100 |
        | 02 | Program Pelayanan Publik | 150 |
        | 01 | Kegiatan Pelayanan | 150 |
        | 01 | Pelayanan Terpadu | 150 |
        |  | Belanja Cetak | 150 |
        """)
        // Programs 100 + 150 = 250, not 300.
        #expect(places(found) == ["1/2"])
        #expect(found.first?.expected == "250")
    }

    @Test func nationalCodesGiveTheLevel() {
        let found = findings(rule, """
        | Kode | Program/Kegiatan/Sub Kegiatan | Pagu (Rp) |
        |---|---|---|
        | 7.01 | Urusan Kewilayahan | 250 |
        | 7.01.01 | Penunjang Urusan Pemerintahan | 250 |
        | 7.01.01.2.01 | Perencanaan dan Evaluasi | 100 |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan | 60 |
        | 7.01.01.2.01.0002 | Evaluasi Kinerja | 40 |
        | 7.01.01.2.02 | Administrasi Keuangan | 160 |
        | 7.01.01.2.02.0001 | Penyediaan Gaji | 160 |
        """)
        // Kegiatan 100 + 160 = 260, not the 250 of the program.
        #expect(places(found) == ["1/3"])
        #expect(found.first?.expected == "260")
    }

    @Test func subKegiatanWithoutLinesTakesItsSiblingsLevel() {
        // Sub kegiatan 02 has no lines; it is still a sibling of 01, not a kegiatan.
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Administrasi Umum | 300 |
        | 01 | Penyediaan ATK | 100 |
        |  | Belanja ATK | 100 |
        | 02 | Penyediaan Bahan Logistik | 200 |
        """)
        #expect(found.isEmpty)
    }

    @Test func listItemsDetailThePlainLineAbove() {
        let found = findings(rule, """
        | NO | URAIAN | ANGGARAN (Rp) | REALISASI (Rp) |
        |---|---|---|---|
        | 1 | Pendapatan Asli Daerah (PAD) | 68.380.000 | 79.367.000 |
        |  | Pendapatan Retribusi Daerah | 68.380.000 | 79.367.000 |
        |  | - Lods | 8.400.000 | 12.540.000 |
        |  | - Kios | 47.500.000 | 57.360.000 |
        |  | - Pelataran | 12.480.000 | 9.467.000 |
        """)
        #expect(found.isEmpty)
    }

    @Test func flatLinesThatSubtotalTheLinesAfterThem() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Penyediaan Gaji | 100.000 |
        |  | Belanja Gaji | 60.000 |
        |  | Gaji Pokok | 40.000 |
        |  | Tunjangan | 20.000 |
        |  | Belanja Honor | 40.000 |
        """)
        #expect(found.isEmpty)
    }

    @Test func restartedNumberingMeansAMissingParent() {
        // 01, 02 then 01 again under one kegiatan: the row heading the second run is missing, so the
        // kegiatan's parts are unknown and it is not checked (no false alarm for 300 ≠ 100 + 100 + 50).
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Program Penunjang | 300 |
        | 01 | Administrasi Umum | 200 |
        | 01 | Penyediaan ATK | 100 |
        |  | Belanja ATK | 100 |
        | 02 | Penyediaan Cetak | 100 |
        |  | Belanja Cetak | 100 |
        | 01 | Pemeliharaan Mebel | 50 |
        |  | Belanja Pemeliharaan | 50 |
        """)
        #expect(found.isEmpty)
    }

    @Test func totalsWrittenUnderTheirPartsAreNotParts() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Penyediaan ATK | 100 |
        |  | Belanja ATK | 60 |
        |  | Belanja Kertas | 40 |
        |  | Jumlah Sub Kegiatan Penyediaan ATK | 100 |
        """)
        #expect(found.isEmpty)
    }

    @Test func aTableCutShortByAPageSplitIsNotATotalError() {
        // The program's second kegiatan is in the next table (split at a page break, header repeated with
        // different words so the tables are not joined): the first part alone is short, not wrong.
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) |
        |---|---|---|
        | 01 | Program Penunjang | 300 |
        | 01 | Administrasi Umum | 100 |
        | 01 | Penyediaan ATK | 100 |
        |  | Belanja ATK | 100 |

        | Kode | Program / Kegiatan | Anggaran |
        |---|---|---|
        | 02 | Administrasi Keuangan | 200 |
        | 01 | Penyediaan Gaji | 200 |
        |  | Belanja Gaji | 200 |
        """)
        #expect(found.isEmpty)
    }

    @Test func totalRowsAndSubtotals() {
        let found = findings(rule, """
        | No | Uraian | Jumlah Desa | Jumlah Dusun |
        |---|---|---|---|
        | 1 | Wilayah Utara | 4 | 10 |
        | 2 | Wilayah Selatan | 5 | 12 |
        | Sub Total |  | 9 | 22 |
        | 3 | Wilayah Timur | 3 | 7 |
        | Sub Total |  | 3 | 7 |
        | JUMLAH |  | 12 | 30 |
        """)
        // 22 + 7 = 29, not 30; 12 = 9 + 3.
        #expect(places(found, column: true) == ["1/7/4"])
        #expect(found.first?.expected == "29")
    }

    @Test func totalRowsSkipPercentagesAndMeans() {
        let found = findings(rule, """
        | No | Indikator | Jumlah | Persentase Capaian | Nilai |
        |---|---|---|---|---|
        | 1 | A | 4 | 80,5 | 70 |
        | 2 | B | 6 | 91,5 | 80 |
        | JUMLAH |  | 10 | 86 | 75 |
        """)
        #expect(found.isEmpty)
    }

    @Test func totalColumnsForGenderPairs() {
        let found = findings(rule, """
        | NO | GOLONGAN | S1 | | D3 | | TOTAL | |
        | | | L | P | L | P | L | P |
        |---|---|---|---|---|---|---|---|
        | 1 | IV | 1 | 2 | 0 | 1 | 1 | 3 |
        | 2 | III | 2 | 2 | 1 | 1 | 4 | 3 |
        """)
        #expect(places(found, column: true) == ["1/4/7"])
        #expect(found.first?.expected == "3")
        #expect(found.first?.message.en.contains("S1 L + D3 L") == true)
    }

    @Test func lPlusPColumn() {
        let found = findings(rule, """
        | No | Golongan | L | P | L+P |
        |---|---|---|---|---|
        | 1 | IV | 1 | 2 | 3 |
        | 2 | III | 2 | 2 | 5 |
        """)
        #expect(places(found, column: true) == ["1/3/5"])
    }

    @Test func totalColumnInsideAWholeTableTitleIsNotATotal() {
        // "Total" under a title spanning every column, in the middle: not a sum of its neighbours.
        let found = findings(rule, """
        | Ringkasan | | | | |
        | Strata | Perlakuan | Total | Gagal | Sensor |
        |---|---|---|---|---|
        | 1 | 1 | 48 | 29 | 19 |
        """)
        #expect(found.isEmpty)
    }

    @Test func remainderIsPaguMinusRealisasi() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) | Realisasi (Rp) | Sisa Anggaran (Rp) |
        |---|---|---|---|---|
        | 1 | Belanja ATK | 215.000 | 195.500 | 19.500 |
        | 2 | Belanja Cetak | 1.255.700 | 1.200.000 | 55.000 |
        """)
        #expect(places(found, column: true) == ["1/3/5"])
        #expect(found.first?.expected == "55.700")
    }

    @Test func roundedMillionsGetARoundingTolerance() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp Juta) |
        |---|---|---|
        | 01 | Administrasi Umum | 3,5 |
        |  | Belanja ATK | 1,2 |
        |  | Belanja Cetak | 2,4 |
        """)
        #expect(found.isEmpty)
    }

    @Test func indonesianFormatting() {
        #expect(BudgetNumber.indonesian(2_294_120_184, decimals: 0) == "2.294.120.184")
        #expect(BudgetNumber.indonesian(99.978, decimals: 2) == "99,98")
        #expect(BudgetNumber.indonesian(-1500.5, decimals: 1) == "-1.500,5")
        #expect(BudgetNumber.indonesian(999, decimals: 0) == "999")
        #expect(BudgetNumber.displayDecimals(15_790_500, shown: 2) == 0)
        #expect(BudgetNumber.displayDecimals(90.909, shown: 2) == 2)
    }

    @Test func codes() {
        #expect(BudgetCode("01")?.groups == [1])
        #expect(BudgetCode("01")?.isPadded == true)
        #expect(BudgetCode("1")?.isPadded == false)
        #expect(BudgetCode("5,2")?.groups == [5, 2])
        #expect(BudgetCode("7.01.02.2.01.0001")?.groups.count == 6)
        #expect(BudgetCode("7.01.02")?.isNational == true)
        #expect(BudgetCode("1.1")?.isNational == false)
        #expect(BudgetCode("16.")?.groups == [16])
        #expect(BudgetCode("Program") == nil)
        #expect(BudgetCode("1.234.567") == nil || BudgetCode("1.234.567")?.groups.count == 3)
        #expect(BudgetCode("") == nil)
    }
}

// MARK: - serapan-mismatch

@Suite("Budget rules: serapan-mismatch")
struct SerapanMismatchTests {
    let rule = SerapanMismatchRule()

    @Test func roundingAndTruncationAreAccepted() {
        #expect(SerapanMismatchRule.accepts(written: ParsedNumber(mantissa: 9093, decimals: 2), true: 90.9302, extra: 0))
        #expect(SerapanMismatchRule.accepts(written: ParsedNumber(mantissa: 9090, decimals: 2), true: 90.909, extra: 0))
        #expect(SerapanMismatchRule.accepts(written: ParsedNumber(mantissa: 100), true: 99.996, extra: 0))
        #expect(!SerapanMismatchRule.accepts(written: ParsedNumber(mantissa: 9989, decimals: 2), true: 99.978, extra: 0))
        #expect(SerapanMismatchRule.accepts(written: ParsedNumber(mantissa: 9989, decimals: 2), true: 99.978, extra: 0.1))
    }

    @Test func capaianColumnBesideTheBudget() {
        // Tabel of sasaran with pagu, realisasi and "Capaian (%)": the capaian is the serapan.
        let found = findings(rule, """
        | Sasaran Strategis | Indikator Sasaran | Jumlah Pagu Anggaran | Realisasi Anggaran | Capaian (%) |
        |---|---|---|---|---|
        | Meningkatnya pelayanan | IKM | Rp. 217.267.294,00 | Rp. 215.686.934,00 | 99,27 |
        | Meningkatnya kinerja | Persentase capaian | Rp. 3.596.481.306,00 | Rp. 3.452.818.934,00 | 96,10 |
        """)
        #expect(places(found) == ["1/3"])
        #expect(found.first?.expected == "96,01")
    }

    @Test func aShareColumnIsNotSerapan() {
        // A percentage that disagrees on most rows measures something else (the share of the total).
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) | Realisasi (Rp) | Persentase |
        |---|---|---|---|---|
        | 1 | A | 100 | 90 | 25 |
        | 2 | B | 200 | 180 | 50 |
        | 3 | C | 100 | 100 | 25 |
        """)
        #expect(found.isEmpty)
    }

    @Test func blankAndZeroPaguAreSkipped() {
        let found = findings(rule, """
        | No | Uraian | Pagu (Rp) | Realisasi (Rp) | % |
        |---|---|---|---|---|
        | 1 | A | - | - | 0 |
        | 2 | B | 0 | 0 | 0 |
        """)
        #expect(found.isEmpty)
    }
}

// MARK: - average-mismatch

@Suite("Budget rules: average-mismatch")
struct AverageMismatchTests {
    let rule = AverageMismatchRule()

    @Test func meanOfRoundedChildrenIsAccepted() {
        let written = ParsedNumber(mantissa: 8853, decimals: 2)
        let children = [ParsedNumber(mantissa: 9286, decimals: 2), ParsedNumber(mantissa: 8421, decimals: 2)]
        #expect(AverageMismatchRule.agrees(written: written, values: children, extra: 0))  // 88,535
        #expect(!AverageMismatchRule.agrees(written: ParsedNumber(mantissa: 90), values: children, extra: 0))
    }

    @Test func parentsWithTheirOwnIndicatorsAreLeftAlone() {
        // Most parents are not the mean of their children: the document does not compute means, so the
        // one parent that happens to differ is not reported either.
        let found = findings(rule, """
        | No | Program/Kegiatan | Target | Realisasi | Capaian |
        |---|---|---|---|---|
        | 01 | Program Pelayanan Publik | 80 | 84 | 105 |
        | 01 | Pelayanan Administrasi Terpadu | 100 | 90 | 90 |
        | 02 | Penyelenggaraan Urusan Pemerintahan | 100 | 70 | 70 |
        | 02 | Program Pemberdayaan Desa | 10 | 9 | 90 |
        | 01 | Musrenbang Desa | 100 | 100 | 100 |
        | 02 | Kader PKK | 100 | 40 | 40 |
        | 03 | Program Ketentraman | 10 | 10 | 100 |
        | 01 | Sinergitas dengan Kepolisian | 100 | 100 | 100 |
        | 02 | Harmonisasi Tokoh Agama | 100 | 100 | 100 |
        """)
        #expect(found.isEmpty)
    }

    @Test func meanRowIsAlwaysChecked() {
        let found = findings(rule, """
        | No | Kegiatan | Capaian Kinerja (%) |
        |---|---|---|
        | 1 | Perencanaan | 100 |
        | 2 | Administrasi Keuangan | 90 |
        | RATA-RATA |  | 97 |
        """)
        #expect(places(found) == ["1/4"])
        #expect(found.first?.expected == "95")
    }
}

// MARK: - code-sequence

@Suite("Budget rules: code-sequence")
struct CodeSequenceTests {
    let rule = CodeSequenceRule()

    @Test func programGapsOnlyInBudgetTables() {
        let performance = """
        | No | Program/Kegiatan | Target | Realisasi | Capaian |
        |---|---|---|---|---|
        | 01 | Program Penunjang | 100 | 100 | 100 |
        | 04 | Program Ketentraman | 100 | 90 | 90 |
        """
        #expect(findings(rule, performance).isEmpty)
        let budget = """
        | No | Program/Kegiatan | Pagu (Rp) | Realisasi (Rp) |
        |---|---|---|---|
        | 01 | Program Penunjang | 100 | 100 |
        | 04 | Program Ketentraman | 100 | 90 |
        """
        let found = findings(rule, budget)
        #expect(places(found) == ["1/3"])
        #expect(found.first?.expected == "02")
        // Sub kegiatan codes skip in any table.
        let subs = findings(rule, """
        | No | Program/Kegiatan/Sub Kegiatan | Target | Realisasi | Capaian |
        |---|---|---|---|---|
        | 01 | Program Penunjang | 100 | 100 | 100 |
        | 01 | Administrasi Umum | 100 | 100 | 100 |
        | 01 | Penyediaan ATK | 10 | 10 | 100 |
        | 03 | Penyediaan Cetak | 10 | 10 | 100 |
        """)
        #expect(places(subs) == ["1/5"])
    }

    @Test func rowNumbersInANoColumnAreNotCodes() {
        let found = findings(rule, """
        | No | Kegiatan | Capaian Kinerja (%) |
        |---|---|---|
        | 1 | Perencanaan | 100 |
        | 2 | Administrasi Keuangan | 90 |
        | 2 | Administrasi Umum | 90 |
        | 4 | Pemeliharaan | 90 |
        """)
        #expect(found.isEmpty)
    }

    @Test func codesRunningBackwards() {
        let found = findings(rule, """
        | No | Program/Kegiatan | Pagu (Rp) | Realisasi (Rp) |
        |---|---|---|---|
        | 01 | Program Penunjang | 300 | 300 |
        | 04 | Administrasi Umum | 100 | 100 |
        | 01 | Penyediaan ATK | 100 | 100 |
        |  | Belanja ATK | 100 | 100 |
        | 02 | Administrasi Keuangan | 200 | 200 |
        | 01 | Penyediaan Gaji | 200 | 200 |
        |  | Belanja Gaji | 200 | 200 |
        """)
        #expect(places(found) == ["1/6"])
    }

    @Test func oneProgramTwoCodes() {
        let found = findings(rule, """
        Tabel 3.1

        | No | Program | Target | Realisasi | Capaian |
        |---|---|---|---|---|
        | 01 | Program Pelayanan Publik | 100 | 100 | 100 |

        Tabel 3.2

        | No | Uraian | Pagu (Rp) | Realisasi (Rp) |
        |---|---|---|---|
        | 01 | Program Penunjang Urusan | 100 | 100 |
        | 02 | Program Pelayanan Publik | 100 | 90 |
        """)
        #expect(places(found) == ["1/2"])
        #expect(found.first?.expected == "02")
    }

    @Test func rowNumbersAreNotProgramCodes() {
        // "1" in a No column numbers rows; it is not compared with the program code 02.
        let found = findings(rule, """
        | No | Program | Target | Realisasi | Capaian |
        |---|---|---|---|---|
        | 1 | Program Pelayanan Publik | 100 | 100 | 100 |

        Tabel 3.2

        | No | Uraian | Pagu (Rp) | Realisasi (Rp) |
        |---|---|---|---|
        | 01 | Program Penunjang Urusan | 100 | 100 |
        | 02 | Program Pelayanan Publik | 100 | 90 |
        """)
        #expect(found.isEmpty)
    }
}

