import Lint

/// `toc-mismatch`: the table of contents (DAFTAR ISI) disagrees with the headings of the body.
///
/// Entries are the `isTOCEntry` paragraphs (Word TOC fields; the text reader marks the lines after a
/// `DAFTAR ISI` line), split into title and page by `PseudoHeadings.splitTOCEntry`; each entry's number is
/// read from its text (`BAB IV`, `3.4`, `A.`, `a)`; a stray label before `BAB` is dropped, and a `BAB I`
/// entry whose title is the next entry is joined with it). Headings are the document's sections (Word
/// headings and typed headings). Four things are reported:
/// - an entry of chapter or first level (`BAB`, `3.4`, `A.`, an unnumbered entry such as `KATA PENGANTAR`)
///   with no heading of that title: missing altogether, found under another number, or its number used by
///   a heading of another title. Titles compare without case, punctuation, dot leaders and little words, up
///   to a typing slip per word, and a title may be a part of the other (`BAB III GAMBARAN UMUM` against
///   `GAMBARAN UMUM`). Deeper entries (`1.`, `a)`, `3.2.1`) are not held to headings, since documents often
///   write those as plain numbered paragraphs, nor are entries in the rule's `ignored_entries` (`LAMPIRAN`);
/// - a numbered chapter or first-level heading after the TOC that no entry lists, at the depths the TOC
///   lists (a TOC of chapters only does not miss the subsections);
/// - page numbers that go backwards: entries outside every longest non-decreasing run of pages (arabic and
///   roman front-matter pages apart), else the later entry of a descent.
/// Lists of tables and figures (`DAFTAR TABEL`, `DAFTAR GAMBAR` …, the rule's `list_titles`) hold captions,
/// not headings: only their pages are checked, as are caption entries inside a TOC.
public struct TOCMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "toc-mismatch",
            title: Message(id: "Daftar isi tidak sesuai dengan isi dokumen", en: "The table of contents does not match the headings"),
            description: Message(
                id: "Entri DAFTAR ISI (bab dan subbab pertama) harus sesuai dengan judul di dalam dokumen, nomor dan "
                    + "judulnya; judul bab/subbab yang tidak tercantum di daftar isi, dan nomor halaman yang mundur, "
                    + "juga dilaporkan. Huruf besar/kecil, spasi, titik pengisi dan salah ketik kecil diabaikan.",
                en: "DAFTAR ISI entries (chapters and first-level sections) must match the document's headings, number "
                    + "and title; headings missing from the table of contents and page numbers that go backwards are "
                    + "reported too. Case, spacing, dot leaders and small typing slips are ignored."),
            rationale: Message(
                id: "Daftar isi adalah peta dokumen: entri tanpa bab (subbab yang dihapus atau tidak pernah ditulis) "
                    + "atau halaman yang salah menyesatkan pembaca dan penilai AKIP (PermenPAN-RB 88/2021), dan "
                    + "sering menandakan bagian wajib sistematika (PermenPAN-RB 53/2014) yang hilang.",
                en: "The table of contents maps the document: an entry without its section (deleted or never "
                    + "written) or a wrong page misleads readers and AKIP evaluators (PermenPAN-RB 88/2021), and often "
                    + "marks a part of the required layout (PermenPAN-RB 53/2014) that is missing."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "stop_words", defaultValue: "[dan, di, ke, yang, serta, …]",
                              description: Message(id: "Kata kecil yang diabaikan saat membandingkan judul.",
                                                   en: "Little words ignored when titles are compared.")),
                RuleParameter(name: "ignored_entries", defaultValue: "[LAMPIRAN, LAMPIRAN-LAMPIRAN]",
                              description: Message(
                                  id: "Awal entri tanpa nomor yang tidak dicari di dalam dokumen (lampiran sering berkas terpisah).",
                                  en: "Starts of unnumbered entries that are not looked for (appendices are often separate files).")),
                RuleParameter(name: "list_titles", defaultValue: "[DAFTAR TABEL, DAFTAR GAMBAR, …]",
                              description: Message(id: "Judul daftar yang berisi judul tabel/gambar, bukan judul bab.",
                                                   en: "Titles of lists that hold table/figure captions, not headings.")),
                RuleParameter(name: "caption_words", defaultValue: "[Tabel, Gambar, Grafik, …]",
                              description: Message(id: "Kata awal judul tabel/gambar.",
                                                   en: "Words that open table/figure captions.")),
                RuleParameter(name: "min_entries", defaultValue: "3",
                              description: Message(
                                  id: "Judul yang tidak tercantum hanya dilaporkan bila daftar isi punya sekian entri.",
                                  en: "Headings missing from the TOC are reported only when it has this many entries.")),
            ],
            triggering: [
                RuleExample("""
                    # DAFTAR ISI

                    BAB I PENDAHULUAN ........ 1
                    1.1 Latar Belakang ........ 1
                    1.2 Maksud dan Tujuan ........ 2
                    BAB II GAMBARAN UMUM ........ 3
                    2.1 Tugas Pokok dan Fungsi ........ 3
                    2.2 Arah Kebijakan ........ 5

                    # BAB I PENDAHULUAN

                    ## 1.1 Latar Belakang

                    Indikator Kinerja Utama disusun sebagai ukuran keberhasilan organisasi.

                    ## 1.2 Maksud dan Tujuan

                    Penetapan IKU dimaksudkan untuk memperoleh informasi kinerja yang penting.

                    # BAB II GAMBARAN UMUM

                    ## 2.1 Tugas Pokok dan Fungsi

                    Kecamatan membantu Bupati menyelenggarakan pemerintahan di wilayahnya.
                    """, caption: "The TOC lists 2.2 Arah Kebijakan; the body has no such section"),
                RuleExample("""
                    # DAFTAR ISI

                    BAB I PENDAHULUAN ........ 1
                    A. Latar Belakang ........ 1
                    BAB II PERENCANAAN KINERJA ........ 28
                    A. Rencana Strategis ........ 28
                    B. Visi dan Misi Kepala Daerah ........ 26

                    # BAB I PENDAHULUAN

                    ## A. Latar Belakang

                    Laporan kinerja disusun sebagai pertanggungjawaban pelaksanaan tugas.

                    # BAB II PERENCANAAN KINERJA

                    ## A. Rencana Strategis

                    Rencana strategis memuat tujuan dan sasaran lima tahun.

                    ## B. Visi dan Misi Kepala Daerah

                    Visi kepala daerah menjadi acuan perencanaan kinerja.
                    """, caption: "Page 26 listed after page 28", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    # DAFTAR ISI

                    KATA PENGANTAR ........ i
                    BAB I PENDAHULUAN ........ 1
                    A. Latar Belakang ........ 1
                    B. Gambaran Umum dan Organisasi ........ 2
                    1. Struktur Organisasi ........ 3
                    BAB II PENUTUP ........ 9
                    LAMPIRAN

                    # KATA PENGANTAR

                    Puji syukur kami panjatkan atas tersusunnya laporan ini.

                    # BAB I

                    # PENDAHULUAN

                    ## A. LATAR BELAKANG

                    Laporan kinerja disusun sebagai pertanggungjawaban pelaksanaan tugas.

                    ## B. GAMBARAN UMUM ORGANISASI

                    Kecamatan dipimpin oleh seorang Camat.

                    # BAB II PENUTUP

                    Demikian laporan ini disusun.
                    """, caption: "Case, dot leaders, little words, a chapter title on its own line, deeper entries and LAMPIRAN"),
            ]
        )
    }

    // MARK: - Model

    /// A heading or entry number: chapters compare by value (`BAB 3` = `BAB III`), dotted numbers by parts.
    enum Number: Equatable {
        case chapter(Int)
        case dotted([Int])
        case letter(Int)
        case other(String)

        var display: String {
            switch self {
            case .chapter(let value): "BAB \(DocumentStructureText.romanNumeral(value))"
            case .dotted(let parts): parts.map(String.init).joined(separator: ".")
            case .letter(let value): value >= 1 && value <= 26 ? String(UnicodeScalar(UInt8(64 + value))) : "\(value)"
            case .other(let marker): marker
            }
        }
    }

    enum Page: Equatable {
        case arabic(Int)
        case roman(Int)
    }

    struct Entry {
        var paragraph: Int
        var evidence: String
        /// Readings of the entry's number (`C.` is a letter or a roman numeral); empty when unnumbered.
        var numbers: [Number]
        /// 1 chapter, 2 first level (`1.1`, `A.`), 3 and more deeper, 0 unnumbered.
        var level: Int
        var title: String
        var words: [String]
        /// Number and title together (`SECTION 1 Introduction`), little words left out.
        var fullWords: [String]
        var page: Page?
        /// The chapter the entry stands under in the TOC (for lettered entries, which repeat per chapter).
        var chapter: Int?
        /// An entry of a list of tables or figures, or a caption inside the TOC: pages only.
        var isCaption: Bool
    }

    struct Heading {
        var paragraph: Int
        var evidence: String
        var numbers: [Number]
        var numberText: String?
        var level: Int
        var title: String
        var words: [String]
        /// The heading as shown, label included (automatic labels such as `SECTION 1`).
        var fullWords: [String]
        var chapter: Int?
    }

    struct Vocabulary {
        var stopWords: Set<String>
        var ignored: [[String]]
        var listTitles: [[String]]
        var captionWords: Set<String>
    }

    // MARK: - Check

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let vocabulary = Vocabulary(
            stopWords: Set(context.words("stop_words").flatMap(DocumentStructureText.words)),
            ignored: context.words("ignored_entries").map(DocumentStructureText.words).filter { !$0.isEmpty },
            listTitles: context.words("list_titles").map(DocumentStructureText.words).filter { !$0.isEmpty },
            captionWords: Set(context.words("caption_words").flatMap(DocumentStructureText.words)))
        let minEntries = Int(context.number("min_entries", default: 3))

        let groups = Self.entryGroups(document, vocabulary: vocabulary)
        guard !groups.isEmpty else { return [] }
        let headings = Self.headings(document, vocabulary: vocabulary)
        let headingParagraphs = Set(headings.map(\.paragraph))
        // The plain lines are read only when some entry has no heading.
        var lineCache: Lines?
        func lines() -> Lines {
            if let lineCache { return lineCache }
            let read = Self.lines(document, excluding: headingParagraphs, stopWords: vocabulary.stopWords)
            lineCache = read
            return read
        }
        let headingIndex = WordIndex(headings.map { ($0.words, $0.fullWords) })

        var findings: [Finding] = []
        var listed = Set<Int>()
        var contentEntries: [Entry] = []
        for group in groups {
            // Chapters where an entry has no heading: the entries after it are renumbered in the body (TOC 3.3,
            // heading 3.1 once 3.1 and 3.2 are gone), a consequence that is not reported again.
            var chaptersWithGaps = Set<Int>()
            for entry in group where !entry.isCaption {
                contentEntries.append(entry)
                let chapter = entry.chapter ?? -1
                switch check(entry, headings: headings, headingIndex: headingIndex, vocabulary: vocabulary,
                             lines: lines, listed: &listed, context: context) {
                case .answered:
                    break
                case .numberDiffers(let finding):
                    if !(entry.level == 2 && chaptersWithGaps.contains(chapter)) { findings.append(finding) }
                case .titleDiffers(let finding), .missing(let finding):
                    findings.append(finding)
                    if entry.level == 2 { chaptersWithGaps.insert(chapter) }
                }
            }
        }
        if contentEntries.count >= minEntries, let lastEntry = contentEntries.map(\.paragraph).max() {
            findings += unlistedHeadings(headings, entries: contentEntries, after: lastEntry, listed: listed,
                                         context: context)
        }
        for group in groups {
            findings += pageFindings(group, context: context)
        }
        return findings
    }

    enum Outcome {
        /// A heading (or a plain paragraph) answers the entry, or the entry is not checked.
        case answered
        /// The heading of that title has another number.
        case numberDiffers(Finding)
        /// The heading of that number has another title.
        case titleDiffers(Finding)
        /// No heading of that number or title.
        case missing(Finding)
    }

    /// What the body says to one content entry.
    private func check(_ entry: Entry, headings: [Heading], headingIndex: WordIndex, vocabulary: Vocabulary,
                       lines: () -> Lines, listed: inout Set<Int>, context: RuleContext) -> Outcome {
        // Deeper entries are often plain numbered paragraphs in the body; they are not held to headings.
        guard entry.level <= 2 else { return .answered }
        if entry.level == 0, vocabulary.ignored.contains(where: { entry.words.starts(with: $0) }) { return .answered }
        guard !entry.words.isEmpty || !entry.numbers.isEmpty else { return .answered }

        let byTitle = headingIndex.candidates(entry.words, entry.fullWords).map { headings[$0] }.filter {
            Self.titlesMatch(entry.words, $0.words) || DocumentStructureText.sameWords(entry.fullWords, $0.fullWords)
        }
        if let heading = byTitle.first(where: { Self.numbersCompatible(entry, $0) }) {
            listed.insert(heading.paragraph)
            return .answered
        }
        let byNumber = entry.numbers.isEmpty ? [] : headings.filter { Self.sameNumber(entry, $0) }
        // The same number and a title that shares a word ("Definisi" for "Definisi Indikator Kinerja Utama").
        if let heading = byNumber.first(where: { Self.titlesOverlap(entry.words, $0.words) }) {
            listed.insert(heading.paragraph)
            return .answered
        }
        if Self.lineAnswers(entry, lines: lines()) { return .answered }

        let quoted = RuleText.collapsed(PseudoHeadings.splitTOCEntry(entry.evidence).title)
        let location = Location(paragraph: entry.paragraph)
        if let heading = byTitle.first {
            listed.insert(heading.paragraph)
            let number = heading.numberText ?? "-"
            return .numberDiffers(context.finding(Message(
                id: "Daftar isi mencantumkan \"\(quoted)\", tetapi di dalam dokumen judul itu bernomor \(number) "
                    + "(paragraf \(heading.paragraph): \"\(heading.evidence)\").",
                en: "The table of contents lists \"\(quoted)\", but in the document that heading is numbered \(number) "
                    + "(paragraph \(heading.paragraph): \"\(heading.evidence)\")."),
                at: location, evidence: entry.evidence, expected: number, actual: entry.numbers.first?.display))
        }
        if let heading = byNumber.first {
            listed.insert(heading.paragraph)
            return .titleDiffers(context.finding(Message(
                id: "Daftar isi mencantumkan \"\(quoted)\", tetapi judul bernomor \(heading.numberText ?? "") di "
                    + "dalam dokumen adalah \"\(heading.title)\" (paragraf \(heading.paragraph)); judul \"\(entry.title)\" "
                    + "tidak ada.",
                en: "The table of contents lists \"\(quoted)\", but the heading numbered \(heading.numberText ?? "") in "
                    + "the document is \"\(heading.title)\" (paragraph \(heading.paragraph)); there is no heading "
                    + "\"\(entry.title)\"."),
                at: location, evidence: entry.evidence, expected: heading.title, actual: entry.title))
        }
        return .missing(context.finding(Message(
            id: "Daftar isi mencantumkan \"\(quoted)\", tetapi judul itu tidak ada di dalam dokumen.",
            en: "The table of contents lists \"\(quoted)\", but the document has no such heading."),
            at: location, evidence: entry.evidence))
    }

    /// Numbered chapter and first-level headings after the TOC that no entry lists, at the depths it lists.
    private func unlistedHeadings(_ headings: [Heading], entries: [Entry], after tocEnd: Int, listed: Set<Int>,
                                  context: RuleContext) -> [Finding] {
        let entryIndex = WordIndex(entries.map { ($0.words, $0.fullWords) })
        let listsChapters = entries.contains { $0.level == 1 && $0.numbers.contains { if case .chapter = $0 { true } else { false } } }
        let listsSections = entries.contains { $0.level == 2 }
        var findings: [Finding] = []
        for heading in headings where heading.paragraph > tocEnd && !listed.contains(heading.paragraph) {
            guard !heading.numbers.isEmpty, heading.level <= 2 else { continue }
            let isChapter = heading.numbers.contains { if case .chapter = $0 { true } else { false } }
            guard isChapter ? listsChapters : (heading.level == 2 && listsSections) else { continue }
            // An entry that shares the number or the title was reported from the entry's side.
            let named = entries.contains { Self.sameNumber($0, heading) }
                || entryIndex.candidates(heading.words, heading.fullWords).contains { index in
                    Self.titlesMatch(entries[index].words, heading.words)
                        || DocumentStructureText.sameWords(entries[index].fullWords, heading.fullWords)
                }
            guard !named else { continue }
            findings.append(context.finding(Message(
                id: "Judul \"\(heading.evidence)\" tidak tercantum di daftar isi.",
                en: "The heading \"\(heading.evidence)\" is not listed in the table of contents."),
                at: Location(paragraph: heading.paragraph), evidence: heading.evidence))
        }
        return findings
    }

    /// Entries whose page goes backwards: outside every longest non-decreasing run of pages, or the later
    /// entry of a descent between two entries that both lie on such runs.
    private func pageFindings(_ group: [Entry], context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for roman in [false, true] {
            let paged: [(entry: Entry, page: Int)] = group.compactMap { entry in
                switch entry.page {
                case .arabic(let value)?: roman ? nil : (entry, value)
                case .roman(let value)?: roman ? (entry, value) : nil
                case nil: nil
                }
            }
            guard paged.count >= 2 else { continue }
            let pages = paged.map(\.page)
            var outOfOrder = Self.outsideLongestRuns(pages)
            for index in 1..<pages.count where pages[index] < pages[index - 1]
                && !outOfOrder.contains(index) && !outOfOrder.contains(index - 1) {
                outOfOrder.insert(index)
            }
            for index in outOfOrder.sorted() {
                let entry = paged[index].entry
                let page = pages[index]
                let title = RuleText.collapsed(PseudoHeadings.splitTOCEntry(entry.evidence).title)
                let shown = roman ? DocumentStructureText.romanNumeral(page).lowercased() : String(page)
                let message: Message
                if let before = pages[..<index].last(where: { $0 > page }) {
                    let other = roman ? DocumentStructureText.romanNumeral(before).lowercased() : String(before)
                    message = Message(
                        id: "Nomor halaman di daftar isi mundur: \"\(title)\" di halaman \(shown) tercantum sesudah "
                            + "halaman \(other).",
                        en: "A page number in the table of contents goes backwards: \"\(title)\" on page \(shown) is "
                            + "listed after page \(other).")
                } else {
                    let after = pages[(index + 1)...].first(where: { $0 < page }) ?? page
                    let other = roman ? DocumentStructureText.romanNumeral(after).lowercased() : String(after)
                    message = Message(
                        id: "Nomor halaman di daftar isi tidak berurutan: \"\(title)\" di halaman \(shown) tercantum "
                            + "sebelum halaman \(other).",
                        en: "Page numbers in the table of contents are out of order: \"\(title)\" on page \(shown) is "
                            + "listed before page \(other).")
                }
                findings.append(context.finding(message, at: Location(paragraph: entry.paragraph),
                                                evidence: entry.evidence, actual: shown))
            }
        }
        return findings
    }

    /// Indices that lie on no longest non-decreasing subsequence (n log n: the longest run ending at each
    /// index, and the longest starting there, must add up to the longest overall).
    static func outsideLongestRuns(_ values: [Int]) -> Set<Int> {
        func endingAt(_ values: [Int]) -> [Int] {
            var tails: [Int] = []
            var lengths: [Int] = []
            for value in values {
                // First tail greater than value (non-decreasing runs may repeat a value).
                var low = 0, high = tails.count
                while low < high {
                    let middle = (low + high) / 2
                    if tails[middle] <= value { low = middle + 1 } else { high = middle }
                }
                if low == tails.count { tails.append(value) } else { tails[low] = value }
                lengths.append(low + 1)
            }
            return lengths
        }
        let ending = endingAt(values)
        let starting = Array(endingAt(values.reversed().map { -$0 }).reversed())
        let longest = ending.max() ?? 0
        return Set(values.indices.filter { ending[$0] + starting[$0] - 1 < longest })
    }

    // MARK: - Matching

    /// Titles indexed by their words, so that an entry is compared only with the headings that can match it
    /// (and a heading only with such entries): those that start with one of its words (the same title, or a
    /// shorter one inside it) or hold its first word (a longer one), by title and by title with number.
    struct WordIndex {
        var byFirstWord: [String: [Int]] = [:]
        var byWord: [String: [Int]] = [:]
        var byFirstFullWord: [String: [Int]] = [:]

        init(_ titles: [(words: [String], fullWords: [String])]) {
            for (index, title) in titles.enumerated() {
                if let first = title.words.first { byFirstWord[first, default: []].append(index) }
                for word in Set(title.words) { byWord[word, default: []].append(index) }
                if let first = title.fullWords.first { byFirstFullWord[first, default: []].append(index) }
            }
        }

        /// Indices in order of the titles that may match `words` (or `fullWords`, number included).
        func candidates(_ words: [String], _ fullWords: [String]) -> [Int] {
            var result = Set<Int>()
            if let first = words.first { result.formUnion(byWord[first] ?? []) }
            for word in Set(words) { result.formUnion(byFirstWord[word] ?? []) }
            if let first = fullWords.first { result.formUnion(byFirstFullWord[first] ?? []) }
            return result.sorted()
        }
    }

    /// Titles match when their words are the same (up to typing slips), or one holds the other's words in a
    /// row and the shorter has two words or more.
    static func titlesMatch(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if DocumentStructureText.sameWords(a, b) { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 2 && DocumentStructureText.containsPhrase(long, short)
    }

    /// With the same number, a title that shares a word with the heading's counts (or an empty title).
    static func titlesOverlap(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return DocumentStructureText.containsWords(long, short)
    }

    static func numbersCompatible(_ entry: Entry, _ heading: Heading) -> Bool {
        entry.numbers.isEmpty || heading.numbers.isEmpty || sameNumber(entry, heading)
    }

    static func sameNumber(_ entry: Entry, _ heading: Heading) -> Bool {
        for number in entry.numbers where heading.numbers.contains(number) {
            // Letters repeat in every chapter: they must stand under the same one when both are known.
            if case .letter = number, let a = entry.chapter, let b = heading.chapter, a != b { continue }
            return true
        }
        return false
    }

    /// A short body paragraph that is not a heading, read once for all entries.
    struct Line {
        var words: [String]
        var numbers: [Number]
        /// Short and not ending like a sentence: may hold more words than the entry.
        var isTitleLine: Bool
    }

    /// The short body paragraphs that are not headings (a heading the author typed as a plain paragraph,
    /// `RINGKASAN EKSEKUTIF / IKHTISARI`), indexed by their first word and by every word, so that each entry
    /// looks only at the lines that can match it.
    struct Lines {
        var lines: [Line] = []
        var byFirstWord: [String: [Int]] = [:]
        var byWord: [String: [Int]] = [:]
    }

    static func lines(_ document: Document, excluding headings: Set<Int>, stopWords: Set<String>) -> Lines {
        var result = Lines()
        for paragraph in document.paragraphs where paragraph.container == .body && !paragraph.isTOCEntry {
            guard let number = paragraph.location.paragraph, !headings.contains(number),
                  paragraph.text.utf8.count <= maxTitleBytes else { continue }
            let text = RuleText.trimmed(paragraph.displayText)
            // Sentences are never a title: skip them before reading a number.
            guard DocumentStructureText.words(text).count <= maxEntryWords + 2 else { continue }
            let parsed = parseNumber(text)
            let words = parsed.words.filter { !stopWords.contains($0) }
            guard let first = words.first, words.count <= maxEntryWords else { continue }
            let index = result.lines.count
            result.lines.append(Line(words: words, numbers: parsed.numbers,
                                     isTitleLine: words.count <= maxLineWords && !DocumentStructureText.endsSentence(text)))
            result.byFirstWord[first, default: []].append(index)
            for word in Set(words) { result.byWord[word, default: []].append(index) }
        }
        return result
    }

    /// A line that carries the entry's title (its words, up to typing slips; or, for a title line, one title
    /// holding the other), with the entry's number or none. Candidates: lines that start with one of the
    /// entry's words (the same title, or a shorter one inside it) or hold its first word (a longer one).
    static func lineAnswers(_ entry: Entry, lines: Lines) -> Bool {
        guard let first = entry.words.first else { return false }
        var candidates = Set(lines.byWord[first] ?? [])
        for word in Set(entry.words) { candidates.formUnion(lines.byFirstWord[word] ?? []) }
        return candidates.contains { index in
            let line = lines.lines[index]
            guard DocumentStructureText.sameWords(line.words, entry.words)
                || (line.isTitleLine && titlesMatch(line.words, entry.words)) else { return false }
            return line.numbers.isEmpty || entry.numbers.isEmpty || line.numbers.contains { entry.numbers.contains($0) }
        }
    }

    static let maxTitleBytes = 300
    static let maxLineWords = 12
    /// Longer paragraphs are sentences, never an entry's title.
    static let maxEntryWords = 24

    // MARK: - Reading entries and headings

    /// TOC entries in groups (one per list: DAFTAR ISI, DAFTAR TABEL …), entries of caption lists marked.
    static func entryGroups(_ document: Document, vocabulary: Vocabulary) -> [[Entry]] {
        var groups: [[Entry]] = []
        var current: [Entry] = []
        // The paragraph before a list names it (DAFTAR TABEL …); read only when a list starts.
        var lastText = ""
        var chapter: Int?
        var isCaptionList = false
        func close() {
            // The field's own title inside it ("Contents", "Daftar Isi"): the first entry, without a page, of a
            // list whose other entries have pages.
            if current.count >= 2, current[0].page == nil,
               current.dropFirst().filter({ $0.page != nil }).count * 2 >= current.count - 1 {
                current.removeFirst()
            }
            if !current.isEmpty { groups.append(current) }
            current = []
        }
        for paragraph in document.paragraphs where paragraph.container != .tableCell {
            let trimmed = RuleText.trimmed(paragraph.text)
            guard paragraph.isTOCEntry else {
                // Empty paragraphs between entries do not end a list; any other paragraph does.
                guard !trimmed.isEmpty else { continue }
                close()
                lastText = trimmed
                continue
            }
            guard !trimmed.isEmpty else { continue }
            if current.isEmpty {
                let lastTitle = lastText.utf8.count <= 80 ? DocumentStructureText.words(lastText) : []
                isCaptionList = vocabulary.listTitles.contains { lastTitle == $0 }
                chapter = nil
            }
            let split = PseudoHeadings.splitTOCEntry(trimmed)
            var parsed = parseNumber(split.title)
            // `BAB I` with its title as the next entry: join them.
            if let previous = current.last, previous.level == 1, previous.words.isEmpty, parsed.numbers.isEmpty,
               !parsed.words.isEmpty, previous.numbers.contains(where: { if case .chapter = $0 { true } else { false } }) {
                current[current.count - 1].title = parsed.title
                current[current.count - 1].words = parsed.words.filter { !vocabulary.stopWords.contains($0) }
                current[current.count - 1].fullWords += current[current.count - 1].words
                if current[current.count - 1].page == nil { current[current.count - 1].page = page(split.page) }
                continue
            }
            for number in parsed.numbers {
                if case .chapter(let value) = number, parsed.level == 1 { chapter = value }
                if case .dotted(let parts) = number, let first = parts.first, parsed.level == 2 { chapter = first }
            }
            // Not entries: Word's note for an empty list ("No table of figures entries found.").
            if split.page == nil, trimmed.hasSuffix("."), !trimmed.hasSuffix(".."), parsed.words.count >= 3 { continue }
            parsed.words = parsed.words.filter { !vocabulary.stopWords.contains($0) }
            let opensWithCaption = DocumentStructureText.words(split.title).first.map { vocabulary.captionWords.contains($0) } ?? false
            current.append(Entry(paragraph: paragraph.location.paragraph ?? 0, evidence: trimmed,
                                 numbers: parsed.numbers, level: parsed.level, title: parsed.title,
                                 words: parsed.words,
                                 fullWords: DocumentStructureText.words(split.title).filter { !vocabulary.stopWords.contains($0) },
                                 page: page(split.page), chapter: chapter,
                                 isCaption: isCaptionList || (parsed.numbers.isEmpty && opensWithCaption)))
        }
        close()
        return groups
    }

    static func page(_ text: String?) -> Page? {
        guard let text, !text.isEmpty else { return nil }
        if let value = Int(text) { return .arabic(value) }
        return DocumentStructureText.romanValue(text).map(Page.roman)
    }

    /// The number of a heading or entry text and the title after it.
    static func parseNumber(_ text: String) -> (numbers: [Number], level: Int, title: String, words: [String]) {
        var body = RuleText.trimmed(text)
        // Exports put a bullet before typed numbers (`- 3.1 Visi`).
        if let found = ListMarkers.match(body), found.label.style == .bullet { body = found.rest }
        // A stray label before `BAB` (`A. BAB IV PENUTUP`): the chapter is what counts.
        if let found = ListMarkers.match(body), isChapterStart(found.rest) { body = found.rest }
        if let (value, title) = chapter(body) {
            return ([.chapter(value)], 1, title, DocumentStructureText.words(title))
        }
        if let (parts, title) = dotted(body) {
            return ([.dotted(parts)], parts.count, title, DocumentStructureText.words(title))
        }
        if let found = ListMarkers.match(body), found.label.style != .bullet, found.label.style != .none {
            let title = found.rest
            var readings: [ListLabel] = [found.label]
            if let alternative = found.alternative { readings.append(alternative) }
            var numbers: [Number] = []
            var level = 3
            for label in readings {
                guard let value = label.value else { continue }
                switch label.style {
                case .upperRoman:
                    numbers.append(.chapter(value))
                    level = min(level, 1)
                case .upperLetter:
                    numbers.append(.letter(value))
                    level = min(level, 2)
                default:
                    numbers.append(.other(label.marker))
                }
            }
            // A one-letter label that reads both ways (`C.`, `I.`) is a first-level letter more often than a chapter.
            if numbers.contains(where: { if case .letter = $0 { true } else { false } }) { level = 2 }
            return (numbers, level, title, DocumentStructureText.words(title))
        }
        return ([], 0, body, DocumentStructureText.words(body))
    }

    static func isChapterStart(_ text: String) -> Bool { chapter(text) != nil }

    /// `BAB` + blanks + a roman or arabic number, then the title (possibly empty).
    static func chapter(_ text: String) -> (Int, String)? {
        let characters = Array(text)
        guard characters.count >= 5, String(characters[0..<3]).uppercased() == "BAB",
              characters[3].isWhitespace else { return nil }
        var index = 3
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        let start = index
        while index < characters.count, characters[index].isLetter || characters[index].isNumber { index += 1 }
        let token = String(characters[start..<index])
        guard !token.isEmpty else { return nil }
        let value: Int
        if let number = Int(token), token.count <= 2 {
            value = number
        } else if token == token.uppercased(), let roman = DocumentStructureText.romanValue(token) {
            value = roman
        } else {
            return nil
        }
        while index < characters.count, characters[index].isWhitespace || ".:-–—".contains(characters[index]) {
            index += 1
        }
        return (value, RuleText.collapsed(String(characters[index...])))
    }

    /// `3.4 Judul`, `1.1. Judul`: two to six parts of one or two digits, then a blank and the title.
    static func dotted(_ text: String) -> ([Int], String)? {
        let characters = Array(text)
        var index = 0
        var parts: [Int] = []
        while true {
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            guard index > start, index - start <= 2, let value = Int(String(characters[start..<index])) else { break }
            parts.append(value)
            guard index < characters.count, characters[index] == ".", parts.count < 6 else { break }
            index += 1
        }
        guard parts.count >= 2 else { return nil }
        guard index == characters.count || characters[index].isWhitespace else { return nil }
        return (parts, RuleText.collapsed(String(characters[index...])))
    }

    /// The document's headings, with their numbers and the chapter they stand in.
    static func headings(_ document: Document, vocabulary: Vocabulary) -> [Heading] {
        var paragraphs: [Int: Paragraph] = [:]
        for paragraph in document.paragraphs where paragraph.container == .body {
            if let number = paragraph.location.paragraph { paragraphs[number] = paragraph }
        }
        var result: [Heading] = []
        func visit(_ section: Section, chapter: Int?) {
            let paragraph = paragraphs[section.headingParagraph]
            var numbers: [Number] = []
            if var raw = section.number {
                let kind = paragraph?.pseudoHeading?.kind
                // An automatic chapter label (`BAB I` from Word's numbering) comes as `BABI`.
                if raw.count > 3, raw.uppercased().hasPrefix("BAB") { raw = String(raw.dropFirst(3)) }
                if raw.contains(".") {
                    let parts = raw.split(separator: ".").compactMap { Int($0) }
                    if parts.count >= 2 { numbers.append(.dotted(parts)) }
                } else if kind == .lettered, let letter = letterValue(raw) {
                    numbers.append(.letter(letter))
                } else if let value = Int(raw) ?? DocumentStructureText.romanValue(raw),
                          section.level == 1 || kind == .chapter || section.number != raw {
                    numbers.append(.chapter(value))
                } else if let letter = letterValue(raw) {
                    numbers.append(.letter(letter))
                }
            }
            var ownChapter = chapter
            if chapter == nil, case .chapter(let value)? = numbers.first { ownChapter = value }
            if case .dotted(let parts)? = numbers.first, let first = parts.first, ownChapter == nil { ownChapter = first }
            let words = DocumentStructureText.words(section.title).filter { !vocabulary.stopWords.contains($0) }
            let evidence = RuleText.collapsed(paragraph?.displayText ?? section.title)
            let fullWords = DocumentStructureText.words(evidence).filter { !vocabulary.stopWords.contains($0) }
            result.append(Heading(paragraph: section.headingParagraph, evidence: evidence, numbers: numbers,
                                  numberText: section.number, level: section.level, title: section.title,
                                  words: words, fullWords: fullWords, chapter: ownChapter))
            for child in section.children { visit(child, chapter: ownChapter) }
        }
        for section in document.sections { visit(section, chapter: nil) }
        return result
    }

    static func letterValue(_ text: String) -> Int? {
        guard text.count == 1, let scalar = text.unicodeScalars.first, scalar.value >= 65, scalar.value <= 90 else {
            return nil
        }
        return Int(scalar.value) - 64
    }
}
