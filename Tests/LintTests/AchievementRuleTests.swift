import Foundation
import Testing
@testable import Lint
@testable import Rules

/// Findings of one rule on a Markdown snippet, linted with the LAKIP rule set.
private func findings(_ rule: any Rule, _ markdown: String) -> [Finding] {
    ExampleRunner.findings(of: rule, on: RuleExample(markdown, kind: .lakip)).filter { $0.rule == rule.description.id }
}

private let heading = "# Laporan Kinerja Kecamatan Maju Tahun 2023\n\n"

/// Findings of one rule with extra settings laid over its LAKIP rule set entry.
private func findings(_ rule: any Rule, _ markdown: String, settings: [(String, SettingValue)]) throws -> [Finding] {
    let document = ExampleRunner.document(for: RuleExample(markdown, kind: .lakip))
    let ruleSet = try RuleSetLibrary.load("lakip")
    let id = rule.description.id
    let parameters = ruleSet.parameters(of: id).merging(Settings(settings.map { (key: $0.0, value: $0.1) }))
    let context = RuleContext(document: document, ruleID: id, severity: .error, parameters: parameters,
                              vocabulary: ruleSet.vocabulary, terms: ruleSet.terms)
    return rule.check(context)
}

@Suite("Achievement rules: arithmetic")
struct AchievementArithmeticTests {
    private func number(_ text: String) throws -> ParsedNumber { try #require(IndonesianNumber.parse(text)) }

    @Test func intervalOfTheShownDecimals() throws {
        #expect(AchievementArithmetic.agrees(try number("94,44"), with: 17.0 / 18 * 100, extra: 0))
        #expect(AchievementArithmetic.agrees(try number("107"), with: 84.05 / 78.5 * 100, extra: 0))
        #expect(AchievementArithmetic.agrees(try number("100.7"), with: 1208.0 / 1200 * 100, extra: 0))
        #expect(!AchievementArithmetic.agrees(try number("91,67"), with: 17.0 / 18 * 100, extra: 0))
        #expect(!AchievementArithmetic.agrees(try number("107,00"), with: 84.05 / 78.5 * 100, extra: 0))
        // The rule set's extra tolerance widens the interval.
        #expect(AchievementArithmetic.agrees(try number("107,00"), with: 84.05 / 78.5 * 100, extra: 0.1))
    }

    @Test func truncationIsAccepted() throws {
        #expect(AchievementArithmetic.agrees(try number("90,90"), with: 20.0 / 22 * 100, extra: 0))
        #expect(AchievementArithmetic.agrees(try number("66,66"), with: 2.0 / 3 * 100, extra: 0))
        // …but only downwards, by less than one unit.
        #expect(!AchievementArithmetic.agrees(try number("90,89"), with: 20.0 / 22 * 100, extra: 0))
        #expect(!AchievementArithmetic.agrees(try number("90,92"), with: 20.0 / 22 * 100, extra: 0))
    }

    @Test func negativePolarityFormulas() throws {
        let target = try number("20"), realisasi = try number("18")
        #expect(AchievementArithmetic.verdict(target: target, realisasi: realisasi, capaian: try number("110"),
                                              negative: true, extra: 0) == nil)
        #expect(AchievementArithmetic.verdict(target: target, realisasi: realisasi, capaian: try number("111,11"),
                                              negative: true, extra: 0) == nil)
        // The positive formula stays accepted ("kasus yang difasilitasi": more is better).
        #expect(AchievementArithmetic.verdict(target: target, realisasi: realisasi, capaian: try number("90"),
                                              negative: true, extra: 0) == nil)
        #expect(AchievementArithmetic.verdict(target: target, realisasi: realisasi, capaian: try number("110"),
                                              negative: false, extra: 0) != nil)
        let wrong = try #require(AchievementArithmetic.verdict(target: target, realisasi: realisasi,
                                                               capaian: try number("105"), negative: true, extra: 0))
        #expect(AchievementNumberFormat.indonesian(wrong.expected) == "110,00")
        #expect(wrong.computed.count == 3)
    }

    @Test func uncheckableNumbers() throws {
        #expect(AchievementArithmetic.verdict(target: try number("0"), realisasi: try number("5"), capaian: try number("0"),
                                              negative: false, extra: 0) == nil)
        #expect(AchievementArithmetic.verdict(target: try number("Rp 100.000"), realisasi: try number("90%"),
                                              capaian: try number("50"), negative: false, extra: 0) == nil)
    }

    @Test func indonesianFormat() {
        #expect(AchievementNumberFormat.indonesian(17.0 / 18 * 100) == "94,44")
        #expect(AchievementNumberFormat.indonesian(20) == "20,00")
        #expect(AchievementNumberFormat.indonesian(3_668_505_868) == "3.668.505.868,00")
        #expect(AchievementNumberFormat.indonesian(0.005) == "0,01")
        #expect(AchievementNumberFormat.indonesian(-1234.5, decimals: 1) == "-1.234,5")
        #expect(AchievementNumberFormat.indonesian(999.999) == "1.000,00")
        #expect(AchievementNumberFormat.indonesian(107, decimals: 0) == "107")
    }
}

@Suite("Achievement rules: capaian-mismatch")
struct CapaianMismatchTests {
    let rule = CapaianMismatchRule()

    @Test func reportsTheCapaianCellWithExpectedAndActual() throws {
        let found = findings(rule, heading + """
            | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
            |---|---|---|---|---|
            | 1 | Jumlah kader PKK Desa yang diberdayakan | 90 | 84 | 93,33 |
            | 2 | Jumlah desa yang tertib administrasinya | 18 | 17 | 91,67% |
            | 3 | Jumlah tamu yang difasilitasi | - | 7.100 | - |
            | 4 | Jumlah rapat | 0 | 0 | 0 |
            """)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.expected == "94,44")
        #expect(finding.actual == "91,67")
        #expect(finding.evidence == "91,67%")
        #expect(finding.location.column == 5)
        #expect(finding.location.table == 1)
        #expect(finding.severity == .error)
        #expect(finding.message.en.contains("17") && finding.message.id.contains("94,44"))
    }

    @Test func negativePolarityFromTheIndicatorWording() {
        let table = heading + """
            | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
            |---|---|---|---|---|
            | 1 | Persentase pengaduan yang belum ditindaklanjuti | 20 | 18 | %@ |
            """
        #expect(findings(rule, table.replacingOccurrences(of: "%@", with: "110")).isEmpty)
        #expect(findings(rule, table.replacingOccurrences(of: "%@", with: "111,11")).isEmpty)
        let wrong = findings(rule, table.replacingOccurrences(of: "%@", with: "104"))
        #expect(wrong.count == 1)
        #expect(wrong.first?.message.en.contains("(2 × target − realisasi)") == true)
    }

    @Test func multiYearTableChecksEachTriple() {
        let found = findings(rule, heading + """
            | Indikator | Target 2021 | Realisasi 2021 | Capaian 2021 | Target 2022 | Realisasi 2022 | Capaian 2022 |
            |---|---|---|---|---|---|---|
            | Indeks Kepuasan Masyarakat | 75,97 | 85,97 | 113,16 | 77,10 | 87,41 | 112,37 |
            """)
        #expect(found.count == 1)
        #expect(found.first?.location.column == 7)
        #expect(found.first?.expected == "113,37")
    }

    @Test func headerRowInsideTheBody() {
        let table = heading + """
            | Sasaran I | Meningkatnya Kemampuan pelayanan publik | | |
            |---|---|---|---|
            | | Tahun 2023 | | |
            | Indikator Kinerja Sasaran | Target | Realisasi | Capaian (%) |
            | Indeks Kepuasan Masyarakat (IKM) | 78,5 | 84,05 | %@ |
            """
        #expect(findings(rule, table.replacingOccurrences(of: "%@", with: "107")).isEmpty)
        let found = findings(rule, table.replacingOccurrences(of: "%@", with: "117"))
        #expect(found.count == 1)
        #expect(found.first?.expected == "107,07")
        #expect(found.first?.location.row == 4)
    }

    @Test func brokenHeaderWordsInsideTheBody() {
        let found = findings(rule, heading + """
            | Sasaran I | Meningkatnya Kemampuan pelayanan publik | | | | | |
            |---|---|---|---|---|---|---|
            | Indikator Kinerja Sasaran | Targ et | Realis asi | Capai an % | Targ et | Realis asi | Capai an % |
            | Indeks Kepuasan Masyarakat | 75,97 | 85,97 | 113,16 | 78,5 | 84,05 | 170 |
            """)
        #expect(found.map(\.location.column) == [7])
    }

    @Test func labelsDownTheLeft() {
        let table = heading + """
            | Uraian | Tahun 2022 | Tahun 2023 |
            |---|---|---|
            | Target | 77,10 | 78,5 |
            | Realisasi | 87,41 | 84,05 |
            | Capaian | 113,37 | %@ |
            """
        #expect(findings(rule, table.replacingOccurrences(of: "%@", with: "107")).isEmpty)
        let found = findings(rule, table.replacingOccurrences(of: "%@", with: "97"))
        #expect(found.count == 1)
        #expect(found.first?.location.column == 3)
        #expect(found.first?.location.row == 4)
    }

    @Test func cappedCapaian() throws {
        let table = heading + """
            | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
            |---|---|---|---|---|
            | 1 | Jumlah partisipasi masyarakat pada musrenbang | 126 | 171 | 120 |
            """
        #expect(findings(rule, table).count == 1)
        #expect(try findings(rule, table, settings: [("max_capaian", .scalar("120"))]).isEmpty)
        #expect(try findings(rule, table, settings: [("max_capaian", .scalar("110"))]).count == 1)
    }

    @Test func percentageRightAfterTheRealisasi() {
        let found = findings(rule, heading + """
            | No | Indikator Kinerja | Target | Realisasi | % |
            |---|---|---|---|---|
            | 1 | Jumlah desa yang tertib administrasinya | 18 | 17 | 91,67 |
            """)
        #expect(found.map(\.expected) == ["94,44"])
        // Not a percentage after a budget column.
        #expect(findings(rule, heading + """
            | No | Indikator Kinerja | Target | Realisasi | Pagu (Rp) | Realisasi (Rp) | % |
            |---|---|---|---|---|---|---|
            | 1 | Jumlah desa yang tertib administrasinya | 18 | 17 | 1.000.000 | 900.000 | 90 |
            """).isEmpty)
    }

    @Test func tablesWithoutTheTripleAreLeftAlone() {
        #expect(findings(rule, heading + """
            | No | Kegiatan | Capaian Kinerja | Predikat Kinerja |
            |---|---|---|---|
            | 1 | Koordinasi Kegiatan Pemberdayaan Desa | 114,5% | Sangat Memuaskan |
            """).isEmpty)
        // Text in a value cell is not guessed at.
        #expect(findings(rule, heading + """
            | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
            |---|---|---|---|---|
            | 1 | Nilai SAKIP | 70 | 65 (B) | 50 |
            """).isEmpty)
    }
}

@Suite("Achievement rules: narrative-mismatch")
struct NarrativeMismatchTests {
    let rule = NarrativeMismatchRule()

    @Test(arguments: [
        ("Target pada tahun 2023 yakni 30 lembar dengan realisasi 6 lembar atau capaian 23,33%.", "20,00"),
        ("Target yang ditetapkan untuk program ini adalah 100% dengan realisasi 90% atau capaian kinerja 100% dengan rincian.", "90,00"),
        ("Realisasi indikator kinerja untuk tahun 2023 sebanyak 7 orang dari target 8 orang (persen capaian 114,29%).", "87,50"),
        ("Capaian sasaran 2 adalah 83,50 % dari target 100 % dengan realisasi 93,50 %.", "93,50"),
        ("Pagu anggaran Kecamatan Maju Tahun Anggaran 2027 sebesar Rp 222.550.000 dengan realisasi sebesar Rp 211.461.300 atau 96,02%.", "95,02"),
        ("Jumlah pagu anggaran tahun 2023 sebesar Rp.3.813.748.600 dan terealisasi sebesar Rp. 3.668.505.868. Untuk efisiensi penggunaan sumberdaya (anggaran), maka persentase capaiannya sebesar 94,19%, sehingga memperoleh sisa Anggaran sebesar Rp 145.242.732 atau 3,81%.", "96,19"),
    ])
    func contradictoryStatements(sentence: String, expected: String) throws {
        let found = findings(rule, heading + sentence)
        #expect(found.count == 1, "\(sentence)")
        let finding = try #require(found.first)
        #expect(finding.expected == expected)
        #expect(finding.evidence == sentence)
        #expect(finding.location.paragraph != nil)
    }

    @Test(arguments: [
        "Pada tahun 2021 target 75,97 dengan realisasi 85,97 atau capaian 113,16% dapat tercapai dengan baik begitupun tahun 2022 target 77,10 dengan realisasi 87,41 atau capaian 113,37%. Sedangkan pada tahun 2023 terdapat target 78,5 dengan realisasi 84,05 atau capaian 107%.",
        "Target Kinerja untuk kegiatan penyediaan gaji dan tunjangan ASN adalah 22 orang dengan realisasi 20 Orang. Sehingga Capaian Kinerja untuk adalah 90,90%..",
        "Target 100% dengan realisasi 114,5%. Kegiatan ini dihitung dengan formulasi : Jumlah keseluruhan Capaian kinerja sub kegiatan × 100% = 229,32% × 100% = 114,5%",
        "Pada tahun 2023 target 78,5 dengan realisasi 84,05 atau capaian 107% sementara jika dibandingkan target akhir renstra periode 2021-2026 yakni 84,1 maka capaiannya adalah 99,94%.",
        "Dari 171 orang ini terdiri dari 70 Perempuan dan 101 Laki-Laki. Terdapat 18 Desa sehingga keseluruhan usulan sebanyak 36 Usulan, capaian 100%.",
        "Realisasi indikator sasaran sub kegiatan ini tahun 2023 sebanyak 2 dokumen yaitu DPA Pokok 2023 dan DPA-Perubahan tahun 2023 dari target 2 dokumen (persen capaian 100%).",
        "Jumlah pagu anggaran keseluruhan sebesar Rp. 217.267.294 dengan terealisasi sebesar Rp. 215.686.934 atau capaian 99,27% dengan efisiensi anggaran sebesar Rp. 1.580.360 atau 0,73%",
        "Target PAD dan realisasi dapat dilihat sesuai tabel 3.10 berikut, dengan capaian 116,07%.",
        "Pada tahun 2022 target 50 lembar dengan realisasi 36",
    ])
    func consistentOrNoStatement(text: String) {
        #expect(findings(rule, heading + text).isEmpty, "\(text)")
    }

    @Test func negativePolarityInTheParagraph() {
        #expect(findings(rule, heading + "Persentase pengaduan yang belum ditindaklanjuti: target 20% dengan realisasi 18% atau capaian 110%.").isEmpty)
        #expect(findings(rule, heading + "Persentase pengaduan yang ditindaklanjuti: target 20% dengan realisasi 18% atau capaian 110%.").count == 1)
    }

    @Test func sentenceSplitByAPageBreak() throws {
        let found = findings(rule, heading + """
            Kemudian pada Tahun 2022 jumlah target 50 lembar dengan realisasi 36

            lembar atau capaian 62%. Pencapaian kinerja menurun.
            """)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.expected == "72,00")
        #expect(finding.evidence.contains("realisasi 36 lembar atau capaian 62%"))
    }

    @Test func statementAgainstTheTableNextToIt() throws {
        let document = heading + """
            Sub kegiatan Pelaksanaan Urusan Pemerintahan yang terkait dengan Kewenangan Lain yang Dilimpahkan: target 30 lembar dengan realisasi %@ lembar atau capaian %#%.

            | Uraian | Indikator Kinerja | Satuan | Target | Realisasi | % Capaian |
            |---|---|---|---|---|---|
            | Pelaksanaan Urusan Pemerintahan yang terkait dengan Kewenangan Lain yang Dilimpahkan | Jumlah IMB yang diterbitkan | Lembar | 30 | 7 | 23,33 |
            """
        func text(_ realisasi: String, _ capaian: String) -> String {
            document.replacingOccurrences(of: "%@", with: realisasi).replacingOccurrences(of: "%#", with: capaian)
        }
        #expect(findings(rule, text("7", "23,33")).isEmpty)
        // Wrong arithmetic, and the table says 7.
        let wrong = findings(rule, text("6", "23,33"))
        #expect(wrong.count == 1)
        #expect(wrong.first?.message.en.contains("gives realisasi 7") == true)
        // Consistent with itself, but not with the table.
        let other = try #require(findings(rule, text("6", "20")).first)
        #expect(other.expected == "7")
        #expect(other.actual == "6")
    }

    @Test func aTableThatDisagreesWithItselfIsNotHeldAgainstTheProse() {
        let document = heading + """
            | No | Sasaran Strategis | Indikator Sasaran | Target | Realisasi | Capaian (%) |
            |---|---|---|---|---|---|
            | 1 | Meningkatnya akuntabilitas kinerja | Nilai SAKIP Kecamatan Maju | 72 | 73,03 | %@ |

            Indikator Nilai SAKIP Kecamatan Maju pada Tahun 2027 menetapkan target 72 dengan realisasi 73,03 atau capaian 101,43%.
            """
        #expect(findings(rule, document.replacingOccurrences(of: "%@", with: "101,43")).isEmpty)
        // The table's own capaian is wrong: capaian-mismatch says so, this rule does not repeat it.
        #expect(findings(rule, document.replacingOccurrences(of: "%@", with: "103,43")).isEmpty)
        #expect(findings(CapaianMismatchRule(), document.replacingOccurrences(of: "%@", with: "103,43")).count == 1)
    }
}

@Suite("Achievement rules: ikm-category")
struct IKMCategoryTests {
    let rule = IKMCategoryRule()

    @Test func proseCategoryAgainstTheValue() throws {
        let found = findings(rule, heading + """
            Indikator Indeks Kepuasan Masyarakat (IKM) target 78,5 dengan realisasi 84,05 atau capaian 107%. Hal ini \
            menggambarkan bahwa pelayanan kepada masyarakat kategori Sangat Baik.
            """)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.expected == "B (Baik)")
        #expect(finding.actual == "Sangat Baik")
        #expect(finding.evidence.contains("Sangat Baik"))
        #expect(finding.severity == .warning)
    }

    @Test(arguments: [
        ("Nilai IKM sebesar 90,12 dengan kategori Baik.", "A (Sangat Baik)"),
        ("Nilai IKM sebesar 70 dengan mutu pelayanan B.", "C (Kurang Baik)"),
        ("Nilai IKM sebesar 88,30 termasuk kategori Sangat Baik.", "B (Baik)"),
        ("Hasil survei Indeks Kepuasan Masyarakat mencapai 64,99 dengan kriteria Kurang Baik.", "D (Tidak Baik)"),
    ])
    func categories(sentence: String, expected: String) {
        let found = findings(rule, heading + sentence)
        #expect(found.map(\.expected) == [expected], "\(sentence)")
    }

    @Test(arguments: [
        "Nilai IKM sebesar 84,05 dengan kategori Baik (mutu B).",
        "Nilai IKM sebesar 88,31 dengan kategori Sangat Baik.",
        "Nilai IKM sebesar 65,00 dengan kategori Kurang Baik.",
        // The target is not the value; a capaian percentage neither.
        "Indeks Kepuasan Masyarakat target 90 dengan capaian 95% kategori Sangat Baik.",
        // No IKM named: an ordinary "sangat baik".
        "Nilai SAKIP sebesar 84,05 dengan kategori Sangat Baik.",
        "Pelayanan IKM berjalan sangat baik. Capaian sub kegiatan 84,05 sangat baik.",
        // Two sentences with no value in between the IKM and another measure.
        "IKM sudah disurvei. Nilai SAKIP 70,5. Nilai LAKIP 71. Reformasi birokrasi kategori Sangat Baik.",
        // The next sentence speaks of something else.
        "Nilai IKM sebesar 84,05. Namun kondisi jalan desa termasuk kategori Sangat Baik.",
    ])
    func noFinding(sentence: String) {
        #expect(findings(rule, heading + sentence).isEmpty, "\(sentence)")
    }

    @Test func tableRows() throws {
        let found = findings(rule, heading + """
            | Unit Layanan | Nilai IKM | Mutu Pelayanan | Kinerja Unit Pelayanan |
            |---|---|---|---|
            | Pelayanan Umum | 86,20 | A | Sangat Baik |
            | Pelayanan Perizinan | 90,00 | A | Sangat Baik |
            | Pengaduan | 70,10 | C | Kurang Baik |
            """)
        #expect(found.count == 1)
        #expect(found.first?.location.row == 2)
        #expect(found.first?.location.column == 3)
        #expect(found.first?.expected == "B (Baik)")
    }

    @Test func targetColumnsAreNotTheValue() {
        #expect(findings(rule, heading + """
            | Tahun | Target IKM | Realisasi IKM | Kategori |
            |---|---|---|---|
            | 2023 | 90,00 | 84,05 | Baik |
            """).isEmpty)
    }

    @Test func outdatedScaleTableIsAnInfoNote() throws {
        let found = findings(rule, heading + """
            | Nilai Persepsi | Nilai Interval IKM | Nilai Interval Konversi IKM | Mutu Pelayanan | Kinerja unit Pelayanan |
            |---|---|---|---|---|
            | 1 | 1,00-1,75 | 25-43,75 | D | Tidak Baik/Tidak Puas |
            | 2 | 1,76 – 2,50 | 43,76 – 62,50 | C | Kurang Baik/Kurang Puas |
            | 3 | 2,51 – 3,52 | 62,51 – 81,25 | B | Baik/Puas |
            | 4 | 3,53 – 4,00 | 81,26 – 100 | A | Sangat Baik/Sangat Puas |
            """)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .info)
        #expect(finding.location.column == 3)
    }
}

@Suite("Achievement rules: predikat-mismatch")
struct PredikatMismatchTests {
    let rule = PredikatMismatchRule()

    @Test func scaleLabels() throws {
        let found = findings(rule, heading + """
            | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
            |---|---|---|---|
            | 1 | Perencanaan | 91 | Sangat Baik |
            | 2 | Keuangan | 90,99 | Sangat Baik (A) |
            | 3 | Umum | 50 | Sangat Kurang |
            | 4 | Kepegawaian | 66 | Kurang |
            """)
        #expect(found.map(\.location.row) == [3, 5])
        #expect(found.first?.expected == "Baik")
        #expect(found.last?.expected == "Cukup")
        #expect(found.first?.location.column == 4)
    }

    @Test func orderWithinATableForOtherFamilies() throws {
        let found = findings(rule, heading + """
            | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
            |---|---|---|---|
            | 1 | Perencanaan | 100 | Sangat Memuaskan |
            | 2 | Keuangan | 98,87 | Memuaskan |
            | 3 | Umum | 70,48 | Cukup memuaskan |
            | 4 | Barang | 93,50 | Sangat Memuaskan |
            | 5 | Jasa | 71,91 | Cukup memuaskan |
            """)
        #expect(found.count == 1)
        #expect(found.first?.location.row == 5)
        #expect(found.first?.message.en.contains("93,50") == true)
        // Unknown labels are not ranked.
        #expect(findings(rule, heading + """
            | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
            |---|---|---|---|
            | 1 | Perencanaan | 100 | Tercapai |
            | 2 | Keuangan | 50 | Luar biasa |
            """).isEmpty)
    }
}

// MARK: - The corpus

/// `RF_DEBUG=1 swift test --filter debugTiming`: how long each rule of the family takes on Towuti.
@Test func debugTiming() throws {
    guard ProcessInfo.processInfo.environment["RF_DEBUG"] != nil else { return }
    let document = try DocumentLoader.load(path: AchievementCorpusTests.root.appendingPathComponent("docx-lo/towuti-lakip-2023.docx").path)
    let ruleSet = try RuleSetLibrary.load("lakip")
    for rule in AchievementCorpusTests.rules {
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Linter(rules: [rule]).lint(document, with: ruleSet) }
        print("\(rule.description.id): \(elapsed)")
    }
}

/// `RF_DEBUG=1 swift test --filter debugStatements`: every statement the prose scanner reads in Towuti.
@Test func debugStatements() throws {
    guard ProcessInfo.processInfo.environment["RF_DEBUG"] != nil else { return }
    let document = try DocumentLoader.load(path: AchievementCorpusTests.root.appendingPathComponent("docx/towuti-lakip-2023.docx").path)
    let ruleSet = try RuleSetLibrary.load("lakip")
    let context = RuleContext(document: document, ruleID: "narrative-mismatch", severity: .error,
                              parameters: ruleSet.parameters(of: "narrative-mismatch"), vocabulary: ruleSet.vocabulary,
                              terms: ruleSet.terms)
    let scanner = AchievementProse(context: context)
    for passage in AchievementPassage.passages(of: document) {
        let tokens = ProseToken.tokens(of: passage.text)
        for slot in scanner.slots(in: tokens) {
            print("¶\(passage.paragraph(at: tokens[slot.keyword].range.lowerBound)) slot \(slot.role) \(slot.text)")
        }
        for triple in scanner.triples(in: tokens) {
            print("¶\(passage.paragraph(at: tokens[triple.first].range.lowerBound)) TRIPLE T=\(triple.target.text) R=\(triple.realisasi.text) C=\(triple.capaian.text)")
        }
    }
}

@Suite("Achievement rules: corpus")
struct AchievementCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardized
    static let rules: [any Rule] = [CapaianMismatchRule(), NarrativeMismatchRule(), IKMCategoryRule(), PredikatMismatchRule()]

    static func lint(_ relative: String) throws -> [Finding] {
        let document = try DocumentLoader.load(path: root.appendingPathComponent(relative).path)
        return Linter(rules: rules).lint(document, with: try RuleSetLibrary.load("lakip"))
    }

    @Test(arguments: ["docx/towuti-lakip-2023.docx", "docx-lo/towuti-lakip-2023.docx", "xml/towuti-lakip-2023.xml"])
    func towuti(form: String) throws {
        let found = try Self.lint(form)
        func at(_ rule: String, _ table: Int, _ row: Int? = nil) -> [Finding] {
            found.filter { $0.rule == rule && $0.location.table == table && (row == nil || $0.location.row == row) }
        }
        func saying(_ rule: String, _ text: String) -> Bool {
            found.contains { $0.rule == rule && $0.evidence.contains(text) }
        }
        // must
        #expect(at("capaian-mismatch", 15, 7).first?.expected == "94,44")
        #expect(at("capaian-mismatch", 30, 3).first?.actual == "91,67")
        #expect(saying("narrative-mismatch", "realisasi 6 lembar atau capaian 23,33%"))
        #expect(saying("narrative-mismatch", "realisasi 90% atau capaian kinerja 100%"))
        #expect(saying("narrative-mismatch", "sebanyak 7 orang dari target 8 orang (persen capaian 114,29%)"))
        // should
        #expect(saying("narrative-mismatch", "persentase capaiannya sebesar 94,19%"))
        #expect(saying("narrative-mismatch", "realisasi 17 desa atau capaian 91,67%"))
        #expect(saying("ikm-category", "Sangat Baik"))
        // must not
        #expect(at("capaian-mismatch", 10).isEmpty)
        #expect(at("capaian-mismatch", 13, 8).isEmpty)
        #expect(at("capaian-mismatch", 15, 2).isEmpty)
        // Nothing else: two table errors, five prose statements.
        #expect(found.filter { $0.rule == "capaian-mismatch" }.count == 2)
        #expect(found.filter { $0.rule == "narrative-mismatch" }.count == 5)
        #expect(!found.contains { $0.rule == "ikm-category" && $0.severity == .error })
    }

    /// Towuti's tables with the header inside the body (3.2, 3.3, 3.7) are checked, not skipped: a
    /// capaian changed in each is reported at its own cell.
    @Test func towutiTablesWithHeadersInTheBodyAreChecked() throws {
        var document = try DocumentLoader.load(path: Self.root.appendingPathComponent("docx/towuti-lakip-2023.docx").path)
        let changes: [(table: Int, row: Int, column: Int, value: String)] = [(10, 4, 4, "117"), (11, 4, 7, "103,37"), (31, 4, 4, "95,50 %")]
        for change in changes {
            let index = try #require(document.logicalTables.firstIndex { $0.physicalTables.first == change.table })
            let row = try #require(document.logicalTables[index].rows.firstIndex { $0.location.row == change.row })
            document.logicalTables[index].rows[row].cells[change.column - 1] = change.value
        }
        let found = Linter(rules: [CapaianMismatchRule()]).lint(document, with: try RuleSetLibrary.load("lakip"))
        for change in changes {
            #expect(found.contains { $0.location.table == change.table && $0.location.row == change.row && $0.location.column == change.column },
                    "table \(change.table)")
        }
        #expect(found.count == changes.count + 2)
    }

    @Test func cleanDocumentsDrawNothing() throws {
        let folder = Self.root.appendingPathComponent("clean")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let found = try Self.lint("clean/" + name)
            #expect(found.isEmpty, "\(name): \(found.map(\.message.en))")
        }
    }

    @Test func iduDocumentsDrawNothing() throws {
        for name in ["wotu-iku-2021-2026", "rawajitutimur-iku-2023-2026", "setda-luwutimur-iku-2021-2026", "wanaraya-iku-2023-2026"] {
            let found = try Self.lint("docx/\(name).docx")
            #expect(found.isEmpty, "\(name): \(found.map(\.message.en))")
        }
    }
}
