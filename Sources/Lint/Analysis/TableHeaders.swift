/// Finds a table's header rows and what each column holds.
///
/// Header rows are the rows at the top whose cells are all short labels: no numbers except years and
/// column numbers, no sentences ("Meningkatnya …"), no "key: value" text. The first such row opens the
/// header; each further row must hang under it (a label spanned over it with `gridSpan`, a `vMerge`
/// continuing from it, a row of years, or `w:tblHeader`); a trailing column-number row (`1 2 3`,
/// `(1) (2)`, `[1] [2]`) closes it. The block counts as a header only with some outside evidence that
/// it is one — Word's repeat-as-header flag, a column-number row, vocabulary words in most of its labels,
/// or vocabulary words over a first row of numbers — so a table whose first row is data
/// ("Sasaran I | Meningkatnya …") gets no header rather than an invented one.
public enum TableHeaders {
    public static func analyze(_ table: Table, vocabulary: Vocabulary) -> (headerRowCount: Int, columns: [Column]) {
        let width = table.columnCount
        let rows = table.rows
        let noHeader = (0, (0..<width).map { Column(index: $0 + 1, header: "", role: nil) })
        guard width > 0, !rows.isEmpty else { return noHeader }

        // The label rows at the top. A column-number row right under them closes the header and vouches
        // for every row above it, even rows drawn as one header without merged cells; otherwise each
        // further row must hang under the one above it.
        let limit = min(rows.count, vocabulary.maxHeaderRows)
        var labelRows = 0
        while labelRows < limit {
            if labelRows > 0, isColumnNumberRow(rows[labelRows], vocabulary: vocabulary) { break }
            guard isLabelRow(rows[labelRows], vocabulary: vocabulary) else { break }
            labelRows += 1
        }
        let numberRow: Int? = labelRows > 0 && labelRows < rows.count
            && isColumnNumberRow(rows[labelRows], vocabulary: vocabulary) ? labelRows : nil
        // `owners[r][c]`: the label cell covering column c in label row r, as the (row, column) of its
        // origin, after gridSpan and vMerge.
        var owners: [[GridPosition?]] = []
        for index in 0..<labelRows {
            let row = rows[index]
            let rowOwners = labelOwners(of: row, at: index, width: width, above: owners.last)
            if numberRow == nil, let above = owners.last,
               !hangsUnder(row, above: above) {
                break
            }
            owners.append(rowOwners)
        }
        guard !owners.isEmpty else { return noHeader }
        let labelRowCount = owners.count
        let headerRowCount = numberRow.map { $0 + 1 } ?? labelRowCount
        guard isHeader(rows: rows, labelRowCount: labelRowCount, headerRowCount: headerRowCount,
                       hasNumberRow: numberRow != nil, width: width, vocabulary: vocabulary) else {
            return noHeader
        }

        var columns: [Column] = []
        columns.reserveCapacity(width)
        for column in 0..<width {
            var labels: [String] = []
            var previous: GridPosition?
            for rowOwners in owners {
                // A label merged down over several rows, or spanned across columns, is named once per column.
                guard let owner = rowOwners[column], owner != previous else { continue }
                previous = owner
                let text = collapsedWhitespace(table.text(row: owner.row, column: owner.column))
                if text.isEmpty || columnNumber(text, vocabulary: vocabulary, bare: false) != nil { continue }
                labels.append(text)
            }
            let (role, year) = vocabulary.classify(labels: labels)
            columns.append(Column(index: column + 1, header: labels.joined(separator: " / "), role: role, year: year))
        }
        return (headerRowCount, columns)
    }

    // MARK: Header rows

    struct GridPosition: Equatable, Hashable {
        var row: Int
        var column: Int
    }

    /// Every filled cell is a label, a year or a bracketed column number.
    static func isLabelRow(_ row: Row, vocabulary: Vocabulary) -> Bool {
        var filled = 0
        for cell in row.cells where cell.kind == .origin {
            let text = cell.text
            if Vocabulary.words(text).isEmpty {
                // Punctuation only ("-", "…"): a data placeholder, not a label; an empty cell is neutral.
                if text.contains(where: { !$0.isWhitespace }) { return false }
                continue
            }
            filled += 1
            if isYear(text) || columnNumber(text, vocabulary: vocabulary, bare: false) != nil { continue }
            if !isLabel(text, vocabulary: vocabulary) { return false }
        }
        return filled > 0
    }

    /// Short text that names something: not a value, not a sentence, not "key: value".
    static func isLabel(_ text: String, vocabulary: Vocabulary) -> Bool {
        let words = Vocabulary.words(text)
        guard !words.isEmpty, words.count <= vocabulary.maxLabelWords, !isValue(text) else { return false }
        if let first = words.first,
           vocabulary.dataWordSuffixes.contains(where: { first.count >= $0.count + 3 && first.hasSuffix($0) }) {
            return false
        }
        // "Visi : Terwujudnya …", "Misi I : Meningkatkan …": a key with its value in one cell.
        if let colon = text.firstIndex(of: ":") {
            let before = Vocabulary.words(String(text[..<colon]))
            let after = Vocabulary.words(String(text[text.index(after: colon)...]))
            if !before.isEmpty && after.count >= 2 { return false }
        }
        return true
    }

    /// The label cells covering each column of a label row. A spanned cell continues its origin only
    /// while the row above keeps the same label over it: a sloppy `gridSpan` that runs under the next
    /// column's label ("(%)" spanning under "PERMASALAHAN") does not rename that column.
    static func labelOwners(of row: Row, at rowIndex: Int, width: Int,
                            above: [GridPosition?]?) -> [GridPosition?] {
        var owners: [GridPosition?] = Array(repeating: nil, count: width)
        for column in 0..<width {
            let kind = row.cells.indices.contains(column) ? row.cells[column].kind : .absent
            switch kind {
            case .origin:
                owners[column] = GridPosition(row: rowIndex, column: column)
            case .spanned:
                guard column > 0 else { continue }
                let sameParent = above.map { $0[column] == $0[column - 1] } ?? true
                owners[column] = sameParent ? owners[column - 1] : nil
            case .mergedAbove:
                owners[column] = above?[column]
            case .absent:
                continue
            }
        }
        return owners
    }

    /// A further header row hangs under the one above: it sits under a label spanning several columns,
    /// continues a vertically merged label, holds only years, or Word repeats it on every page.
    static func hangsUnder(_ row: Row, above: [GridPosition?]) -> Bool {
        if row.repeatsAsHeader { return true }
        var aboveWidths: [GridPosition: Int] = [:]
        for owner in above.compactMap({ $0 }) { aboveWidths[owner, default: 0] += 1 }
        let hasText = row.cells.contains { $0.kind == .origin && !trimmed($0.text).isEmpty }
        var onlyYears = true
        var filled = 0
        for (column, cell) in row.cells.enumerated() {
            if cell.kind == .mergedAbove, hasText, above.indices.contains(column), above[column] != nil {
                return true
            }
            guard cell.kind == .origin, !trimmed(cell.text).isEmpty else { continue }
            filled += 1
            if !isYear(cell.text) { onlyYears = false }
            if above.indices.contains(column), let parent = above[column], (aboveWidths[parent] ?? 0) > 1 {
                return true
            }
        }
        return filled > 0 && onlyYears
    }

    /// The evidence that a block of label rows is a header and not a first row of short data.
    static func isHeader(rows: [Row], labelRowCount: Int, headerRowCount: Int, hasNumberRow: Bool, width: Int,
                         vocabulary: Vocabulary) -> Bool {
        var labelCount = 0
        var known = 0
        var widestRow = 0
        for row in rows[0..<labelRowCount] {
            var rowLabels = 0
            for cell in row.cells where cell.kind == .origin {
                let text = cell.text
                guard isLabel(text, vocabulary: vocabulary), !isYear(text),
                      columnNumber(text, vocabulary: vocabulary, bare: false) == nil else { continue }
                rowLabels += 1
                labelCount += 1
                if vocabulary.namesColumn(text) { known += 1 }
            }
            widestRow = max(widestRow, rowLabels)
        }
        // One caption spanning the whole table names no column.
        guard width == 1 || widestRow >= 2 else { return false }
        let repeats = rows[0..<labelRowCount].contains(where: \.repeatsAsHeader)
        if repeats || hasNumberRow { return true }
        let body = rows.indices.contains(headerRowCount) ? rows[headerRowCount] : nil
        // "Indikator | IKM" / "Target | 80": keys naming different things down the first column make a
        // key/value table. ("Program | Pagu" / "Program Peningkatan … | 5.000.000" names the same thing.)
        if width <= 3, let body, let firstLabel = rows[0].cells.first?.text, let firstBody = body.cells.first?.text,
           isLabel(firstBody, vocabulary: vocabulary),
           let key = vocabulary.classify(labels: [firstLabel]).role,
           let nextKey = vocabulary.classify(labels: [firstBody]).role, key != nextKey {
            return false
        }
        if known >= 2 && known * 2 > labelCount { return true }
        let bodyHasValues = body?.cells.contains { $0.kind == .origin && isValue($0.text) } ?? false
        return known >= 1 && labelCount >= 2 && bodyHasValues
    }

    // MARK: Column numbers

    /// `1 2 3 …`, `(1) (2) …`, `[1] [2] …`: at least two cells, at least half of the row, non-decreasing
    /// (authors repeat or skip a number: `[5] [5]`, `6 8 9`).
    static func isColumnNumberRow(_ row: Row, vocabulary: Vocabulary) -> Bool {
        var numbers: [Int] = []
        var origins = 0
        for cell in row.cells where cell.kind == .origin {
            origins += 1
            if trimmed(cell.text).isEmpty { continue }
            guard let number = columnNumber(cell.text, vocabulary: vocabulary, bare: true) else { return false }
            numbers.append(number)
        }
        guard numbers.count >= 2, numbers.count * 2 >= origins else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// The number in a column-number cell ("3", "(3)", "[3]", "Kol. 3"). A bare number counts only in a
    /// row of numbers (`bare`); inside a row of labels only a bracketed or prefixed one does, since a bare
    /// "1" there is more likely data.
    static func columnNumber(_ text: String, vocabulary: Vocabulary, bare: Bool) -> Int? {
        var body = Substring(trimmed(text).uppercased())
        var marked = false
        for prefix in vocabulary.columnNumberPrefixes where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count).drop { $0 == "." || $0.isWhitespace }
            marked = true
            break
        }
        for pair in vocabulary.columnNumberBrackets where pair.count == 2 {
            guard let open = pair.first, let close = pair.last, body.first == open, body.last == close,
                  body.count >= 3 else { continue }
            body = body.dropFirst().dropLast()
            marked = true
            break
        }
        if !marked && !(bare && vocabulary.columnNumberBrackets.contains("")) { return nil }
        let digits = trimmed(body)
        let number = digits.hasSuffix(".") ? digits.dropLast() : Substring(digits)
        guard (1...3).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(number), value >= 1 else { return nil }
        return value
    }

    // MARK: Cell text (shared with TableJoiner)

    /// A whole cell that is a year: "2023".
    static func isYear(_ text: String) -> Bool {
        let words = Vocabulary.words(text)
        return words.count == 1 && Vocabulary.year(fromWord: words[0]) != nil
    }

    /// A cell holding a value rather than words: a number ("1.234,5", "93,50 %", "Rp 3.000"), digits the
    /// number reader finds malformed ("11680.000"), or a code ("01", "5.2.01").
    static func isValue(_ text: String) -> Bool {
        switch IndonesianNumber.read(text) {
        case .number, .malformed: return true
        case .blank: return false
        case .notANumber:
            let core = trimmed(text)
            return core.contains(where: \.isNumber) && core.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
        }
    }

    /// The text without leading and trailing whitespace (no Foundation needed).
    static func trimmed<Text: StringProtocol>(_ text: Text) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return Substring() }
        return Substring(text[first...last])
    }

    static func collapsedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The header rows of an analysed table as the joiner compares them: label rows only (a column-number
    /// row appears in the first part of a split table and not in the rest), each cell as its words without
    /// spaces, so "KE T" equals "KET".
    static func headerSignature(_ table: Table, vocabulary: Vocabulary) -> [[String]] {
        table.rows.prefix(table.headerRowCount)
            .filter { !isColumnNumberRow($0, vocabulary: vocabulary) }
            .map { row in row.cells.map { Vocabulary.words($0.text).joined() } }
    }
}

