/// Where something is in a document, in the coordinates `../shared/corpus/README.md` defines:
/// all 1-based; `table` counts top-level body tables, `row` the rows (`w:tr`) of that table
/// including header rows, `column` the logical grid column after `gridSpan` is expanded,
/// `paragraph` the body-level paragraphs (not those inside tables).
public struct Location: Sendable, Equatable, Hashable, Codable, Comparable {
    public var paragraph: Int?
    public var table: Int?
    public var row: Int?
    public var column: Int?

    public init(paragraph: Int? = nil, table: Int? = nil, row: Int? = nil, column: Int? = nil) {
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.column = column
    }

    public static func < (a: Location, b: Location) -> Bool {
        func key(_ l: Location) -> [Int] {
            [l.paragraph ?? 0, l.table ?? 0, l.row ?? 0, l.column ?? 0]
        }
        return key(a).lexicographicallyPrecedes(key(b))
    }

    public var description: String {
        var parts: [String] = []
        if let table { parts.append("table \(table)") }
        if let row { parts.append("row \(row)") }
        if let column { parts.append("column \(column)") }
        if let paragraph, table == nil { parts.append("paragraph \(paragraph)") }
        return parts.joined(separator: " ")
    }
}
