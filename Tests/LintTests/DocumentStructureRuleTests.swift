import Foundation
import Testing
@testable import Lint
@testable import Rules

// Tests of the document-structure rules: duplicate-section, toc-mismatch, required-section, duplicate-caption.

// MARK: - Helpers

/// Findings of `rule` on a Markdown snippet, with the rule set of `kind` (as `explain` examples run).
private func structureFindings(_ rule: any Rule, _ markdown: String, kind: Subject.Kind? = nil) -> [Finding] {
    ExampleRunner.findings(of: rule, on: RuleExample(markdown, kind: kind)).filter { $0.rule == rule.description.id }
}

/// Findings of `rule` on a document built from paragraphs (TOC entries marked with a leading "toc:").
private func structureFindings(_ rule: any Rule, paragraphs texts: [String], kind: Subject.Kind? = nil) -> [Finding] {
    let example = RuleExample(caption: "built", kind: kind) {
        var blocks: [Block] = []
        for (index, raw) in texts.enumerated() {
            let isTOC = raw.hasPrefix("toc:")
            let text = isTOC ? String(raw.dropFirst(4)) : raw
            blocks.append(.paragraph(Paragraph(location: Location(paragraph: index + 1), text: text,
                                               styleName: isTOC ? "toc 1" : nil, isTOCEntry: isTOC)))
        }
        return Document(path: "built.docx", format: .docx, blocks: blocks)
    }
    return ExampleRunner.findings(of: rule, on: example).filter { $0.rule == rule.description.id }
}

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
private let corpus = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL.path

/// Findings of one rule on one corpus file, with the built-in rule set of the file's kind.
private func corpusFindings(_ rule: any Rule, _ path: String) throws -> [Finding] {
    let document = try DocumentLoader.load(path: path)
    let ruleSet = try RuleSetLibrary.load(RuleSetLibrary.name(for: document.subject.kind))
    let id = rule.description.id
    let context = RuleContext(document: document, ruleID: id,
                              severity: ruleSet.severity(of: id, default: rule.description.defaultSeverity),
                              parameters: ruleSet.parameters(of: id), vocabulary: ruleSet.vocabulary, terms: ruleSet.terms)
    return rule.check(context)
}

/// The three forms of a corpus document.
private func forms(_ name: String) -> [String] {
    ["\(corpus)/docx/\(name).docx", "\(corpus)/docx-lo/\(name).docx", "\(corpus)/xml/\(name).xml"]
}

private func normalised(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
}

/// A finding whose evidence or message contains `text` (as the corpus grader matches).
private func has(_ findings: [Finding], _ text: String) -> Bool {
    let wanted = normalised(text)
    return findings.contains {
        normalised($0.evidence).contains(wanted) || normalised($0.message.id).contains(wanted)
            || normalised($0.message.en).contains(wanted)
    }
}

private let structureRules: [any Rule] = [DuplicateSectionRule(), TOCMismatchRule(), RequiredSectionRule(),
                                          DuplicateCaptionRule()]

// MARK: - Corpus

@Suite("Document structure rules on the corpus")
struct DocumentStructureCorpusTests {
    @Test(arguments: forms("wotu-iku-2021-2026"))
    func wotuDuplicateSections(path: String) throws {
        let findings = try corpusFindings(DuplicateSectionRule(), path)
        #expect(has(findings, "Tugas Seksi Pelayanan Umum"), "the block printed twice")
        #expect(has(findings, "Tugas Kepala Sub Bagian Perencanaan dan Kepegawaian"), "the heading reused")
        // Reported on the second occurrence, which names the first.
        let whole = try #require(findings.first { normalised($0.evidence) == "tugas seksi pelayanan umum" })
        #expect(whole.location.paragraph == 417)
        #expect(whole.message.en.contains("379"))
        let reused = try #require(findings.first { $0.evidence.contains("Perencanaan dan Kepegawaian") })
        #expect(reused.location.paragraph == 522)
        #expect(reused.message.en.contains("455"))
        #expect(findings.count == 2, "boilerplate duties shared by the seksi are no duplicates: \(findings.map(\.evidence))")
    }

    @Test(arguments: forms("rawajitutimur-iku-2023-2026"))
    func rawajitutimurTOC(path: String) throws {
        let findings = try corpusFindings(TOCMismatchRule(), path)
        #expect(has(findings, "Arah Kebijakan"))
        #expect(has(findings, "Visi"))
        #expect(findings.allSatisfy { $0.severity == .warning })
        // Entries the body does have are not reported.
        #expect(!has(findings, "Latar Belakang") && !has(findings, "Landasan Penyusunan") && !has(findings, "PENUTUP"))
        #expect(!has(findings, "Lampiran Indikator Kinerja"))
    }

    @Test(arguments: forms("towuti-lakip-2023"))
    func towutiCaptionsAndTOC(path: String) throws {
        let captions = try corpusFindings(DuplicateCaptionRule(), path)
        #expect(has(captions, "Tabel.2.1") || has(captions, "Tabel : 2.1"))
        #expect(has(captions, "Tabel 3.8"))
        #expect(captions.count == 2, "only 2.1 and 3.8 are doubled: \(captions.map(\.evidence))")
        let toc = try corpusFindings(TOCMismatchRule(), path)
        let page = try #require(toc.first { $0.evidence.contains("Visi dan Misi Kepala Daerah") })
        #expect(page.message.en.contains("26") && page.message.en.contains("28"))
        #expect(toc.count == 1, "deeper entries and LAMPIRAN are not held to headings: \(toc.map(\.evidence))")
    }

    @Test(arguments: ["wotu-iku-2021-2026", "rawajitutimur-iku-2023-2026", "setda-luwutimur-iku-2021-2026",
                      "wanaraya-iku-2023-2026", "towuti-lakip-2023"])
    func noRequiredSectionMissingInTheCorpus(name: String) throws {
        for path in forms(name) {
            let findings = try corpusFindings(RequiredSectionRule(), path)
            #expect(findings.isEmpty, "\(path): \(findings.map(\.message.en))")
        }
    }

    @Test(arguments: ["setda-luwutimur-iku-2021-2026", "wanaraya-iku-2023-2026"])
    func nothingInTheOtherDocuments(name: String) throws {
        for path in forms(name) {
            for rule in structureRules {
                let findings = try corpusFindings(rule, path)
                #expect(findings.isEmpty, "\(rule.description.id) on \(path): \(findings.map(\.message.en))")
            }
        }
    }

    @Test func cleanDocumentsDrawNoError() throws {
        let folder = "\(corpus)/clean"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".docx") }
        #expect(!files.isEmpty)
        for file in files {
            for rule in structureRules {
                let findings = try corpusFindings(rule, "\(folder)/\(file)")
                #expect(findings.isEmpty, "\(rule.description.id) on \(file): \(findings.map(\.message.en))")
            }
        }
    }
}

// MARK: - duplicate-section

@Suite("duplicate-section")
struct DuplicateSectionRuleTests {
    let rule = DuplicateSectionRule()

    @Test func wholeSectionWithWordHeadingsPrintedTwice() {
        let findings = structureFindings(rule, """
            # BAB I PENDAHULUAN

            ## 1.1 Latar Belakang

            Laporan kinerja disusun sebagai bentuk pertanggungjawaban pelaksanaan tugas dan fungsi selama tahun anggaran berjalan.

            ## 1.2 Maksud dan Tujuan

            Laporan ini dimaksudkan untuk memberikan informasi kinerja kepada pimpinan dan masyarakat.

            ## 1.1 Latar Belakang

            Laporan kinerja disusun sebagai bentuk pertanggungjawaban pelaksanaan tugas dan fungsi selama tahun anggaran berjalan.
            """)
        #expect(findings.count == 1)
        #expect(findings.first?.location.paragraph == 6)
        #expect(findings.first?.evidence == "1.1 Latar Belakang")
        #expect(findings.first?.message.en.contains("printed twice") == true)
        #expect(findings.first?.severity == .error)
    }

    @Test func blockWithoutHeadingPrintedTwice() {
        let paragraph1 = "Indikator Indeks Kepuasan Masyarakat pada Tahun 2023 menetapkan target 80 dengan realisasi 84,05 atau capaian 105,06%."
        let paragraph2 = "Indikator Nilai SAKIP Kecamatan pada Tahun 2023 menetapkan target 72 dengan realisasi 73,03 atau capaian 101,43%."
        let findings = structureFindings(rule, """
            \(paragraph1)

            \(paragraph2)

            Capaian kinerja program dihitung sebagai rata-rata capaian kinerja kegiatan pendukungnya.

            \(paragraph1)

            \(paragraph2)
            """)
        #expect(findings.count == 1)
        #expect(findings.first?.location.paragraph == 4)
        #expect(findings.first?.message.id.contains("paragraf 1–2") == true)
    }

    @Test func aLeadInRepeatedBeforeDifferentTablesIsNoBlock() {
        let findings = structureFindings(rule, """
            a. Perbandingan antara target dan realisasi kinerja tahun ini

            Perbandingan antara target dan realisasi kinerja tahun ini dapat dilihat sesuai dengan tabel berikut, untuk setiap indikator sasaran strategis:

            | No | Indikator | Target | Realisasi |
            |---|---|---|---|
            | 1 | Indeks Kepuasan Masyarakat | 78,5 | 84,05 |

            a. Perbandingan antara target dan realisasi kinerja tahun ini

            Perbandingan antara target dan realisasi kinerja tahun ini dapat dilihat sesuai dengan tabel berikut, untuk setiap indikator sasaran strategis:

            | No | Indikator | Target | Realisasi |
            |---|---|---|---|
            | 1 | Nilai SAKIP | 70 | 73 |
            """)
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func sharedItemsInsideDifferentListsAreNoBlock() {
        // The same b. and c. in two seksi's duty lists, a different a. and d.: boilerplate, not a pasted block.
        let shared = """
            b. Membagi tugas kepada bawahan agar tercipta distribusi tugas yang merata dalam lingkup seksi masing-masing;

            c. Menyelia pelaksanaan tugas pokok agar organisasi berjalan sesuai dengan rencana, tepat waktu, berkualitas;
            """
        let findings = structureFindings(rule, """
            Rincian tugas seksi adalah sebagai berikut:

            a. Merencanakan kegiatan pemerintahan umum;

            \(shared)

            d. Melakukan pembinaan administrasi desa.

            Rincian tugas seksi berikutnya adalah sebagai berikut:

            a. Merencanakan kegiatan pemberdayaan masyarakat;

            \(shared)

            d. Melakukan pembinaan lembaga kemasyarakatan.
            """)
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func aRepeatedHeadingOverDifferentContentIsNoFinding() {
        let findings = structureFindings(rule, """
            ## Faktor Pendukung dan Penghambat

            Keberhasilan sasaran pertama didukung oleh komitmen pimpinan dan ketersediaan anggaran yang memadai.

            ## Faktor Pendukung dan Penghambat

            Sasaran kedua terhambat oleh keterlambatan data dari desa dan keterbatasan jumlah pegawai.
            """)
        #expect(findings.isEmpty)
    }

    @Test func duplicatedTablesUnderTheSameHeadingCount() {
        let findings = structureFindings(rule, """
            ## Jumlah Pegawai Menurut Golongan

            | No | Golongan | Jumlah Pegawai Laki-laki | Jumlah Pegawai Perempuan | Keterangan Jabatan dan Penempatan |
            |---|---|---|---|---|
            | 1 | IV | 1 | 3 | Camat, Sekretaris Kecamatan dan Kepala Seksi Pemerintahan Umum |
            | 2 | III | 4 | 5 | Kepala Seksi, Kepala Sub Bagian dan Pelaksana pada Sekretariat |

            ## Jumlah Pegawai Menurut Golongan

            | No | Golongan | Jumlah Pegawai Laki-laki | Jumlah Pegawai Perempuan | Keterangan Jabatan dan Penempatan |
            |---|---|---|---|---|
            | 1 | IV | 1 | 3 | Camat, Sekretaris Kecamatan dan Kepala Seksi Pemerintahan Umum |
            | 2 | III | 4 | 5 | Kepala Seksi, Kepala Sub Bagian dan Pelaksana pada Sekretariat |
            """)
        #expect(findings.count == 1)
    }

    @Test func parametersRaiseTheMinimum() throws {
        let example = RuleExample("""
            ## Latar Belakang

            Laporan kinerja disusun sebagai bentuk pertanggungjawaban pelaksanaan tugas dan fungsi organisasi selama tahun anggaran.

            ## Latar Belakang

            Laporan kinerja disusun sebagai bentuk pertanggungjawaban pelaksanaan tugas dan fungsi organisasi selama tahun anggaran.
            """)
        let document = ExampleRunner.document(for: example)
        func run(_ settings: Settings) -> [Finding] {
            rule.check(RuleContext(document: document, ruleID: "duplicate-section", severity: .error,
                                   parameters: settings, vocabulary: .standard, terms: Settings()))
        }
        #expect(run(Settings()).count == 1)
        #expect(run(Settings([("min_section_characters", .scalar("500"))])).isEmpty)
    }
}

// MARK: - toc-mismatch

@Suite("toc-mismatch")
struct TOCMismatchRuleTests {
    let rule = TOCMismatchRule()

    @Test func chapterTitleInItsOwnEntryAndHeadingSplitOverTwoLines() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI",
            "toc:BAB I\t1", "toc:PENDAHULUAN\t1", "toc:BAB II GAMBARAN UMUM\t4",
            "BAB I", "PENDAHULUAN", "Dokumen ini disusun sebagai acuan kinerja.",
            "BAB II", "GAMBARAN UMUM", "Kecamatan terdiri dari 18 desa.",
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func spellingCaseLeadersAndStrayLabels() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI",
            "toc:BAB I PENDAHULUAN.............1", "toc:A. Latar Belakang .......... 1",
            "toc:B. Gambaran Umum dan Organisasi\t2", "toc:A. BAB II PENUTUP\t9",
            "BAB I PENDAHULUAN", "A. LATAR BELAKANG", "Isi latar belakang.",
            "B. GAMBARAN UMUM ORGANISASI", "Isi gambaran umum.",
            "BAB II PENUTUPP", "Demikian.",
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func numberDiffersAndTitleDiffers() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI",
            "toc:BAB II PERENCANAAN", "toc:2.1 Rencana Strategis", "toc:2.2 Perjanjian Kinerja",
            "toc:BAB III GAMBARAN UMUM", "toc:3.1 Visi", "toc:3.2 Tugas Pokok dan Fungsi",
            "BAB II PERENCANAAN", "2.1 Rencana Strategis", "Isi.", "2.3 Perjanjian Kinerja", "Isi.",
            "BAB III GAMBARAN UMUM", "3.1 Tugas Pokok dan Fungsi", "Camat membantu Bupati.",
        ])
        #expect(findings.count == 2, "\(findings.map(\.message.en))")
        let numberDiffers = findings.first { $0.location.paragraph == 4 }
        #expect(numberDiffers?.expected == "2.3")
        #expect(numberDiffers?.actual == "2.2")
        let titleDiffers = findings.first { $0.location.paragraph == 6 }
        #expect(titleDiffers?.expected == "Tugas Pokok dan Fungsi")
        // 3.2 Tugas Pokok dan Fungsi is 3.1 in the body only because 3.1 Visi is gone: not reported again.
        #expect(!findings.contains { $0.location.paragraph == 7 })
    }

    @Test func headingMissingFromTheTOC() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI",
            "toc:BAB I PENDAHULUAN\t1", "toc:1.1 Latar Belakang\t1", "toc:BAB II PENUTUP\t5",
            "BAB I PENDAHULUAN", "1.1 Latar Belakang", "Isi.", "1.2 Maksud dan Tujuan", "Isi.",
            "BAB II PENUTUP", "Demikian.",
        ])
        #expect(findings.count == 1)
        #expect(findings.first?.location.paragraph == 8)
        #expect(findings.first?.evidence == "1.2 Maksud dan Tujuan")
    }

    @Test func aTOCOfChaptersOnlyDoesNotMissSubsections() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI",
            "toc:BAB I PENDAHULUAN\t1", "toc:BAB II GAMBARAN UMUM\t3", "toc:BAB III PENUTUP\t7",
            "BAB I PENDAHULUAN", "1.1 Latar Belakang", "Isi.", "1.2 Maksud dan Tujuan", "Isi.",
            "BAB II GAMBARAN UMUM", "2.1 Visi dan Misi", "Isi.", "BAB III PENUTUP", "Demikian.",
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func listsOfTablesHoldCaptionsNotHeadings() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI", "toc:BAB I PENDAHULUAN\t1", "toc:BAB II PENUTUP\t9",
            "DAFTAR TABEL", "toc:Tabel 1.1 Jumlah Pegawai\t3", "toc:Tabel 2.1 Tujuan dan Sasaran\t2",
            "BAB I PENDAHULUAN", "Isi.", "BAB II PENUTUP", "Demikian.",
        ])
        // The caption list is only checked for its pages: 2 after 3.
        #expect(findings.count == 1)
        #expect(findings.first?.location.paragraph == 6)
    }

    @Test func romanFrontMatterPagesAreASequenceOfTheirOwn() {
        let findings = structureFindings(rule, paragraphs: [
            "DAFTAR ISI", "toc:KATA PENGANTAR\tii", "toc:DAFTAR ISI\tiv", "toc:BAB I PENDAHULUAN\t1",
            "toc:BAB II PENUTUP\t9", "KATA PENGANTAR", "Puji syukur.", "BAB I PENDAHULUAN", "Isi.",
            "BAB II PENUTUP", "Demikian.",
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
        let backwards = structureFindings(rule, paragraphs: [
            "DAFTAR ISI", "toc:KATA PENGANTAR\tiv", "toc:RINGKASAN\tii", "toc:BAB I PENDAHULUAN\t1",
            "KATA PENGANTAR", "Puji syukur.", "RINGKASAN", "Ringkas.", "BAB I PENDAHULUAN", "Isi.",
        ])
        #expect(backwards.count == 1)
        #expect(backwards.first?.actual == "ii")
    }

    @Test func outsideLongestRuns() {
        #expect(TOCMismatchRule.outsideLongestRuns([1, 3, 25, 26, 28, 28, 28, 26, 32, 38]) == [7])
        #expect(TOCMismatchRule.outsideLongestRuns([1, 2, 3, 4]).isEmpty)
        #expect(TOCMismatchRule.outsideLongestRuns([1, 2, 90, 4, 5, 6]) == [2])
        // A swap of two: both lie on a longest run; the rule then reports the later one of the descent.
        #expect(TOCMismatchRule.outsideLongestRuns([10, 28, 26, 32]).isEmpty)
    }

    @Test func wordsPlaceholderAndFieldTitleAreNoEntries() {
        let findings = structureFindings(rule, paragraphs: [
            "toc:Contents", "toc:Introduction\t1", "toc:No table of figures entries found.",
            "Introduction", "Text.",
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }
}

// MARK: - required-section

@Suite("required-section")
struct RequiredSectionRuleTests {
    let rule = RequiredSectionRule()

    @Test func aMissingLKjIPChapterIsReportedWhereItBelongs() {
        let findings = structureFindings(rule, """
            # LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH KECAMATAN MAJU TAHUN 2023

            # BAB I PENDAHULUAN

            Isi pendahuluan.

            # BAB II PERENCANAAN KINERJA

            Isi perencanaan.

            # BAB III PENUTUP

            Demikian.
            """, kind: .lakip)
        // The cover title holds "Akuntabilitas Kinerja" but is no chapter.
        #expect(findings.count == 1)
        #expect(findings.first?.expected == "Akuntabilitas Kinerja")
        #expect(findings.first?.evidence == "BAB III PENUTUP")
        #expect(findings.first?.message.id.contains("PermenPAN-RB 53/2014") == true)
    }

    @Test func synonymsAndTypedTitles() {
        let findings = structureFindings(rule, """
            # LAPORAN KINERJA KECAMATAN MAJU TAHUN 2023

            # BAB I PENDAHULUAN

            Isi.

            # BAB II PERENCANAAN DAN PERJANJIAN KINERJA

            Isi.

            # BAB III AKUNTABILITAS KINERJA INSTANSI PEMERINTAH

            Isi.

            # BAB IV KESIMPULAN

            Demikian.
            """, kind: .lakip)
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func ikuChaptersOnlyWhenWrittenInChapters() {
        let chapters = structureFindings(rule, """
            # INDIKATOR KINERJA UTAMA KECAMATAN MAJU TAHUN 2021-2026

            # BAB I PENDAHULUAN

            Isi.

            # BAB II GAMBARAN UMUM

            Isi.
            """, kind: .iku)
        #expect(chapters.count == 1)
        #expect(chapters.first?.expected == "Penutup")
        let decree = structureFindings(rule, """
            # KEPUTUSAN CAMAT MAJU TENTANG INDIKATOR KINERJA UTAMA TAHUN 2021-2026

            Menetapkan Indikator Kinerja Utama sebagaimana tercantum dalam lampiran.
            """, kind: .iku)
        #expect(decree.isEmpty)
    }

    @Test func listsComeFromTheRuleSet() throws {
        let document = ExampleRunner.document(for: RuleExample("""
            # BAB I PENDAHULUAN

            Isi.

            # BAB II PENUTUP

            Demikian.
            """))
        let sections = SettingValue.map(Settings([("unknown", .list([
            .scalar("Pendahuluan"), .map(Settings([("title", .scalar("Lampiran")), ("synonyms", .list([.scalar("Attachment")]))])),
        ]))]))
        let findings = rule.check(RuleContext(document: document, ruleID: "required-section", severity: .error,
                                              parameters: Settings([("sections", sections)]), vocabulary: .standard,
                                              terms: Settings()))
        #expect(findings.map(\.expected) == ["Lampiran"])
    }
}

// MARK: - duplicate-caption

@Suite("duplicate-caption")
struct DuplicateCaptionRuleTests {
    let rule = DuplicateCaptionRule()

    @Test func numberForms() {
        let findings = structureFindings(rule, paragraphs: [
            "Tabel 3.8", "Isi.", "Tabel 3.8. Perbandingan Capaian Kinerja dan Serapan Anggaran",
            "Tabel III.2.3", "Tabel III.2.3 Realisasi Belanja", "Grafik A.1", "Grafik A.1 Realisasi Perizinan",
        ], kind: .lakip)
        #expect(findings.map(\.location.paragraph) == [3, 5, 7])
        #expect(findings.first?.actual == "Tabel 3.8")
        #expect(findings.first?.message.en.contains("paragraph 1") == true)
    }

    @Test func notCaptions() {
        let findings = structureFindings(rule, paragraphs: [
            "Tabel 2.1 Tujuan dan Sasaran",
            "Tabel 2.1 di atas menunjukkan tujuan dan sasaran kecamatan.",
            "Sebagaimana terlihat pada Tabel 2.1, target tercapai.",
            "Tabel 2.1 (Lanjutan)",
            "Tabel 2.1 Tujuan dan Sasaran ........ 30",
            "Gambar 2.1 Struktur Organisasi",
            "Tabel 2.10 Target Kinerja",
            "toc:Tabel 2.1 Tujuan dan Sasaran\t30",
            "Tabelnya 2.1 berisi target.",
            "DAFTAR TABEL", "Tabel 2.1 Tujuan dan Sasaran", "Gambar 2.1 Struktur Organisasi",
        ], kind: .lakip)
        #expect(findings.isEmpty, "\(findings.map(\.message.en))")
    }

    @Test func aCaptionRepeatedOverAPageSplitTable() {
        let table = """
            | No | Sasaran | Indikator | Target | Realisasi |
            |---|---|---|---|---|
            """
        let split = structureFindings(rule, """
            Tabel 3.1 Capaian Kinerja

            \(table)
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 78,5 | 84,05 |

            Tabel 3.1 Capaian Kinerja

            \(table)
            | 2 | Meningkatnya akuntabilitas | Nilai SAKIP | 70 | 73 |
            """, kind: .lakip)
        #expect(split.isEmpty, "\(split.map(\.message.en))")
        // Another table under the same number is a second table.
        let other = structureFindings(rule, """
            Tabel 3.1 Capaian Kinerja

            \(table)
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 78,5 | 84,05 |

            Tabel 3.1 Realisasi Anggaran

            | No | Program | Pagu | Realisasi |
            |---|---|---|---|
            | 1 | Program Penunjang | 1.000.000 | 900.000 |
            """, kind: .lakip)
        #expect(other.count == 1)
        // The same caption and table again further on (a copied section) is a second table too.
        let copied = structureFindings(rule, """
            Tabel 3.1 Capaian Kinerja

            \(table)
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 78,5 | 84,05 |

            Capaian kinerja tahun ini lebih tinggi dari tahun lalu.

            Tabel 3.1 Capaian Kinerja

            \(table)
            | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 78,5 | 84,05 |
            """, kind: .lakip)
        #expect(copied.count == 1)
    }

    @Test func captionNumbers() {
        func number(_ text: String) -> [String]? {
            DuplicateCaptionRule.number(Array(text), from: 0)?.0
        }
        #expect(number("2.1") == ["2", "1"])
        #expect(number("3.8.") == ["3", "8"])
        #expect(number("III.2.3") == ["III", "2", "3"])
        #expect(number("A.1") == ["A", "1"])
        #expect(number("A") == nil)
        #expect(number("IV") == ["IV"])
        #expect(number("02") == ["2"])
        #expect(number("Realisasi") == nil)
    }
}

// MARK: - Text helpers

@Suite("Document structure text")
struct DocumentStructureTextTests {
    @Test func wordsAndSimilarity() {
        #expect(DocumentStructureText.words("BAB  I\tPENDAHULUAN.....") == ["bab", "i", "pendahuluan"])
        #expect(DocumentStructureText.similar("kinerirja", "kinerja") == false) // two edits, seven letters
        #expect(DocumentStructureText.similar("penutupp", "penutup"))
        #expect(DocumentStructureText.similar("pendahuluan", "pendahulan"))
        #expect(!DocumentStructureText.similar("misi", "visi"))
        #expect(DocumentStructureText.containsPhrase(["akuntabilitas", "kinerja", "instansi", "pemerintah"],
                                                      ["akuntabilitas", "kinerja"]))
        #expect(!DocumentStructureText.containsPhrase(["kinerja", "akuntabilitas"], ["akuntabilitas", "kinerja"]))
    }

    @Test func romanNumerals() {
        #expect(DocumentStructureText.romanValue("IV") == 4)
        #expect(DocumentStructureText.romanValue("xii") == 12)
        #expect(DocumentStructureText.romanValue("IIII") == nil)
        #expect(DocumentStructureText.romanValue("BAB") == nil)
        #expect(DocumentStructureText.romanNumeral(1999) == "MCMXCIX")
    }
}
