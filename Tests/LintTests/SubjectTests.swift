import Foundation
import Testing
@testable import Lint

// MARK: - Helpers

/// The package root: this file is Tests/LintTests/SubjectTests.swift.
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let corpus = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL

/// A document whose body paragraphs are the given lines (empty lines skipped), numbered from 1.
private func document(_ lines: [String], title: String? = nil, path: String = "synthetic.txt") -> Document {
    var blocks: [Block] = []
    var number = 0
    for line in lines where !line.allSatisfy(\.isWhitespace) {
        number += 1
        blocks.append(.paragraph(Paragraph(location: Location(paragraph: number), text: line)))
    }
    return Document(path: path, format: .text, blocks: blocks, properties: CoreProperties(title: title))
}

/// A seed from `../shared/corpus/seeds/`, read in place, one paragraph per non-empty line.
private func seed(_ name: String, droppingFirst dropped: Int = 0) throws -> Document {
    let url = corpus.appendingPathComponent("seeds/\(name).txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        .map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    return document(Array(lines.dropFirst(dropped)), path: url.path)
}

struct SubjectExpectation: Sendable, CustomTestStringConvertible {
    var name: String
    var kind: Subject.Kind
    var unit: String
    var region: String
    var period: ClosedRange<Int>?
    var year: Int?
    /// Lines of the seed that form its cover (title page or decree heading).
    var coverLines: Int

    var testDescription: String { name }

    func check(_ s: Subject, _ comment: Testing.Comment? = nil) {
        #expect(s.kind == kind, comment)
        #expect(s.unit == unit, comment)
        #expect(s.region == region, comment)
        #expect(s.periodStart == period?.lowerBound, comment)
        #expect(s.periodEnd == period?.upperBound, comment)
        #expect(s.year == year, comment)
    }
}

/// Every value checked by reading the seed (see the notes on each).
private let corpusSubjects: [SubjectExpectation] = [
    // Decree heading: KEPUTUSAN CAMAT WOTU / KABUPATEN LUWU TIMUR / Nomor: 14 TAHUN 2023 / … /
    // KECAMATAN WOTU / KABUPATEN LUWU TIMUR / TAHUN 2021-2026. The Mengingat list also cites the
    // RPJP 2005–2025, an RPJMD "2016-2021" and a Dinas Perdagangan: none of them is the subject.
    SubjectExpectation(name: "wotu-iku-2021-2026", kind: .iku, unit: "Kecamatan Wotu",
                    region: "Kabupaten Luwu Timur", period: 2021...2026, year: nil, coverLines: 8),
    // Cover: PEMERINTAH KABUPATEN TULANG BAWANG / IKU (Indikator Kinerja Utama) 2023-2026 /
    // KECAMATAN RAWA JITU TIMUR KABUPATEN TULANG BAWANG. "Kota Pariaman" and "Kecamatan Pariaman
    // Utara" in BAB III are template leftovers.
    SubjectExpectation(name: "rawajitutimur-iku-2023-2026", kind: .iku, unit: "Kecamatan Rawa Jitu Timur",
                    region: "Kabupaten Tulang Bawang", period: 2023...2026, year: nil, coverLines: 6),
    // Cover: INDIKATOR KINERJA UTAMA (IKU) TAHUN 2021 - 2026 / SEKRETARIAT DAERAH KABUPATEN LUWU
    // TIMUR. Landasan hukum 14 has the typo "2021 – 20216" (not a range) and cites RPJP 2005–2025.
    SubjectExpectation(name: "setda-luwutimur-iku-2021-2026", kind: .iku, unit: "Sekretariat Daerah",
                    region: "Kabupaten Luwu Timur", period: 2021...2026, year: nil, coverLines: 5),
    // Cover: TAHUN 2023 - 2026 / INDIKATOR KINERJA UTAMA KECAMATAN WANARAYA / PEMERINTAH KABUPATEN
    // BARITO KUALA. The decree amending the IKU is titled "… TAHUN 2024-2026" (the years the
    // amendment applies to), but the cover, every lampiran heading ("TAHUN 2023 – 2026", eight
    // times) and the Renstra it cites (Keputusan Camat 026/2023, Renstra 2023-2026) give the plan
    // period 2023–2026. "Inspektorat Provinsi Kalimantan Selatan" is mentioned, not the subject.
    SubjectExpectation(name: "wanaraya-iku-2023-2026", kind: .iku, unit: "Kecamatan Wanaraya",
                    region: "Kabupaten Barito Kuala", period: 2023...2026, year: nil, coverLines: 8),
    // Cover: LAPORAN AKUNTABILITAS KINERIRJA PEMERINTAHAN (LAKIP) / KECAMATAN TOWUTI / KABUPATEN
    // LUWU TIMUR / TAHUN 2023. The Renstra is "Renstra 2021-2026" throughout BAB II–IV (once
    // "RENSTRA Tahun 2023-2026" in the foreword, once an old "RENSTRA 2016-2021"); the body also
    // names Kecamatan Wotu, Nuha and Wasuponda.
    SubjectExpectation(name: "towuti-lakip-2023", kind: .lakip, unit: "Kecamatan Towuti",
                    region: "Kabupaten Luwu Timur", period: 2021...2026, year: 2023, coverLines: 4),
]

// MARK: - Corpus

@Suite struct SubjectCorpusTests {
    @Test(arguments: corpusSubjects)
    func seedSubject(_ expected: SubjectExpectation) throws {
        expected.check(SubjectDetector.detect(try seed(expected.name)))
    }

    /// Without its cover the document still tells what it is, from its foreword and body.
    @Test(arguments: corpusSubjects)
    func seedSubjectWithoutCover(_ expected: SubjectExpectation) throws {
        let s = SubjectDetector.detect(try seed(expected.name, droppingFirst: expected.coverLines))
        #expect(s.kind == expected.kind)
        #expect(s.unit == expected.unit)
        #expect(s.region == expected.region)
    }

    /// The same documents as Word files, LibreOffice re-saves and Flat OPC XML, through the reader.
    @Test(arguments: ["docx", "docx-lo", "xml"], corpusSubjects)
    func readerSubject(_ folder: String, _ expected: SubjectExpectation) throws {
        let ext = folder == "xml" ? "xml" : "docx"
        let path = corpus.appendingPathComponent("\(folder)/\(expected.name).\(ext)").path
        let doc = try DocumentReader.read(path: path)
        expected.check(SubjectDetector.detect(doc), "\(folder)/\(expected.name)")
    }

    /// The generated clean documents (clean/truth.jsonl gives their kind).
    @Test(arguments: [
        ("iku-clean-7-00", Subject(kind: .iku, unit: "Kecamatan Sungai Raya", region: "Kabupaten Teluk Biru", periodStart: 2024, periodEnd: 2028)),
        ("iku-clean-7-01", Subject(kind: .iku, unit: "Kecamatan Tanjung Harapan", region: "Kabupaten Teluk Biru", periodStart: 2021, periodEnd: 2025)),
        // "Target jangka menengah Kecamatan Batu Ampar Tahun 2025-2029" under A. RENCANA STRATEGIS.
        ("lakip-clean-7-00", Subject(kind: .lakip, unit: "Kecamatan Batu Ampar", region: "Kabupaten Sinar Lestari", periodStart: 2025, periodEnd: 2029, year: 2027)),
        ("lakip-clean-7-01", Subject(kind: .lakip, unit: "Kecamatan Batu Ampar", region: "Kabupaten Danau Tenang", periodStart: 2022, periodEnd: 2026, year: 2024)),
    ])
    func cleanSubject(_ name: String, _ expected: Subject) throws {
        let doc = try DocumentReader.read(path: corpus.appendingPathComponent("clean/\(name).docx").path)
        let s = SubjectDetector.detect(doc)
        #expect(s.kind == expected.kind)
        #expect(s.unit == expected.unit)
        #expect(s.region == expected.region)
        #expect(s.year == expected.year)
        #expect(s.periodStart == expected.periodStart && s.periodEnd == expected.periodEnd)
    }

    @Test func seedIsQuick() throws {
        let doc = try seed("towuti-lakip-2023")
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SubjectDetector.detect(doc) }
        #expect(elapsed < .seconds(5), "one pass over a 2,000-line report")
    }
}

// MARK: - Synthetic documents

@Suite struct SubjectSyntheticTests {
    @Test func dinasRenstra() {
        let s = SubjectDetector.detect(document([
            "RENCANA STRATEGIS", "(RENSTRA)", "DINAS KESEHATAN", "KABUPATEN LUWU TIMUR", "Tahun 2021 – 2026",
            "KATA PENGANTAR",
            "Renstra ini menjadi acuan penyusunan Indikator Kinerja Utama (IKU), Perjanjian Kinerja dan Laporan Kinerja (LKjIP) Dinas Kesehatan setiap tahun.",
        ]))
        #expect(s == Subject(kind: .renstra, unit: "Dinas Kesehatan", region: "Kabupaten Luwu Timur",
                             periodStart: 2021, periodEnd: 2026))
    }

    @Test func kotaLakip() {
        let s = SubjectDetector.detect(document([
            "LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP)", "KECAMATAN PARIAMAN UTARA", "KOTA PARIAMAN", "TAHUN 2022",
            "KATA PENGANTAR",
            "Laporan ini disusun berdasarkan Perjanjian Kinerja Tahun 2022 dan Rencana Strategis Kecamatan Pariaman Utara Tahun 2021-2026 sebagai bentuk pertanggungjawaban.",
            "Ibu Kota Kecamatan berada di Desa Sikabu.",
        ]))
        #expect(s == Subject(kind: .lakip, unit: "Kecamatan Pariaman Utara", region: "Kota Pariaman",
                             periodStart: 2021, periodEnd: 2026, year: 2022))
    }

    @Test func perjanjianKinerja() {
        let s = SubjectDetector.detect(document([
            "PERJANJIAN KINERJA TAHUN 2024",
            "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH (BPKAD)",
            "PEMERINTAH KABUPATEN TULANG BAWANG",
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
            "Jabatan : Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
            "Menggala, 2 Januari 2024",
        ]))
        #expect(s == Subject(kind: .pk, unit: "Badan Pengelolaan Keuangan dan Aset Daerah",
                             region: "Kabupaten Tulang Bawang", year: 2024))
    }

    @Test func unknownDocument() {
        let s = SubjectDetector.detect(document([
            "NOTULEN RAPAT KOORDINASI",
            "Senin, 12 Februari 2024",
            "Rapat dibuka pukul 09.00 dan membahas jadwal kegiatan bulan depan serta pembagian tugas panitia.",
            "Peserta sepakat menyusun jadwal baru; penyusunan Renstra akan dibahas pada rapat berikutnya.",
        ]))
        #expect(s.kind == .unknown)
        #expect(s.unit == nil)
        #expect(s.region == nil)
        #expect(s.periodStart == nil && s.periodEnd == nil)
    }

    @Test func abbreviatedKabupaten() {
        let s = SubjectDetector.detect(document([
            "INDIKATOR KINERJA UTAMA", "INSPEKTORAT DAERAH KAB. LUWU TIMUR", "TAHUN 2022-2026", "BAB I", "PENDAHULUAN",
        ]))
        #expect(s == Subject(kind: .iku, unit: "Inspektorat Daerah", region: "Kabupaten Luwu Timur",
                             periodStart: 2022, periodEnd: 2026))
    }

    @Test func glued() {
        let s = SubjectDetector.detect(document(["IKU Kec.Malili Kab.Luwu Timur 2021 s.d 2026"]))
        #expect(s == Subject(kind: .iku, unit: "Kecamatan Malili", region: "Kabupaten Luwu Timur",
                             periodStart: 2021, periodEnd: 2026))
    }

    @Test func titleOnlyInCoreProperties() {
        let s = SubjectDetector.detect(document([
            "KATA PENGANTAR",
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya dokumen ini.",
            "BAB I PENDAHULUAN",
        ], title: "Rencana Strategis Dinas Pendidikan dan Kebudayaan Kota Palopo 2019-2024"))
        #expect(s == Subject(kind: .renstra, unit: "Dinas Pendidikan dan Kebudayaan", region: "Kota Palopo",
                             periodStart: 2019, periodEnd: 2024))
    }

    @Test func fileNameTitle() {
        let s = SubjectDetector.detect(document(["KATA PENGANTAR"], title: "lkjip_kecamatan-malili_2023.docx"))
        #expect(s == Subject(kind: .lakip, unit: "Kecamatan Malili", year: 2023))
    }

    /// The decree's own title is on one line with its number; the Mengingat list cites laws
    /// with other periods and regions.
    @Test func decreeWithCitations() {
        let s = SubjectDetector.detect(document([
            "KEPUTUSAN KEPALA DINAS SOSIAL KOTA MAKASSAR NOMOR 5 TAHUN 2022 TENTANG INDIKATOR KINERJA UTAMA TAHUN 2021-2026",
            "Menimbang : bahwa untuk melaksanakan ketentuan Peraturan Menteri PAN Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja;",
            "Mengingat : 1. Peraturan Daerah Kota Makassar Nomor 2 Tahun 2006 tentang RPJP Kota Makassar Tahun 2005-2025;",
            "2. Peraturan Daerah Kabupaten Gowa Nomor 3 Tahun 2016 tentang RPJMD Kabupaten Gowa Tahun 2016-2021;",
            "3. Peraturan Daerah Kabupaten Gowa Nomor 4 Tahun 2016 tentang RPJMD Kabupaten Gowa Tahun 2016-2021;",
        ]))
        #expect(s == Subject(kind: .iku, unit: "Dinas Sosial", region: "Kota Makassar", periodStart: 2021, periodEnd: 2026))
    }

    /// No cover: the foreword names the report; its body speaks of the IKU and Renstra too.
    @Test func coverlessLakip() {
        let s = SubjectDetector.detect(document([
            "KATA PENGANTAR",
            "Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Malili Kabupaten Luwu Timur Tahun 2022 disusun sebagai pertanggungjawaban atas Perjanjian Kinerja Tahun 2022.",
            "BAB II PERENCANAAN KINERJA",
            "A. RENCANA STRATEGIS",
            "Rencana Strategis Kecamatan Malili Tahun 2021-2026 memuat tujuan, sasaran dan Indikator Kinerja Utama (IKU).",
            "B. PERJANJIAN KINERJA",
            "Perjanjian Kinerja Tahun 2022 memuat target Indikator Kinerja Utama.",
        ]))
        #expect(s == Subject(kind: .lakip, unit: "Kecamatan Malili", region: "Kabupaten Luwu Timur",
                             periodStart: 2021, periodEnd: 2026, year: 2022))
    }

    /// A typo such as "2021 - 20216" is not a period, and its first year is not a report year.
    @Test func brokenRangeIgnored() {
        let s = SubjectDetector.detect(document(["RENSTRA", "SEKRETARIAT DPRD KOTA BAU-BAU", "TAHUN 2021 - 20216"]))
        #expect(s == Subject(kind: .renstra, unit: "Sekretariat DPRD", region: "Kota Bau-Bau"))
    }

    /// A template's leftover city in the body does not beat the cover's region.
    @Test func foreignNamesInBody() {
        var lines = ["INDIKATOR KINERJA UTAMA", "KECAMATAN SUKA MAJU", "KABUPATEN TELUK BIRU", "TAHUN 2023-2026", "KATA PENGANTAR"]
        lines += Array(repeating: "Susunan organisasi Kecamatan Pariaman Utara Kota Pariaman terdiri atas Camat dan Sekretaris.", count: 20)
        let s = SubjectDetector.detect(document(lines))
        #expect(s == Subject(kind: .iku, unit: "Kecamatan Suka Maju", region: "Kabupaten Teluk Biru",
                             periodStart: 2023, periodEnd: 2026))
    }

    /// "Kecamatan Kota Masohi": Kota starts the kecamatan's name; the region comes after.
    @Test func kecamatanNamedKota() {
        let s = SubjectDetector.detect(document([
            "LAPORAN KINERJA", "KECAMATAN KOTA MASOHI", "KABUPATEN MALUKU TENGAH", "PROVINSI MALUKU", "TAHUN 2023",
        ]))
        #expect(s == Subject(kind: .lakip, unit: "Kecamatan Kota Masohi", region: "Kabupaten Maluku Tengah", year: 2023))
    }

    /// Names keep commas, connectors in lower case and acronyms in upper case.
    @Test func nameCasing() {
        let s = SubjectDetector.detect(document([
            "RENCANA STRATEGIS", "DINAS PERUMAHAN, KAWASAN PERMUKIMAN DAN PERTANAHAN", "KABUPATEN TULANG BAWANG BARAT",
            "TAHUN 2022 S.D 2026", "KATA PENGANTAR",
            "Dokumen ini disusun oleh Dinas bersama BAPPEDA dan BPKAD sesuai ketentuan yang berlaku di daerah.",
        ]))
        #expect(s.unit == "Dinas Perumahan, Kawasan Permukiman dan Pertanahan")
        #expect(s.region == "Kabupaten Tulang Bawang Barat")
        #expect(s.periodStart == 2022 && s.periodEnd == 2026)
        let t = SubjectDetector.detect(document(["PERJANJIAN KINERJA", "SEKRETARIAT DPRD", "KABUPATEN LUWU TIMUR", "TAHUN 2025"]))
        #expect(t == Subject(kind: .pk, unit: "Sekretariat DPRD", region: "Kabupaten Luwu Timur", year: 2025))
    }

    /// The head's title names the unit: "CAMAT WOTU" → Kecamatan Wotu, "BUPATI LUWU TIMUR" → Kabupaten.
    @Test func headTitles() {
        let s = SubjectDetector.detect(document([
            "KEPUTUSAN CAMAT WOTU", "NOMOR 3 TAHUN 2024", "TENTANG", "PERJANJIAN KINERJA TAHUN 2024",
            "Menimbang : bahwa perlu ditetapkan perjanjian kinerja antara Camat Wotu dan Bupati Luwu Timur;",
        ]))
        #expect(s == Subject(kind: .pk, unit: "Kecamatan Wotu", region: "Kabupaten Luwu Timur", year: 2024))
    }

    /// Years in a table's header ("Target 2024 … 2028") give the period when no text states it.
    @Test func periodFromTableHeader() {
        var doc = document(["INDIKATOR KINERJA UTAMA", "KECAMATAN SUNGAI RAYA", "BAB I", "Uraian tanpa tahun."])
        let header = Row(index: 1, cells: ["No", "Indikator", "2024", "2025", "2026", "2027", "2028"].map { Cell(text: $0) })
        let body = Row(index: 2, cells: ["1", "Indeks Kepuasan Masyarakat", "80", "81", "82", "83", "84"].map { Cell(text: $0) })
        doc.blocks.append(.table(Table(index: 1, paragraphsBefore: 4, rows: [header, body])))
        let s = SubjectDetector.detect(doc)
        #expect(s.kind == .iku)
        #expect(s.unit == "Kecamatan Sungai Raya")
        #expect(s.periodStart == 2024 && s.periodEnd == 2028)
    }

    /// A report's Renstra period can be stated only in the section about the Renstra.
    @Test func renstraPeriodFromSection() {
        let s = SubjectDetector.detect(document([
            "LAPORAN KINERJA", "DINAS KESEHATAN", "KOTA PALOPO", "TAHUN 2022",
            "BAB II PERENCANAAN KINERJA",
            "A. Rencana Strategis",
            "Dokumen perencanaan lima tahunan untuk periode 2019-2023 memuat tujuan dan sasaran dinas.",
            "B. Perjanjian Kinerja",
            "Capaian tahun 2020-2022 dibandingkan pada Tabel 3.2 untuk melihat kecenderungan kinerja.",
        ]))
        #expect(s == Subject(kind: .lakip, unit: "Dinas Kesehatan", region: "Kota Palopo",
                             periodStart: 2019, periodEnd: 2023, year: 2022))
    }

    @Test func emptyDocument() {
        #expect(SubjectDetector.detect(document([])) == Subject())
    }
}
