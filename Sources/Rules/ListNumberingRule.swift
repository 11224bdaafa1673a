import Lint

/// `list-numbering`: a numbered or lettered list that skips a label (`7.` then `9.`), repeats one (`16.`
/// twice), goes back (`4.` then `3.`) or starts past its first label (a list that opens at `b.`).
///
/// How lists are followed (see `NumberingStack`): every typed label of the body (`a.`, `16.`, `1)`, `(2)`,
/// `iv.`, and the marker after a decree lead, `Menimbang : a.`) belongs to a family (style and
/// punctuation). Open lists form a stack: a label that is the next one of an open list of its family
/// continues it, even after paragraphs, tables, other lists nested in it, or the end of an inner list
/// (`1.` `a.` `b.` `2.`); a first label (`1.`, `a.`) opens a new list; anything else is a finding. Lists end
/// at chapter headings (`BAB II`) and numbered headings (`1.2 Judul`), where documents start numbering
/// afresh.
///
/// Left alone, on purpose: automatic numbering (Word draws those labels itself, so they cannot skip unless
/// the author set a restart or a start value on purpose; they still count as list structure, and the
/// `check_automatic` parameter reports them too), bullets, table cells, TOC entries, text boxes, and labelled
/// headings (`A. LATAR BELAKANG`; `heading-numbering` checks those). A skipped label that appears inline in
/// the paragraphs before (`m. …; n. mempersiapkan …`) is no skip. A label with nothing to continue is
/// reported only when the next label of its family continues it, and so is a long jump, so a stray `H.`
/// (a name's initial) or a quoted `b.` is not a list.
public struct ListNumberingRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "list-numbering",
            title: Message(id: "Penomoran daftar melompat, berulang, atau tidak mulai dari awal",
                           en: "List numbering skips, repeats or starts past its first label"),
            description: Message(
                id: "Memeriksa label daftar yang diketik (a., 16., 1), (2), iv.) dan label sesudah kata pengantar "
                    + "diktum (Menimbang : a.): daftar tidak boleh melompati label (7. lalu 9.), memakai label yang "
                    + "sama dua kali (16. dua kali), mundur (4. lalu 3.), atau dimulai dari selain label pertama "
                    + "(dimulai dari b.). Paragraf, tabel, atau daftar lain di antara butir tidak mengakhiri daftar "
                    + "bila label berikutnya melanjutkannya.",
                en: "Checks typed list labels (a., 16., 1), (2), iv.) and the label after a decree lead "
                    + "(Menimbang : a.): a list must not skip a label (7. then 9.), use a label twice (16. twice), "
                    + "go back (4. then 3.) or start past its first label (starts at b.). A paragraph, table or "
                    + "other list between items does not end a list when the next label continues it."),
            rationale: Message(
                id: "Butir konsiderans, dasar hukum, dan rincian tugas dirujuk menurut labelnya (\"huruf b\", "
                    + "\"angka 16\"); label yang hilang atau ganda membuat rujukan itu keliru dan menandakan butir "
                    + "yang terhapus atau tersalin. Dokumen IKU (PER/09/M.PAN/5/2007) dan LKjIP (PermenPAN-RB "
                    + "53/2014) memuat daftar seperti itu dalam keputusan penetapannya.",
                en: "Recitals, legal bases and task lists are cited by their labels (\"huruf b\", \"angka 16\"); a "
                    + "missing or doubled label makes such citations wrong and points to an item deleted or pasted "
                    + "twice. IKU documents (PER/09/M.PAN/5/2007) and LKjIP (PermenPAN-RB 53/2014) carry such lists "
                    + "in the decrees that adopt them."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(
                    name: "check_automatic", defaultValue: "false",
                    description: Message(
                        id: "Periksa juga penomoran otomatis Word (biasanya tidak perlu: Word menomori sendiri).",
                        en: "Also report Word's automatic numbering (rarely useful: Word numbers those itself).")),
            ],
            triggering: [
                RuleExample("""
                    Adapun dasar hukum penyusunan IKU adalah:

                    6. Peraturan Menpan Nomor PER/09/M.PAN/5/2007 tentang Pedoman Umum Penetapan IKU;
                    7. Peraturan Daerah Nomor 11 Tahun 2021 tentang RPJMD Tahun 2021-2026;
                    9. Rencana Strategis Kecamatan Tahun 2021-2026.
                    """, caption: "7. then 9.: label 8. is missing"),
                RuleExample("""
                    Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;

                    2. Peraturan Bupati Nomor 48 Tahun 2021 tentang Rencana Strategis;
                    2. Peraturan Bupati Nomor 85 Tahun 2021 tentang Kedudukan dan Susunan Organisasi.
                    """, caption: "a decree list that uses 2. twice"),
                RuleExample("""
                    Asisten Pemerintahan dalam melaksanakan tugas pokok menyelenggarakan fungsi:

                    b. perumusan pelaksanaan kebijakan di bidang kesejahteraan rakyat,
                    c. perumusan pelaksanaan kebijakan di bidang hukum, dan
                    d. pelaksanaan fungsi lain yang diberikan oleh atasan.
                    """, caption: "a list that starts at b."),
            ],
            nonTriggering: [
                RuleExample("""
                    1. Seksi Pelayanan Umum
                    a. Pelayanan administrasi kependudukan;
                    b. Pelayanan surat keterangan.

                    Uraian kegiatan seksi ini disajikan pada tabel berikut.

                    2. Seksi Pemerintahan
                    a. Fasilitasi administrasi pemerintahan desa;
                    b. Pelaporan pelaksanaan kegiatan pemerintahan desa.
                    """, caption: "an outer list continues after its nested lists and a paragraph"),
                RuleExample("""
                    a. melaksanakan pengurusan surat keterangan catatan kepolisian;
                    b. melaksanakan pengamanan kantor; c. mempersiapkan potensi Linmas untuk:
                    1) penanggulangan bencana;
                    2) penertiban gelandangan dan pengemis;
                    d. melaksanakan tugas pembantuan operasional.
                    """, caption: "c. written inline in the item before, then a sub-list"),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let checkAutomatic = context.flag("check_automatic", default: false)
        let body = StructureBody(context.document)
        let items = body.listItems()
        let next = LabelledParagraph.nextOfSameFamily(items)
        var stack = NumberingStack()
        var findings: [Finding] = []
        var itemIndex = 0
        for position in body.paragraphs.indices {
            let paragraph = body.paragraphs[position]
            guard !paragraph.isTOCEntry else { continue }
            // Chapters and numbered sections start numbering afresh; a numbered section `1.1` keeps open the
            // list whose item `1.` it belongs to (`1. Isi akta`, `1.1 Uraian`, `1.2 Uraian`, `2. Penutup`).
            if let section = StructureText.sectionBreak(paragraph) { stack.clear(keepingItem: section) }
            guard itemIndex < items.count, items[itemIndex].position == position else { continue }
            let item = items[itemIndex]
            let index = itemIndex
            itemIndex += 1
            // After an introduction (`… menyelenggarakan fungsi :`) a new list begins: the open list may go on,
            // but no earlier list outside the current item (see `NumberingStack.place`).
            let introduced = body.followsIntroduction(position)
            let outcome = stack.place(item.readings, at: position, afterIntroduction: introduced)
            guard case .unexpected(let reference) = outcome else { continue }
            stack.adopt(item.readings[0], at: position)
            let reportable = !item.isHeading && (item.label.source == .typed || checkAutomatic)
            guard reportable,
                  let problem = problem(for: item, reference: reference, next: next[index], body: body) else { continue }
            findings.append(finding(problem, item: item, context: context))
        }
        return findings
    }

    // MARK: - Judging one label

    /// What is wrong with a label that neither continues an open list nor opens a new one.
    enum Problem {
        /// `7.` then `9.`.
        case skip(previous: String, expected: String, missing: [String])
        /// `16.` right after `16.`.
        case repeated(expected: String)
        /// `4.` then `3.`.
        case backwards(previous: String, expected: String)
        /// A list that opens at `b.`.
        case startsPastFirst(expected: String)
    }

    /// Jumps of more than this many labels need the list to go on from the new label before they count.
    static let longJump = 2

    func problem(for item: LabelledParagraph, reference: NumberingStack.Entry?, next: Int?, body: StructureBody) -> Problem? {
        let reading = item.readings[0]
        let family = reading.family
        let value = reading.value
        // The list goes on from this label: what was written is a list, not a stray initial or a quote.
        let confirmed = next == value + 1
        // A single capital (`H. Bahri`) is as often a name's initial as a label: judge it only in a list.
        let needsConfirmation = family.style == .upperLetter
        guard let reference else {
            guard confirmed else { return nil }
            return .startsPastFirst(expected: family.marker(for: 1))
        }
        let previous = family.marker(for: reference.last)
        let interrupted = body.isInterrupted(after: reference.position, before: item.position)
        if value > reference.last + 1 {
            let missing = Array((reference.last + 1)..<value)
            if missing.count > Self.longJump || needsConfirmation, !confirmed { return nil }
            if body.containsInlineLabels(missing.map(family.marker(for:)), from: reference.position,
                                         before: item.position) { return nil }
            return .skip(previous: previous, expected: family.marker(for: reference.last + 1),
                         missing: missing.map(family.marker(for:)))
        }
        if needsConfirmation && !confirmed && interrupted { return nil }
        if interrupted {
            // A later list of the same family that opens past its first label (`b.` after a paragraph).
            return .startsPastFirst(expected: family.marker(for: 1))
        }
        if value == reference.last { return .repeated(expected: family.marker(for: value + 1)) }
        return .backwards(previous: previous, expected: family.marker(for: reference.last + 1))
    }

    func finding(_ problem: Problem, item: LabelledParagraph, context: RuleContext) -> Finding {
        let written = StructureText.trimmed(item.label.marker)
        let quoted = StructureText.quoted
        let message: Message
        let expected: String
        switch problem {
        case .skip(let previous, let next, let missing):
            expected = next
            let list = missing.map(quoted).joined(separator: ", ")
            message = Message(
                id: "Penomoran daftar melompat dari \(quoted(previous)) ke \(quoted(written)): \(list) tidak ada.",
                en: "List numbering skips from \(quoted(previous)) to \(quoted(written)): \(list) is missing.")
        case .repeated(let next):
            expected = next
            message = Message(
                id: "Butir ini seharusnya \(quoted(next)): label \(quoted(written)) dipakai dua kali berturut-turut.",
                en: "This item should be \(quoted(next)): label \(quoted(written)) is used twice in a row.")
        case .backwards(let previous, let next):
            expected = next
            message = Message(
                id: "Butir ini seharusnya \(quoted(next)): label \(quoted(written)) muncul sesudah \(quoted(previous)) "
                    + "dalam daftar.",
                en: "This item should be \(quoted(next)): its label \(quoted(written)) comes after \(quoted(previous)) "
                    + "in the list.")
        case .startsPastFirst(let first):
            expected = first
            message = Message(
                id: "Daftar dimulai dari \(quoted(written)), bukan dari \(quoted(first)) sebagai label pertama.",
                en: "The list starts at \(quoted(written)) instead of \(quoted(first)) as its first label.")
        }
        return context.finding(message, at: Location(paragraph: item.paragraphNumber),
                               evidence: item.evidence, expected: expected, actual: written)
    }
}

// MARK: - Shared by the structure rules (list-numbering, heading-numbering, truncated-text)

/// A numbering family: labels of one style and one punctuation (`a.`, `a)`, `(a)` are three families).
/// Lists of one family continue each other; lists of different families nest.
struct MarkerFamily: Hashable, Sendable {
    enum Shape: Hashable, Sendable {
        /// `a.`
        case dot
        /// `a)`
        case closing
        /// `(a)`
        case enclosed
        /// `a` (automatic labels drawn without punctuation)
        case plain
    }

    var style: NumberStyle
    var shape: Shape

    init(style: NumberStyle, shape: Shape) {
        self.style = style
        self.shape = shape
    }

    init(_ label: ListLabel) {
        style = label.style
        let marker = StructureText.trimmed(label.marker)
        if marker.hasPrefix("(") {
            shape = .enclosed
        } else if marker.hasSuffix(")") {
            shape = .closing
        } else if marker.hasSuffix(".") {
            shape = .dot
        } else {
            shape = .plain
        }
    }

    /// The same family in the other letter case (`a.` ↔ `A.`), for lists whose case slips mid-way.
    var otherCase: MarkerFamily? {
        switch style {
        case .lowerLetter: MarkerFamily(style: .upperLetter, shape: shape)
        case .upperLetter: MarkerFamily(style: .lowerLetter, shape: shape)
        default: nil
        }
    }

    /// The label of `value` as a document writes it in this family: `b.`, `16.`, `(2)`, `iv)`.
    func marker(for value: Int) -> String {
        let token: String
        switch style {
        case .lowerLetter: token = StructureText.letters(value, upper: false)
        case .upperLetter: token = StructureText.letters(value, upper: true)
        case .lowerRoman: token = StructureText.roman(value)
        case .upperRoman: token = StructureText.roman(value).uppercased()
        default: token = String(value)
        }
        switch shape {
        case .dot: return token + "."
        case .closing: return token + ")"
        case .enclosed: return "(" + token + ")"
        case .plain: return token
        }
    }
}

/// One reading of a label: its family and value (`i.` reads as roman 1 or as the letter 9).
struct LabelReading: Sendable, Equatable {
    var family: MarkerFamily
    var value: Int

    /// The label's readings, its own first; nil for bullets and labels without a value.
    static func readings(of label: ListLabel) -> [LabelReading]? {
        guard let value = label.value, value > 0, label.style != .bullet, label.style != .none else { return nil }
        var readings = [LabelReading(family: MarkerFamily(label), value: value)]
        if let other = ListMarkers.alternative(for: label), let otherValue = other.value, otherValue > 0 {
            readings.append(LabelReading(family: MarkerFamily(other), value: otherValue))
        }
        return readings
    }
}

/// The open lists of a stretch of text, innermost last, and how a new label relates to them.
///
/// A label continues the innermost open list of its family whose next label it is (closing the lists
/// nested inside that one), a first label opens a new list, and anything else is unexpected. The stack is
/// bounded, so a long document costs constant work per label.
struct NumberingStack: Sendable {
    struct Entry: Sendable, Equatable {
        var family: MarkerFamily
        /// The last value placed in this list.
        var last: Int
        /// Body position (index among body paragraphs) of that last label.
        var position: Int
        /// Tells lists apart (`lastList` after a label is placed).
        var id: Int = 0
    }

    enum Outcome: Equatable {
        /// The next label of an open list (maybe an outer one, resumed).
        case continues
        /// The first label of a new list.
        case starts
        /// Neither: the innermost open list of the label's family, if any, is the one it fails to continue.
        case unexpected(Entry?)
    }

    private(set) var entries: [Entry] = []
    /// The list the last placed or adopted label went into.
    private(set) var lastList = 0
    private var nextID = 1
    static let maxDepth = 24

    mutating func clear() { entries.removeAll(keepingCapacity: true) }

    /// Closes every list except a decimal list whose last item is `value` (nil closes all).
    mutating func clear(keepingItem value: Int?) {
        guard let value else { return clear() }
        entries.removeAll { $0.family.style != .decimal || $0.last != value }
    }

    /// Places a label read one or more ways (its own reading first) at a body position. After an introduction,
    /// a list may be continued only when the lists open inside it are of its own family (`1.` items under
    /// a `1.` heading), never one that lies outside a list of another family (an earlier `a.` list outside
    /// the current `2.` item).
    mutating func place(_ readings: [LabelReading], at position: Int, afterIntroduction: Bool = false) -> Outcome {
        for reading in readings {
            var found: Int?
            for index in entries.indices.reversed() {
                let entry = entries[index]
                if entry.family == reading.family, entry.last + 1 == reading.value {
                    found = index
                    break
                }
                if afterIntroduction, entry.family != reading.family { break }
            }
            if let index = found {
                resume(index, value: reading.value, at: position)
                return .continues
            }
        }
        // `N.` continuing `M.`: a list whose case slips is mis-typed, not mis-numbered.
        for reading in readings {
            if let other = reading.family.otherCase,
               let index = entries.lastIndex(where: { $0.family == other && $0.last + 1 == reading.value }) {
                resume(index, value: reading.value, at: position)
                return .continues
            }
        }
        if let first = readings.first(where: { $0.value == 1 }) {
            push(Entry(family: first.family, last: 1, position: position))
            return .starts
        }
        let primary = readings[0]
        return .unexpected(entries.last { $0.family == primary.family })
    }

    /// After an unexpected label: the list it belongs to goes on from what was written, so one wrong label
    /// gives one finding, not one for every label after it.
    mutating func adopt(_ reading: LabelReading, at position: Int) {
        if let index = entries.lastIndex(where: { $0.family == reading.family }) {
            resume(index, value: reading.value, at: position)
        } else {
            push(Entry(family: reading.family, last: reading.value, position: position))
        }
    }

    private mutating func resume(_ index: Int, value: Int, at position: Int) {
        entries.removeSubrange((index + 1)...)
        entries[index].last = value
        entries[index].position = position
        lastList = entries[index].id
    }

    private mutating func push(_ entry: Entry) {
        if entries.count >= Self.maxDepth { entries.removeFirst() }
        var entry = entry
        entry.id = nextID
        nextID += 1
        lastList = entry.id
        entries.append(entry)
    }
}

/// A labelled body paragraph.
struct LabelledParagraph: Sendable {
    /// Index among body paragraphs.
    var position: Int
    var paragraphNumber: Int
    var label: ListLabel
    var readings: [LabelReading]
    /// A heading with a label (`A. LATAR BELAKANG`): list structure, but `heading-numbering` judges it.
    var isHeading: Bool
    /// The paragraph as shown, label included.
    var evidence: String

    /// For each item, the value of the next item of its family (its own reading), if any.
    static func nextOfSameFamily(_ items: [LabelledParagraph]) -> [Int?] {
        var result = [Int?](repeating: nil, count: items.count)
        var seen: [MarkerFamily: Int] = [:]
        for index in items.indices.reversed() {
            let reading = items[index].readings[0]
            result[index] = seen[reading.family]
            seen[reading.family] = reading.value
        }
        return result
    }
}

/// The body paragraphs of a document (not those of cells or text boxes) as the structure rules read them.
struct StructureBody: Sendable {
    var paragraphs: [Paragraph] = []
    /// Running counts up to and including each position: paragraphs that end the run of a list (text that is
    /// neither a label, a continuation line nor empty), and tables met before the paragraph.
    private var interruptingParagraphs: [Int] = []
    private var tables: [Int] = []

    init(_ document: Document) {
        var paragraphCount = 0
        var tableCount = 0
        for block in document.blocks {
            switch block {
            case .table:
                tableCount += 1
            case .paragraph(let paragraph):
                guard paragraph.container == .body else { continue }
                if !paragraph.isTOCEntry, StructureText.interrupts(paragraph) { paragraphCount += 1 }
                paragraphs.append(paragraph)
                interruptingParagraphs.append(paragraphCount)
                tables.append(tableCount)
            }
        }
    }

    func number(at position: Int) -> Int {
        paragraphs[position].location.paragraph ?? position + 1
    }

    /// Whether a table, or a paragraph other than list items and their continuation lines, lies strictly
    /// between two positions.
    func isInterrupted(after start: Int, before end: Int) -> Bool {
        guard start >= 0, end > start, end < paragraphs.count else { return false }
        return interruptingParagraphs[end - 1] - interruptingParagraphs[start] > 0 || tables[end] - tables[start] > 0
    }

    /// The paragraph at `position` comes right after an introduction: a paragraph without a label that ends
    /// with a colon (`… mempunyai fungsi sebagai berikut :`), with nothing but empty paragraphs between.
    func followsIntroduction(_ position: Int) -> Bool {
        var index = position - 1
        while index >= 0 {
            let paragraph = paragraphs[index]
            if tables[index + 1] != tables[index] { return false }
            if paragraph.isTOCEntry { return false }
            let text = StructureText.trimmed(paragraph.text)
            if text.isEmpty {
                index -= 1
                continue
            }
            guard ListMarkers.effectiveLabel(of: paragraph) == nil else { return false }
            return text.unicodeScalars.last == ":"
        }
        return false
    }

    /// The lines under the paragraph at `position` that carry its sentence on: the following paragraphs, up
    /// to `end`, that have no label, are no heading and start in lower case (empty paragraphs skipped; a
    /// table ends them). `moreText`: they are followed, before `end` and any table, by another paragraph of
    /// plain text (one that starts with a capital), which may carry the sentence on as well.
    func continuationLines(after position: Int, before end: Int) -> (lines: [String], moreText: Bool) {
        var lines: [String] = []
        var index = position + 1
        while index < min(end, paragraphs.count), tables[index] == tables[position] {
            let paragraph = paragraphs[index]
            index += 1
            if paragraph.isTOCEntry || paragraph.list != nil || StructureText.isHeading(paragraph) { break }
            if StructureText.isEmpty(paragraph.text) { continue }
            guard StructureText.startsLowercase(paragraph.text) else { return (lines, true) }
            lines.append(StructureText.trimmed(paragraph.text))
        }
        return (lines, false)
    }

    /// Every labelled body paragraph outside the table of contents, in order.
    func listItems() -> [LabelledParagraph] {
        var items: [LabelledParagraph] = []
        for (position, paragraph) in paragraphs.enumerated() where !paragraph.isTOCEntry {
            guard let label = ListMarkers.effectiveLabel(of: paragraph),
                  let readings = LabelReading.readings(of: label) else { continue }
            items.append(LabelledParagraph(position: position, paragraphNumber: number(at: position), label: label,
                                  readings: readings, isHeading: StructureText.isHeading(paragraph),
                                  evidence: paragraph.displayText))
        }
        return items
    }

    /// Whether `labels` all appear, in order, as labels written inside the text of the paragraphs from
    /// `start` up to (not including) `end`: `m. … kantor; n. mempersiapkan …`.
    func containsInlineLabels(_ labels: [String], from start: Int, before end: Int) -> Bool {
        guard !labels.isEmpty, start >= 0, end <= paragraphs.count, start < end,
              end - start <= Self.inlineSearchSpan else { return false }
        var pending = labels[...]
        for position in start..<end {
            var searchFrom = paragraphs[position].text.unicodeScalars.startIndex
            while let label = pending.first,
                  let found = StructureText.inlineLabel(label, in: paragraphs[position].text, from: searchFrom) {
                pending = pending.dropFirst()
                searchFrom = found
            }
            if pending.isEmpty { return true }
        }
        return false
    }

    /// How far back an inline label is looked for (paragraphs).
    static let inlineSearchSpan = 40
}

/// Small text helpers for the structure rules (the analysis helpers keep theirs internal).
enum StructureText {
    /// Blanks as list-marker detection sees them, so rules and the analyzer agree on what a blank is.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        ListMarkers.isBlank(scalar)
    }

    static func trimmed(_ text: String) -> String {
        String(ListMarkers.trimBlanks(text[...]))
    }

    /// `"B."`: a label or title quoted inside a message.
    static func quoted(_ text: String) -> String { "\"" + text + "\"" }

    /// Blanks collapsed to single spaces, ends trimmed.
    static func collapsed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isBlank(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Letters and digits only, lower-cased: titles compared this way ignore case, spacing and punctuation.
    static func titleKey(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
            result.append(scalar)
        }
        return String(result)
    }

    /// The first non-blank character is a lower-case letter: the line carries on the sentence above it
    /// (`pelaksanaan tugas;` under `a. Merencanakan … sebagai pedoman`).
    static func startsLowercase(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isBlank(scalar) {
            return scalar.properties.isLowercase
        }
        return false
    }

    static func isEmpty(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isBlank)
    }

    /// A heading as the section tree sees it: a Word heading, or a chapter, numbered or lettered line.
    static func isHeading(_ paragraph: Paragraph) -> Bool {
        if paragraph.headingLevel != nil { return true }
        switch paragraph.pseudoHeading?.kind {
        case .chapter?, .numbered?, .lettered?: return true
        default: return false
        }
    }

    /// The heading a paragraph reads as, for Word headings too (the analyzer keeps `pseudoHeading` for
    /// paragraphs without a heading style).
    static func pseudoHeading(_ paragraph: Paragraph) -> PseudoHeading? {
        if let heading = paragraph.pseudoHeading { return heading }
        guard paragraph.headingLevel != nil, !paragraph.isTOCEntry, paragraph.container != .tableCell else { return nil }
        return PseudoHeadings.detect(paragraph)
    }

    /// A `BAB` chapter or a numbered section (`1.2 Judul`), where documents number lists afresh: nil when
    /// the paragraph is neither; `.some(nil)` for a chapter, `.some(n)` for a section numbered `n.…`.
    static func sectionBreak(_ paragraph: Paragraph) -> Int?? {
        guard !paragraph.isTOCEntry, let heading = pseudoHeading(paragraph) else { return nil }
        switch heading.kind {
        case .chapter:
            return paragraph.list == nil ? .some(nil) : nil
        case .numbered:
            let first = heading.number?.split(separator: ".").first.flatMap { Int($0) }
            return .some(first)
        default:
            return nil
        }
    }

    /// A paragraph that ends the run of a list: text that is not a label and not a continuation line.
    static func interrupts(_ paragraph: Paragraph) -> Bool {
        if paragraph.list != nil || ListMarkers.effectiveLabel(of: paragraph) != nil { return false }
        if isEmpty(paragraph.text) { return false }
        if isHeading(paragraph) { return true }
        return !startsLowercase(paragraph.text)
    }

    /// Where `label` next occurs in `text` as a label written inline — after a blank that follows `;`,
    /// `:`, `,`, `.` or a line break, or at the very start — and is followed by a blank; returns the index
    /// just after it.
    static func inlineLabel(_ label: String, in text: String, from start: String.UnicodeScalarView.Index)
        -> String.UnicodeScalarView.Index? {
        let scalars = text.unicodeScalars
        let needle = Array(label.unicodeScalars)
        guard let first = needle.first else { return nil }
        var index = start
        while index < scalars.endIndex {
            if scalars[index] == first, precededByBreak(scalars, index),
               let end = match(needle, in: scalars, at: index), end < scalars.endIndex, isBlank(scalars[end]) {
                return end
            }
            index = scalars.index(after: index)
        }
        return nil
    }

    private static func match(_ needle: [Unicode.Scalar], in scalars: String.UnicodeScalarView,
                              at start: String.UnicodeScalarView.Index) -> String.UnicodeScalarView.Index? {
        var index = start
        for scalar in needle {
            guard index < scalars.endIndex, scalars[index] == scalar else { return nil }
            index = scalars.index(after: index)
        }
        return index
    }

    private static func precededByBreak(_ scalars: String.UnicodeScalarView,
                                        _ index: String.UnicodeScalarView.Index) -> Bool {
        guard index > scalars.startIndex else { return true }
        var before = scalars.index(before: index)
        guard isBlank(scalars[before]) else { return false }
        while before > scalars.startIndex, isBlank(scalars[before]) {
            if scalars[before] == "\n" { return true }
            before = scalars.index(before: before)
        }
        if isBlank(scalars[before]) { return true }
        return ";:,.".unicodeScalars.contains(scalars[before])
    }

    /// `a`…`z`, then `aa`, `ab` … as spreadsheets count.
    static func letters(_ value: Int, upper: Bool) -> String {
        guard value > 0 else { return String(value) }
        var remaining = value
        var result = ""
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            let base: UInt32 = upper ? 0x41 : 0x61
            if let scalar = Unicode.Scalar(base + UInt32(digit)) { result = String(Character(scalar)) + result }
            remaining = (remaining - 1) / 26
        }
        return result
    }

    /// Lower-case roman numeral (1…3999); other values in decimal.
    static func roman(_ value: Int) -> String {
        ListMarkers.romanNumeral(value)?.lowercased() ?? String(value)
    }

    /// The value of a chapter numeral: arabic (`3`) or roman in either case (`IV`), canonical spelling only.
    static func chapterValue(_ token: String) -> Int? {
        if !token.isEmpty, token.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
            guard token.count <= 3, let value = Int(token), value > 0 else { return nil }
            return value
        }
        let lower = token.lowercased()
        var total = 0
        var previous = 0
        for scalar in lower.unicodeScalars.reversed() {
            let digit: Int
            switch scalar {
            case "i": digit = 1
            case "v": digit = 5
            case "x": digit = 10
            case "l": digit = 50
            case "c": digit = 100
            default: return nil
            }
            total += digit < previous ? -digit : digit
            previous = max(previous, digit)
        }
        guard total > 0, roman(total) == lower else { return nil }
        return total
    }
}
