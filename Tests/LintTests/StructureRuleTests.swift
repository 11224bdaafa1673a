import Foundation
import Testing
@testable import Lint
@testable import Rules

// MARK: - Helpers

/// Findings of `rule` on a Markdown snippet, read and analysed as `check` would.
private func structureFindings(_ rule: any Rule, _ markdown: String) -> [Finding] {
    ExampleRunner.findings(of: rule, on: RuleExample(markdown)).filter { $0.rule == rule.description.id }
}

/// Findings of `rule` on a document built in code (analysed as a Word file).
private func structureFindings(_ rule: any Rule, blocks: [Block]) -> [Finding] {
    let example = RuleExample(caption: "built") { Document(path: "built.docx", format: .docx, blocks: blocks) }
    return ExampleRunner.findings(of: rule, on: example).filter { $0.rule == rule.description.id }
}

private func paragraph(_ number: Int, _ text: String, headingLevel: Int? = nil, list: ListLabel? = nil,
                       toc: Bool = false) -> Block {
    .paragraph(Paragraph(location: Location(paragraph: number), text: text, headingLevel: headingLevel, list: list,
                         isTOCEntry: toc))
}

private func places(_ findings: [Finding]) -> [Int] {
    findings.compactMap(\.location.paragraph)
}

// MARK: - Shared structure

@Suite("Structure rules: numbering helpers")
struct NumberingHelperTests {
    @Test func markersAreWrittenInTheirFamily() {
        #expect(MarkerFamily(style: .lowerLetter, shape: .dot).marker(for: 2) == "b.")
        #expect(MarkerFamily(style: .upperLetter, shape: .dot).marker(for: 3) == "C.")
        #expect(MarkerFamily(style: .decimal, shape: .enclosed).marker(for: 2) == "(2)")
        #expect(MarkerFamily(style: .lowerRoman, shape: .closing).marker(for: 4) == "iv)")
        #expect(MarkerFamily(style: .upperRoman, shape: .dot).marker(for: 9) == "IX.")
        #expect(MarkerFamily(style: .lowerLetter, shape: .dot).marker(for: 27) == "aa.")
        #expect(MarkerFamily(ListLabel(marker: "(c)", value: 3, style: .lowerLetter, source: .typed)).shape == .enclosed)
        #expect(MarkerFamily(ListLabel(marker: "1)", value: 1, style: .decimal, source: .typed)).shape == .closing)
    }

    @Test func chapterNumeralsReadRomanAndArabic() {
        #expect(StructureText.chapterValue("IV") == 4)
        #expect(StructureText.chapterValue("xii") == 12)
        #expect(StructureText.chapterValue("3") == 3)
        #expect(StructureText.chapterValue("IIII") == nil)
        #expect(StructureText.chapterValue("Ini") == nil)
    }

    @Test func stackResumesOuterListsAndOpensNewOnes() {
        let decimal = MarkerFamily(style: .decimal, shape: .dot)
        let letter = MarkerFamily(style: .lowerLetter, shape: .dot)
        var stack = NumberingStack()
        #expect(stack.place([LabelReading(family: decimal, value: 1)], at: 0) == .starts)
        #expect(stack.place([LabelReading(family: letter, value: 1)], at: 1) == .starts)
        #expect(stack.place([LabelReading(family: letter, value: 2)], at: 2) == .continues)
        #expect(stack.place([LabelReading(family: decimal, value: 1)], at: 3) == .starts)
        #expect(stack.place([LabelReading(family: decimal, value: 2)], at: 4) == .continues)
        // `c.` resumes the letter list and closes the decimal list nested in it.
        #expect(stack.place([LabelReading(family: letter, value: 3)], at: 5) == .continues)
        #expect(stack.entries.count == 2)
        guard case .unexpected(let reference) = stack.place([LabelReading(family: letter, value: 5)], at: 6) else {
            Issue.record("a skipped letter should be unexpected")
            return
        }
        #expect(reference?.last == 3)
    }

    @Test func stackIsBounded() {
        let decimal = MarkerFamily(style: .decimal, shape: .dot)
        var stack = NumberingStack()
        for position in 0..<1000 { _ = stack.place([LabelReading(family: decimal, value: 1)], at: position) }
        #expect(stack.entries.count <= NumberingStack.maxDepth)
    }
}

// MARK: - list-numbering

@Suite("list-numbering")
struct ListNumberingRuleTests {
    let rule = ListNumberingRule()

    @Test func skipIsReportedWithExpectedAndActual() throws {
        let findings = structureFindings(rule, """
            1. Undang-Undang Nomor 25 Tahun 2004;
            2. Undang-Undang Nomor 23 Tahun 2014;
            4. Peraturan Pemerintah Nomor 8 Tahun 2008.
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.location.paragraph == 3)
        #expect(finding.expected == "3." && finding.actual == "4.")
        #expect(finding.evidence.contains("Peraturan Pemerintah Nomor 8 Tahun 2008"))
        #expect(finding.message.id.contains("3.") && finding.message.en.contains("missing"))
    }

    @Test func repeatAndBackwards() {
        let repeated = structureFindings(rule, "a. satu;\nb. dua;\nb. tiga;\nc. empat.")
        #expect(places(repeated) == [3])
        #expect(repeated.first?.expected == "c.")
        let backwards = structureFindings(rule, "1. satu;\n2. dua;\n4. empat;\n3. tiga.")
        // `4.` skips `3.`; then `3.` goes back.
        #expect(places(backwards) == [3, 4])
    }

    @Test func listStartingPastItsFirstLabel() {
        let findings = structureFindings(rule, """
            Kepala Bagian Umum dalam melaksanakan tugas pokok menyelenggarakan fungsi :

            b. Perumusan kebijakan teknis di bidang perlengkapan,
            c. Perumusan kebijakan teknis di bidang rumah tangga dan
            d. Pelaksanaan tugas kedinasan lain sesuai bidang tugasnya.
            """)
        #expect(places(findings) == [2])
        #expect(findings.first?.expected == "a." && findings.first?.actual == "b.")
    }

    @Test func aLoneLabelWithNothingAfterItIsNoList() {
        // `H.` is a name's initial, `b.` a quoted item: nothing continues either.
        #expect(structureFindings(rule, "Hormat kami,\n\nH. Bahri Suli\n\nNIP 19660620").isEmpty)
        #expect(structureFindings(rule, "Sebagaimana dimaksud:\n\nb. bahwa perlu menetapkan keputusan.").isEmpty)
    }

    @Test func introductionAfterAListStartsANewOne() {
        let findings = structureFindings(rule, """
            a. Melaksanakan perumusan kebijakan teknis,
            b. Memberikan dukungan atas penyelenggaraan urusan pemerintahan daerah.

            Kepala Bagian Umum menyelenggarakan fungsi :

            b. Perumusan kebijakan teknis di bidang perlengkapan;
            c. Pelaksanaan tugas kedinasan lain.
            """)
        #expect(places(findings) == [4])
        #expect(findings.first?.expected == "a.")
    }

    @Test func afterAnIntroductionAnOuterListOfTheSameFamilyGoesOn() {
        #expect(structureFindings(rule, """
            1. Pengukuran Capaian Kinerja
            1. Seksi Pelayanan Umum;
            2. Seksi Pemerintahan.

            Selanjutnya evaluasi capaian kinerja diuraikan sebagai berikut:

            2. Evaluasi dan Analisis Capaian Kinerja
            """).isEmpty)
    }

    @Test func listsContinueAcrossParagraphsTablesAndNestedLists() {
        let findings = structureFindings(rule, """
            1. Sub Kegiatan Koordinasi dan Penyusunan Dokumen RKA-SKPD

            Sub kegiatan ini menghasilkan 1 dokumen.

            | Indikator | Target | Realisasi |
            |---|---|---|
            | Jumlah dokumen | 1 | 1 |

            2. Sub Kegiatan Evaluasi Kinerja Perangkat Daerah
            a. penyusunan laporan;
            b. evaluasi.
            3. Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN
            """)
        #expect(findings.isEmpty)
    }

    @Test func inlineLabelFillsTheGap() {
        let findings = structureFindings(rule, """
            a. melaksanakan pengurusan surat keterangan;
            b. melaksanakan pengamanan kantor dan barang inventaris; c. mempersiapkan potensi Linmas untuk:
            1) penanggulangan bencana;
            2) penertiban gelandangan;
            d. melaksanakan tugas pembantuan operasional.
            """)
        #expect(findings.isEmpty)
    }

    @Test func caseSlipIsNotASkip() {
        #expect(structureFindings(rule, "A. satu;\nB. dua;\nC. tiga;\nd. empat.").isEmpty)
    }

    @Test func decreeLeadsStartLists() {
        let findings = structureFindings(rule, """
            Menimbang : a. bahwa dalam rangka melaksanakan ketentuan pasal 3;

            b. bahwa perlu menetapkan keputusan.

            Mengingat : 1. Instruksi Presiden Nomor 7 Tahun 1999;

            2. Undang-undang Nomor 7 Tahun 2003;
            2. Undang-undang Nomor 17 Tahun 2003.
            """)
        #expect(places(findings) == [5])
        #expect(findings.first?.message.en.contains("twice") == true)
    }

    @Test func chaptersEndListsAndSectionsKeepTheirItem() {
        // A chapter starts numbering afresh: `3.` there starts past `1.`, confirmed by `4.`.
        let afterChapter = structureFindings(rule, "1. satu;\n2. dua.\n\n# BAB II GAMBARAN\n\n3. tiga;\n4. empat.")
        #expect(places(afterChapter) == [4])
        // `1.1` and `1.2` belong to item `1.`; `2.` continues after them.
        let sections = structureFindings(rule, """
            1. Pihak pertama menyerahkan pekerjaan.

            1.1 Uraian pekerjaan pertama

            1.2 Uraian pekerjaan kedua

            2. Pihak kedua menerima pekerjaan.
            """)
        #expect(sections.isEmpty)
    }

    @Test func longJumpsNeedTheListToGoOn() {
        #expect(structureFindings(rule, "1. satu;\n2. dua;\n9. sembilan.").isEmpty)
        #expect(places(structureFindings(rule, "1. satu;\n2. dua;\n9. sembilan;\n10. sepuluh.")) == [3])
    }

    @Test func automaticNumberingAndTOCAreLeftAlone() {
        let automatic = { (value: Int) in
            ListLabel(marker: "\(value).", value: value, style: .decimal, source: .automatic, numID: 4)
        }
        let blocks: [Block] = [
            paragraph(1, "DAFTAR ISI"),
            paragraph(2, "3. Tujuan\t5", toc: true),
            paragraph(3, "Satu", list: automatic(1)),
            paragraph(4, "Tiga", list: automatic(3)),
        ]
        #expect(structureFindings(rule, blocks: blocks).isEmpty)
    }

    @Test func labelledHeadingsAreLeftToHeadingNumbering() {
        let blocks: [Block] = [
            paragraph(1, "A. LATAR BELAKANG", headingLevel: 2),
            paragraph(2, "Teks."),
            paragraph(3, "C. GAMBARAN UMUM", headingLevel: 2),
            paragraph(4, "D. STRUKTUR ORGANISASI", headingLevel: 2),
        ]
        #expect(structureFindings(rule, blocks: blocks).isEmpty)
        #expect(places(structureFindings(HeadingNumberingRule(), blocks: blocks)) == [3])
    }
}

// MARK: - heading-numbering

@Suite("heading-numbering")
struct HeadingNumberingRuleTests {
    let rule = HeadingNumberingRule()

    @Test func duplicateNumberWithAnotherTitle() throws {
        let findings = structureFindings(rule, """
            # BAB I PENDAHULUAN
            ## 1.1 Latar Belakang
            ## 1.2 Landasan Hukum Penyusunan
            ## 1.2 Maksud dan Tujuan
            ## 1.3 Sistematika
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.location.paragraph == 4)
        #expect(finding.evidence.contains("1.2 Maksud dan Tujuan"))
        #expect(finding.expected == "1.3" && finding.actual == "1.2")
        #expect(finding.message.en.contains("Landasan Hukum Penyusunan"))
    }

    @Test func sameNumberAndTitleIsARepeatedBlockNotANumberingError() {
        #expect(structureFindings(rule, """
            # BAB I PENDAHULUAN
            ## 1.1 Latar Belakang
            ## 1.2 Maksud dan Tujuan
            ## 1.2 Maksud dan Tujuan
            """).isEmpty)
    }

    @Test func chapters() {
        let skip = structureFindings(rule, "# BAB I PENDAHULUAN\n\n# BAB III AKUNTABILITAS KINERJA")
        #expect(places(skip) == [2])
        #expect(skip.first?.expected == "BAB II" && skip.first?.actual == "BAB III")
        let backwards = structureFindings(rule, "# BAB I A\n\n# BAB II B\n\n# BAB III C\n\n# BAB II D")
        #expect(places(backwards) == [4])
        let duplicate = structureFindings(rule, "# BAB I PENDAHULUAN\n\n# BAB II PERENCANAAN\n\n# BAB II PENUTUP")
        #expect(places(duplicate) == [3])
        // A new part (a lampiran) starts again at BAB I.
        #expect(structureFindings(rule, "# BAB I A\n\n# BAB II B\n\n# LAMPIRAN\n\n# BAB I C\n\n## 1.1 D").isEmpty)
        // `BAB II` typed at the start of a paragraph too long for a heading is still there.
        #expect(structureFindings(rule, """
            # BAB I PENDAHULUAN

            BAB II perencanaan kinerja yang memuat rencana strategis, perjanjian kinerja, dan indikator kinerja utama kecamatan untuk periode lima tahun.

            # BAB III AKUNTABILITAS KINERJA
            """).isEmpty)
    }

    @Test func aSistematikaListingTheChaptersIsNoNewPart() {
        // The listing restarts at `Bab I` and runs to `Bab IV`; the next real chapter continues the first part.
        // A chapter whose title is too long for a heading still counts (`BAB III …`).
        #expect(structureFindings(rule, """
            # BAB I PENDAHULUAN
            ## 1.1 Latar Belakang
            ## 1.2 Sistematika Penyajian

            Sistematika penyajian laporan ini adalah sebagai berikut:

            Bab I Pendahuluan

            Bab II Perencanaan Kinerja

            Bab III Akuntabilitas Kinerja

            Bab IV Penutup

            ## 1.3 Dasar Hukum
            # BAB II PERENCANAAN KINERJA
            ## 2.1 Rencana Strategis
            ## 2.2 Perjanjian Kinerja

            BAB III AKUNTABILITAS KINERJA yang menguraikan capaian kinerja organisasi untuk setiap sasaran strategis beserta analisis dan realisasi anggaran

            ## 3.1 Capaian Kinerja
            ## 3.2 Realisasi Anggaran
            # BAB IV PENUTUP
            """).isEmpty)
    }

    @Test func unstyledChapterLinesAreNoChaptersWhenChaptersAreStyled() {
        // Word chapters are Heading 1; a sistematika typed in Normal style lists only Bab II … Bab IV.
        let blocks: [Block] = [
            paragraph(1, "BAB I\nPENDAHULUAN", headingLevel: 1),
            paragraph(2, "Laporan ini disusun dengan sistematika berikut:"),
            paragraph(3, "Bab II Perencanaan Kinerja"),
            paragraph(4, "Bab III Akuntabilitas Kinerja"),
            paragraph(5, "Bab IV Penutup"),
            paragraph(6, "BAB II\nPERENCANAAN KINERJA", headingLevel: 1),
            paragraph(7, "BAB IV\nPENUTUP", headingLevel: 1),
        ]
        let findings = structureFindings(rule, blocks: blocks)
        #expect(places(findings) == [7])
        #expect(findings.first?.expected == "BAB III")
    }

    @Test func sectionsOutsideTheirChapterAndFirstSections() {
        let outside = structureFindings(rule, """
            # BAB I PENDAHULUAN
            ## 1.1 Latar Belakang
            ## 1.2 Maksud
            ## 2.3 Tujuan
            ## 1.4 Sistematika
            """)
        #expect(places(outside) == [4])
        #expect(outside.first?.expected == "1.3")
        let first = structureFindings(rule, "# BAB II GAMBARAN UMUM\n## 2.2 Tugas Pokok\n## 2.3 Fungsi")
        #expect(places(first) == [2])
        #expect(first.first?.expected == "2.1")
    }

    @Test func aSectionTypedInALongParagraphFillsTheGap() {
        #expect(structureFindings(rule, """
            # BAB I PENDAHULUAN
            ## 1.1 Latar Belakang

            1.2 Landasan hukum penyusunan indikator kinerja utama ini adalah peraturan perundang-undangan berikut:

            ## 1.3 Maksud dan Tujuan
            """).isEmpty)
    }

    @Test func letteredHeadingsFollowTheirChapter() {
        #expect(structureFindings(rule, """
            # BAB I PENDAHULUAN
            A. LATAR BELAKANG

            B. MAKSUD DAN TUJUAN

            # BAB II PERENCANAAN KINERJA
            A. RENCANA STRATEGIS

            B. PERJANJIAN KINERJA
            """).isEmpty)
        let skipped = structureFindings(rule, "# BAB I PENDAHULUAN\nA. LATAR BELAKANG\n\nC. GAMBARAN UMUM\n\nD. PENUTUP")
        #expect(places(skipped) == [3])
        let startsAtB = structureFindings(rule, "# BAB III GAMBARAN\nB. Asisten Perekonomian\n\nC. Asisten Administrasi")
        #expect(places(startsAtB) == [2])
        // A single `H.` (a name typed in capitals) with nothing after it is not a lettered sequence.
        #expect(structureFindings(rule, "# BAB V PENUTUP\nH. BAHRI SULI").isEmpty)
    }

    @Test func wordHeadingsAreReadFromTheirText() {
        let blocks: [Block] = [
            paragraph(1, "BAB  I\nPENDAHULUAN", headingLevel: 1),
            paragraph(2, "1.1\tLatar Belakang", headingLevel: 2),
            paragraph(3, "1.1 Latar Belakang\t1", headingLevel: 2, toc: true),
            paragraph(4, "1.2\tLandasan Hukum", headingLevel: 2),
            paragraph(5, "1.2\tMaksud dan Tujuan", headingLevel: 2),
        ]
        #expect(places(structureFindings(rule, blocks: blocks)) == [5])
    }
}

// MARK: - truncated-text

@Suite("truncated-text")
struct TruncatedTextRuleTests {
    let rule = TruncatedTextRule()

    @Test func itemEndingInAConjunction() throws {
        let findings = structureFindings(rule, """
            a. Perumusan kebijakan teknis di bidang bina mental spiritual;
            b. Perumusan kebijakan teknis di bidang kesejahteraan rakyat;
            c. Perumusan kebijakan teknis, pemberian dukungan, pembinaan, monitoring dan

            1. Bagian Hukum
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.location.paragraph == 3)
        #expect(finding.actual == "dan")
        #expect(finding.evidence.hasSuffix("monitoring dan"))
    }

    @Test func prepositionsAreReportedEvenBeforeTheNextItem() {
        #expect(places(structureFindings(rule, "a. Melakukan koordinasi dengan;\nb. x.\n\na. Melakukan koordinasi dengan\nb. Menyusun laporan.")) == [3])
    }

    @Test func joiningWordBeforeTheNextItem() {
        #expect(structureFindings(rule, """
            - usul kenaikan pangkat,
            - peralihan status dan
            - layanan administrasi kepegawaian lainnya;
            """).isEmpty)
        #expect(structureFindings(rule, "5. Seksi Ketentraman dan Ketertiban Umum, dan\n6. Seksi Pelayanan Umum").isEmpty)
    }

    @Test func continuationLinesCarryTheSentenceOn() {
        let blocks: [Block] = [
            paragraph(1, "a. Mengkoordinasikan dan mengevaluasi pelaksanaan program dan"),
            paragraph(2, "kegiatan dalam lingkup kecamatan;"),
            paragraph(3, "b. Melaksanakan tugas kedinasan lain yang diperintahkan oleh"),
            paragraph(4, "atasan baik lisan maupun tertulis."),
            paragraph(5, "c. Melaksanakan koordinasi dengan pihak swasta yang"),
            paragraph(6, "Tugas Sekretariat", headingLevel: 3),
        ]
        let findings = structureFindings(rule, blocks: blocks)
        #expect(places(findings) == [5])
        #expect(findings.first?.actual == "yang")
        // A line that starts with a capital may carry the sentence on too (`… dalam lingkup` / `Sekretariat;`).
        let capitalLine: [Block] = [
            paragraph(1, "d. Menyelia pelaksanaan tugas pokok agar berkualitas dalam"),
            paragraph(2, "Lingkup Sekretariat;"),
            paragraph(3, "e. Mengatur pelaksanaan tugas pokok organisasi."),
        ]
        #expect(structureFindings(rule, blocks: capitalLine).isEmpty)
    }

    @Test func commaAmongSemicolons() {
        let findings = structureFindings(rule, """
            a. menyusun rencana kerja;
            b. menyiapkan bahan laporan;
            c. mengelola administrasi surat,
            d. melaksanakan survei kepuasan masyarakat;
            e. melaksanakan tugas lain.
            """)
        #expect(places(findings) == [3])
        // A list of commas closed by a full stop is a series, not a cut.
        #expect(structureFindings(rule, "a. satu,\nb. dua,\nc. tiga, dan\nd. empat.").isEmpty)
    }

    @Test func tableCells() {
        let findings = structureFindings(rule, """
            | No | Sub Kegiatan | Sumber |
            |---|---|---|
            | 1 | Penyediaan Jasa Komunikasi, Sumber Daya Air dan | APBD |
            | 2 | Penyediaan Jasa Pelayanan Umum Kantor | APBD |
            | 3 | Dari | Ke |
            """)
        #expect(findings.count == 1)
        #expect(findings.first?.location.table == 1 && findings.first?.location.row == 2)
        #expect(findings.first?.location.column == 2)
    }

    @Test func headingsAreLeftAlone() {
        #expect(structureFindings(rule, "# BAB III GAMBARAN UMUM DAN\n\nA. VISI DAN\n\nTeks.").isEmpty)
    }
}

// MARK: - Robustness

@Suite("Structure rules: any input")
struct StructureRobustnessTests {
    /// Random headings, labels, tables and text lines, zeros and huge numbers among them: no rule traps.
    @Test func randomOutlinesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        let openings = ["# BAB 0", "# BAB 999", "# BAB IV", "BAB II", "## 1.0 Judul", "## 0.1 Judul", "## 99.99.99 Judul",
                        "## 1.2.3.4.5.6 Judul", "A. JUDUL", "Z. JUDUL", "0. nol", "999. besar", "a. satu", "zz. dua",
                        "xxxix. roman", "(0) nol", "(1) satu", "1) satu", "- butir dan", "i. satu", "v. lima", "x. sepuluh",
                        "Menimbang : b. bahwa", "teks lanjutan yang", "Teks biasa:", "", "| a | b dan |\n|---|---|\n| 1 | x y dan |"]
        let rules: [any Rule] = [HeadingNumberingRule(), ListNumberingRule(), TruncatedTextRule()]
        for _ in 0..<30 {
            var lines: [String] = []
            for _ in 0..<80 { lines.append(openings[Int.random(in: 0..<openings.count, using: &generator)]) }
            let markdown = lines.joined(separator: "\n\n")
            for rule in rules { _ = structureFindings(rule, markdown) }
        }
    }

    /// A long document is read in time linear in its length.
    @Test func longDocumentIsFast() {
        var lines: [String] = []
        for chapter in 1...30 {
            lines.append("# BAB \(chapter) JUDUL")
            for section in 1...10 {
                lines.append("## \(chapter).\(section) Judul")
                for item in 1...40 { lines.append("\(item * 2). Perumusan kebijakan teknis dan") }
            }
        }
        let markdown = lines.joined(separator: "\n\n")
        let clock = ContinuousClock()
        for rule in [HeadingNumberingRule(), ListNumberingRule(), TruncatedTextRule()] as [any Rule] {
            let elapsed = clock.measure { _ = structureFindings(rule, markdown) }
            #expect(elapsed < .seconds(60), "\(rule.description.id) took \(elapsed)")
        }
    }
}

// MARK: - Corpus

/// The expected.yml entries of the structure rules, in every Word form of the corpus, and nothing else.
@Suite("Structure rules on the corpus")
struct StructureCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardized

    static func forms(_ name: String) -> [String] {
        [corpus.appendingPathComponent("docx/\(name).docx").path,
         corpus.appendingPathComponent("docx-lo/\(name).docx").path,
         corpus.appendingPathComponent("xml/\(name).xml").path]
    }

    static let rules: [any Rule] = [HeadingNumberingRule(), ListNumberingRule(), TruncatedTextRule()]

    /// (rule, evidence) of the structure rules' findings on a file, with the rule set of its kind.
    static func findings(_ path: String) throws -> [(rule: String, evidence: String, paragraph: Int?)] {
        let document = try DocumentLoader.load(path: path)
        let ruleSet = try RuleSetLibrary.load(RuleSetLibrary.name(for: document.subject.kind))
        return Linter(rules: rules).lint(document, with: ruleSet).map {
            ($0.rule, $0.evidence.split(whereSeparator: \.isWhitespace).joined(separator: " "), $0.location.paragraph)
        }
    }

    /// Every expected (rule, text) is found, and every finding is one of them.
    static func expect(_ path: String, _ expected: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try findings(path)
        for (rule, text) in expected {
            #expect(found.contains { $0.rule == rule && $0.evidence.contains(text) },
                    "missed \(rule) \"\(text)\" in \(path)", sourceLocation: sourceLocation)
        }
        for finding in found {
            #expect(expected.contains { finding.rule == $0.0 && finding.evidence.contains($0.1) },
                    "unexpected \(finding.rule) at \(finding.paragraph ?? 0): \(finding.evidence.prefix(80))",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: forms("wotu-iku-2021-2026"))
    func wotu(path: String) throws {
        try Self.expect(path, [
            ("heading-numbering", "1.2 Maksud dan Tujuan"),
            ("list-numbering", "Rencana Strategis Kecamatan Wotu Kabupaten Luwu Timur Tahun 2021-2026"),
            ("list-numbering", "Peraturan Bupati Luwu Timur Nomor 85 Tahun 2021"),
        ])
    }

    @Test(arguments: forms("rawajitutimur-iku-2023-2026"))
    func rawaJituTimur(path: String) throws {
        try Self.expect(path, [("list-numbering", "membina dan mengawasi penyelenggaraan kegiatan Desa")])
    }

    @Test(arguments: forms("setda-luwutimur-iku-2021-2026"))
    func setda(path: String) throws {
        try Self.expect(path, [
            ("heading-numbering", "1.2 Maksud dan Tujuan"),
            ("list-numbering", "Peraturan Daerah Nomor 18 Tahun 2016 tentang Organisasi Pemerintahan Daerah"),
            ("list-numbering", "di bidang kesejahteraan rakyat,"),
            ("list-numbering", "pelaksanaan tugas di bidang perlengkapan"),
            ("truncated-text", "Perumusan kebijakan teknis, pemberian dukungan, pembinaan, monitoring dan"),
            // Not in expected.yml, and right: the lettered headings of 3.2 are B. and C., with no A. (the first
            // Asisten is typed `1.`).
            ("heading-numbering", "B. Asisten Perkonomian dan Pembangunan"),
        ])
    }

    @Test(arguments: forms("wanaraya-iku-2023-2026"))
    func wanaraya(path: String) throws {
        try Self.expect(path, [])
    }

    @Test(arguments: forms("towuti-lakip-2023"))
    func towuti(path: String) throws {
        try Self.expect(path, [
            ("list-numbering", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
            ("list-numbering", "Program penyelenggaraan Pemerintahan dan Pelayanan Publik"),
        ])
    }

    @Test func cleanDocumentsDrawNothing() throws {
        let folder = Self.corpus.appendingPathComponent("clean")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }
        #expect(!files.isEmpty)
        for file in files {
            let found = try Self.findings(folder.appendingPathComponent(file).path)
            #expect(found.isEmpty, "\(file): \(found.map(\.evidence))")
        }
    }
}
