/// A table as the reader means it: one or more physical tables joined across page breaks,
/// with continuation rows folded into the row they continue.
public struct LogicalTable: Sendable, Equatable {
    /// Top-level table numbers of the physical tables it was joined from, in order.
    public var physicalTables: [Int]
    /// Header rows (from the first physical table), as logical grid texts.
    public var headerRows: [[String]]
    public var columns: [Column]
    /// Body rows in order; each knows the physical row it came from and the rows that continue it.
    public var rows: [LogicalRow]

    public init(physicalTables: [Int], headerRows: [[String]], columns: [Column], rows: [LogicalRow]) {
        self.physicalTables = physicalTables
        self.headerRows = headerRows
        self.columns = columns
        self.rows = rows
    }

    /// The first column with the given role.
    public func column(_ role: ColumnRole) -> Column? { columns.first { $0.role == role } }
    public func columns(_ role: ColumnRole) -> [Column] { columns.filter { $0.role == role } }
}

public struct LogicalRow: Sendable, Equatable {
    /// Where the row starts: table and row of the physical table.
    public var location: Location
    /// Cell texts on the logical grid, continuation text appended (joined with a space).
    public var cells: [String]
    /// Physical rows folded into this one (continuations after a page break).
    public var continuations: [Location]

    public init(location: Location, cells: [String], continuations: [Location] = []) {
        self.location = location
        self.cells = cells
        self.continuations = continuations
    }

    /// Text of the 1-based column, "" outside the row.
    public subscript(column: Int) -> String {
        cells.indices.contains(column - 1) ? cells[column - 1] : ""
    }
}
