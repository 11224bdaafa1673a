import Lint

/// `heading-numbering`: heading numbers duplicated, skipped or out of order within their parent.
///
/// Headings are Word headings (`headingLevel`) and headings typed in the text (`pseudoHeading`), never TOC
/// entries. Three kinds of number are followed:
/// - chapters (`BAB I`, `BAB 3`): each the next of the one before; a chapter `I` starts a new part (a decree
///   and its lampiran each have their own `BAB I`), so it is never a finding, and the chapters after it may
///   continue either part (a "sistematika" that lists `Bab I` … `Bab IV` inside chapter I is a part of its
///   own). A paragraph that opens with `BAB n` but does not read as a heading (a long title, a listing line)
///   still tells which chapter the text is in, and is never reported;
/// - dotted numbers (`1.1`, `3.2.1`): each the next child of its parent (`1.2` after `1.1`, `1.1` first under
///   `BAB I`), and, when the other sections of a chapter follow its number, in that chapter (`2.3` among
///   `1.x` under `BAB I`);
/// - labels on headings (`A. LATAR BELAKANG`, `II. PENUTUP`, a Word heading typed `1. Judul`): followed like
///   list labels (`NumberingStack`), lettered headings starting afresh in each chapter.
///
/// A number used twice for the same title is a repeated block (`duplicate-section` reports those), not a
/// numbering error. A number missing from the headings but typed at the start of a paragraph in between (a
/// heading whose title is too long to read as one) is not missing. A first heading that starts past its
/// first label, and a jump of more than two numbers, count only when the next heading continues from them.
public struct HeadingNumberingRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "heading-numbering",
            title: Message(id: "Penomoran judul bab/subbab salah", en: "Heading numbers duplicated, skipped or out of order"),
            description: Message(
                id: "Memeriksa nomor judul bab (BAB I, BAB II …), subbab (1.1, 1.2 …) dan judul berlabel (A., B. …): "
                    + "nomor tidak boleh dipakai dua kali untuk judul yang berbeda, melompat (BAB I lalu BAB III), "
                    + "mundur, atau keluar dari bab induknya (2.3 di bawah BAB I). BAB I yang muncul lagi memulai "
                    + "bagian baru (misalnya lampiran) dan bukan kesalahan.",
                en: "Checks chapter (BAB I, BAB II …), section (1.1, 1.2 …) and labelled (A., B. …) heading "
                    + "numbers: a number must not be used for two different headings, skip (BAB I then BAB III), go "
                    + "back, or leave its chapter (2.3 under BAB I). A new BAB I starts a new part (such as a "
                    + "lampiran) and is not an error."),
            rationale: Message(
                id: "Sistematika dokumen ditetapkan per bab (LKjIP: PermenPAN-RB 53/2014; Renstra: Permendagri "
                    + "86/2017); daftar isi, rujukan silang (\"lihat subbab 1.2\") dan penilaian AKIP (PermenPAN-RB "
                    + "88/2021) bergantung pada nomor judul yang unik dan berurutan. Nomor ganda atau melompat "
                    + "biasanya menandakan bagian yang tersalin atau terhapus.",
                en: "Documents are laid out chapter by chapter (LKjIP: PermenPAN-RB 53/2014; Renstra: Permendagri "
                    + "86/2017); the table of contents, cross-references (\"see 1.2\") and the AKIP evaluation "
                    + "(PermenPAN-RB 88/2021) rely on unique, consecutive heading numbers. A doubled or skipped "
                    + "number usually means a section was pasted twice or deleted."),
            defaultSeverity: .error,
            triggering: [
                RuleExample("""
                    # BAB I PENDAHULUAN

                    ## 1.1 Latar Belakang

                    Teks latar belakang.

                    ## 1.2 Landasan Hukum Penyusunan

                    Teks landasan hukum.

                    ## 1.2 Maksud dan Tujuan

                    Teks maksud dan tujuan.
                    """, caption: "1.2 used for two different sections"),
                RuleExample("""
                    # BAB I PENDAHULUAN

                    Teks pendahuluan.

                    # BAB III AKUNTABILITAS KINERJA

                    Teks capaian kinerja.
                    """, caption: "BAB III right after BAB I"),
            ],
            nonTriggering: [
                RuleExample("""
                    # BAB I PENDAHULUAN

                    ## 1.1 Latar Belakang

                    ## 1.2 Maksud dan Tujuan

                    # BAB II PERENCANAAN KINERJA

                    ## 2.1 Rencana Strategis

                    # LAMPIRAN

                    # BAB I KETENTUAN UMUM

                    ## 1.1 Pengertian
                    """, caption: "consecutive numbers, and a lampiran that starts again at BAB I"),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let body = StructureBody(context.document)
        let outline = HeadingOutline(body, sections: context.document.sections)
        var checker = HeadingNumberChecker(outline: outline, context: context)
        for heading in outline.headings { checker.check(heading) }
        return checker.findings
    }
}

// MARK: - Headings and their numbers

/// A numbered heading of the body.
struct NumberedHeading: Sendable {
    enum Number: Sendable, Equatable {
        /// `BAB III` (value 3); `roman` when written in roman numerals.
        case chapter(Int, roman: Bool)
        /// `1.2.3`
        case dotted([Int])
        /// `A.`, `II.`, a Word heading typed `1.`: its readings, its own first.
        case label([LabelReading])
    }

    var number: Number
    var position: Int
    var paragraphNumber: Int
    /// A paragraph that opens with `BAB n` without reading as a heading (its title too long, or a line of a
    /// "sistematika" listing the chapters): it tells which chapter the text is in, and is never reported.
    var isSoft = false
    /// Compared to tell a repeated block (same title) from a doubled number (another title).
    var titleKey: String
    var title: String
    var evidence: String

    /// The number as the document writes it: `BAB III`, `1.2`, `B.`.
    var written: String {
        switch number {
        case .chapter(let value, let roman): Self.chapterName(value, roman: roman)
        case .dotted(let parts): parts.map(String.init).joined(separator: ".")
        case .label(let readings): readings[0].family.marker(for: readings[0].value)
        }
    }

    static func chapterName(_ value: Int, roman: Bool) -> String {
        "BAB " + (roman ? StructureText.roman(value).uppercased() : String(value))
    }

    static func dottedName(_ parts: [Int]) -> String {
        parts.map(String.init).joined(separator: ".")
    }
}

/// What a paragraph's opening reads as, however it is styled: a loose `BAB n`, a dotted number or a label.
/// A heading number missing between two headings but typed in a paragraph there is not missing.
enum HeadingOpening: Hashable, Sendable {
    case chapter(Int)
    case dotted([Int])
    case label(MarkerFamily, Int)
}

/// The numbered headings of a body, and the openings of all its paragraphs.
struct HeadingOutline: Sendable {
    var headings: [NumberedHeading] = []
    /// Positions of paragraphs by their opening, ascending.
    var openings: [HeadingOpening: [Int]] = [:]
    /// Running count, by position, of unnumbered top-level headings (`LAMPIRAN`): breaks after which dotted
    /// numbering may start again.
    var levelOneBreaks: [Int] = []
    /// For each chapter (0 = before the first), how many dotted headings start with each first number.
    var firstParts: [[Int: Int]] = [[:]]

    init(_ body: StructureBody, sections: [Section]) {
        var titles: [Int: String] = [:]
        var pending = sections
        while let section = pending.popLast() {
            titles[section.headingParagraph] = section.title
            pending.append(contentsOf: section.children)
        }
        // When the document gives its chapters a Word heading style, a `BAB n` line without one is a listing
        // (a sistematika) or a slip, not a chapter to number.
        let styledChapters = body.paragraphs.contains { paragraph in
            guard paragraph.headingLevel != nil, !paragraph.isTOCEntry else { return false }
            if case .chapter? = Self.number(of: paragraph) { return true }
            return false
        }
        var breaks = 0
        for (position, paragraph) in body.paragraphs.enumerated() {
            defer { levelOneBreaks.append(breaks) }
            guard !paragraph.isTOCEntry else { continue }
            let opening = Self.opening(of: paragraph)
            if let opening { openings[opening, default: []].append(position) }
            let numberOfParagraph = body.number(at: position)
            let number = StructureText.isHeading(paragraph) ? Self.number(of: paragraph) : nil
            if number == nil, case .chapter(let value)? = opening {
                let text = StructureText.collapsed(paragraph.text)
                headings.append(NumberedHeading(number: .chapter(value, roman: false), position: position,
                                                paragraphNumber: numberOfParagraph, isSoft: true,
                                                titleKey: StructureText.titleKey(text), title: text,
                                                evidence: paragraph.displayText))
                firstParts.append([:])
                continue
            }
            guard StructureText.isHeading(paragraph) else { continue }
            guard let number else {
                if paragraph.headingLevel == 1 { breaks += 1 }
                continue
            }
            let pseudoTitle = StructureText.pseudoHeading(paragraph)?.title ?? ""
            let title = pseudoTitle.isEmpty ? (titles[numberOfParagraph] ?? pseudoTitle) : pseudoTitle
            var isSoft = false
            if case .chapter = number { isSoft = styledChapters && paragraph.headingLevel == nil }
            headings.append(NumberedHeading(number: number, position: position, paragraphNumber: numberOfParagraph,
                                            isSoft: isSoft, titleKey: StructureText.titleKey(title), title: title,
                                            evidence: paragraph.displayText))
            switch number {
            case .chapter: firstParts.append([:])
            case .dotted(let parts): firstParts[firstParts.count - 1][parts[0], default: 0] += 1
            case .label: break
            }
        }
    }

    /// The number of a heading paragraph, or nil for an unnumbered one. Automatic labels are Word's own
    /// numbering and left out.
    static func number(of paragraph: Paragraph) -> NumberedHeading.Number? {
        // A label Word draws itself (`w:numPr`) is numbered by construction; a restart or a start value on
        // it is the author's setting, not a slip.
        if let label = paragraph.list, label.source == .automatic, label.value != nil { return nil }
        let pseudo = StructureText.pseudoHeading(paragraph)
        let typedLabel = paragraph.list.flatMap { $0.source == .typed ? $0 : nil }
        switch pseudo?.kind {
        case .chapter?:
            if let label = typedLabel, label.style == .upperRoman, let readings = LabelReading.readings(of: label) {
                return .label(readings)
            }
            guard let token = pseudo?.number, let value = StructureText.chapterValue(token) else { return nil }
            let roman = !token.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
            return .chapter(value, roman: roman)
        case .numbered?:
            guard let parts = pseudo?.number.flatMap(dottedParts), parts.count >= 2 else { return nil }
            return .dotted(parts)
        case .lettered?:
            guard let label = typedLabel ?? pseudo?.number.flatMap({ ListMarkers.match($0 + ".")?.label }),
                  let readings = LabelReading.readings(of: label) else { return nil }
            return .label(readings)
        case .boldLine?, nil:
            // A Word heading typed with a label the text reader does not take for a heading (`1. Judul`).
            guard paragraph.headingLevel != nil, let label = typedLabel,
                  let readings = LabelReading.readings(of: label) else { return nil }
            return .label(readings)
        }
    }

    /// `1.2.3` → [1, 2, 3]; nil unless every part is a number.
    static func dottedParts(_ text: String) -> [Int]? {
        var parts: [Int] = []
        for piece in text.split(separator: ".", omittingEmptySubsequences: true) {
            guard piece.count <= 3, let value = Int(piece) else { return nil }
            parts.append(value)
        }
        return parts.isEmpty ? nil : parts
    }

    /// What the paragraph opens with: `BAB IV …`, `3.2 …`, or a label.
    static func opening(of paragraph: Paragraph) -> HeadingOpening? {
        let text = StructureText.trimmed(paragraph.text)
        if let chapter = looseChapter(text) { return .chapter(chapter) }
        if let parts = looseDotted(text) { return .dotted(parts) }
        guard let label = ListMarkers.effectiveLabel(of: paragraph),
              let reading = LabelReading.readings(of: label)?.first else { return nil }
        return .label(reading.family, reading.value)
    }

    /// `BAB` and a numeral at the start, whatever follows.
    static func looseChapter(_ text: String) -> Int? {
        let words = text.split(maxSplits: 2, whereSeparator: { StructureText.isBlank($0.unicodeScalars.first ?? " ") })
        guard words.count >= 2, words[0].uppercased() == "BAB" else { return nil }
        var token = Substring(words[1])
        while let last = token.last, last == "." || last == ":" { token = token.dropLast() }
        return StructureText.chapterValue(String(token))
    }

    /// A dotted number of two or more parts at the start (`1.2`, `1.2.`), followed by a blank or the end.
    static func looseDotted(_ text: String) -> [Int]? {
        guard let first = text.split(maxSplits: 1, whereSeparator: { StructureText.isBlank($0.unicodeScalars.first ?? " ") }).first,
              first.first.map({ $0.isASCII && $0.isNumber }) == true,
              let parts = dottedParts(String(first)), parts.count >= 2 else { return nil }
        return parts
    }

    /// Whether a paragraph strictly between two positions opens with one of `keys`.
    func opens(with keys: [HeadingOpening], after start: Int, before end: Int) -> Bool {
        keys.contains { key in
            guard let positions = openings[key] else { return false }
            // First position after `start` (binary search), then compare with `end`.
            var low = 0
            var high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] <= start { low = middle + 1 } else { high = middle }
            }
            return low < positions.count && positions[low] < end
        }
    }

    func hasLevelOneBreak(after start: Int, before end: Int) -> Bool {
        guard start >= 0, end > start, end <= levelOneBreaks.count else { return false }
        return levelOneBreaks[end - 1] - levelOneBreaks[start] > 0
    }
}

// MARK: - Checking

/// Walks the numbered headings in order, keeping the chapter, the last child of each dotted parent and the
/// open lists of labelled headings.
struct HeadingNumberChecker {
    struct Sibling {
        var last: Int
        var position: Int
        var titleKey: String
        var title: String
        var paragraphNumber: Int
    }

    let outline: HeadingOutline
    let context: RuleContext
    var findings: [Finding] = []

    private var chapter: (value: Int, roman: Bool, heading: NumberedHeading)?
    /// Chapters as lists: a `BAB I` opens a new part (a lampiran, or a sistematika listing the chapters),
    /// and a chapter after it may still continue the part before.
    private var chapters = NumberingStack()
    private var chapterHeadings: [Int: NumberedHeading] = [:]
    private static let chapterFamily = MarkerFamily(style: .none, shape: .plain)
    /// Index into `outline.firstParts` of the current chapter.
    private var chapterIndex = 0
    /// Body position where the current chapter starts (-1 before the first).
    private var chapterStart = -1
    /// Last child of each dotted parent (`[1]` → last `1.x`), and the position of each dotted heading.
    private var children: [[Int]: Sibling] = [:]
    private var dottedSeen: [[Int]: Sibling] = [:]
    private var labels = NumberingStack()
    /// Title of each labelled heading by family and value, to tell a repeated block from a doubled label.
    private var labelTitles: [MarkerFamily: [Int: String]] = [:]

    /// For each labelled heading (by position), the value of the next labelled heading of its family.
    private let nextLabel: [Int: Int]

    init(outline: HeadingOutline, context: RuleContext) {
        self.outline = outline
        self.context = context
        var next: [Int: Int] = [:]
        var seen: [MarkerFamily: Int] = [:]
        for heading in outline.headings.reversed() {
            guard case .label(let readings) = heading.number else { continue }
            next[heading.position] = seen[readings[0].family]
            seen[readings[0].family] = readings[0].value
        }
        nextLabel = next
    }

    mutating func check(_ heading: NumberedHeading) {
        switch heading.number {
        case .chapter(let value, let roman): checkChapter(heading, value: value, roman: roman)
        case .dotted(let parts): checkDotted(heading, parts: parts)
        case .label(let readings): checkLabel(heading, readings: readings)
        }
    }

    // MARK: Chapters

    private mutating func checkChapter(_ heading: NumberedHeading, value: Int, roman: Bool) {
        defer {
            chapter = (value, roman, heading)
            chapterHeadings[heading.position] = heading
            chapterIndex += 1
            chapterStart = heading.position
            children.removeAll()
            dottedSeen.removeAll()
            labels.clear()
            labelTitles.removeAll()
        }
        // A soft chapter tells where the text is, but is no chapter to number against.
        guard !heading.isSoft else { return }
        let reading = LabelReading(family: Self.chapterFamily, value: value)
        guard case .unexpected(let reference) = chapters.place([reading], at: heading.position) else { return }
        chapters.adopt(reading, at: heading.position)
        // The first chapter may be any (an excerpt, or `BAB I` not read as a heading).
        guard let reference, let previous = chapterHeadings[reference.position] else { return }
        let name = { NumberedHeading.chapterName($0, roman: roman) }
        if value == reference.last {
            guard heading.titleKey != previous.titleKey, !heading.titleKey.isEmpty,
                  !previous.titleKey.isEmpty else { return }
            report(heading, .duplicate(other: previous.title, otherParagraph: previous.paragraphNumber),
                   expected: name(value + 1))
        } else if value > reference.last + 1 {
            let missing = Array((reference.last + 1)..<value)
            guard missing.count <= Self.longJump,
                  !outline.opens(with: missing.map(HeadingOpening.chapter), after: reference.position,
                                 before: heading.position) else { return }
            report(heading, .skip(previous: name(reference.last), missing: missing.map(name)),
                   expected: name(reference.last + 1))
        } else {
            report(heading, .backwards(previous: name(reference.last)), expected: name(reference.last + 1))
        }
    }

    // MARK: Dotted numbers

    private mutating func checkDotted(_ heading: NumberedHeading, parts: [Int]) {
        var parts = parts
        // `2.3` among the `1.x` sections of `BAB I`: reported once, then followed as the `1.3` it stands for.
        if let chapter, parts[0] != chapter.value, chaptersAgree(with: chapter.value, against: parts[0]) {
            var intended = parts
            intended[0] = chapter.value
            report(heading, .outsideChapter(chapter: NumberedHeading.chapterName(chapter.value, roman: chapter.roman)),
                   expected: NumberedHeading.dottedName(intended))
            parts = intended
            record(heading, parts: parts)
            return
        }
        let parent = Array(parts.dropLast())
        let value = parts[parts.count - 1]
        let name = { (last: Int) in NumberedHeading.dottedName(parent + [last]) }
        defer { record(heading, parts: parts) }
        guard let sibling = children[parent] else {
            // The first child of a parent that is there (the chapter or the dotted heading above) must be `.1`.
            guard value > 1, parentIsPresent(parent) else { return }
            let scopeStart = parent.count == 1 ? chapterStart : (dottedSeen[parent]?.position ?? chapterStart)
            let missing = Array(1..<value)
            guard missing.count <= Self.longJump,
                  !outline.opens(with: missing.map { .dotted(parent + [$0]) }, after: scopeStart,
                                 before: heading.position) else { return }
            report(heading, .startsPastFirst(first: name(1)), expected: name(1))
            return
        }
        if value == sibling.last + 1 { return }
        if value == sibling.last {
            guard heading.titleKey != sibling.titleKey, !heading.titleKey.isEmpty, !sibling.titleKey.isEmpty else {
                return
            }
            report(heading, .duplicate(other: sibling.title, otherParagraph: sibling.paragraphNumber),
                   expected: name(value + 1))
        } else if value > sibling.last + 1 {
            let missing = Array((sibling.last + 1)..<value)
            guard missing.count <= Self.longJump,
                  !outline.opens(with: missing.map { .dotted(parent + [$0]) }, after: sibling.position,
                                 before: heading.position) else { return }
            report(heading, .skip(previous: name(sibling.last), missing: missing.map(name)),
                   expected: name(sibling.last + 1))
        } else {
            // `1.1` again after a top-level break (`LAMPIRAN`) starts a new part; the same heading again
            // is a repeated block.
            if value == 1, outline.hasLevelOneBreak(after: sibling.position, before: heading.position) { return }
            if let earlier = dottedSeen[parts], earlier.titleKey == heading.titleKey { return }
            report(heading, .backwards(previous: name(sibling.last)), expected: name(sibling.last + 1))
        }
    }

    /// Most dotted sections of the chapter start with its number, and more than start with `other`.
    private func chaptersAgree(with value: Int, against other: Int) -> Bool {
        guard chapterIndex < outline.firstParts.count else { return false }
        let counts = outline.firstParts[chapterIndex]
        let agreeing = counts[value, default: 0]
        return agreeing >= 2 && agreeing > counts[other, default: 0]
    }

    private func parentIsPresent(_ parent: [Int]) -> Bool {
        if parent.count == 1 { return chapter?.value == parent[0] }
        return dottedSeen[parent] != nil
    }

    private mutating func record(_ heading: NumberedHeading, parts: [Int]) {
        let sibling = Sibling(last: parts[parts.count - 1], position: heading.position, titleKey: heading.titleKey,
                              title: heading.title, paragraphNumber: heading.paragraphNumber)
        children[Array(parts.dropLast())] = sibling
        // Its own children start afresh under it.
        children[parts] = nil
        dottedSeen[parts] = sibling
    }

    // MARK: Labels

    private mutating func checkLabel(_ heading: NumberedHeading, readings: [LabelReading]) {
        let reading = readings[0]
        defer { labelTitles[reading.family, default: [:]][reading.value] = heading.titleKey }
        guard case .unexpected(let reference) = labels.place(readings, at: heading.position) else { return }
        labels.adopt(reading, at: heading.position)
        let family = reading.family
        let value = reading.value
        let confirmed = nextLabel[heading.position] == value + 1
        guard let reference else {
            let missing = Array(1..<value)
            guard confirmed, missing.count <= Self.longJump,
                  !outline.opens(with: missing.map { .label(family, $0) }, after: chapterStart,
                                 before: heading.position) else { return }
            report(heading, .startsPastFirst(first: family.marker(for: 1)), expected: family.marker(for: 1))
            return
        }
        let previous = family.marker(for: reference.last)
        if value == reference.last {
            let earlier = labelTitles[family]?[value]
            guard earlier != heading.titleKey, !heading.titleKey.isEmpty else { return }
            report(heading, .duplicateLabel, expected: family.marker(for: value + 1))
        } else if value > reference.last + 1 {
            let missing = Array((reference.last + 1)..<value)
            guard missing.count <= Self.longJump || confirmed,
                  !outline.opens(with: missing.map { .label(family, $0) }, after: reference.position,
                                 before: heading.position) else { return }
            report(heading, .skip(previous: previous, missing: missing.map(family.marker(for:))),
                   expected: family.marker(for: reference.last + 1))
        } else {
            if labelTitles[family]?[value] == heading.titleKey { return }
            report(heading, .backwards(previous: previous), expected: family.marker(for: reference.last + 1))
        }
    }

    // MARK: Findings

    /// Jumps of more than this many numbers are taken for a misreading unless the next heading confirms them.
    static let longJump = 2

    enum Problem {
        case duplicate(other: String, otherParagraph: Int)
        case duplicateLabel
        case skip(previous: String, missing: [String])
        case backwards(previous: String)
        case startsPastFirst(first: String)
        case outsideChapter(chapter: String)
    }

    private mutating func report(_ heading: NumberedHeading, _ problem: Problem, expected: String) {
        let written = heading.written
        let quoted = StructureText.quoted
        let message: Message
        switch problem {
        case .duplicate(let other, let paragraph):
            message = Message(
                id: "Nomor judul \(quoted(written)) dipakai dua kali (juga untuk \(quoted(other)), paragraf \(paragraph)): "
                    + "judul ini seharusnya \(quoted(expected)) sesuai urutan.",
                en: "Heading number \(quoted(written)) is used twice (also for \(quoted(other)), paragraph \(paragraph)): "
                    + "this heading should be \(quoted(expected)) in sequence.")
        case .duplicateLabel:
            message = Message(
                id: "Label judul \(quoted(written)) dipakai dua kali berturut-turut: seharusnya \(quoted(expected)) "
                    + "sesuai urutan.",
                en: "Heading label \(quoted(written)) is used twice in a row: it should be \(quoted(expected)) in sequence.")
        case .skip(let previous, let missing):
            let list = missing.map(quoted).joined(separator: ", ")
            message = Message(
                id: "Nomor judul melompat dari \(quoted(previous)) ke \(quoted(written)): \(list) tidak ada.",
                en: "Heading numbers skip from \(quoted(previous)) to \(quoted(written)): \(list) is missing.")
        case .backwards(let previous):
            message = Message(
                id: "Nomor judul \(quoted(written)) muncul sesudah \(quoted(previous)): seharusnya \(quoted(expected)) "
                    + "sesuai urutan.",
                en: "Heading number \(quoted(written)) comes after \(quoted(previous)): it should be \(quoted(expected)) "
                    + "in sequence.")
        case .startsPastFirst(let first):
            message = Message(
                id: "Judul pertama pada tingkat ini bernomor \(quoted(written)), bukan \(quoted(first)) sebagai nomor "
                    + "pertama.",
                en: "The first heading at this level is numbered \(quoted(written)) instead of \(quoted(first)) as the "
                    + "first number.")
        case .outsideChapter(let chapter):
            message = Message(
                id: "Subbab \(quoted(written)) berada di bawah \(chapter), tetapi nomornya tidak diawali nomor bab "
                    + "itu: seharusnya \(quoted(expected)) sesuai urutan.",
                en: "Section \(quoted(written)) sits under \(chapter) but its number does not start with that "
                    + "chapter's: it should be \(quoted(expected)) in sequence.")
        }
        findings.append(context.finding(message, at: Location(paragraph: heading.paragraphNumber),
                                        evidence: heading.evidence, expected: expected, actual: written))
    }
}
