/// Headings recognised from a paragraph's own text, for documents whose authors typed their headings
/// instead of (or as well as) using Word's heading styles.
///
/// Kinds and levels (see `PseudoHeading`):
/// - chapter, level 1: `BAB I`, `BAB  V` (any blanks), `BAB II PERENCANAAN KINERJA`, `BAB I\nPENDAHULUAN`
///   (title after a line break), `Bab 3: Penutup`; also a capital roman label with a short title
///   (`IV. PENUTUP`), which `SectionBuilder` places under a `BAB` chapter when the document has those.
/// - numbered, level = number of parts: `1.1 Judul`, `1.1. Judul`, `3.2.1 Judul`.
/// - lettered, level 2: a capital letter label with a short title (`A. JUDUL`, `B. Realisasi Anggaran`).
/// - boldLine, level 3: a short paragraph that is all bold, not a caption (`Tabel 3.1 …`, `Sumber …`) and
///   not a signatory (`ARIS SAPUTERA, S.STP, M.Si`).
///
/// Titles must look like titles: start with a capital, at most 16 words, and no closing `.`, `;`, `,` or
/// `:` (so `1. Spesifik;`, `16. Peraturan Bupati …;` and `A. Merencanakan kegiatan …;` are list items);
/// lettered, roman and bold titles of more than five words are in capitals or Title Case (`L. Melakukan
/// koordinasi dengan pihak swasta …` is an item that merely lacks its `;`).
/// A single number (`1. Pengukuran Capaian Kinerja`) and lower-case labels (`a. Perbandingan …`) are never
/// headings: they are far more often short list items than headings, and list rules check them either way.
public enum PseudoHeadings {
    /// The heading `paragraph` reads as, or nil. Uses the paragraph's list label when the reader has
    /// already split it off, and finds a typed label itself otherwise.
    public static func detect(_ paragraph: Paragraph) -> PseudoHeading? {
        // A heading is a paragraph of the body (or of a text box); cells hold data.
        guard paragraph.container != .tableCell else { return nil }
        var text = Substring(paragraph.text)
        if paragraph.isTOCEntry { text = Substring(splitTOCEntry(paragraph.text).title) }
        // Headings are short: a long paragraph is never one, and this keeps a huge paragraph cheap.
        guard text.utf8.count <= maxParagraphBytes else { return nil }
        var label = paragraph.list
        var body = ListMarkers.trimBlanks(text)
        if label == nil, let found = ListMarkers.match(body) {
            label = found.label
            body = Substring(found.rest)
        }
        if let chapter = chapter(body) { return chapter }
        if let label {
            switch label.style {
            case .upperLetter:
                guard isTitleLike(body), hasTitleCase(body) else { return nil }
                return PseudoHeading(kind: .lettered, number: token(of: label.marker), title: collapse(body),
                                     level: 2)
            case .upperRoman:
                guard isTitleLike(body), hasTitleCase(body) else { return nil }
                return PseudoHeading(kind: .chapter, number: token(of: label.marker), title: collapse(body),
                                     level: 1)
            case .bullet:
                // Exports wrap typed heading numbers in a bullet (`- 1.1 Latar Belakang`); a bulleted bold
                // line is an emphasised item, not a heading.
                return numbered(body)
            default:
                return nil
            }
        }
        if let numbered = numbered(body) { return numbered }
        if paragraph.isBold, isBoldTitle(body) {
            return PseudoHeading(kind: .boldLine, number: nil, title: collapse(body), level: 3)
        }
        return nil
    }

    /// A table-of-contents entry split into its title and page (`BAB I PENDAHULUAN\t1` →
    /// (`BAB I PENDAHULUAN`, `1`); `A. Latar Belakang.....\t1` → (`A. Latar Belakang`, `1`)). The page is
    /// taken only after a tab, dot leaders or two spaces, so `BAB IV` keeps its numeral.
    public static func splitTOCEntry(_ text: String) -> (title: String, page: String?) {
        let trimmed = ListMarkers.trimBlanks(Substring(text))
        let scalars = trimmed.unicodeScalars
        var pageStart = scalars.endIndex
        var length = 0
        while pageStart > scalars.startIndex {
            let before = scalars.index(before: pageStart)
            guard isPageScalar(scalars[before]), length < 8 else { break }
            length += 1
            pageStart = before
        }
        guard length > 0, pageStart > scalars.startIndex else { return (String(stripLeaders(trimmed)), nil) }
        let page = Substring(scalars[pageStart...])
        guard isPageNumber(page) else { return (String(stripLeaders(trimmed)), nil) }
        // The leader between title and page: a tab, dots, an ellipsis or a run of spaces.
        var leaderStart = pageStart
        var tabs = 0, dots = 0, spaces = 0
        while leaderStart > scalars.startIndex {
            let before = scalars.index(before: leaderStart)
            let scalar = scalars[before]
            if scalar == "\t" { tabs += 1 } else if scalar == "." || scalar.value == 0x2026 { dots += 1 }
            else if ListMarkers.isInlineBlank(scalar) { spaces += 1 } else { break }
            leaderStart = before
        }
        guard tabs > 0 || dots >= 2 || spaces >= 2 else { return (String(stripLeaders(trimmed)), nil) }
        let title = stripLeaders(Substring(scalars[scalars.startIndex..<leaderStart]))
        return (String(title), String(page))
    }

    // MARK: - Kinds

    static let maxParagraphBytes = 400
    static let maxTitleBytes = 200
    static let maxTitleWords = 16

    /// `BAB` + blanks + a roman or arabic number, then the title on the same line or after a line break.
    static func chapter(_ body: Substring) -> PseudoHeading? {
        let scalars = body.unicodeScalars
        var i = scalars.startIndex
        for expected in ["b", "a", "b"] as [Unicode.Scalar] {
            guard i < scalars.endIndex, lowercased(scalars[i]) == expected else { return nil }
            i = scalars.index(after: i)
        }
        guard i < scalars.endIndex, ListMarkers.isBlank(scalars[i]) else { return nil }
        i = ListMarkers.skipBlanks(scalars, from: i)
        let numberStart = i
        var length = 0
        while i < scalars.endIndex, ListMarkers.isASCIIAlphanumeric(scalars[i]) {
            length += 1
            guard length <= ListMarkers.maxTokenLength else { return nil }
            i = scalars.index(after: i)
        }
        guard length > 0 else { return nil }
        let number = String(Substring(scalars[numberStart..<i]))
        let isArabic = number.unicodeScalars.allSatisfy(ListMarkers.isDigit)
        // Chapter numerals are capitals (`BAB IV`); `Bab ini …` and `bab iv` in prose are not chapters.
        let isRoman = number.unicodeScalars.allSatisfy { $0.properties.isUppercase }
            && ListMarkers.romanValue(number) != nil
        guard (isArabic && length <= 2) || isRoman else { return nil }
        if i < scalars.endIndex {
            let next = scalars[i]
            guard ListMarkers.isBlank(next) || isTitleSeparator(next) else { return nil }
        }
        var titleStart = i
        while titleStart < scalars.endIndex,
              ListMarkers.isBlank(scalars[titleStart]) || isTitleSeparator(scalars[titleStart]) {
            titleStart = scalars.index(after: titleStart)
        }
        let title = ListMarkers.trimBlanks(Substring(scalars[titleStart...]))
        if !title.isEmpty {
            guard startsWithCapital(title), title.utf8.count <= maxTitleBytes,
                  ListMarkers.wordCount(title, limit: maxTitleWords + 1) <= maxTitleWords else { return nil }
        }
        return PseudoHeading(kind: .chapter, number: number, title: collapse(title), level: 1)
    }

    /// `1.1 Judul`, `1.1. Judul`, `3.2.1\tJudul`: two to six parts of one or two digits, then a title.
    static func numbered(_ body: Substring) -> PseudoHeading? {
        let scalars = body.unicodeScalars
        var i = scalars.startIndex
        var parts: [Int] = []
        var numberEnd = i
        while true {
            var digits = 0
            var value = 0
            while i < scalars.endIndex, ListMarkers.isDigit(scalars[i]) {
                digits += 1
                guard digits <= 2 else { return nil }
                value = value * 10 + Int(scalars[i].value - 0x30)
                i = scalars.index(after: i)
            }
            guard digits > 0 else { break }
            parts.append(value)
            numberEnd = i
            guard parts.count <= 6, i < scalars.endIndex, scalars[i] == "." else { break }
            i = scalars.index(after: i)
        }
        guard parts.count >= 2, let first = parts.first, first > 0 else { return nil }
        // After the number (and its optional closing dot) comes a blank, then the title.
        guard i < scalars.endIndex, ListMarkers.isBlank(scalars[i]) else { return nil }
        let title = ListMarkers.trimBlanks(Substring(scalars[i...]))
        guard isTitleLike(title) else { return nil }
        let number = String(Substring(scalars[scalars.startIndex..<numberEnd]))
        return PseudoHeading(kind: .numbered, number: number, title: collapse(title), level: parts.count)
    }

    // MARK: - Title tests

    /// Short, starts with a capital, does not end like a sentence or a list item (`.`, `;`, `,`, `:`).
    static func isTitleLike(_ title: Substring) -> Bool {
        guard !title.isEmpty, title.utf8.count <= maxTitleBytes, startsWithCapital(title),
              let last = title.unicodeScalars.last else { return false }
        guard last != ".", last != ";", last != ",", last != ":" else { return false }
        return ListMarkers.wordCount(title, limit: maxTitleWords + 1) <= maxTitleWords
    }

    /// A title of more than a few words is written in capitals or in Title Case: at least half of its
    /// longer words (four letters or more) start with a capital. A long sentence-case line after `L.` is
    /// a list item (`L. Melakukan koordinasi dengan pihak swasta dalam pelaksanaan …`).
    static func hasTitleCase(_ title: Substring) -> Bool {
        var words = 0
        var longWords = 0
        var capitalised = 0
        for word in title.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            words += 1
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
            guard letters.count >= 4, let first = letters.first else { continue }
            longWords += 1
            if first.properties.isUppercase { capitalised += 1 }
        }
        return words <= shortTitleWords || capitalised * 2 >= longWords
    }

    /// Titles this short are accepted in any case (`A. Gambaran umum organisasi`).
    static let shortTitleWords = 5

    /// A bold line reads as a heading unless it is a caption, a source note or a signatory's name.
    static func isBoldTitle(_ title: Substring) -> Bool {
        guard isTitleLike(title), hasTitleCase(title) else { return false }
        let words = title.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "." || $0 == ":" })
        if let first = words.first, captionWords.contains(first.lowercased()) { return false }
        return !endsWithDegree(title)
    }

    /// Words that open captions and notes, which are bold in many documents but head nothing.
    static let captionWords: Set<String> = [
        "tabel", "table", "gambar", "grafik", "diagram", "figure", "sumber", "keterangan", "catatan", "nip",
        "nomor", "no",
    ]

    /// `ARIS SAPUTERA, S.STP, M.Si`, `Drs. H. BAHRI SULI, MM`: a name followed by post-nominal degrees.
    static func endsWithDegree(_ title: Substring) -> Bool {
        guard let comma = title.lastIndex(of: ",") else { return false }
        let tail = ListMarkers.trimBlanks(title[title.index(after: comma)...])
        guard !tail.isEmpty, tail.utf8.count <= 10 else { return false }
        let letters = tail.unicodeScalars.filter { $0.properties.isAlphabetic }
        return tail.contains(".") || (letters.count <= 4 && letters.allSatisfy { $0.properties.isUppercase })
    }

    static func startsWithCapital(_ text: Substring) -> Bool {
        // Opening quotes and brackets may precede the first letter (`“Visi …`, `(IKU) …`).
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic { return scalar.properties.isUppercase }
            guard "\"'(“‘[".unicodeScalars.contains(scalar) else { return false }
        }
        return false
    }

    static func isTitleSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == ":" || scalar == "-" || scalar.value == 0x2013 || scalar.value == 0x2014
    }

    static func isPageScalar(_ scalar: Unicode.Scalar) -> Bool {
        ListMarkers.isDigit(scalar) || "ivxlcdmIVXLCDM".unicodeScalars.contains(scalar)
    }

    /// Arabic page numbers (1–4 digits) or roman front-matter pages (`ii`, `vii`, `XII`).
    static func isPageNumber(_ page: Substring) -> Bool {
        if page.unicodeScalars.allSatisfy(ListMarkers.isDigit) { return page.utf8.count <= 4 }
        let isLower = page.unicodeScalars.allSatisfy { $0.properties.isLowercase }
        let isUpper = page.unicodeScalars.allSatisfy { $0.properties.isUppercase }
        return (isLower || isUpper) && romanPageValue(page) != nil
    }

    /// Front matter runs to a few dozen pages at most; I, V, X and L cover it.
    private static func romanPageValue(_ page: Substring) -> Int? {
        if let value = ListMarkers.romanValue(String(page)) { return value }
        let lower = page.lowercased()
        guard lower.hasPrefix("l"), lower.count > 1 else { return lower == "l" ? 50 : nil }
        return ListMarkers.romanValue(String(lower.dropFirst())).map { $0 + 50 }
    }

    /// Title text without trailing dot leaders (`Latar Belakang.....`).
    static func stripLeaders(_ text: Substring) -> Substring {
        var end = text.unicodeScalars.endIndex
        let scalars = text.unicodeScalars
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            let scalar = scalars[before]
            guard scalar == "." || scalar.value == 0x2026 || ListMarkers.isBlank(scalar) else { break }
            end = before
        }
        return Substring(scalars[scalars.startIndex..<end])
    }

    /// `A.` → `A`, `(IV)` → `IV`, `16.` → `16`.
    static func token(of marker: String) -> String {
        String(marker.unicodeScalars.filter { $0.properties.isAlphabetic || ListMarkers.isDigit($0) }
            .map(Character.init))
    }

    /// Blanks and line breaks inside a title become single spaces (`BAB I\nPENDAHULUAN`, `1.1\tJudul`).
    static func collapse(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if ListMarkers.isBlank(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x41, scalar.value <= 0x5A, let lower = Unicode.Scalar(scalar.value + 0x20) else {
            return scalar
        }
        return lower
    }
}
