import Lint

/// `number-format`: a malformed number in a table, or Indonesian and English separators mixed in one row or column.
///
/// Only columns that hold numbers are read: columns whose role is one of `numeric_roles` (target, realisasi,
/// capaian, pagu …), or columns without a role whose filled cells are mostly numbers; number and code columns
/// are never read (`1.1`, `5.2.01` are labels there). Each cell goes through the shared Indonesian number
/// reader: a cell it calls malformed (`11680.000`: four digits before a thousands dot) is reported. Then, in
/// every column and every row, the cells with separators are compared: a decimal comma or a thousands dot
/// (`74,5`, `1.500`) is the Indonesian form, a decimal point or a thousands comma (`73.5`, `1,500.25`) the
/// English one. When a line mixes both, the fewer are reported (on a tie, the English ones). A row whose odd
/// cell sits in a column that is consistent on its own is not reported for that cell: the difference is then
/// between columns, not a slip in one cell.
public struct NumberFormatRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "number-format",
            title: Message(id: "Format angka salah", en: "A malformed number, or a column mixing decimal comma and point"),
            description: Message(
                id: "Angka di tabel yang tidak berbentuk angka Indonesia (\"11680.000\"), atau koma desimal dan titik "
                    + "desimal bercampur dalam satu baris atau kolom (\"74,5\" di antara \"70.1\" dan \"73.5\").",
                en: "A number in a table that is no Indonesian number (\"11680.000\"), or decimal commas and decimal points "
                    + "mixed in one row or column (\"74,5\" among \"70.1\" and \"73.5\")."),
            rationale: Message(
                id: "Angka yang salah tulis tidak dapat dijumlah atau dibandingkan dan mudah dibaca keliru seribu kali lipat; "
                    + "penulisan angka mengikuti PUEBI (titik pemisah ribuan, koma desimal). Target dan realisasi IKU "
                    + "(PermenPAN-RB 53/2014) harus dapat dibaca tanpa ragu.",
                en: "A mistyped number cannot be added or compared and is easily misread a thousandfold; Indonesian spelling "
                    + "rules (PUEBI) write a thousands dot and a decimal comma. IKU targets and results (PermenPAN-RB 53/2014) "
                    + "must read unambiguously."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "numeric_roles", defaultValue: "[target, realisasi, capaian, pagu, …]",
                              description: Message(id: "Peran kolom yang berisi angka.", en: "Column roles that hold numbers.")),
                RuleParameter(name: "min_numeric_share", defaultValue: "0.6",
                              description: Message(id: "Kolom tanpa peran dibaca bila sekurang-kurangnya bagian ini berisi angka.",
                                                   en: "A column without a role is read when at least this share of its cells are numbers.")),
            ],
            triggering: [
                RuleExample("""
                    | No. | Uraian | Jumlah Anggaran | Realisasi | % |
                    |---|---|---|---|---|
                    | 1 | Belanja Makan Minum Rapat | 1.520.000 | 1.520.000 | 100 |
                    | 2 | Belanja Perjalanan Dinas | 11680.000 | 11.540.000 | 98,80 |
                    """, caption: "An amount that is neither 11.680.000 nor a decimal", kind: .lakip),
                RuleExample("""
                    | No | Indikator | Kondisi Awal | Target 2023 | Target 2024 | Target 2025 |
                    |---|---|---|---|---|---|
                    | 1 | Indeks Kepuasan Masyarakat | 75.97 | 77.1 | 78.5 | 80.1 |
                    | 2 | Nilai LAKIP | 65.92 | 70.1 | 74,5 | 73.5 |
                    """, caption: "A decimal comma among decimal points", kind: .renstra),
            ],
            nonTriggering: [
                RuleExample("""
                    | No. | Uraian | Jumlah Anggaran | Realisasi | % |
                    |---|---|---|---|---|
                    | 1.1 | Belanja Makan Minum Rapat | 1.520.000,00 | 1.520.000 | 100 |
                    | 5.2.01 | Belanja Perjalanan Dinas | Rp 11.680.000,- | 11.540.000 | 98,80 |
                    | 2 | Belanja Bahan Cetak | - | 0 | 0,00 |
                    """, caption: "Codes, decimals shown or not, Rp and blanks", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let numericRoles = Set(context.words("numeric_roles").compactMap { ColumnRole(rawValue: $0.lowercased()) })
        let minShare = context.number("min_numeric_share", default: 0.6)
        var findings: [Finding] = []
        for table in context.document.logicalTables {
            let columns = Self.numericColumns(of: table, roles: numericRoles, minShare: minShare)
            guard !columns.isEmpty else { continue }
            var cells: [NumberCell] = []
            for (rowIndex, row) in table.rows.enumerated() {
                for column in columns {
                    let text = row[column.index]
                    let reading = IndonesianNumber.read(text)
                    switch reading {
                    case .malformed(let reason):
                        findings.append(context.finding(
                            Message(id: "\"\(RuleText.collapsed(text))\" bukan angka yang benar (\(Self.reasonID(reason))) di kolom \(column.header).",
                                    en: "\"\(RuleText.collapsed(text))\" is not a well-formed number (\(reason)) in column \(column.header)."),
                            at: Self.location(row, column: column.index), evidence: text,
                            expected: Self.suggestion(for: text), actual: RuleText.collapsed(text)))
                    case .number(let number):
                        if let style = NumberStyleOfCell(number) {
                            cells.append(NumberCell(row: rowIndex, column: column, text: RuleText.collapsed(text), style: style,
                                                    number: number))
                        }
                    case .blank, .notANumber:
                        break
                    }
                }
            }
            findings += mixedSeparators(cells, in: table, context: context)
        }
        return findings
    }

    private struct NumberCell {
        let row: Int
        let column: Column
        let text: String
        let style: NumberStyleOfCell
        let number: ParsedNumber
    }

    /// Cells whose separator style is the minority of their column or row.
    private func mixedSeparators(_ cells: [NumberCell], in table: LogicalTable, context: RuleContext) -> [Finding] {
        var odd: [(cell: NumberCell, others: [NumberCell], line: String, lineEN: String)] = []
        var seen = Set<String>()
        func minority(of line: [NumberCell]) -> (odd: [NumberCell], others: [NumberCell])? {
            let indonesian = line.filter { $0.style == .indonesian }
            let english = line.filter { $0.style == .english }
            guard !indonesian.isEmpty, !english.isEmpty else { return nil }
            // On a tie the English forms are the slips: Indonesian writes a decimal comma.
            return indonesian.count < english.count ? (indonesian, english) : (english, indonesian)
        }
        let byColumn = Dictionary(grouping: cells, by: \.column.index)
        for index in byColumn.keys.sorted() {
            guard let line = byColumn[index], let split = minority(of: line) else { continue }
            for cell in split.odd where seen.insert("\(cell.row)|\(cell.column.index)").inserted {
                odd.append((cell, split.others, "kolom \(cell.column.header)", "column \(cell.column.header)"))
            }
        }
        let byRow = Dictionary(grouping: cells, by: \.row)
        for index in byRow.keys.sorted() {
            guard let line = byRow[index], let split = minority(of: line) else { continue }
            for cell in split.odd {
                // A column that is consistent on its own differs from the others as a whole: no slip in this cell.
                let column = byColumn[cell.column.index] ?? []
                if column.count >= 2, column.allSatisfy({ $0.style == cell.style }) { continue }
                if seen.insert("\(cell.row)|\(cell.column.index)").inserted {
                    odd.append((cell, split.others, "baris ini", "this row"))
                }
            }
        }
        return odd.sorted { ($0.cell.row, $0.cell.column.index) < ($1.cell.row, $1.cell.column.index) }.map { entry in
            let cell = entry.cell
            let examples = entry.others.prefix(3).map(\.text).joined(separator: ", ")
            let row = table.rows[cell.row]
            return context.finding(
                Message(id: "\(cell.text) memakai \(NumberStyleOfCell.separatorName(of: cell.number).id), sedangkan angka lain di "
                            + "\(entry.line) memakai \(cell.style.opposite.description.id) (\(examples)).",
                        en: "\(cell.text) uses \(NumberStyleOfCell.separatorName(of: cell.number).en) while the other numbers in "
                            + "\(entry.lineEN) use \(cell.style.opposite.description.en) (\(examples))."),
                at: Self.location(row, column: cell.column.index), evidence: row[cell.column.index],
                expected: cell.style.converted(cell.text), actual: cell.text)
        }
    }

    /// The columns to read: numeric roles, or no role and mostly numbers; never number or code columns.
    private static func numericColumns(of table: LogicalTable, roles: Set<ColumnRole>, minShare: Double) -> [Column] {
        table.columns.filter { column in
            if let role = column.role {
                return roles.contains(role)
            }
            var filled = 0
            var numbers = 0
            for row in table.rows {
                switch IndonesianNumber.read(row[column.index]) {
                case .blank: break
                case .number: filled += 1; numbers += 1
                case .malformed: filled += 1; numbers += 1
                case .notANumber: filled += 1
                }
            }
            return numbers >= 2 && Double(numbers) >= minShare * Double(filled)
        }
    }

    private static func location(_ row: LogicalRow, column: Int) -> Location {
        Location(table: row.location.table, row: row.location.row, column: column)
    }

    /// For a four-digit group before a thousands dot, the amount grouped as intended ("11680.000" → "11.680.000").
    private static func suggestion(for text: String) -> String? {
        let trimmed = RuleText.collapsed(text)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), parts[0].count > 3 else { return nil }
        let digits = Array(parts[0] + parts[1])
        var groups: [String] = []
        var end = digits.count
        while end > 0 {
            let start = max(0, end - 3)
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return groups.joined(separator: ".")
    }

    private static func reasonID(_ reason: String) -> String {
        switch reason {
        case "more than three digits before a thousands dot": "lebih dari tiga angka sebelum titik ribuan"
        case "bad thousands grouping": "kelompok ribuan salah"
        case "two separators in a row": "dua pemisah berurutan"
        case "separator before the first digit": "pemisah sebelum angka pertama"
        case "no digits after the separator": "tidak ada angka sesudah pemisah"
        case "more than one decimal comma": "lebih dari satu koma desimal"
        case "separators in an impossible order": "urutan pemisah tidak mungkin"
        case "leading zero": "diawali nol"
        case "both Rp and %": "Rp dan % sekaligus"
        case "too many digits": "terlalu banyak angka"
        default: reason
        }
    }
}

/// How a number separates: Indonesian (decimal comma, thousands dot) or English (decimal point, thousands comma).
enum NumberStyleOfCell: Sendable, Equatable {
    case indonesian, english

    /// nil for a number without separators (`100`), which fits both.
    init?(_ number: ParsedNumber) {
        if let decimal = number.decimalSeparator {
            self = decimal == "," ? .indonesian : .english
        } else if let thousands = number.thousandsSeparator {
            self = thousands == "." ? .indonesian : .english
        } else {
            return nil
        }
    }

    var opposite: NumberStyleOfCell { self == .indonesian ? .english : .indonesian }

    var description: Message {
        switch self {
        case .indonesian: Message(id: "koma desimal atau titik ribuan", en: "decimal commas or thousands dots")
        case .english: Message(id: "titik desimal atau koma ribuan", en: "decimal points or thousands commas")
        }
    }

    /// The separator a number shows: "koma desimal", "titik ribuan" …
    static func separatorName(of number: ParsedNumber) -> Message {
        switch (number.decimalSeparator, number.thousandsSeparator) {
        case (",", _): Message(id: "koma desimal", en: "a decimal comma")
        case (".", _): Message(id: "titik desimal", en: "a decimal point")
        case (_, "."): Message(id: "titik ribuan", en: "a thousands dot")
        default: Message(id: "koma ribuan", en: "a thousands comma")
        }
    }

    /// The text written in the other style: separators swapped.
    func converted(_ text: String) -> String {
        String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }
}
