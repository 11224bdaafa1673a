/// Turns physical tables into logical ones: tables split at page breaks are joined, and rows whose text
/// a page break pushed into a row of their own are folded back into the row they continue.
///
/// **Consecutive.** Two tables are candidates for joining only when nothing but blank paragraphs lies
/// between them. With the document's paragraphs (`join(_:paragraphs:vocabulary:)`) that is checked
/// exactly; without them (`join(_:vocabulary:)`) the tables must be at most one paragraph apart — Word
/// needs one paragraph between two tables (with none they would be one table), so a page-split table
/// has exactly that one, empty paragraph, while a caption or a sentence between two tables makes the
/// gap larger in all but the rarest cases.
///
/// **Joined.** A candidate continues the logical table when it has the same number of grid columns and
/// either repeats the header (label rows equal ignoring case, spaces and punctuation; a column-number row may appear
/// on the first part only), or has no header at all and its first row fits the columns of the rows so
/// far (numbers where the table had numbers, words where it had words).
///
/// **Continuation rows.** A row is folded into the row before it when all its key cells (No, kode,
/// targets, amounts — `continuation.key_roles` — and any cell holding a number or code) are empty, every
/// filled cell sits under a filled cell of the row before, and none of those cells starts something new
/// (a repeated value, a list marker, a heading in capitals, a vertically merged cell: a sub-row). Inside
/// a table the text must also show that it continues: a cell starting in lower case, or the cell above
/// ending mid-phrase ("… yang", "… dan", "…,"). At a page split the page break is known, so it is enough
/// that the row lacks the values the row before has.
public enum TableJoiner {
    /// Joins tables without the paragraphs between them: at most one paragraph apart counts as consecutive.
    public static func join(_ tables: [Table], vocabulary: Vocabulary) -> [LogicalTable] {
        join(tables, vocabulary: vocabulary) { previous, next in next.paragraphsBefore - previous.paragraphsBefore <= 1 }
    }

    /// Joins tables knowing the document's body paragraphs: consecutive means only blank paragraphs between.
    public static func join(_ tables: [Table], paragraphs: [Paragraph], vocabulary: Vocabulary) -> [LogicalTable] {
        // blankBefore[n]: how many of body paragraphs 1...n are blank, so any gap is checked in O(1).
        let count = max(paragraphs.compactMap(\.location.paragraph).max() ?? 0,
                        tables.map(\.paragraphsBefore).max() ?? 0)
        var isBlank = Array(repeating: true, count: count + 1)
        for paragraph in paragraphs where paragraph.container == .body {
            guard let number = paragraph.location.paragraph, isBlank.indices.contains(number) else { continue }
            if !TableHeaders.trimmed(paragraph.text).allSatisfy(isInvisible) { isBlank[number] = false }
        }
        var blankBefore = Array(repeating: 0, count: count + 1)
        for number in 1..<max(1, count + 1) { blankBefore[number] = blankBefore[number - 1] + (isBlank[number] ? 1 : 0) }
        return join(tables, vocabulary: vocabulary) { previous, next in
            let from = previous.paragraphsBefore, to = next.paragraphsBefore
            guard from <= to, blankBefore.indices.contains(to) else { return false }
            return blankBefore[to] - blankBefore[from] == to - from
        }
    }

    private static func isInvisible(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
    }

    static func join(_ tables: [Table], vocabulary: Vocabulary,
                     adjacent: (_ previous: Table, _ next: Table) -> Bool) -> [LogicalTable] {
        var result: [LogicalTable] = []
        var current: Builder?
        for table in tables {
            if var builder = current, table.depth == 0, adjacent(builder.last, table), builder.accepts(table) {
                builder.append(table, atSplit: true)
                current = builder
                continue
            }
            if let builder = current { result.append(builder.logical) }
            var builder = Builder(first: table, vocabulary: vocabulary)
            builder.append(table, atSplit: false)
            current = builder
        }
        if let builder = current { result.append(builder.logical) }
        return result
    }

    /// One logical table being assembled.
    struct Builder {
        var logical: LogicalTable
        var last: Table
        let width: Int
        let signature: [[String]]
        let hasHeader: Bool
        let keyColumns: Set<Int>
        let vocabulary: Vocabulary
        let connectives: Set<String>
        let trailingMarks: Set<Character>
        /// Whether any body row so far has a value / words in each column (0-based).
        var columnHasValue: [Bool]
        var columnHasWords: [Bool]

        init(first: Table, vocabulary: Vocabulary) {
            width = first.columnCount
            let headerRows = first.rows.prefix(first.headerRowCount).map { row in
                (0..<first.columnCount).map { row.cells.indices.contains($0) ? row.cells[$0].text : "" }
            }
            logical = LogicalTable(physicalTables: [first.index], headerRows: Array(headerRows), columns: first.columns,
                                   rows: [])
            last = first
            signature = TableHeaders.headerSignature(first, vocabulary: vocabulary)
            hasHeader = first.headerRowCount > 0
            let keyRoles = vocabulary.continuationKeyRoles
            keyColumns = Set(first.columns.filter { $0.role.map(keyRoles.contains) ?? false }.map { $0.index - 1 })
            self.vocabulary = vocabulary
            connectives = Set(vocabulary.continuation.connectives)
            trailingMarks = Set(vocabulary.continuation.trailingMarks.compactMap(\.first))
            columnHasValue = Array(repeating: false, count: width)
            columnHasWords = Array(repeating: false, count: width)
        }

        /// Whether `table` (already known to follow with only blank paragraphs between) continues this one.
        func accepts(_ table: Table) -> Bool {
            guard hasHeader, last.depth == 0, table.columnCount == width else { return false }
            if table.headerRowCount > 0 {
                return TableHeaders.headerSignature(table, vocabulary: vocabulary) == signature
            }
            return fitsColumns(table.rows.first)
        }

        /// A headerless part's first row continues the data: each filled cell holds what its column held.
        func fitsColumns(_ row: Row?) -> Bool {
            guard let row else { return false }
            var filled = 0
            for (column, cell) in row.cells.enumerated() where cell.kind == .origin {
                let text = TableHeaders.trimmed(cell.text)
                guard !text.isEmpty, column < width else { continue }
                filled += 1
                if TableHeaders.isValue(String(text)) {
                    if !(columnHasValue[column] || keyColumns.contains(column)) { return false }
                } else if !columnHasWords[column] {
                    return false
                }
            }
            return filled > 0
        }

        mutating func append(_ table: Table, atSplit: Bool) {
            if atSplit { logical.physicalTables.append(table.index) }
            last = table
            var firstBodyRow = atSplit
            for row in table.rows.dropFirst(table.headerRowCount) {
                defer { firstBodyRow = false }
                let location = Location(table: table.index, row: row.index)
                if let previous = logical.rows.last, continues(row, previous: previous, afterPageBreak: firstBodyRow) {
                    var merged = previous
                    for (column, cell) in row.cells.enumerated() where column < width {
                        let text = TableHeaders.trimmed(cell.text)
                        guard !text.isEmpty else { continue }
                        merged.cells[column] = merged.cells[column].isEmpty ? String(text) : merged.cells[column] + " " + text
                    }
                    merged.continuations.append(location)
                    logical.rows[logical.rows.count - 1] = merged
                } else {
                    var cells = Array(repeating: "", count: width)
                    for (column, cell) in row.cells.enumerated() where column < width { cells[column] = cell.text }
                    logical.rows.append(LogicalRow(location: location, cells: cells))
                }
                for (column, cell) in row.cells.enumerated() where column < width && cell.kind == .origin {
                    let text = TableHeaders.trimmed(cell.text)
                    guard !text.isEmpty else { continue }
                    if TableHeaders.isValue(String(text)) { columnHasValue[column] = true } else { columnHasWords[column] = true }
                }
            }
        }

        /// See "Continuation rows" in the type's documentation.
        func continues(_ row: Row, previous: LogicalRow, afterPageBreak: Bool) -> Bool {
            var filled = 0
            var textEvidence = false
            for (column, cell) in row.cells.enumerated() {
                // A vertically merged cell ties the row to a group above it on purpose: a sub-row.
                if cell.kind == .mergedAbove { return false }
                let text = String(TableHeaders.trimmed(cell.text))
                if text.isEmpty { continue }
                filled += 1
                guard column < width, !keyColumns.contains(column), text.contains(where: \.isLetter),
                      !TableHeaders.isValue(text), !Self.startsWithListMarker(text) else { return false }
                let above = String(TableHeaders.trimmed(previous.cells[column]))
                guard !above.isEmpty else { return false }
                let words = Vocabulary.words(text)
                // The same value again ("Sekcam", "- Data primer dari Kecamatan") is a new row's own value.
                if words == Vocabulary.words(above) { return false }
                // A heading in capitals under ordinary text starts a new group.
                if Self.isCapitals(text) && !Self.isCapitals(above) { return false }
                let midPhrase = endsMidPhrase(above)
                // "Meningkatnya …", "Tersedianya …" open a new statement unless the cell above broke off.
                if !midPhrase, let first = words.first,
                   vocabulary.dataWordSuffixes.contains(where: { first.count >= $0.count + 3 && first.hasSuffix($0) }) {
                    return false
                }
                if Self.startsLowercase(text) || midPhrase { textEvidence = true }
            }
            guard filled > 0 else { return false }
            if textEvidence { return true }
            // After a page break the row may continue even without a textual clue, provided the row before
            // has values that this one lacks (a name running on without its amounts).
            return afterPageBreak && previous.cells.enumerated().contains { column, text in
                let value = TableHeaders.trimmed(text)
                return !value.isEmpty && (keyColumns.contains(column) || TableHeaders.isValue(String(value)))
            }
        }

        /// The cell's text stops mid-phrase: it ends in a connective ("yang", "dan") or a mark ("," "-" "/").
        func endsMidPhrase(_ text: String) -> Bool {
            guard let last = text.last else { return false }
            if trailingMarks.contains(last) { return true }
            guard let lastWord = Vocabulary.words(text).last, last.isLetter else { return false }
            return connectives.contains(lastWord)
        }

        static func startsLowercase(_ text: String) -> Bool {
            guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
            return first.isLowercase
        }

        static func isCapitals(_ text: String) -> Bool {
            let letters = text.filter(\.isLetter)
            return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
        }

        /// "- …", "• …", "1. …", "a) …", "(2) …": an item of its own.
        static func startsWithListMarker(_ text: String) -> Bool {
            guard let first = text.first else { return false }
            if "-–—•·▪►".contains(first) { return true }
            if "*o".contains(first), text.dropFirst().first?.isWhitespace ?? false { return true }
            var rest = Substring(text)
            if rest.first == "(" { rest = rest.dropFirst() }
            let label = rest.prefix { $0.isNumber || $0.isLetter }
            guard !label.isEmpty, label.count <= 3, label.allSatisfy(\.isNumber) || label.count == 1 else { return false }
            let after = rest.dropFirst(label.count)
            guard let mark = after.first, mark == "." || mark == ")" else { return false }
            return after.dropFirst().first?.isWhitespace ?? false
        }
    }
}
