import Foundation
import Testing
@testable import Lint
@testable import Rules

// Tests of the consistency rules: foreign-entity, period-mismatch, signing-date, citation-conflict,
// number-format and terbilang-mismatch — edge cases beyond their examples, and the corpus entries of
// ../shared/corpus/expected.yml in all three forms.

// MARK: - Helpers

private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let corpusRoot = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL

/// Findings of one rule on a Markdown snippet, linted as a document of the given kind would be.
private func findings(_ rule: any Rule, _ markdown: String, kind: Subject.Kind? = nil) -> [Finding] {
    ExampleRunner.findings(of: rule, on: RuleExample(markdown, kind: kind)).filter { $0.rule == rule.description.id }
}

private let consistencyRules: [any Rule] = [
    ForeignEntityRule(), PeriodMismatchRule(), SigningDateRule(), CitationConflictRule(), NumberFormatRule(),
    TerbilangMismatchRule(),
]

/// Findings of the consistency rules on a corpus file, with the rule set of its kind.
private func corpusFindings(_ relativePath: String) throws -> [Finding] {
    let path = corpusRoot.appendingPathComponent(relativePath).path
    let document = try DocumentLoader.load(path: path)
    let ruleSet = try RuleSetLibrary.load(RuleSetLibrary.name(for: document.subject.kind))
    return Linter(rules: consistencyRules).lint(document, with: ruleSet)
}

private func collapsed(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

// MARK: - Corpus

/// An expected.yml entry of these rules: rules (any one), and a text in evidence or message, or a table/row.
struct ConsistencyCorpusEntry: Sendable, CustomTestStringConvertible {
    var document: String
    var rules: [String]
    var text: String?
    var table: Int?
    var row: Int?
    var testDescription: String { "\(document) \(rules.joined(separator: "|")) \(text ?? "table \(table ?? 0) row \(row ?? 0)")" }

    func isMet(by found: [Finding]) -> Bool {
        found.contains { finding in
            guard rules.contains(finding.rule) else { return false }
            if let table {
                return finding.location.table == table && (row == nil || finding.location.row == row)
            }
            guard let text else { return true }
            return collapsed(finding.evidence).contains(collapsed(text)) || collapsed(finding.message.id).contains(collapsed(text))
                || collapsed(finding.message.en).contains(collapsed(text))
        }
    }
}

private let corpusEntries: [ConsistencyCorpusEntry] = [
    // must
    ConsistencyCorpusEntry(document: "rawajitutimur-iku-2023-2026", rules: ["foreign-entity"], text: "Kota Pariaman"),
    ConsistencyCorpusEntry(document: "rawajitutimur-iku-2023-2026", rules: ["foreign-entity"], text: "Kecamatan Pariaman Utara"),
    ConsistencyCorpusEntry(document: "setda-luwutimur-iku-2021-2026", rules: ["period-mismatch", "number-format"], text: "20216"),
    ConsistencyCorpusEntry(document: "towuti-lakip-2023", rules: ["foreign-entity"], text: "Kantor Kecamatan Wotu"),
    ConsistencyCorpusEntry(document: "towuti-lakip-2023", rules: ["number-format"], table: 69, row: 9),
    ConsistencyCorpusEntry(document: "towuti-lakip-2023", rules: ["signing-date"], text: "Towuti, Februari 2023"),
    // should
    ConsistencyCorpusEntry(document: "wotu-iku-2021-2026", rules: ["citation-conflict", "period-mismatch"], text: "Tahun 2016-2021"),
    ConsistencyCorpusEntry(document: "wotu-iku-2021-2026", rules: ["foreign-entity"],
                           text: "Dinas Perdagangan, Koperasi, Usaha Kecil Menengah dan Perindustrian"),
    ConsistencyCorpusEntry(document: "wanaraya-iku-2023-2026", rules: ["period-mismatch"], text: "TAHUN 2024-2026"),
    ConsistencyCorpusEntry(document: "towuti-lakip-2023", rules: ["number-format"], table: 5, row: 6),
    ConsistencyCorpusEntry(document: "towuti-lakip-2023", rules: ["period-mismatch"], text: "Tahun 2019"),
]

private let corpusForms: [(folder: String, ext: String)] = [("docx", "docx"), ("docx-lo", "docx"), ("xml", "xml")]
private let corpusDocuments = ["wotu-iku-2021-2026", "rawajitutimur-iku-2023-2026", "setda-luwutimur-iku-2021-2026",
                               "wanaraya-iku-2023-2026", "towuti-lakip-2023"]

/// Every finding these rules make on the corpus, checked by reading the documents: each is a real error.
/// Keyed by document; entries are (rule, paragraph or "table/row", a text of the evidence).
private let knownFindings: [String: [(rule: String, place: String, text: String)]] = [
    "wotu-iku-2021-2026": [
        ("foreign-entity", "p27", "Dinas Perdagangan"),  // the Perbup on another office's structure in Mengingat
        ("foreign-entity", "p93", "Dinas Perdagangan"),  // another office's tugas pokok
        ("citation-conflict", "p25", "Tahun 2016-2021"),  // Perda 11/2021 is the RPJMD 2021-2026 in ¶57
        ("period-mismatch", "p25", "Tahun 2016-2021"),  // and a Perda of 2021 cannot make a plan that ends in 2021
    ],
    "rawajitutimur-iku-2023-2026": [
        ("foreign-entity", "p78", "Kota Pariaman"),
        ("foreign-entity", "p89", "Kecamatan Pariaman Utara"),
    ],
    "setda-luwutimur-iku-2021-2026": [
        ("period-mismatch", "p35", "20216"),
    ],
    "wanaraya-iku-2023-2026": [
        ("period-mismatch", "p7", "TAHUN 2024-2026"),
    ],
    "towuti-lakip-2023": [
        ("foreign-entity", "p346", "Kantor Kecamatan Wotu"),
        ("period-mismatch", "p7", "RENSTRA Tahun 2023-2026"),  // the Renstra is 2021-2026 (¶393)
        ("period-mismatch", "p358", "Tahun 2016-2021"),  // the same Perda 11/2021 as the RPJMD 2016-2021
        ("period-mismatch", "p841", "Tahun 2019"),
        ("period-mismatch", "p896", "Perjanjian Kinerja Tahun 2022"),  // the 2023 report's conclusion
        ("signing-date", "p12", "Towuti, Februari 2023"),
        ("number-format", "t5r6", "74,5"),
        ("number-format", "t8r2", "84.05"),  // 78,5 and 93,50% around it
        ("number-format", "t49r3", "100.7"),  // next to 1.200 and 1.208: is 1.200 then 1,2?
        ("number-format", "t69r9", "11680.000"),
    ],
]

@Suite("Consistency rules: corpus")
struct ConsistencyCorpusTests {
    @Test(arguments: corpusEntries)
    func expectedEntryIsReportedInEveryForm(_ entry: ConsistencyCorpusEntry) throws {
        for form in corpusForms {
            let found = try corpusFindings("\(form.folder)/\(entry.document).\(form.ext)")
            #expect(entry.isMet(by: found), "\(form.folder): \(entry.testDescription) — got \(found.map { "\($0.rule) \($0.location)" })")
        }
    }

    /// No finding beyond the ones read and confirmed by hand.
    @Test(arguments: corpusDocuments)
    func everyFindingIsARealError(_ document: String) throws {
        let known = knownFindings[document] ?? []
        for form in corpusForms {
            let found = try corpusFindings("\(form.folder)/\(document).\(form.ext)")
            for finding in found {
                let location = finding.location
                let place = location.table.map { "t\($0)r\(location.row ?? 0)" } ?? "p\(location.paragraph ?? 0)"
                let isKnown = known.contains { $0.rule == finding.rule && $0.place == place && finding.evidence.contains($0.text) }
                #expect(isKnown, "\(form.folder)/\(document): unexpected \(finding.rule) at \(place): \(finding.message.en)")
            }
            #expect(found.count == known.count, "\(form.folder)/\(document): \(found.count) findings, \(known.count) known")
        }
    }

    @Test func cleanDocumentsDrawNoFinding() throws {
        let folder = corpusRoot.appendingPathComponent("clean")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }
        #expect(!files.isEmpty)
        for file in files {
            let found = try corpusFindings("clean/\(file)")
            #expect(found.isEmpty, "\(file): \(found.map { "\($0.rule) \($0.location) \($0.message.en)" })")
        }
    }
}

// MARK: - foreign-entity

@Suite("Consistency rules: foreign-entity")
struct ConsistencyForeignEntityTests {
    let rule = ForeignEntityRule()
    let header = "# Laporan Kinerja Kecamatan Rawa Jitu Timur Kabupaten Tulang Bawang Tahun 2023\n\n"

    @Test func ownNameInAnySpellingIsNotForeign() {
        let text = header + """
            Kec.Rawa jitu Timur melaksanakan tugas di kecamatan rawa jitu timur dan KECAMATAN RAWA JITU TIMUR.

            Rencana Strategis Kecamatan Rawa Jitu TimurTahun 2021-2026 dan Kab. Tulang Bawang.

            Kecamatan Rawa Jitu Timr menyusun laporan (salah ketik nama sendiri).
            """
        #expect(findings(rule, text, kind: .lakip).isEmpty)
    }

    @Test func anotherKecamatanRegencyOrCityIsForeign() {
        let text = header + """
            Jumlah pegawai Kecamatan Sukamaju sebanyak 15 orang.

            Susunan organisasi Kecamatan Rawa Jitu Timur Kota Pariaman terdiri atas Camat dan Sekretaris.

            Laporan disampaikan kepada Bupati Lampung Selatan.
            """
        let found = findings(rule, text, kind: .lakip)
        #expect(found.map(\.location.paragraph) == [2, 3, 4])
        #expect(found.map(\.actual) == ["Kecamatan Sukamaju", "Kota Pariaman", "Bupati Lampung Selatan"])
        #expect(found[0].expected == "Kecamatan Rawa Jitu Timur, Kabupaten Tulang Bawang")
        #expect(found[1].expected == "Kabupaten Tulang Bawang")
    }

    @Test func genericWordsAreNoNames() {
        let text = header + """
            Musrenbang tingkat kecamatan. Indikator ini dihitung di Kecamatan, TNI/Polri dan Kabupaten/Kota.

            Program Penunjang Urusan Pemerintahan Daerah Kabupaten Kota; jarak ke ibu Kota Menggala 60 km.

            Jumlah peserta musrenbang kecamatan (Orang) dan Kecamatan dalam Wilayah Kabupaten Tulang Bawang.
            """
        #expect(findings(rule, text, kind: .lakip).isEmpty)
    }

    @Test func neighboursComparisonsAndTheProvinceAreAllowed() {
        let text = header + """
            Kecamatan Rawa Jitu Timur di sebelah utara berbatasan dengan Kecamatan Rawa Pitu dan Provinsi Sumatera Selatan.

            Capaian ini lebih tinggi dibandingkan dengan Kecamatan Gedung Meneng.

            Peraturan Daerah Provinsi Lampung Nomor 1 Tahun 2019 tentang RPJMD Provinsi Lampung.
            """
        #expect(findings(rule, text, kind: .lakip).isEmpty)
    }

    @Test func regulationTitlesMayNameOtherRegionsButNotTheIssuer() {
        let text = header + """
            1. Undang-Undang Nomor 2 Tahun 1997 tentang Pembentukan Kabupaten Daerah Tingkat II Tulang Bawang dan Kabupaten Daerah Tingkat II Tanggamus;

            2. Peraturan Bupati Tulang Bawang Nomor 73 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas Pokok, Fungsi dan Tata Kerja Kecamatan Rawa Jitu Timur Kabupaten Tulang Bawang;

            3. Peraturan Walikota Pariaman Nomor 12 Tahun 2016 tentang Rincian Tugas Camat.
            """
        let found = findings(rule, text, kind: .lakip)
        #expect(found.count == 1)
        #expect(found.first?.actual == "Walikota Pariaman")
    }

    @Test func anOfficeIsForeignOnlyWhereTheDocumentSpeaksOfItself() {
        let prose = header + """
            Retribusi IMB kini menjadi tugas Dinas PTSP, dan Badan Permusyawaratan Desa dibina Seksi Pemerintahan.

            Dinas Kesehatan melaksanakan vaksinasi di wilayah kecamatan.
            """
        #expect(findings(rule, prose, kind: .lakip).isEmpty)

        let selfDescription = header + """
            Dinas Perdagangan, Koperasi dan UKM Kabupaten Tulang Bawang mempunyai tugas membantu Bupati.

            9. Peraturan Bupati Tulang Bawang Nomor 85 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Badan Keuangan Daerah.
            """
        let found = findings(rule, selfDescription, kind: .lakip)
        #expect(found.map(\.actual) == ["Dinas Perdagangan, Koperasi dan UKM", "Badan Keuangan Daerah"])
    }

    @Test func capitalsHeadTitleAndTableCells() {
        let text = header + """
            CAMAT SUKAMAJU,

            | No | Sasaran | Indikator |
            |---|---|---|
            | 1 | Meningkatnya pelayanan publik di Kecamatan Sukamaju | Indeks Kepuasan Masyarakat |
            | 2 | Meningkatnya pelayanan publik di Kecamatan Rawa Jitu Timur | Indeks Kepuasan Masyarakat |
            """
        let found = findings(rule, text, kind: .lakip)
        #expect(found.count == 2)
        #expect(found.first?.location.paragraph == 2)
        #expect(found.last?.location.table == 1 && found.last?.location.row == 2 && found.last?.location.column == 2)
        #expect(found.last?.evidence == "Meningkatnya pelayanan publik di Kecamatan Sukamaju")
    }

    @Test func aKecamatanIsNoStrangerToARegencyOffice() {
        let text = """
            # Indikator Kinerja Utama Sekretariat Daerah Kabupaten Luwu Timur Tahun 2021-2026

            Bagian Pemerintahan membina Kecamatan Wotu, Kecamatan Towuti dan Kecamatan Malili.
            """
        #expect(findings(rule, text, kind: .iku).isEmpty)
    }

    @Test func aCityNamedUnitIsItsOwn() {
        let text = """
            # Indikator Kinerja Utama Kecamatan Kota Baru Kabupaten Sejahtera Tahun 2021-2026

            Kecamatan Kota Baru menetapkan IKU; Kantor Camat Kota Baru berada di Kabupaten Sejahtera.
            """
        #expect(findings(rule, text, kind: .iku).isEmpty)
    }

    @Test func listsOfPlacesAreNoSlip() {
        let text = header + """
            Kabupaten Tulang Bawang terdiri dari 15 kecamatan, yaitu Kecamatan Menggala, Kecamatan Banjar Agung, Kecamatan Gedung Aji dan Kecamatan Rawa Jitu Timur.

            | No | Kecamatan | Nilai |
            |---|---|---|
            | 1 | Kecamatan Menggala | 80 |
            | 2 | Kecamatan Banjar Agung | 82 |
            | 3 | Kecamatan Gedung Aji | 79 |
            """
        #expect(findings(rule, text, kind: .lakip).isEmpty)
    }

    @Test func oneFindingPerPlaceAndName() {
        let text = header + """
            Pada Kantor Kecamatan Wotu ditemukan permasalahan. Permasalahan Kantor Kecamatan Wotu antara lain anggaran.
            """
        #expect(findings(rule, text, kind: .lakip).count == 1)
    }
}

// MARK: - period-mismatch

@Suite("Consistency rules: period-mismatch")
struct ConsistencyPeriodMismatchTests {
    let rule = PeriodMismatchRule()
    let iku = "# Indikator Kinerja Utama Kecamatan Maju Kabupaten Sejahtera Tahun 2021-2026\n\n"
    let lakip = "# Laporan Kinerja Kecamatan Maju Kabupaten Sejahtera Tahun 2023\n\nLaporan Kinerja Kecamatan Maju Tahun 2023 disusun sesuai Rencana Strategis Tahun 2021-2026.\n\n"

    @Test func otherPlansAndCitationsKeepTheirPeriods() {
        let text = iku + """
            IKU ini mengacu pada RPJMD Tahun 2016-2021 dan Visi Kabupaten Sejahtera Tahun 2005-2025.

            Peraturan Bupati Sejahtera Nomor 48 Tahun 2017 tentang Rencana Strategis Perangkat Daerah Tahun 2016-2021.

            Indikator Kinerja Utama Pemerintah Kabupaten Sejahtera Tahun 2019-2024 menjadi acuan.
            """
        #expect(findings(rule, text, kind: .iku).isEmpty)
    }

    @Test func ownPlanPeriodsMustAgree() {
        let text = iku + """
            Rencana Strategis Kecamatan Maju Tahun 2021 s.d 2025 disusun dengan target jangka menengah.

            Target jangka menengah Kecamatan Maju Tahun 2022 sampai dengan 2026.

            Keputusan Camat Maju Nomor 2 Tahun 2021 tentang Rencana Strategis Kecamatan Maju Tahun 2021-26.
            """
        let found = findings(rule, text, kind: .iku)
        #expect(found.map(\.actual) == ["2021-2025", "2022-2026"])
        #expect(found.allSatisfy { $0.expected == "2021-2026" })
    }

    @Test func aBareRangeLineBelongsToTheTitleAbove() {
        let text = iku + """
            INDIKATOR KINERJA UTAMA ESELON IV

            TAHUN 2022 – 2026

            DAFTAR PUSTAKA

            TAHUN 2019 - 2020
            """
        let found = findings(rule, text, kind: .iku)
        #expect(found.count == 1)
        #expect(found.first?.actual == "2022-2026")
    }

    @Test func aParagraphWithTheOwnPeriodComparesPeriods() {
        let text = lakip + """
            Program tertuang dalam RENSTRA Kecamatan Maju 2016-2021 dan Renstra periode 2021-2026.
            """
        #expect(findings(rule, text, kind: .lakip).isEmpty)
    }

    @Test func malformedAndReversedPeriods() {
        let text = iku + """
            Rencana Strategis Tahun 2021 – 20216 dan periode 2026-2021; kode 2021-202 tanpa penanda.
            """
        let found = findings(rule, text, kind: .iku)
        #expect(found.map(\.actual) == ["2021 – 20216", "2026-2021"])
    }

    @Test func reportYearStatements() {
        let text = lakip + """
            Pagu anggaran Kecamatan Maju Tahun Anggaran 2022 sebesar Rp 100.000.000.

            Realisasi anggaran meningkat dibandingkan Tahun Anggaran 2022.

            Perjanjian Kinerja Tahun 2023 menggantikan Perjanjian Kinerja Tahun 2022.

            Pada Tahun 2021 jalan desa dibangun oleh swadaya masyarakat.
            """
        let found = findings(rule, text, kind: .lakip)
        #expect(found.map(\.location.paragraph) == [3])
        #expect(found.first?.expected == "2023" && found.first?.actual == "2022")
    }

    @Test func aPlanMadeAfterItEnded() {
        let text = iku + """
            1. Peraturan Daerah Nomor 11 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah Tahun 2016-2021;
            2. Peraturan Daerah Nomor 2 Tahun 2005 tentang RPJP Daerah Tahun 2005-2025;
            3. Peraturan Bupati Nomor 5 Tahun 2022 tentang Evaluasi Akhir RPJMD Tahun 2016-2021;
            4. Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Road Map Reformasi Birokrasi 2020-2024.
            """
        let found = findings(rule, text, kind: .iku)
        #expect(found.count == 1)
        #expect(found.first?.actual == "2016-2021" && found.first?.expected == "> 2021")
    }

    @Test func plansDoNotCheckSingleYears() {
        let text = iku + """
            Keputusan ini ditetapkan dengan Tahun Anggaran 2020 sebagai tahun dasar.
            """
        #expect(findings(rule, text, kind: .iku).isEmpty)
    }
}

// MARK: - signing-date

@Suite("Consistency rules: signing-date")
struct ConsistencySigningDateTests {
    let rule = SigningDateRule()
    let lakip = "# Laporan Kinerja Kecamatan Maju Tahun 2023\n\nLaporan Kinerja Kecamatan Maju Tahun 2023 disusun berdasarkan Perjanjian Kinerja Tahun 2023.\n\n"

    @Test func signingLineForms() {
        let months = SigningMonths(["januari", "februari/pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
                                    "september", "oktober", "november/nopember", "desember"])
        #expect(months.signingDate(in: "Towuti, Februari 2023") == SigningDate(day: nil, month: 2, year: 2023, text: "Februari 2023"))
        #expect(months.signingDate(in: "Wanaraya , 05 Juli 2023")?.day == 5)
        #expect(months.signingDate(in: "Pada tanggal\t:  20 September 2023 Ap1 M")?.month == 9)
        #expect(months.signingDate(in: "Tanggal : 05 Juli 2023")?.year == 2023)
        #expect(months.signingDate(in: "Sungai Raya, 15 Nopember 2024")?.month == 11)
        #expect(months.signingDate(in: "Desember 2024") == nil)
        #expect(months.signingDate(in: "Pada tahun 2023, Maret 2023 menjadi bulan terbaik bagi kecamatan ini dan lainnya sebagainya") == nil)
        #expect(months.signingDate(in: "Realisasi s.d 31 Desember 2023") == nil)
        #expect(months.signingDate(in: "Pada tanggal 17 Agustus 2023 dilaksanakan upacara") == nil)
        #expect(months.signingDate(in: "Selanjutnya, Januari 2024 merupakan awal") == nil)
    }

    @Test func reportSignedInTheRightYear() {
        #expect(findings(rule, lakip + "Maju, 20 Januari 2024", kind: .lakip).isEmpty)
        let early = findings(rule, lakip + "Maju, 31 Desember 2023", kind: .lakip)
        #expect(early.count == 1)
        #expect(early.first?.actual == "31 Desember 2023")
        let late = findings(rule, lakip + "Maju, 10 Februari 2026", kind: .lakip)
        #expect(late.count == 1)
    }

    @Test func plansAndAgreements() {
        let iku = "# Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026\n\nMaju, 5 Januari 2027\n"
        #expect(findings(rule, iku, kind: .iku).count == 1)
        let ok = "# Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026\n\nMaju, 5 Januari 2021\n"
        #expect(findings(rule, ok, kind: .iku).isEmpty)
    }

    @Test func datesOfOneDocumentAgreeWithinTheTolerance() {
        let close = lakip + "Maju, Mei 2024\n\nCamat Maju\n\nMaju, April 2024\n"
        #expect(findings(rule, close, kind: .lakip).isEmpty)
        let apart = lakip + "Maju, 2 Januari 2024\n\nMaju, 10 Januari 2024\n\nMaju, 20 Agustus 2024\n"
        let found = findings(rule, apart, kind: .lakip)
        #expect(found.count == 1)
        #expect(found.first?.actual == "20 Agustus 2024")
        #expect(found.first?.expected == "10 Januari 2024")
    }
}

// MARK: - citation-conflict

@Suite("Consistency rules: citation-conflict")
struct ConsistencyCitationConflictTests {
    let rule = CitationConflictRule()

    @Test func citationsAreParsed() {
        let tokens = ConsistencyText.tokenize(
            "Peraturan Daerah Kabupaten Luwu Timur Nomor 11 Tahun 2021 Daerah tentang RPJMD Kabupaten Luwu Timur Tahun 2016-2021; "
                + "Peraturan Menteri PAN Nomor : PER/09/M.PAN/5/2007 tentang Pedoman Umum (Lembaran Negara Tahun 2007)")
        let citations = ConsistencyCitationGrammar().citations(in: tokens)
        #expect(citations.count == 2)
        #expect(citations.first?.key == "PERDA|DAERAH|11|2021")
        #expect(citations.first?.titleRange.map { tokens[$0].map(\.text).joined(separator: " ") } == "RPJMD Kabupaten Luwu Timur Tahun 2016-2021")
        #expect(citations.last?.year == 2007)
        #expect(citations.last?.titleRange.map { tokens[$0].map(\.text).joined(separator: " ") } == "Pedoman Umum")
    }

    @Test func abbreviationsMatchTheirWords() {
        #expect(ConsistencyText.titleOverlap(["RPJMD", "LUWU", "TIMUR"], ["RENCANA", "PEMBANGUNAN", "JANGKA", "MENENGAH", "DAERAH", "LUWU", "TIMUR"]) >= 0.99)
        #expect(ConsistencyText.titleOverlap(["PEMERINTAHAN", "DAERAH"], ["KEUANGAN", "NEGARA"]) == 0)
    }

    @Test func samePeriodAndLevelsAreNoConflict() {
        let text = """
            1. Peraturan Daerah Nomor 04 Tahun 2018 tentang RPJMD Tahun 2019-2024;
            2. Peraturan Daerah Kabupaten Sejahtera Nomor 4 Tahun 2018 tentang Rencana Pembangunan Jangka Menengah Daerah Tahun 2019-2024;
            3. Peraturan Daerah Provinsi Makmur Nomor 4 Tahun 2018 tentang Rencana Tata Ruang Wilayah Tahun 2018-2038;
            4. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.
            """
        #expect(findings(rule, text, kind: .iku).isEmpty)
    }

    @Test func theCitationDisagreeingWithTheDocumentIsReported() {
        let text = """
            # Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026

            1. Peraturan Daerah Nomor 11 Tahun 2021 tentang RPJMD Tahun 2021-2026;

            2. Peraturan Daerah Nomor 11 Tahun 2021 tentang RPJMD Tahun 2016-2021;
            """
        let found = findings(rule, text, kind: .iku)
        #expect(found.count == 1)
        #expect(found.first?.location.paragraph == 3)
        #expect(found.first?.expected == "2021-2026" && found.first?.actual == "2016-2021")
    }
}

// MARK: - number-format

@Suite("Consistency rules: number-format")
struct ConsistencyNumberFormatTests {
    let rule = NumberFormatRule()

    @Test func malformedAmountWithSuggestion() {
        let text = """
            | No. | Uraian | Jumlah Anggaran | Realisasi | % |
            |---|---|---|---|---|
            | 1 | Belanja Perjalanan Dinas | 11680.000 | 11.540.000 | 98,80 |
            | 2 | Belanja Bahan Cetak | 1.23.456 | 1.000 | 100 |
            """
        let found = findings(rule, text, kind: .lakip)
        #expect(found.count == 2)
        #expect(found.first?.expected == "11.680.000")
        #expect(found.first?.location == Location(table: 1, row: 2, column: 3))
    }

    @Test func aTieFlagsTheDecimalPoints() {
        let text = """
            | No | Indikator | Target 2024 | Target 2025 |
            |---|---|---|---|
            | 1 | Nilai SAKIP | 70,5 | 71.5 |
            """
        let found = findings(rule, text, kind: .renstra)
        #expect(found.count == 1)
        #expect(found.first?.actual == "71.5" && found.first?.expected == "71,5")
    }

    @Test func thousandsSeparatorsOfTheOtherStyle() {
        let text = """
            | No. | Uraian | Jumlah Anggaran | Realisasi |
            |---|---|---|---|
            | 1 | Belanja Alat Tulis Kantor | 4.700.000 | 4.165.900 |
            | 2 | Belanja Bahan Cetak | 14,800,000 | 14.800.000 |
            | 3 | Belanja Bahan Komputer | 18.800.000 | 17.792.700 |
            """
        let found = findings(rule, text, kind: .lakip)
        #expect(found.count == 1)
        #expect(found.first?.actual == "14,800,000" && found.first?.expected == "14.800.000")
    }

    @Test func aConsistentColumnIsNoSlipInARow() {
        let text = """
            | No | Indikator | Target 2024 | Target 2025 | Target 2026 |
            |---|---|---|---|---|
            | 1 | Nilai SAKIP | 70,5 | 71,5 | 72.5 |
            | 2 | Indeks Kepuasan | 80,5 | 81,5 | 82.5 |
            """
        #expect(findings(rule, text, kind: .renstra).isEmpty)
    }

    @Test func codeAndTextColumnsAreNotRead() {
        let text = """
            | No | Kode | Uraian | Keterangan |
            |---|---|---|---|
            | 1.1 | 5.2.01 | Belanja 1.23.456 | 11680.000 ditulis ulang |
            | 1.2 | 5.2.02 | Belanja | 2,5 dan 2.5 |
            """
        #expect(findings(rule, text, kind: .lakip).isEmpty)
    }
}

// MARK: - terbilang-mismatch

@Suite("Consistency rules: terbilang-mismatch")
struct ConsistencyTerbilangTests {
    let rule = TerbilangMismatchRule()

    @Test(arguments: [
        ("nol", "0"), ("sebelas", "11"), ("tujuh belas", "17"), ("dua puluh satu", "21"), ("seratus", "100"),
        ("seratus dua puluh lima", "125"), ("seribu lima ratus", "1.500"), ("dua ribu dua puluh empat", "2.024"),
        ("satu juta lima ratus ribu", "1.500.000"), ("sejuta", "1.000.000"), ("sepuluh ribu", "10.000"),
        ("tiga milyar delapan ratus tiga belas juta tujuh ratus empat puluh delapan ribu enam ratus", "3.813.748.600"),
        ("tujuh puluh empat koma lima", "74,5"), ("nol koma nol lima", "0,05"), ("dua koma dua puluh lima", "2,25"),
    ])
    func wordsAreRead(_ words: String, _ value: String) throws {
        let parsed = try #require(TerbilangReader.parse(words.uppercased().split(separator: " ").map(String.init)))
        #expect(TerbilangReader.format(parsed) == value)
    }

    @Test func wordsThatFormNoNumber() {
        #expect(TerbilangReader.parse(["DUA", "TIGA"]) == nil)
        #expect(TerbilangReader.parse(["PULUH"]) == nil)
        #expect(TerbilangReader.parse(["KOMA"]) == nil)
    }

    @Test func numbersAreSpelt() {
        #expect(TerbilangReader.words(for: TerbilangValue(integer: 3_813_748_600, decimals: ""))
            == "tiga miliar delapan ratus tiga belas juta tujuh ratus empat puluh delapan ribu enam ratus")
        #expect(TerbilangReader.words(for: TerbilangValue(integer: 1011, decimals: "")) == "seribu sebelas")
        #expect(TerbilangReader.words(for: TerbilangValue(integer: 74, decimals: "50")) == "tujuh puluh empat koma lima")
    }

    @Test func mismatchesInTextAndCells() {
        let text = """
            Ditetapkan 3 (dua) misi dan 90% (sembilan puluh persen) capaian; pagu Rp 1.500.000,- (terbilang : satu juta lima ratus ribu rupiah).

            | No | Uraian |
            |---|---|
            | 1 | Sebanyak tiga (4) desa |
            """
        let found = findings(rule, text)
        #expect(found.count == 2)
        #expect(found.first?.expected == "tiga" && found.first?.actual == "dua")
        #expect(found.last?.location.table == 1)
    }

    @Test func bracketsThatSpellNothing() {
        let text = """
            Periode 2021-2026 (lima tahun), ditetapkan 2 (Sasaran Pendukung), Pasal 6 ayat (2), ke-2 (kedua), 1 (Satu) Tahun Anggaran.
            """
        #expect(findings(rule, text).isEmpty)
    }
}
