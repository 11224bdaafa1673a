import Lint

/// `required-section`: a section the document's kind requires is missing.
///
/// The required sections come from the rule set, per document kind (`sections: {lakip: [...], iku: [...]}`,
/// in `lakip.yml`, `iku.yml`, `renstra.yml`): each a title with synonyms, and two switches —
/// `chapter: true` (when the document numbers its chapters, the section is one of them, or a heading of
/// exactly that title: the cover's "LAPORAN AKUNTABILITAS KINERJA …" is no BAB III Akuntabilitas Kinerja)
/// and `only_with_chapters: true` (required only of documents written in chapters: an IKU decree made of a
/// keputusan and its tables has no Pendahuluan to miss). A title matches when its words, up to a typing slip
/// per word, hold the section's title or a synonym in a row ("Akuntabilitas Kinerja" in "Akuntabilitas
/// Kinerja Instansi Pemerintah"). Without a heading, a short stand-alone line of that title (a heading typed
/// as plain text) also counts. The finding stands where the section was expected: at the heading of the next
/// required section found (or the last one before it).
public struct RequiredSectionRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "required-section",
            title: Message(id: "Bab wajib tidak ada", en: "A required section is missing"),
            description: Message(
                id: "Bab yang diwajibkan untuk jenis dokumen ini tidak ditemukan (LKjIP: Pendahuluan, Perencanaan "
                    + "Kinerja, Akuntabilitas Kinerja, Penutup). Daftar bab per jenis dokumen, beserta sinonimnya, "
                    + "ada di rule set.",
                en: "A section this kind of document requires is missing (LKjIP: Pendahuluan, Perencanaan Kinerja, "
                    + "Akuntabilitas Kinerja, Penutup). The lists per kind of document, with synonyms, are in the rule "
                    + "set."),
            rationale: Message(
                id: "Sistematika dokumen ditetapkan peraturan: LKjIP menurut PermenPAN-RB 53/2014 (BAB I Pendahuluan, "
                    + "BAB II Perencanaan Kinerja, BAB III Akuntabilitas Kinerja, BAB IV Penutup), Renstra Perangkat "
                    + "Daerah menurut Permendagri 86/2017. Bab yang hilang berarti informasi wajib tidak disajikan dan "
                    + "menurunkan nilai evaluasi AKIP (PermenPAN-RB 88/2021).",
                en: "Regulations fix the layout: the LKjIP by PermenPAN-RB 53/2014 (BAB I Pendahuluan, BAB II "
                    + "Perencanaan Kinerja, BAB III Akuntabilitas Kinerja, BAB IV Penutup), the Renstra Perangkat "
                    + "Daerah by Permendagri 86/2017. A missing chapter means required information is not presented "
                    + "and lowers the AKIP evaluation (PermenPAN-RB 88/2021)."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "sections", defaultValue: "{lakip: [...], iku: [...], pk: [...], renstra: [...]}",
                              description: Message(
                                  id: "Bab wajib per jenis dokumen: judul, sinonim (synonyms), chapter (harus berupa BAB "
                                      + "bila dokumen memakai BAB), only_with_chapters (hanya untuk dokumen ber-BAB).",
                                  en: "Required sections per kind of document: title, synonyms, chapter (must be a BAB "
                                      + "when the document has chapters), only_with_chapters (only for documents in chapters).")),
                RuleParameter(name: "sources", defaultValue: "{lakip: PermenPAN-RB 53/2014, …}",
                              description: Message(id: "Peraturan yang menetapkan sistematika, per jenis dokumen.",
                                                   en: "The regulation that fixes the layout, per kind of document.")),
                RuleParameter(name: "max_line_words", defaultValue: "8",
                              description: Message(
                                  id: "Baris biasa paling panjang yang masih dianggap judul bab yang diketik.",
                                  en: "Longest plain line still taken as a typed chapter title.")),
            ],
            triggering: [
                RuleExample("""
                    # LAPORAN KINERJA INSTANSI PEMERINTAH KECAMATAN MAJU TAHUN 2023

                    # BAB I PENDAHULUAN

                    Laporan kinerja disusun sebagai pertanggungjawaban pelaksanaan tugas.

                    # BAB II PERENCANAAN KINERJA

                    Perjanjian Kinerja Tahun 2023 memuat dua sasaran strategis.

                    # BAB III PENUTUP

                    Demikian laporan ini disusun.
                    """, caption: "An LKjIP without its Akuntabilitas Kinerja chapter", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    # LAPORAN KINERJA INSTANSI PEMERINTAH KECAMATAN MAJU TAHUN 2023

                    # BAB I PENDAHULUAN

                    Laporan kinerja disusun sebagai pertanggungjawaban pelaksanaan tugas.

                    # BAB II PERENCANAAN KINERJA

                    Perjanjian Kinerja Tahun 2023 memuat dua sasaran strategis.

                    # BAB III AKUNTABILITAS KINERJA INSTANSI PEMERINTAH

                    Capaian kinerja tahun 2023 diukur dengan membandingkan target dan realisasi.

                    # BAB IV

                    # PENUTUP

                    Demikian laporan ini disusun.
                    """, caption: "All four LKjIP chapters, one with a longer title, one with its title on the next line", kind: .lakip),
                RuleExample("""
                    # KEPUTUSAN CAMAT MAJU NOMOR 12 TAHUN 2023 TENTANG INDIKATOR KINERJA UTAMA

                    | No | Sasaran | Indikator Kinerja Utama | Formula | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan | Indeks Kepuasan Masyarakat | Nilai IKM x 25 | Seksi Pelayanan Umum |
                    """, caption: "An IKU decree without chapters owes no Pendahuluan", kind: .iku),
            ]
        )
    }

    struct Requirement {
        var title: String
        var synonyms: [String]
        /// The title and each synonym as words.
        var phrases: [[String]]
        var mustBeChapter: Bool
        var onlyWithChapters: Bool
    }

    struct Heading {
        var paragraph: Int
        var evidence: String
        var words: [String]
        var isChapter: Bool
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let kind = document.subject.kind
        guard let lists = context.parameters["sections"]?.map else { return [] }
        // A rule set forced on a document of unknown kind applies its only list.
        let list = lists[kind.rawValue] ?? (kind == .unknown && lists.entries.count == 1 ? lists.entries[0].value : nil)
        guard case .list(let items)? = list else { return [] }
        let requirements = items.compactMap(Self.requirement)
        guard !requirements.isEmpty else { return [] }
        let maxLineWords = Int(context.number("max_line_words", default: 8))
        let source = context.parameters["sources"]?.map?[kind.rawValue]?.string

        let headings = Self.headings(document)
        let chapters = headings.filter(\.isChapter)
        let hasChapters = chapters.count >= 2
        let lines = Self.standAloneLines(document, excluding: Set(headings.map(\.paragraph)), maxWords: maxLineWords)

        // Where each requirement was found (nil when missing).
        var found: [Heading?] = []
        for requirement in requirements {
            if requirement.onlyWithChapters && !hasChapters {
                found.append(Heading(paragraph: 0, evidence: "", words: [], isChapter: false))
                continue
            }
            found.append(Self.find(requirement, headings: headings, chapters: hasChapters ? chapters : nil,
                                   lines: lines))
        }
        var findings: [Finding] = []
        for (index, requirement) in requirements.enumerated() where found[index] == nil {
            // Stand where the section was expected: before the next required section found, else after the last
            // chapter (or heading) of the document.
            let next = found[(index + 1)...].compactMap { $0 }.first { $0.paragraph > 0 }
            let previous = hasChapters ? chapters.last : headings.last
            let anchor = next ?? previous
            let also = requirement.synonyms.isEmpty ? "" : " (\(requirement.synonyms.joined(separator: ", ")))"
            let name = Self.kindName(kind)
            let regulation = source.map { " (\($0))" } ?? ""
            let place: (id: String, en: String)
            if let next, next.paragraph > 0 {
                place = (" Bab ini seharusnya ada sebelum \"\(next.evidence)\".", " It should come before \"\(next.evidence)\".")
            } else if let previous, previous.paragraph > 0 {
                place = (" Bab ini seharusnya ada sesudah \"\(previous.evidence)\".", " It should come after \"\(previous.evidence)\".")
            } else {
                place = ("", "")
            }
            findings.append(context.finding(Message(
                id: "Bab \"\(requirement.title)\"\(also) yang wajib ada dalam \(name)\(regulation) tidak ditemukan."
                    + place.id,
                en: "The section \"\(requirement.title)\"\(also) that \(name) requires\(regulation) is missing." + place.en),
                at: Location(paragraph: anchor.map { max($0.paragraph, 1) } ?? 1),
                evidence: anchor?.evidence ?? "", expected: requirement.title))
        }
        return findings
    }

    static func kindName(_ kind: Subject.Kind) -> String {
        switch kind {
        case .lakip: "LKjIP"
        case .iku: "IKU"
        case .renstra: "Renstra"
        case .pk: "Perjanjian Kinerja"
        case .unknown: "dokumen ini"
        }
    }

    /// A rule set item: a plain title, or `{title, synonyms, chapter, only_with_chapters}`.
    static func requirement(_ value: SettingValue) -> Requirement? {
        switch value {
        case .scalar(let title):
            let words = DocumentStructureText.words(title)
            return words.isEmpty ? nil : Requirement(title: title, synonyms: [], phrases: [words], mustBeChapter: false,
                                                     onlyWithChapters: false)
        case .map(let settings):
            guard let title = settings["title"]?.string else { return nil }
            let synonyms = settings["synonyms"]?.strings ?? []
            let phrases = ([title] + synonyms).map(DocumentStructureText.words).filter { !$0.isEmpty }
            guard !phrases.isEmpty else { return nil }
            return Requirement(title: title, synonyms: synonyms, phrases: phrases,
                               mustBeChapter: settings["chapter"]?.bool ?? false,
                               onlyWithChapters: settings["only_with_chapters"]?.bool ?? false)
        case .list:
            return nil
        }
    }

    /// The heading (or typed title line) that answers a requirement. With numbered chapters (`chapters`), a
    /// chapter requirement is met by a chapter whose title holds the phrase, or by any heading or line whose
    /// whole title is the phrase.
    static func find(_ requirement: Requirement, headings: [Heading], chapters: [Heading]?,
                     lines: [Heading]) -> Heading? {
        func holds(_ words: [String]) -> Bool {
            requirement.phrases.contains { DocumentStructureText.containsPhrase(words, $0) }
        }
        func isExactly(_ words: [String]) -> Bool {
            requirement.phrases.contains { DocumentStructureText.sameWords(words, $0) }
        }
        if requirement.mustBeChapter, let chapters {
            // A chapter title may put words between the phrase's ("Perencanaan dan Perjanjian Kinerja").
            if let chapter = chapters.first(where: { title in
                requirement.phrases.contains { DocumentStructureText.containsWords(title.words, $0) }
            }) { return chapter }
            return (headings + lines).first { isExactly($0.words) }
        }
        if let heading = headings.first(where: { holds($0.words) }) { return heading }
        return lines.first { holds($0.words) }
    }

    /// Every section heading, its title's words, and whether it is a numbered chapter (`BAB I`, `I.`).
    static func headings(_ document: Document) -> [Heading] {
        var paragraphs: [Int: Paragraph] = [:]
        for paragraph in document.paragraphs where paragraph.container == .body {
            if let number = paragraph.location.paragraph { paragraphs[number] = paragraph }
        }
        var result: [Heading] = []
        func visit(_ section: Section) {
            let paragraph = paragraphs[section.headingParagraph]
            let isChapter = section.level == 1 && section.number != nil
                && (paragraph?.pseudoHeading?.kind == .chapter || section.number.map { Int($0) != nil
                    || DocumentStructureText.romanValue($0) != nil } == true)
            let evidence = RuleText.collapsed(paragraph?.displayText ?? section.title)
            result.append(Heading(paragraph: section.headingParagraph, evidence: evidence,
                                  words: DocumentStructureText.words(section.title), isChapter: isChapter))
            section.children.forEach(visit)
        }
        document.sections.forEach(visit)
        return result
    }

    /// Short body lines that are not headings (a chapter title typed as plain text), without a leading
    /// `BAB I` or list label.
    static func standAloneLines(_ document: Document, excluding headings: Set<Int>, maxWords: Int) -> [Heading] {
        var result: [Heading] = []
        for paragraph in document.paragraphs where paragraph.container == .body && !paragraph.isTOCEntry {
            guard let number = paragraph.location.paragraph, !headings.contains(number),
                  paragraph.text.utf8.count <= 200 else { continue }
            let text = RuleText.collapsed(paragraph.text)
            var words = DocumentStructureText.words(text)
            if words.first == "bab", words.count >= 2 { words.removeFirst(2) }
            guard !words.isEmpty, words.count <= maxWords, !DocumentStructureText.endsSentence(text) else { continue }
            result.append(Heading(paragraph: number, evidence: text, words: words, isChapter: false))
        }
        return result
    }
}
