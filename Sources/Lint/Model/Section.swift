/// A heading and everything up to the next heading of the same or a higher level.
public struct Section: Sendable, Equatable {
    /// The heading paragraph's body number.
    public var headingParagraph: Int
    public var number: String?
    public var title: String
    public var level: Int
    /// Body paragraphs and top-level tables inside it (before any subsection), as ranges of numbers.
    public var paragraphs: ClosedRange<Int>?
    public var tables: [Int]
    public var children: [Section]

    public init(headingParagraph: Int, number: String?, title: String, level: Int,
                paragraphs: ClosedRange<Int>? = nil, tables: [Int] = [], children: [Section] = []) {
        self.headingParagraph = headingParagraph
        self.number = number
        self.title = title
        self.level = level
        self.paragraphs = paragraphs
        self.tables = tables
        self.children = children
    }
}

/// What the document is about: recovered from the title, cover and decree lines.
public struct Subject: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case iku, renstra, lakip, pk, unknown
    }
    public var kind: Kind
    /// The organisation unit: "Kecamatan Towuti", "Sekretariat Daerah".
    public var unit: String?
    /// The region: "Kabupaten Luwu Timur", "Kota Pariaman".
    public var region: String?
    /// The plan period (first and last year), e.g. 2021–2026.
    public var periodStart: Int?
    public var periodEnd: Int?
    /// The year reported on (LAKIP / PK).
    public var year: Int?

    public init(kind: Kind = .unknown, unit: String? = nil, region: String? = nil,
                periodStart: Int? = nil, periodEnd: Int? = nil, year: Int? = nil) {
        self.kind = kind
        self.unit = unit
        self.region = region
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.year = year
    }
}
