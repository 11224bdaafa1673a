import Lint

/// `truncated-text`: a list item or a table cell that stops mid-sentence.
///
/// - A list item (typed, automatic or bulleted body paragraph, or a decree item `Menimbang : a.`) whose text,
///   with its continuation lines (the lower-case lines under it that carry the sentence on, as in documents
///   whose items were broken into one paragraph per line), ends with a word that cannot end a sentence:
///   a conjunction or preposition from `words` (`… monitoring dan`). A joining word (`joining_words`: dan,
///   atau, serta) is fine when the next item of the same list follows (`… rumah tangga dan` / `d. Pelaksanaan
///   tugas lain …`), since that is how the last item of a series is joined. When plain text follows the
///   item before the next label, heading or table, it may be a line of the item that starts with a capital
///   (`… dalam lingkup` / `Sekretariat;`), so the item is not judged.
/// - A list item ending with a comma where the other items of its list end with `;` or `.` and none with a
///   comma.
/// - A table cell (of the logical tables, so a row continued after a page break is read whole) ending with
///   one of `words`, when it holds at least `min_cell_words` words.
///
/// Headings, TOC entries and text boxes are left alone.
public struct TruncatedTextRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "truncated-text",
            title: Message(id: "Kalimat terpotong", en: "Text ends mid-sentence"),
            description: Message(
                id: "Butir daftar atau isi sel tabel yang berakhir dengan kata sambung atau kata depan (dan, atau, "
                    + "serta, yang, di, ke, dari, untuk, dengan, pada, dalam, oleh, bagi) atau dengan koma, padahal "
                    + "butir lain dalam daftar itu diakhiri titik koma atau titik: kalimatnya terpotong. Baris "
                    + "lanjutan di bawah butir (diawali huruf kecil) dibaca sebagai bagian butir itu.",
                en: "A list item or table cell that ends with a conjunction or preposition (dan, atau, serta, yang, "
                    + "di, ke, dari, untuk, dengan, pada, dalam, oleh, bagi), or with a comma where the list's other "
                    + "items end with a semicolon or a full stop: the sentence is cut off. Continuation lines under "
                    + "an item (starting in lower case) are read as part of it."),
            rationale: Message(
                id: "Rincian tugas, definisi operasional dan formulasi indikator harus dapat dibaca utuh agar "
                    + "indikatornya spesifik dan terukur (PER/09/M.PAN/5/2007; PermenPAN-RB 53/2014). Kalimat yang "
                    + "terpotong biasanya sisa penyalinan atau pemotongan halaman.",
                en: "Task lists, operational definitions and indicator formulas must read in full for an indicator "
                    + "to be specific and measurable (PER/09/M.PAN/5/2007; PermenPAN-RB 53/2014). A cut-off "
                    + "sentence is usually left over from copying or from a page break."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(
                    name: "words", defaultValue: "[dan, atau, serta, yang, di, ke, dari, untuk, dengan, pada, dalam, oleh, bagi]",
                    description: Message(id: "Kata yang tidak dapat mengakhiri kalimat.",
                                         en: "Words a sentence cannot end with.")),
                RuleParameter(
                    name: "joining_words", defaultValue: "[dan, atau, serta]",
                    description: Message(
                        id: "Kata sambung yang boleh mengakhiri butir bila butir berikutnya dalam daftar yang sama "
                            + "menyusul.",
                        en: "Conjunctions an item may end with when the next item of the same list follows.")),
                RuleParameter(
                    name: "min_cell_words", defaultValue: "3",
                    description: Message(id: "Sel tabel dengan kata lebih sedikit dari ini tidak diperiksa.",
                                         en: "Table cells with fewer words are not checked.")),
            ],
            triggering: [
                RuleExample("""
                    Kepala Bagian Kesejahteraan Rakyat mempunyai fungsi sebagai berikut:

                    a. Perumusan kebijakan teknis di bidang bina mental spiritual,
                    b. Perumusan kebijakan teknis di bidang kesejahteraan rakyat pelayanan dasar,
                    c. Perumusan kebijakan teknis, pemberian dukungan, pembinaan, monitoring dan

                    # BAB IV PENETAPAN INDIKATOR KINERJA UTAMA
                    """, caption: "the last item ends in 'dan'"),
                RuleExample("""
                    | No | Sub Kegiatan | Pagu |
                    |---|---|---|
                    | 1 | Penyediaan Jasa Komunikasi, Sumber Daya Air dan | 12.500.000 |
                    """, caption: "a table cell that ends in 'dan'"),
            ],
            nonTriggering: [
                RuleExample("""
                    a. Perumusan kebijakan teknis di bidang perlengkapan;
                    b. Perumusan kebijakan teknis di bidang rumah tangga dan
                    c. Pelaksanaan tugas kedinasan lain sesuai bidang tugasnya.
                    """, caption: "'dan' joins the last item of the series"),
                RuleExample("""
                    a. Mengkoordinasikan dan mengevaluasi pelaksanaan program dan
                    kegiatan dalam lingkup kecamatan;

                    b. Menyelenggarakan urusan pemerintahan umum.
                    """, caption: "an item broken into lines: the next line carries the sentence on"),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let words = Set(context.words("words").map { $0.lowercased() })
        let joining = Set(context.words("joining_words").map { $0.lowercased() })
        let minimumCellWords = Int(context.number("min_cell_words", default: 3))
        var findings = checkItems(context, words: words, joining: joining)
        findings += checkCells(context, words: words, minimumWords: minimumCellWords)
        return findings
    }

    // MARK: - List items

    /// A list item with the text it ends with (continuation lines included) and the list it belongs to.
    struct Item {
        var position: Int
        var paragraphNumber: Int
        var isHeading: Bool
        /// The item's text and its continuation lines, joined; `evidence` the same with the label.
        var text: String
        var evidence: String
        /// Which list the item belongs to (numbered lists by `NumberingStack`, bullets by adjacency).
        var list: Int
        /// Plain text follows the item (before the next label, heading or table): a line of the item that
        /// starts with a capital (`… dalam lingkup` / `Sekretariat;`) cannot be told from a new paragraph.
        var followedByText: Bool
    }

    func checkItems(_ context: RuleContext, words: Set<String>, joining: Set<String>) -> [Finding] {
        let body = StructureBody(context.document)
        let items = Self.items(body)
        // How the items of each list close, the last item of a list left out (it ends the series: `.`).
        var lastOfList: [Int: Int] = [:]
        for (index, item) in items.enumerated() where !item.isHeading { lastOfList[item.list] = index }
        var endings: [Int: [Character]] = [:]
        for (index, item) in items.enumerated() where !item.isHeading && lastOfList[item.list] != index {
            if let mark = Self.terminal(item.text, joining: joining) { endings[item.list, default: []].append(mark) }
        }
        var findings: [Finding] = []
        for (index, item) in items.enumerated() where !item.isHeading {
            let ending = TextEnding(item.text)
            let location = Location(paragraph: item.paragraphNumber)
            if let word = ending.lastWord, words.contains(word) {
                // `… rumah tangga dan` / `d. Pelaksanaan …`: the word joins the next item of the same list.
                if joining.contains(word), index + 1 < items.count, items[index + 1].list == item.list { continue }
                if item.followedByText { continue }
                findings.append(context.finding(
                    Message(id: "Butir daftar berakhir dengan kata \"\(word)\": kalimatnya terpotong.",
                            en: "The list item ends with the word \"\(word)\": the sentence is cut off."),
                    at: location, evidence: item.evidence, actual: word))
            } else if ending.last == ",",
                      Self.othersCloseWithoutComma(endings[item.list] ?? [], includesItself: lastOfList[item.list] != index) {
                findings.append(context.finding(
                    Message(id: "Butir daftar berakhir dengan koma, sedangkan butir lain dalam daftar ini diakhiri "
                                + "titik koma atau titik: kalimatnya terpotong.",
                            en: "The list item ends with a comma while the other items of its list end with a "
                                + "semicolon or a full stop: the sentence is cut off."),
                    at: location, evidence: item.evidence, actual: ","))
            }
        }
        return findings
    }

    /// Every labelled body paragraph (bullets too) with its continuation lines and its list.
    static func items(_ body: StructureBody) -> [Item] {
        var labelled: [(position: Int, label: ListLabel)] = []
        for (position, paragraph) in body.paragraphs.enumerated() where !paragraph.isTOCEntry {
            if let label = ListMarkers.effectiveLabel(of: paragraph) { labelled.append((position, label)) }
        }
        var stack = NumberingStack()
        var bulletList = -1
        var previousBullet: (marker: String, position: Int)?
        var items: [Item] = []
        items.reserveCapacity(labelled.count)
        var scanned = 0
        for (index, entry) in labelled.enumerated() {
            // Lists end where `list-numbering` ends them: at chapters and numbered sections.
            while scanned <= entry.position {
                if let section = StructureText.sectionBreak(body.paragraphs[scanned]) {
                    stack.clear(keepingItem: section)
                }
                scanned += 1
            }
            let list: Int
            if let readings = LabelReading.readings(of: entry.label) {
                if case .unexpected = stack.place(readings, at: entry.position) {
                    stack.adopt(readings[0], at: entry.position)
                }
                list = stack.lastList
            } else {
                // Bullets: one list while the same bullet follows with nothing but its lines between.
                let marker = entry.label.marker
                if let previous = previousBullet, previous.marker == marker,
                   !body.isInterrupted(after: previous.position, before: entry.position) {
                    list = bulletList
                } else {
                    bulletList -= 1
                    list = bulletList
                }
                previousBullet = (marker, entry.position)
            }
            let paragraph = body.paragraphs[entry.position]
            let end = index + 1 < labelled.count ? labelled[index + 1].position : body.paragraphs.count
            let continuation = body.continuationLines(after: entry.position, before: end)
            let tail = continuation.lines.isEmpty ? "" : " " + continuation.lines.joined(separator: " ")
            items.append(Item(position: entry.position, paragraphNumber: body.number(at: entry.position),
                              isHeading: StructureText.isHeading(paragraph), text: paragraph.text + tail,
                              evidence: paragraph.displayText + tail, list: list,
                              followedByText: continuation.moreText))
        }
        return items
    }

    /// How an item closes, for comparing items of one list: `;`, `.`, `,` or `:`, looking past a joining
    /// word after the mark (`…; dan` closes with `;`); nil when it closes otherwise.
    static func terminal(_ text: String, joining: Set<String>) -> Character? {
        var ending = TextEnding(text)
        if let word = ending.lastWord, joining.contains(word) { ending = TextEnding(ending.beforeLastWord) }
        guard let last = ending.last, ";.,:".contains(last) else { return nil }
        return last
    }

    /// The other items of a list, its last one aside, close with `;` or `.` (at least two of them) and none
    /// with a comma. `endings` holds the closing marks of the list's items but the last, this item's comma
    /// among them when `includesItself`.
    static func othersCloseWithoutComma(_ endings: [Character], includesItself: Bool) -> Bool {
        let commas = endings.filter { $0 == "," }.count - (includesItself ? 1 : 0)
        let closed = endings.filter { $0 == ";" || $0 == "." }.count
        return commas == 0 && closed >= 2
    }

    // MARK: - Table cells

    func checkCells(_ context: RuleContext, words: Set<String>, minimumWords: Int) -> [Finding] {
        var findings: [Finding] = []
        for table in context.document.logicalTables {
            var previousRow: [String] = []
            for row in table.rows {
                for (index, cell) in row.cells.enumerated() {
                    // A merged cell repeats its text across the columns and rows it spans: judge it once.
                    if index > 0, row.cells[index - 1] == cell { continue }
                    if previousRow.indices.contains(index), previousRow[index] == cell { continue }
                    let ending = TextEnding(cell)
                    guard let word = ending.lastWord, words.contains(word),
                          StructureText.collapsed(cell).split(separator: " ").count >= minimumWords else { continue }
                    let location = Location(table: row.location.table, row: row.location.row, column: index + 1)
                    findings.append(context.finding(
                        Message(id: "Isi sel berakhir dengan kata \"\(word)\": kalimatnya terpotong.",
                                en: "The cell text ends with the word \"\(word)\": the sentence is cut off."),
                        at: location, evidence: cell, actual: word))
                }
                previousRow = row.cells
            }
        }
        return findings
    }
}

/// The end of a text: its last character and, when it ends in letters, its last word (lower-cased).
struct TextEnding {
    var last: Character?
    var lastWord: String?
    /// The text before the last word, trimmed.
    var beforeLastWord: String

    init(_ text: String) {
        let trimmed = StructureText.trimmed(text)
        last = trimmed.last
        var wordStart = trimmed.endIndex
        while wordStart > trimmed.startIndex {
            let before = trimmed.index(before: wordStart)
            guard trimmed[before].isLetter else { break }
            wordStart = before
        }
        if wordStart < trimmed.endIndex {
            lastWord = trimmed[wordStart...].lowercased()
            beforeLastWord = StructureText.trimmed(String(trimmed[..<wordStart]))
        } else {
            lastWord = nil
            beforeLastWord = trimmed
        }
    }
}
