/// One paragraph of the body (or of a text box, or of a table cell).
public struct Paragraph: Sendable, Equatable {
    /// Location: the 1-based body paragraph number. For a paragraph inside a text box it is the
    /// number of the body paragraph that anchors the text box (see `container`).
    public var location: Location
    /// The text as Word shows it, without the list label (runs joined, tracked changes accepted,
    /// field results kept, tabs as "\t", line breaks as "\n").
    public var text: String
    /// Style id as written (`w:pStyle`), and its display name from styles.xml when known.
    public var styleID: String?
    public var styleName: String?
    /// Outline level 1…9 from the style chain or `w:outlineLvl` (Word's headings).
    public var headingLevel: Int?
    /// A heading recognised from the text itself (`BAB I`, `1.1 Judul`, `A. JUDUL`, a short bold line).
    public var pseudoHeading: PseudoHeading?
    /// The list label Word shows, automatic or typed.
    public var list: ListLabel?
    /// Where the paragraph sits.
    public var container: Container
    /// Paragraph lies inside a TOC field's result (a DAFTAR ISI entry).
    public var isTOCEntry: Bool
    /// Every visible run of the paragraph is bold.
    public var isBold: Bool
    /// Automatic numbering as written (`w:numPr` on the paragraph), before resolution.
    public var numbering: NumberingReference?

    public enum Container: String, Sendable, Equatable, Codable {
        case body, textBox, tableCell
    }

    public init(location: Location, text: String, styleID: String? = nil, styleName: String? = nil,
                headingLevel: Int? = nil, pseudoHeading: PseudoHeading? = nil, list: ListLabel? = nil,
                container: Container = .body, isTOCEntry: Bool = false, isBold: Bool = false,
                numbering: NumberingReference? = nil) {
        self.location = location
        self.text = text
        self.styleID = styleID
        self.styleName = styleName
        self.headingLevel = headingLevel
        self.pseudoHeading = pseudoHeading
        self.list = list
        self.container = container
        self.isTOCEntry = isTOCEntry
        self.isBold = isBold
        self.numbering = numbering
    }

    /// The paragraph as shown: list label, a space, then the text.
    public var displayText: String {
        guard let marker = list?.marker, !marker.isEmpty else { return text }
        return marker + " " + text
    }
}

/// `w:numPr` as written on a paragraph (or inherited from its style).
public struct NumberingReference: Sendable, Equatable, Hashable {
    public var numID: Int
    public var level: Int
    public init(numID: Int, level: Int) {
        self.numID = numID
        self.level = level
    }
}

/// A list label as the reader sees it on the page.
public struct ListLabel: Sendable, Equatable {
    /// The label as shown: `a.`, `16.`, `1)`, `(2)`, `1.2.`, `-`, `•`.
    public var marker: String
    /// The value of the label's own level: `c.` → 3, `iv.` → 4, `16.` → 16; nil for bullets.
    public var value: Int?
    public var style: NumberStyle
    /// 0-based nesting level (automatic numbering: `w:ilvl`; typed markers: 0 unless indented).
    public var level: Int
    /// Whether Word generated the label (`w:numPr`) or the author typed it.
    public var source: Source
    /// For automatic numbering, the `w:numId` the label belongs to.
    public var numID: Int?

    public enum Source: String, Sendable, Equatable, Codable { case automatic, typed }

    public init(marker: String, value: Int?, style: NumberStyle, level: Int = 0, source: Source,
                numID: Int? = nil) {
        self.marker = marker
        self.value = value
        self.style = style
        self.level = level
        self.source = source
        self.numID = numID
    }
}

/// The numbering families a list marker can belong to.
public enum NumberStyle: String, Sendable, Equatable, Codable {
    case decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
}

/// A heading recognised from a paragraph's own text.
public struct PseudoHeading: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// `BAB I`, `BAB II PERENCANAAN KINERJA`
        case chapter
        /// `1.1 Judul`, `3.2.1 Judul`
        case numbered
        /// `A. JUDUL`
        case lettered
        /// A short line, all bold, with no closing punctuation.
        case boldLine
    }
    public var kind: Kind
    /// The number as written: `I`, `1.1`, `A`; nil for a bold line.
    public var number: String?
    /// The title without the number.
    public var title: String
    /// 1 for chapters, the number of dotted parts for `1.1` (2), 2 for lettered, 3 for bold lines.
    public var level: Int

    public init(kind: Kind, number: String?, title: String, level: Int) {
        self.kind = kind
        self.number = number
        self.title = title
        self.level = level
    }
}
