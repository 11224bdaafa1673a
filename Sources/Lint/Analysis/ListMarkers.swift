/// Hand-typed list markers at the start of a paragraph: `a.`, `b)`, `(c)`, `16.`, `1)`, `(2)`, `iv.`,
/// `A.`, `IV.`, a dash or bullet in front of one (`- a.`), and plain bullets (`-`, `•`, `▪`, ``).
///
/// Decisions (documented because real documents are ambiguous):
/// - A multi-level number (`1.2`, `1.2.`, `3.2.1`) is never a list marker: authors type it for headings
///   (`1.2 Maksud dan Tujuan`), so it stays in the text and `PseudoHeadings` reads it.
/// - `i.`, `v.`, `x.` (and `I.`, `V.`, `X.`) are both a roman numeral and a letter. `split` returns the
///   roman reading and `Match.alternative` the letter reading; `Context.resolve` picks the letter when the
///   previous label of that case was the letter before it (`h.` → `i.` is the 9th letter).
/// - Roman numerals are read from I, V and X only (1…39): `c.`, `d.`, `l.`, `m.` are letters, and words
///   such as `DI.`, `MI.`, `CV.` are not markers at all.
/// - Numbers have one to three digits and are not followed by another digit: `1.234.567`, `5.2 Program`,
///   `2023.` and `16.00` are not markers.
/// - A marker is followed by a space or tab, or by nothing at the end of the text. Glued forms are accepted
///   only where they cannot be an abbreviation: `a.Perumusan`, `1.Peraturan`, `iv.Judul`, `1)Untuk`; a
///   single capital glued to the next word (`S.Sos`, `A.Md`) is a name or a degree, and a lower-case letter
///   after the dot (`a.n.`, `s.d.`, `e.g.`) is an abbreviation.
/// - A single capital followed by a space (`A. Yani`, `H. Bahri`) cannot be told from a list label
///   without context; it is returned as a label, and list rules judge the sequence.
/// - Decree lines put the marker after a label and a colon (`Menimbang : a. bahwa …`,
///   `Mengingat\t:\t1.\tInstruksi …`). `split` does not take those (the paragraph does not start with a
///   marker, and dropping the label would lose text); `splitAfterLead` finds them, and
///   `effectiveLabel(of:)` gives list rules the label a paragraph carries either way.
public enum ListMarkers {
    /// A marker found at the start of a text.
    public struct Match: Sendable, Equatable {
        public var label: ListLabel
        /// The text after the marker and the blanks that follow it (trimmed at both ends).
        public var rest: String
        /// The other reading of a one-letter roman label (`i.` → letter 9); nil when unambiguous.
        public var alternative: ListLabel?
    }

    /// A marker that follows a short label and a colon: `Menimbang : a. bahwa …`.
    public struct LeadMatch: Sendable, Equatable {
        /// The label before the colon (`Menimbang`, `Mengingat`, `Fungsi`).
        public var lead: String
        public var label: ListLabel
        public var rest: String
        public var alternative: ListLabel?
    }

    /// The typed marker at the start of `text` and the text after it, or nil.
    public static func split(_ text: String) -> (label: ListLabel, rest: String)? {
        guard let found = match(Substring(text)) else { return nil }
        return (found.label, found.rest)
    }

    /// Like `split`, with the other reading of an ambiguous label.
    public static func match(_ text: String) -> Match? {
        match(Substring(text))
    }

    static func match(_ text: Substring) -> Match? {
        let scalars = text.unicodeScalars
        let start = skipBlanks(scalars, from: scalars.startIndex)
        guard start < scalars.endIndex else { return nil }
        if let typed = typedMarker(scalars, at: start) {
            return Match(label: typed.label, rest: String(trimBlanks(scalars[typed.restStart...])),
                         alternative: typed.alternative)
        }
        guard let bulletEnd = bulletEnd(scalars, at: start) else { return nil }
        let afterBullet = skipBlanks(scalars, from: bulletEnd)
        // `- a. Spesifik`: exports (pandoc, Word's own list conversion) wrap a typed label in a bullet;
        // the typed label is what the author numbered, so it is the one reported.
        if afterBullet > bulletEnd, let typed = typedMarker(scalars, at: afterBullet) {
            return Match(label: typed.label, rest: String(trimBlanks(scalars[typed.restStart...])),
                         alternative: typed.alternative)
        }
        let rest = trimBlanks(scalars[afterBullet...])
        // A bullet with nothing after it is a dash standing for "none" (`-` in an empty cell), not an item.
        guard !rest.isEmpty else { return nil }
        let bullet = ListLabel(marker: String(String.UnicodeScalarView(scalars[start..<bulletEnd])),
                               value: nil, style: .bullet, source: .typed)
        return Match(label: bullet, rest: String(rest), alternative: nil)
    }

    /// A typed marker that follows a short label and a colon at the start of `text`
    /// (`Menimbang\t:\ta.\t\tbahwa …`, `- Mengingat : 1. Peraturan …`), or nil.
    public static func splitAfterLead(_ text: String) -> LeadMatch? {
        let scalars = Substring(text).unicodeScalars
        var i = skipBlanks(scalars, from: scalars.startIndex)
        if let bulletEnd = bulletEnd(scalars, at: i) { i = skipBlanks(scalars, from: bulletEnd) }
        let leadStart = i
        var scanned = 0
        // The lead is a word or a few (`Menimbang`, `Dengan Memperhatikan`): letters and blanks only, so
        // that a sentence, a number or another marker before the colon does not qualify.
        while i < scalars.endIndex, scalars[i] != ":" {
            let scalar = scalars[i]
            guard scanned < maxLeadLength, scalar.properties.isAlphabetic || isInlineBlank(scalar) else {
                return nil
            }
            scanned += 1
            i = scalars.index(after: i)
        }
        guard i < scalars.endIndex else { return nil }
        let lead = trimBlanks(scalars[leadStart..<i])
        guard let first = lead.unicodeScalars.first, first.properties.isAlphabetic,
              wordCount(lead, limit: maxLeadWords + 1) <= maxLeadWords else { return nil }
        let markerStart = skipBlanks(scalars, from: scalars.index(after: i))
        guard markerStart < scalars.endIndex, let typed = typedMarker(scalars, at: markerStart) else { return nil }
        return LeadMatch(lead: String(lead), label: typed.label,
                         rest: String(trimBlanks(scalars[typed.restStart...])), alternative: typed.alternative)
    }

    /// The label a list rule should see for a paragraph: its own typed or automatic label, else the marker
    /// after a decree lead (`Menimbang : a.`), else its bullet.
    public static func effectiveLabel(of paragraph: Paragraph) -> ListLabel? {
        if let label = paragraph.list, label.style != .bullet { return label }
        if let lead = splitAfterLead(paragraph.text) { return lead.label }
        return paragraph.list
    }

    /// The letter reading of a one-letter roman label (`i.` → `i.` as the 9th letter), or the roman
    /// reading of such a letter label; nil for every other label.
    public static func alternative(for label: ListLabel) -> ListLabel? {
        guard label.source == .typed, let token = tokenScalar(of: label.marker) else { return nil }
        let isUpper = token.properties.isUppercase
        switch label.style {
        case .lowerRoman, .upperRoman:
            guard let letter = letterValue(token) else { return nil }
            return relabel(label, value: letter, style: isUpper ? .upperLetter : .lowerLetter)
        case .lowerLetter, .upperLetter:
            guard let roman = romanValue(String(token)) else { return nil }
            return relabel(label, value: roman, style: isUpper ? .upperRoman : .lowerRoman)
        default:
            return nil
        }
    }

    /// Whether `text` (trimmed) is a marker or a bullet and nothing else (`16.`, `(a)`, `•`).
    public static func isBareMarker(_ text: Substring) -> Bool {
        let scalars = trimBlanks(text).unicodeScalars
        guard let first = scalars.first else { return false }
        if let typed = typedMarker(scalars, at: scalars.startIndex) {
            return typed.restStart == scalars.endIndex
        }
        if let end = bulletEnd(scalars, at: scalars.startIndex) { return end == scalars.endIndex }
        // A dash alone is a bullet whose blank was trimmed away.
        return scalars.count == 1 && (first == "-" || isSymbolBullet(first) || isDashBullet(first))
    }

    /// Chooses between the roman and the letter reading of `i.`, `v.`, `x.` from the labels before it.
    ///
    /// Feed it every typed label of a document in order; call `reset()` at each chapter, numbered or Word
    /// heading, where lists end (lettered headings `H.`, `I.` are a sequence of their own: keep going).
    /// `refineAmbiguousLabels` then corrects a choice from the label that follows.
    /// A one-letter roman label becomes a letter when the last letter-or-roman label of the same case was
    /// the letter just before it (`h.` then `i.`) and not the roman numeral just before it (`iv.` then `v.`).
    public struct Context: Sendable {
        private var lastLower: ListLabel?
        private var lastUpper: ListLabel?

        public init() {}

        public mutating func resolve(_ label: ListLabel) -> ListLabel {
            var chosen = label
            let isUpper = label.style == .upperLetter || label.style == .upperRoman
            let previous = isUpper ? lastUpper : lastLower
            if let alternative = ListMarkers.alternative(for: label), let previous,
               let previousValue = previous.value {
                let labelContinues = previous.style == label.style && label.value == previousValue + 1
                let alternativeContinues = previous.style == alternative.style
                    && alternative.value == previousValue + 1
                if alternativeContinues && !labelContinues { chosen = alternative }
            }
            switch chosen.style {
            case .lowerLetter, .lowerRoman: lastLower = chosen
            case .upperLetter, .upperRoman: lastUpper = chosen
            default: break
            }
            return chosen
        }

        public mutating func reset() {
            lastLower = nil
            lastUpper = nil
        }
    }

    /// Second look at `i.`, `v.`, `x.` once the labels after them are known: a label continued by the
    /// next letter-or-roman label of the same case only in its other reading takes that reading
    /// (`i.` then `ii.` is roman even after `h.`; `v.` then `w.` is a letter even with nothing before).
    /// `Context` decides from the labels before; this pass corrects it from the label after.
    public static func refineAmbiguousLabels(_ blocks: inout [Block]) {
        var nextLower: ListLabel?
        var nextUpper: ListLabel?
        for index in blocks.indices.reversed() {
            guard case .paragraph(var paragraph) = blocks[index], !paragraph.isTOCEntry,
                  let label = paragraph.list, label.source == .typed else { continue }
            let isUpper: Bool
            switch label.style {
            case .lowerLetter, .lowerRoman: isUpper = false
            case .upperLetter, .upperRoman: isUpper = true
            default: continue
            }
            var chosen = label
            if let next = isUpper ? nextUpper : nextLower, let nextValue = next.value,
               let alternative = alternative(for: label) {
                let labelContinued = next.style == label.style && label.value == nextValue - 1
                let alternativeContinued = next.style == alternative.style && alternative.value == nextValue - 1
                if alternativeContinued && !labelContinued {
                    chosen = alternative
                    paragraph.list = chosen
                    // `I. PENUTUP` reads as a chapter, `I.` as the 9th letter as a lettered heading.
                    if paragraph.headingLevel == nil || paragraph.pseudoHeading != nil {
                        paragraph.pseudoHeading = PseudoHeadings.detect(paragraph)
                    }
                    blocks[index] = .paragraph(paragraph)
                }
            }
            if isUpper { nextUpper = chosen } else { nextLower = chosen }
        }
    }

    // MARK: - Scanning

    typealias Scalars = Substring.UnicodeScalarView

    /// Bounds that keep every scan short whatever the input (a 50 MB line is read a few characters deep).
    static let maxTokenLength = 7
    static let maxLeadLength = 40
    static let maxLeadWords = 4

    struct TypedMarker {
        var label: ListLabel
        var alternative: ListLabel?
        /// Where the text after the marker (and its blanks) starts.
        var restStart: Scalars.Index
    }

    /// Reads a typed (numbered or lettered) marker at `start`, or nil.
    static func typedMarker(_ scalars: Scalars, at start: Scalars.Index) -> TypedMarker? {
        var i = start
        guard i < scalars.endIndex else { return nil }
        let parenthesized = scalars[i] == "("
        if parenthesized { i = scalars.index(after: i) }
        let tokenStart = i
        var length = 0
        while i < scalars.endIndex, isASCIIAlphanumeric(scalars[i]) {
            length += 1
            guard length <= maxTokenLength else { return nil }
            i = scalars.index(after: i)
        }
        guard length > 0, i < scalars.endIndex else { return nil }
        let token = String(String.UnicodeScalarView(scalars[tokenStart..<i]))
        guard let reading = classify(token) else { return nil }
        let punctuation = scalars[i]
        if parenthesized {
            guard punctuation == ")" else { return nil }
        } else {
            guard punctuation == "." || punctuation == ")" else { return nil }
        }
        i = scalars.index(after: i)
        let marker = String(String.UnicodeScalarView(scalars[start..<i]))
        let restStart: Scalars.Index
        if i == scalars.endIndex {
            restStart = i
        } else if isBlank(scalars[i]) {
            restStart = skipBlanks(scalars, from: i)
        } else if punctuation == ")" {
            // `1)Untuk`: a closing parenthesis cannot be an abbreviation's dot.
            guard scalars[i].properties.isAlphabetic else { return nil }
            restStart = i
        } else {
            // `a.Perumusan`, `1.Peraturan`: glued to a capitalised word. Not after a single capital
            // (`S.Sos`, `A.Md` are degrees and initials) and never before a digit or a lower-case letter.
            let next = scalars[i]
            let singleCapital = reading.style == .upperLetter
                || (reading.alternative != nil && token.unicodeScalars.first?.properties.isUppercase == true)
            guard next.properties.isUppercase, !singleCapital else { return nil }
            restStart = i
        }
        let label = ListLabel(marker: marker, value: reading.value, style: reading.style, source: .typed)
        let alternative = reading.alternative.map {
            ListLabel(marker: marker, value: $0.value, style: $0.style, source: .typed)
        }
        return TypedMarker(label: label, alternative: alternative, restStart: restStart)
    }

    struct Reading {
        var value: Int
        var style: NumberStyle
        var alternative: (value: Int, style: NumberStyle)?
    }

    /// What a marker token means: a number, a letter or a roman numeral.
    static func classify(_ token: String) -> Reading? {
        let scalars = token.unicodeScalars
        if scalars.allSatisfy(isDigit) {
            // One to three digits; `0.` starts no list.
            guard scalars.count <= 3, let value = Int(token), value > 0 else { return nil }
            return Reading(value: value, style: .decimal)
        }
        guard scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let isUpper = scalars.allSatisfy { $0.properties.isUppercase }
        let isLower = scalars.allSatisfy { $0.properties.isLowercase }
        guard isUpper || isLower else { return nil }
        let romanStyle: NumberStyle = isUpper ? .upperRoman : .lowerRoman
        let letterStyle: NumberStyle = isUpper ? .upperLetter : .lowerLetter
        if scalars.count == 1, let first = scalars.first, let letter = letterValue(first) {
            if let roman = romanValue(token) {
                return Reading(value: roman, style: romanStyle, alternative: (letter, letterStyle))
            }
            return Reading(value: letter, style: letterStyle)
        }
        guard let roman = romanValue(token) else { return nil }
        return Reading(value: roman, style: romanStyle)
    }

    /// 1…26 for an ASCII letter.
    static func letterValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x61...0x7A: return Int(scalar.value) - 0x60
        case 0x41...0x5A: return Int(scalar.value) - 0x40
        default: return nil
        }
    }

    /// The value of a canonical roman numeral written with I, V and X (1…39), either case.
    static func romanValue(_ token: String) -> Int? {
        var total = 0
        var previous = 0
        for scalar in token.unicodeScalars.reversed() {
            let digit: Int
            switch scalar {
            case "i", "I": digit = 1
            case "v", "V": digit = 5
            case "x", "X": digit = 10
            default: return nil
            }
            total += digit < previous ? -digit : digit
            previous = max(previous, digit)
        }
        // Only the canonical spelling counts (`iiii`, `vx`, `ic` are not numerals).
        guard total > 0, total < 40, romanSpelling(total) == token.lowercased() else { return nil }
        return total
    }

    /// Upper-case roman numeral for 1…3999, nil outside; the spelling Word's numbering shows, for rules
    /// that write a label back.
    public static func romanNumeral(_ value: Int) -> String? {
        NumberingResolver.roman(value)
    }

    static func romanSpelling(_ value: Int) -> String {
        let tens = ["", "x", "xx", "xxx"]
        let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        return tens[value / 10] + units[value % 10]
    }

    /// End of a bullet at `start` (after the bullet itself), or nil.
    static func bulletEnd(_ scalars: Scalars, at start: Scalars.Index) -> Scalars.Index? {
        guard start < scalars.endIndex else { return nil }
        let scalar = scalars[start]
        let next = scalars.index(after: start)
        let blankFollows = next < scalars.endIndex && isBlank(scalars[next])
        if isSymbolBullet(scalar) { return next }
        // ASCII and dash bullets need a blank after them: `-5%`, `*kata*`, `oleh` are not bullets.
        if scalar == "-" || scalar == "*" || scalar == "+" || isDashBullet(scalar) || isLetterBullet(scalar) {
            return blankFollows ? next : nil
        }
        return nil
    }

    /// Bullets drawn with a symbol: `•`, `▪`, `►`, `✓`, `❖`, and Word's Symbol/Wingdings private-use
    /// glyphs (``, ``) that text exports leave behind.
    static func isSymbolBullet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2022, 0x2023, 0x2043, 0x2219, 0x00B7, 0x221A, 0x25A0...0x25FF, 0x2600...0x27BF,
             0x2190...0x21FF, 0x2B00...0x2BFF, 0xF000...0xF0FF:
            return true
        default:
            return false
        }
    }

    static func isDashBullet(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2013 || scalar.value == 0x2014 || scalar.value == 0x2212
    }

    /// Letters that stand for bullets in exports: `o` (Word's Courier New second-level bullet), `Ø`, `§`,
    /// `ü` (Wingdings arrows, squares and ticks shown in a text font). None starts an Indonesian sentence.
    static func isLetterBullet(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "o" || scalar.value == 0x00D8 || scalar.value == 0x00A7 || scalar.value == 0x00FC
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        letterValue(scalar) != nil || isDigit(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// Blank: any white space (spaces, tabs, NBSP, line breaks) or the invisible zero-width space and BOM.
    /// Public so rules treat blanks exactly as marker detection does.
    public static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property lookups are slow, and nearly every character is ASCII.
        if scalar.value < 0x80 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace || scalar.value == 0x200B || scalar.value == 0xFEFF
    }

    /// A blank inside a line (not a line break).
    static func isInlineBlank(_ scalar: Unicode.Scalar) -> Bool {
        isBlank(scalar) && scalar != "\n" && scalar != "\r"
    }

    static func skipBlanks(_ scalars: Scalars, from start: Scalars.Index) -> Scalars.Index {
        var i = start
        while i < scalars.endIndex, isBlank(scalars[i]) { i = scalars.index(after: i) }
        return i
    }

    static func trimBlanks(_ scalars: Scalars.SubSequence) -> Substring {
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isBlank(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower {
            let before = scalars.index(before: upper)
            guard isBlank(scalars[before]) else { break }
            upper = before
        }
        return Substring(scalars[lower..<upper])
    }

    /// `text` without leading and trailing blanks (as `isBlank` defines them).
    public static func trimBlanks(_ text: Substring) -> Substring {
        trimBlanks(text.unicodeScalars[...])
    }

    /// Words separated by blanks, counted up to `limit` (so a long text is not read to its end).
    static func wordCount(_ text: Substring, limit: Int) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isBlank(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count >= limit { return count }
            }
        }
        return count
    }

    /// The one letter of a marker such as `i.`, `(v)`, `X)`; nil for longer tokens.
    private static func tokenScalar(of marker: String) -> Unicode.Scalar? {
        let letters = marker.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count == 1 else { return nil }
        return letters.first
    }

    private static func relabel(_ label: ListLabel, value: Int, style: NumberStyle) -> ListLabel {
        ListLabel(marker: label.marker, value: value, style: style, level: label.level, source: label.source,
                  numID: label.numID)
    }
}
