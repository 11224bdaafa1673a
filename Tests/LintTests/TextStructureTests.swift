import Foundation
import Testing
@testable import Lint

/// Typed list markers, pseudo-headings, the section tree and the text/Markdown reader.
@Suite struct TextStructureTests {
    // MARK: - ListMarkers

    struct MarkerCase: Sendable, CustomStringConvertible {
        var text: String
        var marker: String
        var value: Int?
        var style: NumberStyle
        var rest: String
        var description: String { text.debugDescription }
    }

    static let markerCases: [MarkerCase] = [
        MarkerCase(text: "a. Perumusan kebijakan", marker: "a.", value: 1, style: .lowerLetter, rest: "Perumusan kebijakan"),
        MarkerCase(text: "b) Sub Bagian Keuangan", marker: "b)", value: 2, style: .lowerLetter, rest: "Sub Bagian Keuangan"),
        MarkerCase(text: "(c) huruf c", marker: "(c)", value: 3, style: .lowerLetter, rest: "huruf c"),
        MarkerCase(text: "16. Peraturan Bupati", marker: "16.", value: 16, style: .decimal, rest: "Peraturan Bupati"),
        MarkerCase(text: "1) Untuk memperoleh", marker: "1)", value: 1, style: .decimal, rest: "Untuk memperoleh"),
        MarkerCase(text: "(2) Sekretariat dan masing-masing", marker: "(2)", value: 2, style: .decimal, rest: "Sekretariat dan masing-masing"),
        MarkerCase(text: "i. pertama", marker: "i.", value: 1, style: .lowerRoman, rest: "pertama"),
        MarkerCase(text: "iv. keempat", marker: "iv.", value: 4, style: .lowerRoman, rest: "keempat"),
        MarkerCase(text: "xii. kedua belas", marker: "xii.", value: 12, style: .lowerRoman, rest: "kedua belas"),
        MarkerCase(text: "A. LATAR BELAKANG", marker: "A.", value: 1, style: .upperLetter, rest: "LATAR BELAKANG"),
        MarkerCase(text: "IV. PENUTUP", marker: "IV.", value: 4, style: .upperRoman, rest: "PENUTUP"),
        MarkerCase(text: "(IX) sembilan", marker: "(IX)", value: 9, style: .upperRoman, rest: "sembilan"),
        MarkerCase(text: "- a. Spesifik, yaitu jelas", marker: "a.", value: 1, style: .lowerLetter, rest: "Spesifik, yaitu jelas"),
        MarkerCase(text: " - e. mengoordinasikan pemeliharaan", marker: "e.", value: 5, style: .lowerLetter, rest: "mengoordinasikan pemeliharaan"),
        MarkerCase(text: "- 1) Untuk memperoleh kinerja", marker: "1)", value: 1, style: .decimal, rest: "Untuk memperoleh kinerja"),
        MarkerCase(text: "1.\tInstruksi Presiden", marker: "1.", value: 1, style: .decimal, rest: "Instruksi Presiden"),
        MarkerCase(text: "8.\t\t\tPeraturan Pemerintah", marker: "8.", value: 8, style: .decimal, rest: "Peraturan Pemerintah"),
        MarkerCase(text: "3. \tUndang-undang", marker: "3.", value: 3, style: .decimal, rest: "Undang-undang"),
        MarkerCase(text: "\t\t2.\tUndang-undang Nomor 7", marker: "2.", value: 2, style: .decimal, rest: "Undang-undang Nomor 7"),
        MarkerCase(text: "a.Perumusan kebijakan", marker: "a.", value: 1, style: .lowerLetter, rest: "Perumusan kebijakan"),
        MarkerCase(text: "1.Peraturan Daerah", marker: "1.", value: 1, style: .decimal, rest: "Peraturan Daerah"),
        MarkerCase(text: "1)Untuk", marker: "1)", value: 1, style: .decimal, rest: "Untuk"),
        MarkerCase(text: "01. Program Penunjang", marker: "01.", value: 1, style: .decimal, rest: "Program Penunjang"),
        MarkerCase(text: "1.", marker: "1.", value: 1, style: .decimal, rest: ""),
        MarkerCase(text: "- Perizinan;", marker: "-", value: nil, style: .bullet, rest: "Perizinan;"),
        MarkerCase(text: "• Program Penunjang", marker: "•", value: nil, style: .bullet, rest: "Program Penunjang"),
        MarkerCase(text: "▪ Program Penunjang", marker: "▪", value: nil, style: .bullet, rest: "Program Penunjang"),
        MarkerCase(text: "\u{F0B7}\tProgram Penunjang", marker: "\u{F0B7}", value: nil, style: .bullet, rest: "Program Penunjang"),
        MarkerCase(text: "· Program Pemberdayaan", marker: "·", value: nil, style: .bullet, rest: "Program Pemberdayaan"),
        MarkerCase(text: "o\tSub butir", marker: "o", value: nil, style: .bullet, rest: "Sub butir"),
        MarkerCase(text: "– Hambatan", marker: "–", value: nil, style: .bullet, rest: "Hambatan"),
        MarkerCase(text: "* butir Markdown", marker: "*", value: nil, style: .bullet, rest: "butir Markdown"),
        MarkerCase(text: "➤ Koordinasi", marker: "➤", value: nil, style: .bullet, rest: "Koordinasi"),
    ]

    @Test(arguments: markerCases)
    func listMarkerIsRecognised(_ example: MarkerCase) throws {
        let (label, rest) = try #require(ListMarkers.split(example.text))
        #expect(label.marker == example.marker)
        #expect(label.value == example.value)
        #expect(label.style == example.style)
        #expect(label.source == .typed)
        #expect(label.level == 0)
        #expect(rest == example.rest)
    }

    static let notMarkers: [String] = [
        "1.234.567 jiwa",              // a number with thousands separators
        "5.2 Program Penunjang",       // a heading number
        "1.2. Maksud dan Tujuan",      // a heading number with its closing dot
        "2023. Laporan tahunan",       // a year
        "16.00 WITA",                  // a time
        "a.n. Camat Wotu",             // "atas nama"
        "s.d. 31 Desember 2023",       // "sampai dengan"
        "S.Sos., M.Si",                // a degree
        "A.Md. Kep",                   // a degree
        "Jl. A. Yani",                 // a street
        "No. 5 Tahun 2020",
        "DI. Yogyakarta",
        "MI. Nurul Huda",
        "iiii. bukan angka romawi",
        "0. nol",
        "-5% dari target",
        "-",
        "- ",
        "(IKU) adalah ukuran",
        "(dua) misi",
        "Bab ini menjelaskan",
        "Menimbang\t:\ta.\t\tbahwa",  // a decree lead: see splitAfterLead
        "oleh karena itu",
        "",
        "   ",
    ]

    @Test(arguments: notMarkers)
    func textWithoutMarkerIsLeftAlone(_ text: String) {
        #expect(ListMarkers.split(text) == nil)
    }

    @Test func oneLetterRomanNumeralsOfferTheLetterReading() throws {
        let i = try #require(ListMarkers.match("i. kesembilan"))
        #expect(i.label.style == .lowerRoman && i.label.value == 1)
        #expect(i.alternative?.style == .lowerLetter && i.alternative?.value == 9)
        let upperX = try #require(ListMarkers.match("X) sepuluh"))
        #expect(upperX.label.style == .upperRoman && upperX.label.value == 10)
        #expect(upperX.alternative?.style == .upperLetter && upperX.alternative?.value == 24)
        #expect(ListMarkers.match("iv. empat")?.alternative == nil)
        #expect(ListMarkers.match("c. tiga")?.alternative == nil)
        let v = try #require(ListMarkers.split("v. lima")?.label)
        #expect(ListMarkers.alternative(for: v)?.value == 22)
    }

    @Test func contextResolvesRomanOrLetterFromThePreviousLabel() throws {
        var context = ListMarkers.Context()
        let h = try #require(ListMarkers.split("h. delapan")?.label)
        let i = try #require(ListMarkers.split("i. sembilan")?.label)
        #expect(context.resolve(h).value == 8)
        let resolvedI = context.resolve(i)
        #expect(resolvedI.style == .lowerLetter && resolvedI.value == 9)

        var romanContext = ListMarkers.Context()
        let iv = try #require(ListMarkers.split("iv. empat")?.label)
        let v = try #require(ListMarkers.split("v. lima")?.label)
        _ = romanContext.resolve(iv)
        let resolvedV = romanContext.resolve(v)
        #expect(resolvedV.style == .lowerRoman && resolvedV.value == 5)

        var letterContext = ListMarkers.Context()
        _ = letterContext.resolve(try #require(ListMarkers.split("u. dua puluh satu")?.label))
        #expect(letterContext.resolve(v).value == 22)
        letterContext.reset()
        #expect(letterContext.resolve(i).style == .lowerRoman)

        var upperContext = ListMarkers.Context()
        _ = upperContext.resolve(try #require(ListMarkers.split("H. DELAPAN")?.label))
        #expect(upperContext.resolve(try #require(ListMarkers.split("I. SEMBILAN")?.label)).style == .upperLetter)
    }

    @Test func labelsAfterAnAmbiguousOneCorrectIt() {
        let text = "h. delapan;\ni. sub satu;\nii. sub dua;\nv. huruf;\nw. huruf;\nH. DELAPAN\nI. SEMBILAN\nJ. SEPULUH"
        let labels = TextReader.read(text: text, path: "t.txt", markdown: false).paragraphs.compactMap(\.list)
        #expect(labels.map(\.style) == [.lowerLetter, .lowerRoman, .lowerRoman, .lowerLetter, .lowerLetter,
                                         .upperLetter, .upperLetter, .upperLetter])
        #expect(labels.map(\.value) == [8, 1, 2, 22, 23, 8, 9, 10])
    }

    @Test func decreeLeadMarkersAreFound() throws {
        let menimbang = try #require(ListMarkers.splitAfterLead("Menimbang\t:\ta.\t\tbahwa dalam melaksanakan"))
        #expect(menimbang.lead == "Menimbang")
        #expect(menimbang.label.marker == "a." && menimbang.label.value == 1)
        #expect(menimbang.rest == "bahwa dalam melaksanakan")
        let mengingat = try #require(ListMarkers.splitAfterLead("- Mengingat : 1. Peraturan Menteri"))
        #expect(mengingat.lead == "Mengingat" && mengingat.label.value == 1 && mengingat.rest == "Peraturan Menteri")
        #expect(ListMarkers.splitAfterLead("Dengan Memperhatikan : (1) Surat Edaran")?.label.marker == "(1)")
        #expect(ListMarkers.splitAfterLead("Ditetapkan di\t:   Wotu") == nil)
        #expect(ListMarkers.splitAfterLead("Nomor : 14 TAHUN 2023") == nil)
        #expect(ListMarkers.splitAfterLead("Pada tanggal : 20 September 2023") == nil)
        #expect(ListMarkers.splitAfterLead("Dalam rangka mewujudkan visi tersebut maka disusun misi sebagai berikut : 1. A") == nil)

        let decree = Paragraph(location: Location(paragraph: 9), text: "Menimbang\t:\ta.\t\tbahwa dalam")
        #expect(ListMarkers.effectiveLabel(of: decree)?.marker == "a.")
        let bulleted = Paragraph(location: Location(paragraph: 9), text: "Menimbang : a. bahwa",
                                 list: ListLabel(marker: "-", value: nil, style: .bullet, source: .typed))
        #expect(ListMarkers.effectiveLabel(of: bulleted)?.marker == "a.")
        let plain = Paragraph(location: Location(paragraph: 1), text: "Biasa saja")
        #expect(ListMarkers.effectiveLabel(of: plain) == nil)
    }

    @Test func bareMarkersAreRecognised() {
        #expect(ListMarkers.isBareMarker("16."))
        #expect(ListMarkers.isBareMarker(" (a) "))
        #expect(ListMarkers.isBareMarker("•"))
        #expect(ListMarkers.isBareMarker("-"))
        #expect(!ListMarkers.isBareMarker("1.1"))
        #expect(!ListMarkers.isBareMarker("1. Camat"))
        #expect(!ListMarkers.isBareMarker("Sasaran"))
    }

    @Test func markerScanStaysShortOnAHugeLine() {
        let huge = String(repeating: "a", count: 5_000_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(ListMarkers.split(huge) == nil)
            #expect(ListMarkers.splitAfterLead(huge) == nil)
            #expect(ListMarkers.split("1. " + huge)?.rest.count == 5_000_000)
        }
        #expect(elapsed < .seconds(5))
    }

    // MARK: - PseudoHeadings

    struct HeadingCase: Sendable, CustomStringConvertible {
        var text: String
        var kind: PseudoHeading.Kind
        var number: String?
        var title: String
        var level: Int
        var bold = false
        var description: String { text.debugDescription }
    }

    static let headingCases: [HeadingCase] = [
        HeadingCase(text: "BAB I", kind: .chapter, number: "I", title: "", level: 1),
        HeadingCase(text: "BAB  V", kind: .chapter, number: "V", title: "", level: 1),
        HeadingCase(text: " BAB  IV", kind: .chapter, number: "IV", title: "", level: 1),
        HeadingCase(text: "BAB II PERENCANAAN KINERJA", kind: .chapter, number: "II", title: "PERENCANAAN KINERJA", level: 1),
        HeadingCase(text: "BAB I\nPENDAHULUAN", kind: .chapter, number: "I", title: "PENDAHULUAN", level: 1),
        HeadingCase(text: "BAB III\nGAMBARAN UMUM\nKECAMATAN WOTU", kind: .chapter, number: "III", title: "GAMBARAN UMUM KECAMATAN WOTU", level: 1),
        HeadingCase(text: "Bab 3: Penutup", kind: .chapter, number: "3", title: "Penutup", level: 1),
        HeadingCase(text: "BAB IV. PENUTUP", kind: .chapter, number: "IV", title: "PENUTUP", level: 1),
        HeadingCase(text: "1.1 Latar Belakang", kind: .numbered, number: "1.1", title: "Latar Belakang", level: 2),
        HeadingCase(text: "1.1. Latar Belakang", kind: .numbered, number: "1.1", title: "Latar Belakang", level: 2),
        HeadingCase(text: "1.2\tMaksud dan Tujuan", kind: .numbered, number: "1.2", title: "Maksud dan Tujuan", level: 2),
        HeadingCase(text: "3.1 \tVisi dan Misi", kind: .numbered, number: "3.1", title: "Visi dan Misi", level: 2),
        HeadingCase(text: "3.2.1 Tugas Pokok Camat", kind: .numbered, number: "3.2.1", title: "Tugas Pokok Camat", level: 3),
        HeadingCase(text: "2.1 DEFINISI INDIKATOR KINERJA UTAMA", kind: .numbered, number: "2.1", title: "DEFINISI INDIKATOR KINERJA UTAMA", level: 2),
        HeadingCase(text: "A. CAPAIAN KINERJA ORGANISASI", kind: .lettered, number: "A", title: "CAPAIAN KINERJA ORGANISASI", level: 2),
        HeadingCase(text: "B. Realisasi Anggaran", kind: .lettered, number: "B", title: "Realisasi Anggaran", level: 2),
        HeadingCase(text: "C. Gambaran umum organisasi", kind: .lettered, number: "C", title: "Gambaran umum organisasi", level: 2),
        HeadingCase(text: "- A. SUB BAGIAN UMUM", kind: .lettered, number: "A", title: "SUB BAGIAN UMUM", level: 2),
        HeadingCase(text: "II. PERENCANAAN KINERJA", kind: .chapter, number: "II", title: "PERENCANAAN KINERJA", level: 1),
        HeadingCase(text: "KATA PENGANTAR", kind: .boldLine, number: nil, title: "KATA PENGANTAR", level: 3, bold: true),
        HeadingCase(text: "Analisis Program Penunjang", kind: .boldLine, number: nil, title: "Analisis Program Penunjang", level: 3, bold: true),
    ]

    @Test(arguments: headingCases)
    func pseudoHeadingIsRecognised(_ example: HeadingCase) throws {
        let paragraph = Paragraph(location: Location(paragraph: 1), text: example.text, isBold: example.bold)
        let heading = try #require(PseudoHeadings.detect(paragraph))
        #expect(heading.kind == example.kind)
        #expect(heading.number == example.number)
        #expect(heading.title == example.title)
        #expect(heading.level == example.level)
    }

    static let notHeadings: [String] = [
        "16. Peraturan Bupati Luwu Timur Nomor 48 Tahun 2021 tentang Rencana Strategis Perangkat Daerah;",
        "1. Spesifik;",
        "1. Pengukuran Capaian Kinerja",                                   // a single number: a list item
        "a. Perbandingan Antara Target Dan Realisasi Kinerja Tahun Ini",   // lower-case labels are items
        "A. Merencanakan kegiatan pengembangan aplikasi dan database sebagai pedoman pelaksanaan tugas;",
        "L. Melakukan koordinasi dengan pihak swasta dalam pelaksanaan pemeliharaan prasarana dan fasilitai",
        "a. Sekretariat Sekretariat membawahi :",
        "1.2 bahwa pengukuran kinerja dilakukan",
        "1.2 Untuk memperoleh informasi kinerja yang penting dan diperlukan.",
        "5.000 Orang Peserta",
        "Bab ini menjelaskan latar belakang",
        "BAB I menguraikan latar belakang penyusunan",
        "BABAK BARU",
        "PENDAHULUAN",                                                     // not bold: nothing says heading
        "Dalam rangka pengukuran dan peningkatan kinerja serta lebih meningkatkan akuntabilitas kinerja.",
    ]

    @Test(arguments: notHeadings)
    func listItemsAndProseAreNotHeadings(_ text: String) {
        #expect(PseudoHeadings.detect(Paragraph(location: Location(paragraph: 1), text: text)) == nil)
    }

    @Test func boldLinesThatAreCaptionsOrNamesAreNotHeadings() {
        for text in ["ARIS SAPUTERA, S.STP, M.Si", "Drs. H. BAHRI SULI, MM", "Tabel 3.1 Pengukuran Capaian",
                     "Sumber Data: Sub Bagian Perencanaan", "Towuti, 12 Februari 2024.",
                     "Penyusunan laporan kinerja yang tepat waktu dan dapat dipertanggungjawabkan kepada atasan"] {
            let paragraph = Paragraph(location: Location(paragraph: 1), text: text, isBold: true)
            #expect(PseudoHeadings.detect(paragraph) == nil, "\(text)")
        }
        let bulleted = Paragraph(location: Location(paragraph: 1), text: "Koordinasi Kegiatan",
                                 list: ListLabel(marker: "•", value: nil, style: .bullet, source: .typed), isBold: true)
        #expect(PseudoHeadings.detect(bulleted) == nil)
    }

    @Test func headingUsesTheLabelTheReaderSplitOff() throws {
        let label = ListLabel(marker: "A.", value: 1, style: .upperLetter, source: .typed)
        let paragraph = Paragraph(location: Location(paragraph: 1), text: "LATAR BELAKANG", list: label)
        let heading = try #require(PseudoHeadings.detect(paragraph))
        #expect(heading.kind == .lettered && heading.number == "A" && heading.title == "LATAR BELAKANG")
        let decimal = Paragraph(location: Location(paragraph: 1), text: "Ukuran Kinerja",
                                list: ListLabel(marker: "1.", value: 1, style: .decimal, source: .automatic))
        #expect(PseudoHeadings.detect(decimal) == nil)
    }

    @Test func tableCellsAndHugeParagraphsAreNeverHeadings() {
        let cell = Paragraph(location: Location(paragraph: 1), text: "BAB I PENDAHULUAN", container: .tableCell)
        #expect(PseudoHeadings.detect(cell) == nil)
        let huge = Paragraph(location: Location(paragraph: 1), text: "BAB I " + String(repeating: "X", count: 1_000_000))
        #expect(PseudoHeadings.detect(huge) == nil)
    }

    @Test func tocEntriesLoseTheirPageNumbers() throws {
        let chapter = Paragraph(location: Location(paragraph: 1), text: "BAB I PENDAHULUAN\t1", isTOCEntry: true)
        #expect(PseudoHeadings.detect(chapter)?.title == "PENDAHULUAN")
        let lettered = Paragraph(location: Location(paragraph: 1), text: "A. Latar Belakang.....\t1", isTOCEntry: true)
        let heading = try #require(PseudoHeadings.detect(lettered))
        #expect(heading.kind == .lettered && heading.title == "Latar Belakang")
        #expect(PseudoHeadings.splitTOCEntry("DAFTAR ISI\tvii") == ("DAFTAR ISI", "vii"))
        #expect(PseudoHeadings.splitTOCEntry("2. Realisasi.....\t103") == ("2. Realisasi", "103"))
        #expect(PseudoHeadings.splitTOCEntry("Tabel 2.1 Tujuan ........ 30") == ("Tabel 2.1 Tujuan", "30"))
        #expect(PseudoHeadings.splitTOCEntry("BAB IV") == ("BAB IV", nil))
        #expect(PseudoHeadings.splitTOCEntry("Misi 1") == ("Misi 1", nil))
    }

    // MARK: - SectionBuilder

    static func paragraph(_ number: Int, _ text: String, heading: Int? = nil, toc: Bool = false, bold: Bool = false,
                          container: Paragraph.Container = .body) -> Block {
        var paragraph = Paragraph(location: Location(paragraph: number), text: text, headingLevel: heading,
                                  container: container, isTOCEntry: toc, isBold: bold)
        if let (label, rest) = ListMarkers.split(text) {
            paragraph.list = label
            paragraph.text = rest
        }
        paragraph.pseudoHeading = PseudoHeadings.detect(paragraph)
        return .paragraph(paragraph)
    }

    static func table(_ index: Int, after paragraphs: Int) -> Block {
        .table(Table(index: index, paragraphsBefore: paragraphs, rows: [Row(index: 1, cells: [Cell(text: "x")])]))
    }

    @Test func chaptersTakeTheirTitleFromTheNextLine() throws {
        let blocks: [Block] = [
            Self.paragraph(1, "KEPUTUSAN CAMAT"),
            Self.paragraph(2, "BAB  I"),
            Self.paragraph(3, "PENDAHULUAN"),
            Self.paragraph(4, "1.1 Latar Belakang"),
            Self.paragraph(5, "Isi latar belakang."),
            Self.paragraph(6, "1.2 Landasan Hukum"),
            Self.paragraph(7, "1. Peraturan Pemerintah;"),
            Self.table(1, after: 7),
            Self.paragraph(8, "1.2 Maksud dan Tujuan"),
            Self.paragraph(9, "BAB V"),
            Self.paragraph(10, ""),
            Self.paragraph(11, "PENUTUP"),
            Self.paragraph(12, "Penutup dokumen."),
        ]
        let sections = SectionBuilder.build(blocks)
        #expect(sections.count == 2)
        let first = try #require(sections.first)
        #expect(first.number == "I" && first.title == "PENDAHULUAN" && first.level == 1 && first.headingParagraph == 2)
        #expect(first.paragraphs == nil)
        #expect(first.children.map(\.number) == ["1.1", "1.2", "1.2"])
        #expect(first.children.map(\.title) == ["Latar Belakang", "Landasan Hukum", "Maksud dan Tujuan"])
        #expect(first.children[0].paragraphs == 5...5)
        #expect(first.children[1].paragraphs == 7...7 && first.children[1].tables == [1])
        let last = try #require(sections.last)
        #expect(last.number == "V" && last.title == "PENUTUP" && last.paragraphs == 12...12)
    }

    @Test func wordHeadingsNestByOutlineLevel() {
        let blocks: [Block] = [
            Self.paragraph(1, "DAFTAR ISI", heading: 1),
            Self.paragraph(2, "BAB I PENDAHULUAN\t1", toc: true),
            Self.paragraph(3, "1.1 Latar Belakang\t2", toc: true),
            Self.paragraph(4, "PENDAHULUAN", heading: 1),
            Self.paragraph(5, "Latar Belakang", heading: 2),
            Self.paragraph(6, "Teks.", heading: nil),
            Self.paragraph(7, "Rincian", heading: 3),
            Self.paragraph(8, "", heading: 2),
            Self.paragraph(9, "Tujuan", heading: 2),
            Self.paragraph(10, "Kotak teks", heading: 1, container: .textBox),
        ]
        let sections = SectionBuilder.build(blocks)
        #expect(sections.map(\.title) == ["DAFTAR ISI", "PENDAHULUAN"])
        #expect(sections[0].paragraphs == 2...3)
        #expect(sections[1].children.map(\.title) == ["Latar Belakang", "Tujuan"])
        #expect(sections[1].children[0].children.map(\.title) == ["Rincian"])
        #expect(sections[1].children[0].children[0].paragraphs == 8...8)
    }

    @Test func headingNumbersOverrideWordLevels() {
        let blocks: [Block] = [
            Self.paragraph(1, "BAB I\nPENDAHULUAN", heading: 2),
            Self.paragraph(2, "1.1 Latar Belakang", heading: 1),
        ]
        let sections = SectionBuilder.build(blocks)
        #expect(sections.count == 1)
        #expect(sections.first?.level == 1 && sections.first?.title == "PENDAHULUAN")
        #expect(sections.first?.children.first?.level == 2)
    }

    @Test func letteredAndBoldHeadingsHangFromTheHeadingBefore() throws {
        let blocks: [Block] = [
            Self.paragraph(1, "BAB III AKUNTABILITAS KINERJA"),
            Self.paragraph(2, "A. CAPAIAN KINERJA ORGANISASI"),
            Self.paragraph(3, "Pengukuran Capaian", bold: true),
            Self.paragraph(4, "Isi."),
            Self.paragraph(5, "Analisis Capaian", bold: true),
            Self.paragraph(6, "B. REALISASI ANGGARAN"),
            Self.paragraph(7, "3.1 Uraian"),
            Self.paragraph(8, "A. SUB BAGIAN UMUM"),
            Self.paragraph(9, "IV. PENUTUP"),
        ]
        let sections = SectionBuilder.build(blocks)
        let chapter = try #require(sections.first)
        #expect(sections.count == 1)
        #expect(chapter.children.map(\.title) == ["CAPAIAN KINERJA ORGANISASI", "REALISASI ANGGARAN", "Uraian", "PENUTUP"])
        #expect(chapter.children[0].children.map(\.title) == ["Pengukuran Capaian", "Analisis Capaian"])
        #expect(chapter.children[0].children.map(\.level) == [3, 3])
        #expect(chapter.children[2].children.first?.title == "SUB BAGIAN UMUM")
        #expect(chapter.children[2].children.first?.level == 3)
        #expect(chapter.children[3].level == 2)   // a roman heading under a BAB chapter
    }

    @Test func styledCaptionsInsideChaptersDoNotCloseThem() throws {
        let blocks: [Block] = [
            Self.paragraph(1, "KATA PENGANTAR", heading: 1),
            Self.paragraph(2, "BAB III\nGAMBARAN UMUM", heading: 1),
            Self.paragraph(3, "3.1 Tugas Pokok dan Fungsi", heading: 2),
            Self.paragraph(4, "BAGAN SUSUNAN ORGANISASI", heading: 1),
            Self.paragraph(5, "A. SUB BAGIAN UMUM", heading: 2),
            Self.paragraph(6, "B. SUB BAGIAN KEUANGAN", heading: 1),
            Self.paragraph(7, "3.2 Visi", heading: 2),
            Self.paragraph(8, "LAMPIRAN", heading: 1),
        ]
        let sections = SectionBuilder.build(blocks)
        #expect(sections.map(\.title) == ["KATA PENGANTAR", "GAMBARAN UMUM", "LAMPIRAN"])
        let chapter = sections[1]
        #expect(chapter.number == "III")
        #expect(chapter.children.map(\.number) == ["3.1", "3.2"])
        let first = try #require(chapter.children.first)
        #expect(first.children.map(\.title) == ["BAGAN SUSUNAN ORGANISASI", "SUB BAGIAN UMUM", "SUB BAGIAN KEUANGAN"])
        #expect(first.children.map(\.level) == [3, 3, 3])
        #expect(first.children.map(\.number) == [nil, "A", "B"])
    }

    @Test func romanHeadingsAreChaptersWithoutBAB() {
        let blocks: [Block] = [
            Self.paragraph(1, "I. PENDAHULUAN"),
            Self.paragraph(2, "A. Latar Belakang"),
            Self.paragraph(3, "II. PENUTUP"),
        ]
        let sections = SectionBuilder.build(blocks)
        #expect(sections.map(\.number) == ["I", "II"])
        #expect(sections.first?.children.first?.number == "A")
    }

    @Test func noHeadingsGiveNoSections() {
        #expect(SectionBuilder.build([]).isEmpty)
        #expect(SectionBuilder.build([Self.paragraph(1, "Teks biasa."), Self.table(1, after: 1)]).isEmpty)
    }

    // MARK: - TextReader snippets

    static func paragraphs(_ document: Document) -> [Paragraph] { document.paragraphs }

    @Test func pipeTableWithHeaderRow() throws {
        let text = """
        Tabel 2.1 Tujuan

        | No | Sasaran | Target |
        |---:|:--------|--------|
        | 1 | Meningkatnya **kualitas** | 78,5 |
        | 2 | Nilai a \\| b | |
        Sesudah tabel.
        """
        let document = TextReader.read(text: text, path: "t.md", markdown: true)
        #expect(document.format == .markdown)
        let table = try #require(document.tables.first)
        #expect(table.index == 1 && table.paragraphsBefore == 1)
        #expect(table.grid == [["No", "Sasaran", "Target"], ["1", "Meningkatnya kualitas", "78,5"], ["2", "Nilai a | b", ""]])
        #expect(table.rows.map(\.repeatsAsHeader) == [true, false, false])
        #expect(table.rows.map(\.index) == [1, 2, 3])
        #expect(document.paragraphs.map(\.text) == ["Tabel 2.1 Tujuan", "Sesudah tabel."])
        #expect(document.paragraphs.map { $0.location.paragraph } == [1, 2])
    }

    @Test func tabSeparatedTable() throws {
        let text = """
        Tabel 3.1
        No.\tSasaran Strategis\tTarget\tRealisasi
        1\tMeningkatnya kemampuan\t78,5\t84,05
        2\tMeningkatnya capaian\t100\t93,50%
        \t\tlanjutan baris\t

        1\tMeningkatnya kemampuan\t78,5\t84,05
        Sumber Data
        """
        let document = TextReader.read(text: text, path: "t.txt", markdown: false)
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        #expect(table.rows.count == 5)
        #expect(table.columnCount == 4)
        #expect(table.grid[3] == ["", "", "lanjutan baris", ""])
        #expect(table.paragraphsBefore == 1)
        #expect(document.paragraphs.map(\.text) == ["Tabel 3.1", "Sumber Data"])
    }

    @Test func tabLaidOutListsAndDecreesAreParagraphs() {
        let text = """
        Mengingat\t:\t1.\tInstruksi Presiden Nomor 7 Tahun 1999;
        \t\t2.\tUndang-undang Nomor 7 Tahun 2003;
        3. \tUndang-undang Nomor 17 Tahun 2003;
        Ditetapkan di\t:   Wotu
        Pada tanggal\t:  20 September 2023
        KATA PENGANTAR\tii
        """
        let document = TextReader.read(text: text, path: "t.txt", markdown: false)
        #expect(document.tables.isEmpty)
        let paragraphs = document.paragraphs
        #expect(paragraphs.count == 6)
        #expect(paragraphs[0].list == nil)
        #expect(ListMarkers.effectiveLabel(of: paragraphs[0])?.value == 1)
        #expect(paragraphs.dropFirst().prefix(2).map { $0.list?.value } == [2, 3])
        #expect(paragraphs[1].text == "Undang-undang Nomor 7 Tahun 2003;")
    }

    @Test func repeatedHeaderStartsANewTable() {
        let text = """
        No\tUraian\tPagu
        01\tProgram A\t1.000
        \tBelanja\t1.000

        No\tUraian\tPagu
        02\tProgram B\t2.000
        """
        let document = TextReader.read(text: text, path: "t.txt", markdown: false)
        #expect(document.tables.map(\.rows.count) == [3, 2])
        #expect(document.tables.map(\.index) == [1, 2])
    }

    @Test func markdownHeadingsListsAndParagraphs() throws {
        let text = """
        # BAB I PENDAHULUAN

        ## 1.1 Latar Belakang
        Dalam rangka pengukuran
        kinerja instansi.  
        Baris baru.
        - a. Spesifik, yaitu jelas;
        - b. Dapat dicapai (*measurable*);
        * butir biasa

        **KESIMPULAN
        AKHIR**

        Lampiran Indikator
        ==================
        """
        let document = TextReader.read(text: text, path: "t.md", markdown: true)
        let paragraphs = document.paragraphs
        #expect(paragraphs.map(\.text) == [
            "BAB I PENDAHULUAN", "1.1 Latar Belakang", "Dalam rangka pengukuran kinerja instansi.\nBaris baru.",
            "Spesifik, yaitu jelas;", "Dapat dicapai (measurable);", "butir biasa", "KESIMPULAN AKHIR", "Lampiran Indikator",
        ])
        #expect(paragraphs.map(\.headingLevel) == [1, 2, nil, nil, nil, nil, nil, 1])
        #expect(paragraphs[0].pseudoHeading?.kind == .chapter)
        #expect(paragraphs[1].pseudoHeading?.number == "1.1")
        #expect(paragraphs[3].list?.marker == "a." && paragraphs[4].list?.value == 2)
        #expect(paragraphs[3].displayText == "a. Spesifik, yaitu jelas;")
        #expect(paragraphs[5].list?.style == .bullet)
        #expect(paragraphs[6].isBold && paragraphs[6].pseudoHeading?.kind == .boldLine)
        let sections = document.sections
        #expect(sections.map(\.title) == ["PENDAHULUAN", "Lampiran Indikator"])
        #expect(sections.first?.children.first?.children.first?.title == "KESIMPULAN AKHIR")
    }

    @Test func plainTextKeepsEveryLineAndFollowsBoldAcrossLines() {
        let text = "**KECAMATAN TOWUTI\r\nKABUPATEN LUWU TIMUR\r\nTAHUN 2023**\r\n\r\n[bookmark: _GoBack]KEDUA\t:\tPenyusunan\r\n[image: ]  Camat Wotu,\rBAB I\u{0B}PENDAHULUAN\n<b>TABEL</b>\n1. **Camat;** sebagaimana"
        let document = TextReader.read(text: text, path: "t.txt", markdown: false)
        let paragraphs = document.paragraphs
        #expect(paragraphs.map(\.text) == ["KECAMATAN TOWUTI", "KABUPATEN LUWU TIMUR", "TAHUN 2023", "KEDUA\t:\tPenyusunan",
                                           "Camat Wotu,", "BAB I\nPENDAHULUAN", "TABEL", "Camat; sebagaimana"])
        #expect(paragraphs.map(\.isBold) == [true, true, true, false, false, false, true, false])
        #expect(paragraphs[5].pseudoHeading?.title == "PENDAHULUAN")
        #expect(paragraphs[7].list?.value == 1)
    }

    @Test func tableOfContentsWithPageNumbers() {
        let text = """
        DAFTAR ISI
        KATA PENGANTAR\tii
        BAB I PENDAHULUAN\t1
        A. Latar Belakang.....\t1
        LAMPIRAN\t
        BAB I
        PENDAHULUAN
        A. LATAR BELAKANG
        """
        let document = TextReader.read(text: text, path: "t.txt", markdown: false)
        let paragraphs = document.paragraphs
        #expect(paragraphs.map(\.isTOCEntry) == [false, true, true, true, true, false, false, false])
        #expect(paragraphs[3].text == "A. Latar Belakang.....\t1" && paragraphs[3].list == nil)
        #expect(document.tables.isEmpty)
        #expect(document.sections.map(\.title) == ["PENDAHULUAN"])
        #expect(document.sections.first?.children.first?.title == "LATAR BELAKANG")
    }

    @Test func tableOfContentsWithoutPageNumbersEndsAtTheFirstRepeat() {
        let text = """
        DAFTAR ISI

        KATA PENGANTAR

        BAB I PENDAHULUAN

        - 1.1 Latar Belakang

        KATA PENGANTAR

        Puji syukur kita panjatkan.
        """
        let document = TextReader.read(text: text, path: "t.txt", markdown: false)
        #expect(document.paragraphs.map(\.isTOCEntry) == [false, true, true, true, false, false])
    }

    @Test func anyInputReadsWithoutTrapping() {
        var bytes: [UInt8] = []
        var state: UInt32 = 2_463_534_242
        for _ in 0..<200_000 {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            bytes.append(UInt8(truncatingIfNeeded: state))
        }
        let garbage = String(decoding: bytes, as: UTF8.self)
        for markdown in [false, true] {
            _ = TextReader.read(text: garbage, path: "garbage", markdown: markdown)
            _ = TextReader.read(text: "", path: "empty", markdown: markdown)
            _ = TextReader.read(text: "\n\n\t\t\n|", path: "blank", markdown: markdown)
            _ = TextReader.read(text: "| a |\n|---|\n+--+\n|\n\\", path: "odd", markdown: markdown)
            _ = TextReader.read(text: "+---+\n| a |\n+===+\n| b |", path: "grid", markdown: markdown)
        }
        let invalid = String(decoding: [0x42, 0x41, 0x42, 0x20, 0x49, 0xFF, 0xFE, 0x0A, 0x61, 0x2E, 0x20, 0xC3], as: UTF8.self)
        let document = TextReader.read(text: invalid, path: "invalid", markdown: false)
        #expect(document.paragraphs.count == 2)
        #expect(document.paragraphs.last?.list?.marker == "a.")
    }

    @Test func hugeSingleLineReadsInLinearTime() {
        let line = String(repeating: "kinerja ", count: 1_000_000) + "\t" + String(repeating: "x", count: 1_000_000)
        let clock = ContinuousClock()
        for markdown in [false, true] {
            var document: Document?
            let elapsed = clock.measure {
                document = TextReader.read(text: line, path: "huge", markdown: markdown)
            }
            #expect(document?.paragraphs.count == 1)
            #expect(elapsed < .seconds(20))
        }
    }

    // MARK: - Seeds

    static func seed(_ name: String) throws -> Document {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        // Walk up from this file to the package root (the folder with Package.swift).
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
              directory.pathComponents.count > 1 {
            directory.deleteLastPathComponent()
        }
        let url = directory.appendingPathComponent("../shared/corpus/seeds/\(name).txt").standardizedFileURL
        let data = try Data(contentsOf: url)
        return TextReader.read(text: String(decoding: data, as: UTF8.self), path: url.path, markdown: false)
    }

    /// Paragraphs in order with their typed labels, to check list sequences.
    static func labelled(_ document: Document) -> [(value: Int?, text: String)] {
        document.paragraphs.compactMap { paragraph in
            paragraph.list.map { ($0.value, paragraph.text) }
        }
    }

    @Test func wotuSeed() throws {
        let document = try Self.seed("wotu-iku-2021-2026")
        #expect(document.format == .text)
        let sections = document.sections
        #expect(sections.map(\.number) == ["I", "II", "III", "IV", "V"])
        #expect(sections.map(\.title) == ["PENDAHULUAN", "PENGERTIAN INDIKATOR KINERJA", "GAMBARAN UMUM",
                                          "PENETAPAN INDIKATOR KINERJA UTAMA", "PENUTUP"])
        let penutup = try #require(sections.last)
        let heading = try #require(document.paragraphs.first { $0.location.paragraph == penutup.headingParagraph })
        #expect(heading.text == "BAB  V" && heading.pseudoHeading?.number == "V")
        #expect(penutup.paragraphs?.lowerBound == penutup.headingParagraph + 2)
        // 1.2 is used twice in BAB I.
        #expect(sections[0].children.map(\.number) == ["1.1", "1.2", "1.2"])
        #expect(sections[0].children.map(\.title) == ["Latar Belakang", "Landasan Hukum Penyusunan", "Maksud dan Tujuan"])

        let paragraphs = document.paragraphs
        // Mengingat: the list starts after the decree lead and has 16. twice.
        let mengingat = try #require(paragraphs.firstIndex { $0.text.hasPrefix("Mengingat") })
        #expect(paragraphs[mengingat].list == nil)
        #expect(ListMarkers.effectiveLabel(of: paragraphs[mengingat])?.value == 1)
        let sixteens = paragraphs.filter { $0.list?.value == 16 && $0.list?.style == .decimal }
        #expect(sixteens.count == 2)
        #expect(sixteens.first?.text.hasPrefix("Peraturan Bupati Luwu Timur Nomor 48 Tahun 2021") == true)
        #expect(sixteens.last?.text.hasPrefix("Peraturan Bupati Luwu Timur Nomor 85 Tahun 2021") == true)
        let fifteen = try #require(paragraphs.firstIndex { $0.list?.value == 15 })
        #expect(paragraphs[fifteen + 1].list?.value == 16 && paragraphs[fifteen + 2].list?.value == 16)
        // Landasan hukum: 7. then 9.
        let nine = try #require(paragraphs.firstIndex { $0.text.hasPrefix("Rencana Strategis Kecamatan Wotu Kabupaten Luwu Timur Tahun 2021-2026") })
        #expect(paragraphs[nine].list?.marker == "9.")
        #expect(paragraphs[nine - 1].list?.marker == "7." && paragraphs[nine - 1].text.hasPrefix("Peraturan Daerah Nomor  11 Tahun 2021"))
        // Menimbang a. is on the decree line; b. follows it.
        let menimbang = try #require(paragraphs.firstIndex { $0.text.hasPrefix("Menimbang") })
        #expect(ListMarkers.effectiveLabel(of: paragraphs[menimbang])?.marker == "a.")
        #expect(paragraphs[menimbang + 1].list?.marker == "b.")
        // Bullets typed with a middle dot.
        #expect(paragraphs.filter { $0.list?.marker == "·" }.count == 6)
    }

    @Test func rawajitutimurSeed() throws {
        let document = try Self.seed("rawajitutimur-iku-2023-2026")
        let paragraphs = document.paragraphs
        // Rincian tugas Camat goes e. then g.
        let g = try #require(paragraphs.firstIndex { $0.text.hasPrefix("membina dan mengawasi penyelenggaraan kegiatan Desa") })
        #expect(paragraphs[g].list?.marker == "g." && paragraphs[g].list?.value == 7)
        #expect(paragraphs[g - 1].list?.marker == "e." && paragraphs[g - 1].text.hasPrefix("mengoordinasikan pemeliharaan prasarana"))
        #expect(paragraphs[g + 2].list?.value == 9 && paragraphs[g + 2].list?.style == .lowerLetter)  // i. after h.
        // The DAFTAR ISI has 15 entries, among them 3.4 Arah Kebijakan, which the body lacks.
        let toc = paragraphs.filter(\.isTOCEntry)
        #expect(toc.count == 15)
        #expect(toc.contains { $0.pseudoHeading?.number == "3.4" && $0.pseudoHeading?.title == "Arah Kebijakan" })
        let numbers = document.sections.flatMap { [$0.number ?? "-"] + $0.children.map { $0.number ?? "-" } }
        #expect(!numbers.contains("3.4"))
        #expect(document.sections.filter { $0.number != nil }.map(\.number) == ["I", "II", "III", "IV"])
        // Two IKU tables: 11 and 9 columns; the target rows are 70, 70, 70, 70.
        #expect(document.tables.map(\.columnCount) == [11, 9])
        #expect(document.tables.map(\.rows.count) == [5, 4])
        #expect(document.tables[1].grid[3] == ["1.", "Meningkatnya Akuntabilitas Kinerja Kecamatan Rawa Jitu Timur",
                                               "Nilai SAKIP Kecamatan Rawa Jitu Timur", "Nilai", "58", "70", "70", "70", "70"])
    }

    @Test func setdaSeed() throws {
        let document = try Self.seed("setda-luwutimur-iku-2021-2026")
        let paragraphs = document.paragraphs
        let elevens = paragraphs.filter { $0.list?.value == 11 && $0.list?.style == .decimal }
        #expect(elevens.map { String($0.text.prefix(40)) } == ["Peraturan Menteri Dalam Negeri Nomor 25 ",
                                                               "Peraturan Daerah Nomor 18 Tahun 2016 ten"])
        // The fungsi list of Asisten Pemerintahan starts at b.
        let lead = try #require(paragraphs.firstIndex { $0.text.hasPrefix("Asisten Pemerintahan dan Kesejahteraan Rakyat dalam melaksanakan tugas pokok") })
        #expect(paragraphs[lead + 1].list?.marker == "b.")
        #expect(paragraphs[lead + 1].text.contains("di bidang kesejahteraan rakyat,"))
        #expect(document.sections.first { $0.number == "I" }?.children.map(\.number) == ["1.1", "1.2", "1.2"])
        #expect(document.sections.last?.title == "PENUTUP")
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1 && table.rows.count == 4)
        #expect(table.grid[3].first == "1.1" && table.grid[3].last == "Sekretariat Daerah")
    }

    @Test func towutiSeed() throws {
        let document = try Self.seed("towuti-lakip-2023")
        let paragraphs = document.paragraphs
        // The TOC: 26 entries with page numbers, the last one (LAMPIRAN) without.
        let toc = paragraphs.filter(\.isTOCEntry)
        #expect(toc.count == 26)
        #expect(toc.first?.text == "KATA PENGANTAR\tii" && toc.last?.text == "LAMPIRAN")
        #expect(document.sections.filter { $0.number != nil }.map(\.title) == ["PENDAHULUAN", "PERENCANAAN KINERJA",
                                                                                "AKUNTABILITAS KINERJA", "PENUTUP"])
        let chapterIII = try #require(document.sections.first { $0.number == "III" })
        #expect(chapterIII.children.map(\.title) == ["CAPAIAN KINERJA ORGANISASI", "REALISASI ANGGARAN"])
        // Sub kegiatan list goes 15. then 17.
        let seventeen = try #require(paragraphs.firstIndex { $0.text == "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik" })
        #expect(paragraphs[seventeen].list?.value == 17 && paragraphs[seventeen].isBold)
        let previous = paragraphs[..<seventeen].last { $0.list?.style == .decimal }
        #expect(previous?.list?.value == 15)
        // Tables come out as Word numbers them (pages split at the repeated header).
        #expect(document.tables.count == 82)
        #expect(document.tables[64].text(row: 9, column: 1) == "Penyediaan Gaji dan Tunjangan ASN")
        #expect(document.tables[64].text(row: 9, column: 2) == "2.294.120.181,00")
        #expect(document.tables[68].text(row: 8, column: 2) == "11680.000")
        #expect(document.tables[14].grid[1] == ["", "Daerah", "Perkada", "", "", ""])
        #expect(document.tables[4].grid[5][7] == "74,5")
    }

    @Test func wanarayaSeed() throws {
        let document = try Self.seed("wanaraya-iku-2023-2026")
        let paragraphs = document.paragraphs
        #expect(paragraphs.prefix(3).map(\.headingLevel) == [1, 2, 3])
        #expect(paragraphs[0].text == "TAHUN 2023 - 2026")
        // Decree items with a Markdown bullet in front of the lead.
        let menimbang = try #require(paragraphs.first { $0.text.hasPrefix("Menimbang") })
        #expect(ListMarkers.effectiveLabel(of: menimbang)?.marker == "a.")
        #expect(document.tables.count == 8)
        #expect(document.tables.map(\.columnCount).allSatisfy { $0 == 6 })
        #expect(document.tables[1].rows.count == 10)
        #expect(document.tables[1].grid[8].first == "siap pakai")    // continuation row after a page break
        #expect(document.tables[6].rows.count == 21)
        #expect(document.tables[7].rows.count == 9)
        #expect(document.tables.allSatisfy { $0.grid[0][0] == "KINERJA UTAMA" })
    }
}
