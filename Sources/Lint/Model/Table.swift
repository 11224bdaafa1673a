/// A physical table as written: rows of cells laid out on the logical grid.
public struct Table: Sendable, Equatable {
    /// 1-based top-level table number; for a nested table, the number of the top-level table that holds it.
    public var index: Int
    /// Number of the body paragraphs that precede the table (to order tables among paragraphs).
    public var paragraphsBefore: Int
    public var rows: [Row]
    /// Derived by analysis: how many rows at the top are header rows, and what each column holds.
    public var headerRowCount: Int = 0
    public var columns: [Column] = []
    /// Nesting depth: 0 for a body table.
    public var depth: Int

    public init(index: Int, paragraphsBefore: Int, rows: [Row], depth: Int = 0) {
        self.index = index
        self.paragraphsBefore = paragraphsBefore
        self.rows = rows
        self.depth = depth
    }

    /// Width of the logical grid (the longest row).
    public var columnCount: Int { rows.map(\.cells.count).max() ?? 0 }

    /// The logical grid: a cell spanning k columns gives its text once then k−1 empty strings;
    /// a vertically merged continuation cell is empty.
    public var grid: [[String]] { rows.map { $0.cells.map(\.text) } }

    /// Text of the cell at 0-based row/column positions, "" outside the grid.
    public func text(row: Int, column: Int) -> String {
        guard rows.indices.contains(row), rows[row].cells.indices.contains(column) else { return "" }
        return rows[row].cells[column].text
    }
}

public struct Row: Sendable, Equatable {
    /// 1-based row number within its physical table.
    public var index: Int
    /// One entry per logical grid column (spanned columns are filled with `.spanned` cells).
    public var cells: [Cell]
    /// `w:tblHeader`: Word repeats this row at the top of every page.
    public var repeatsAsHeader: Bool

    public init(index: Int, cells: [Cell], repeatsAsHeader: Bool = false) {
        self.index = index
        self.cells = cells
        self.repeatsAsHeader = repeatsAsHeader
    }

    public var texts: [String] { cells.map(\.text) }
}

public struct Cell: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A cell that starts here (with its own text).
        case origin
        /// A grid column covered by the `gridSpan` of the cell to its left (text "").
        case spanned
        /// A `vMerge` continuation: covered by the cell above (text "").
        case mergedAbove
        /// A column before `gridBefore` / after `gridAfter`, or missing at the row's end (text "").
        case absent
    }
    /// The cell's text: paragraphs joined by "\n", as shown ("" for non-origin cells).
    public var text: String
    public var kind: Kind
    /// For an origin cell, how many grid columns it spans.
    public var span: Int
    /// For an origin cell that starts a vertical merge (`vMerge="restart"`).
    public var startsVerticalMerge: Bool
    /// Tables nested in this cell, in order.
    public var nestedTables: [Table]

    public init(text: String, kind: Kind = .origin, span: Int = 1, startsVerticalMerge: Bool = false,
                nestedTables: [Table] = []) {
        self.text = text
        self.kind = kind
        self.span = span
        self.startsVerticalMerge = startsVerticalMerge
        self.nestedTables = nestedTables
    }

    public static let empty = Cell(text: "", kind: .absent)
}

/// What a column holds, from its header.
public struct Column: Sendable, Equatable {
    /// 1-based logical grid column.
    public var index: Int
    /// The header text path from top to bottom, merged labels repeated ("TARGET / 2024").
    public var header: String
    public var role: ColumnRole?
    /// The year the column is about ("Target 2024" → 2024).
    public var year: Int?

    public init(index: Int, header: String, role: ColumnRole?, year: Int? = nil) {
        self.index = index
        self.header = header
        self.role = role
        self.year = year
    }
}

/// Column roles; the words that name them come from the vocabulary in `rulesets/`.
public enum ColumnRole: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case number = "no"
    case code = "kode"
    case tujuan
    case sasaran
    case indikator
    case satuan
    case kondisiAwal = "kondisi_awal"
    case target
    case kondisiAkhir = "kondisi_akhir"
    case formula
    case penanggungJawab = "penanggung_jawab"
    case sumberData = "sumber_data"
    case definisiOperasional = "definisi_operasional"
    case realisasi
    case capaian
    case pagu
    case realisasiAnggaran = "realisasi_anggaran"
    case persentase
    case predikat
    case keterangan
    case program
    case kegiatan
    case subKegiatan = "sub_kegiatan"
    case uraian
}
