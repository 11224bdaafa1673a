/// Reads plain-text and Markdown exports of planning documents into the common `Document` model.
///
/// What it understands, in both modes (Word-to-text exports mix plain lines with Markdown decoration):
/// - `#` headings (`headingLevel` = number of `#`);
/// - pipe tables (`| a | b |`; a `|---|` separator marks the rows above it as header rows) and pandoc grid
///   tables (`+---+`);
/// - tab-separated tables: consecutive lines with tabs whose cells hold at least two values (a lone line
///   needs three); a row with one value and the table's cell count continues a cell across a page break;
///   a blank line inside a table is kept when the next line has the same number of cells, and the header
///   printed again after a page break starts a new table, so tables are numbered as Word numbers them.
///   Lines that are a marker and a text (`1.\tPeraturan …`) or a decree layout (`Menimbang\t:\ta.`,
///   `Ditetapkan di\t:\tWotu`) are paragraphs, not tables; rows of dashes are rules and are dropped;
/// - bold: `**…**` (also across lines) and `<b>…</b>` make `isBold`; the marks, `<i>`, `<u>`, `<br>` and
///   export placeholders (`[bookmark: …]`, `[image: …]`) are removed from the text;
/// - a table of contents after a `DAFTAR ISI` (or `DAFTAR TABEL`, `TABLE OF CONTENTS` …) line: entries
///   with page numbers while they last, or short title lines until one repeats an earlier entry (the
///   body's first heading); they get `isTOCEntry` and keep their text as written;
/// - typed list markers (`ListMarkers`) are split off into `list` (the text keeps the rest), `i.`/`v.`/`x.`
///   are resolved against the labels around them, and `pseudoHeading` is set by `PseudoHeadings`;
/// - a manual line break (vertical tab, U+2028) stays inside its paragraph as `\n` (`BAB I\nPENDAHULUAN`).
///
/// Plain text: every non-empty line is a paragraph. Markdown: blank lines separate paragraphs, lines of
/// one paragraph are joined with a space (with a line break after a hard break: two trailing spaces or
/// a backslash), and a line that starts with a list marker starts a new paragraph. Ordered-list numbers
/// are kept as typed, not renumbered as a Markdown renderer would: the linter checks what the author wrote.
///
/// Locations: paragraphs are numbered 1, 2, … in order, tables 1, 2, … in order, and each table records
/// how many paragraphs precede it. Any input reads without trapping, in time linear in its length.
public enum TextReader {
    public static func read(text: String, path: String, markdown: Bool) -> Document {
        var builder = Builder(markdown: markdown)
        builder.read(lines: splitLines(text))
        ListMarkers.refineAmbiguousLabels(&builder.blocks)
        var document = Document(path: path, format: markdown ? .markdown : .text, blocks: builder.blocks)
        document.sections = SectionBuilder.build(document.blocks)
        return document
    }

    /// Splits on line feeds, carriage returns (alone or before a line feed), form feeds (page breaks) and
    /// U+2029. Each of these is a grapheme boundary, so the slices are valid substrings.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            var next = utf8.index(after: i)
            var isBreak = false
            if byte == 0x0A || byte == 0x0C {
                isBreak = true
            } else if byte == 0x0D {
                isBreak = true
                if next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            } else if byte == 0xE2, next != utf8.endIndex, utf8[next] == 0x80 {
                let third = utf8.index(after: next)
                if third != utf8.endIndex, utf8[third] == 0xA9 {
                    isBreak = true
                    next = utf8.index(after: third)
                }
            }
            if isBreak {
                lines.append(text[start..<i])
                start = next
            }
            i = next
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    // MARK: - Builder

    struct Builder {
        let markdown: Bool
        var blocks: [Block] = []
        var paragraphCount = 0
        var tableCount = 0
        var listContext = ListMarkers.Context()
        /// Markdown: the lines of the paragraph being gathered.
        var pending: [Substring] = []
        /// Plain text: inside a `**` span opened on an earlier line, and for how many lines.
        var boldSpanLines: Int?
        var toc: TOCState?

        /// A `**` span that never closes must not make the rest of the document bold.
        static let maxBoldSpanLines = 8

        init(markdown: Bool) {
            self.markdown = markdown
        }

        mutating func read(lines: [Substring]) {
            var i = 0
            while i < lines.count {
                let raw = lines[i]
                let trimmed = ListMarkers.trimBlanks(raw)
                if trimmed.isEmpty {
                    flushPending()
                    boldSpanLines = nil
                    i += 1
                    continue
                }
                if toc != nil {
                    if atxHeading(trimmed) == nil, toc?.accepts(raw: raw, trimmed: trimmed) == true {
                        flushPending()
                        emitParagraph(trimmed, headingLevel: nil, isTOCEntry: true, bold: false)
                        i += 1
                        continue
                    }
                    toc = nil
                }
                if markdown, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    flushPending()
                    i += 1
                    continue
                }
                if let table = TableScanner.pipeTable(lines, at: i) ?? TableScanner.tabTable(lines, at: i) {
                    flushPending()
                    if !table.rows.isEmpty { emitTable(table.rows, headerRows: table.headerRows) }
                    i += table.consumed
                    continue
                }
                if let (level, text) = atxHeading(trimmed) {
                    flushPending()
                    emitParagraph(text, headingLevel: level, isTOCEntry: false, bold: false)
                    i += 1
                    continue
                }
                if markdown, !pending.isEmpty, let level = setextLevel(trimmed) {
                    flushPending(headingLevel: level)
                    i += 1
                    continue
                }
                if isThematicBreak(trimmed) || TableScanner.isDashRow(TableScanner.fields(raw)) {
                    flushPending()
                    i += 1
                    continue
                }
                if markdown {
                    if !pending.isEmpty, startsBlock(trimmed) { flushPending() }
                    pending.append(raw)
                    // A `DAFTAR ISI` line is a paragraph of its own even without a blank line after it,
                    // so that the entries below it are read as entries.
                    if pending.count == 1, trimmed.utf8.count <= 60,
                       TOCState.isTitle(Inline.clean(trimmed, markdown: true).text) {
                        flushPending()
                    }
                } else {
                    let bold = boldSpan(trimmed)
                    emitParagraph(trimmed, headingLevel: nil, isTOCEntry: false, bold: bold)
                }
                i += 1
            }
            flushPending()
        }

        // MARK: Paragraphs

        /// Markdown: joins the gathered lines into one paragraph.
        mutating func flushPending(headingLevel: Int? = nil) {
            guard !pending.isEmpty else { return }
            var text = ""
            for (index, line) in pending.enumerated() {
                var content = ListMarkers.trimBlanks(line)
                if index > 0 { text += endsWithHardBreak(pending[index - 1]) ? "\n" : " " }
                if index < pending.count - 1, content.hasSuffix("\\") { content = content.dropLast() }
                text += content
            }
            pending.removeAll(keepingCapacity: true)
            emitParagraph(Substring(text), headingLevel: headingLevel, isTOCEntry: false, bold: false)
        }

        func endsWithHardBreak(_ line: Substring) -> Bool {
            line.hasSuffix("  ") || line.hasSuffix("\\")
        }

        /// In Markdown, a line that opens a list item or a decree item starts a new paragraph.
        func startsBlock(_ trimmed: Substring) -> Bool {
            ListMarkers.match(trimmed) != nil || ListMarkers.splitAfterLead(String(trimmed)) != nil
        }

        mutating func emitParagraph(_ source: Substring, headingLevel: Int?, isTOCEntry: Bool, bold: Bool) {
            var label: ListLabel?
            var cleaned: Inline.Cleaned
            // TOC entries keep their labels in the text, as Word shows them; list rules skip them.
            if !isTOCEntry, let found = ListMarkers.match(source) {
                label = found.label
                cleaned = Inline.clean(Substring(found.rest), markdown: markdown)
            } else {
                cleaned = Inline.clean(source, markdown: markdown)
                // `**1. Camat**`: the marker was inside the bold marks.
                if !isTOCEntry, let found = ListMarkers.match(cleaned.text) {
                    label = found.label
                    cleaned.text = found.rest
                }
            }
            guard !cleaned.text.isEmpty || label != nil else { return }
            if let typed = label, typed.source == .typed, typed.style != .bullet {
                label = listContext.resolve(typed)
            }
            paragraphCount += 1
            var paragraph = Paragraph(location: Location(paragraph: paragraphCount), text: cleaned.text,
                                      headingLevel: headingLevel, list: label, isTOCEntry: isTOCEntry,
                                      isBold: bold || cleaned.allBold)
            paragraph.pseudoHeading = PseudoHeadings.detect(paragraph)
            blocks.append(.paragraph(paragraph))
            if !isTOCEntry {
                // Lists do not run across chapters and numbered headings: `i.` after one starts afresh.
                // Lettered headings (`H.`, `I.`) are a sequence of their own and keep the context.
                switch paragraph.pseudoHeading?.kind {
                case .chapter?, .numbered?: listContext.reset()
                default: if headingLevel != nil { listContext.reset() }
                }
                if TOCState.isTitle(cleaned.text) { toc = TOCState() }
            }
        }

        /// Plain text: whether this line is bold, following `**` spans across lines.
        mutating func boldSpan(_ trimmed: Substring) -> Bool {
            let marks = Inline.countBoldMarks(trimmed)
            if let lines = boldSpanLines {
                if marks == 0 {
                    boldSpanLines = lines + 1 < Self.maxBoldSpanLines ? lines + 1 : nil
                    return true
                }
                boldSpanLines = nil
                return marks == 1 && trimmed.hasSuffix("**")
            }
            if marks == 1, trimmed.hasPrefix("**"), trimmed.utf8.count > 2 {
                boldSpanLines = 1
                return true
            }
            return false
        }

        // MARK: Tables

        mutating func emitTable(_ cells: [[String]], headerRows: Int) {
            let width = cells.map(\.count).max() ?? 0
            var rows: [Row] = []
            rows.reserveCapacity(cells.count)
            for (index, texts) in cells.enumerated() {
                var row = texts.map { Cell(text: $0) }
                // Rows shorter than the widest one end in absent cells, as on Word's grid.
                if row.count < width { row += Array(repeating: Cell.empty, count: width - row.count) }
                rows.append(Row(index: index + 1, cells: row, repeatsAsHeader: index < headerRows))
            }
            tableCount += 1
            blocks.append(.table(Table(index: tableCount, paragraphsBefore: paragraphCount, rows: rows)))
            // A table ends a table of contents (its entries are single lines).
            toc = nil
        }

        // MARK: Line kinds

        /// `## Title` → (2, "Title"); a closing run of `#` is dropped.
        func atxHeading(_ trimmed: Substring) -> (Int, Substring)? {
            var level = 0
            var index = trimmed.startIndex
            while index < trimmed.endIndex, trimmed[index] == "#", level < 7 {
                level += 1
                index = trimmed.index(after: index)
            }
            guard (1...6).contains(level) else { return nil }
            guard index == trimmed.endIndex || trimmed[index] == " " || trimmed[index] == "\t" else { return nil }
            var text = ListMarkers.trimBlanks(trimmed[index...])
            // A closing sequence: blanks then `#`s at the end.
            var end = text.endIndex
            while end > text.startIndex, text[text.index(before: end)] == "#" { end = text.index(before: end) }
            if end < text.endIndex, end == text.startIndex || text[text.index(before: end)] == " " {
                text = ListMarkers.trimBlanks(text[text.startIndex..<end])
            }
            guard !text.isEmpty else { return nil }
            return (level, text)
        }

        /// A Markdown setext underline: `===` (level 1) or `---` (level 2) under a paragraph.
        func setextLevel(_ trimmed: Substring) -> Int? {
            guard let first = trimmed.first, first == "=" || first == "-", trimmed.count >= 2,
                  trimmed.allSatisfy({ $0 == first }) else { return nil }
            return first == "=" ? 1 : 2
        }

        /// `---`, `***`, `___`, `- - -`: a rule, not text.
        func isThematicBreak(_ trimmed: Substring) -> Bool {
            guard let first = trimmed.first, first == "-" || first == "*" || first == "_" || first == "=" else {
                return false
            }
            var count = 0
            for character in trimmed {
                if character == first {
                    count += 1
                } else if character != " " && character != "\t" {
                    return false
                }
            }
            return count >= 3
        }
    }

    // MARK: - Table of contents

    /// The entries after a `DAFTAR ISI` line.
    struct TOCState {
        enum Mode { case pages, titles }
        var mode: Mode?
        var keys: [String] = []
        var seen: Set<String> = []

        static let maxEntries = 400
        static let maxEntryBytes = 200
        /// An entry without a page number longer than this is body text.
        static let maxTitleEntryBytes = 120

        static let titles: Set<String> = [
            "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "DAFTAR GRAFIK", "DAFTAR LAMPIRAN", "DAFTAR BAGAN",
            "DAFTAR DIAGRAM", "TABLE OF CONTENTS", "CONTENTS", "LIST OF TABLES", "LIST OF FIGURES",
        ]

        static func isTitle(_ text: String) -> Bool {
            guard text.utf8.count <= 40 else { return false }
            var key = PseudoHeadings.collapse(Substring(text)).uppercased()
            while let last = key.last, last == ":" || last == "." { key.removeLast() }
            return titles.contains(key)
        }

        /// Whether the line is one more entry; records it if so.
        mutating func accepts(raw: Substring, trimmed: Substring) -> Bool {
            guard keys.count < Self.maxEntries, trimmed.utf8.count <= Self.maxEntryBytes else { return false }
            let entry = PseudoHeadings.splitTOCEntry(String(trimmed))
            // `LAMPIRAN\t`: Word left the page field empty.
            let emptyPage = entry.page == nil && raw.utf8.contains(0x09)
                && ListMarkers.trimBlanks(raw[(raw.lastIndex(of: "\t") ?? raw.startIndex)...]).isEmpty
            let mode = self.mode ?? (entry.page != nil ? .pages : .titles)
            let key = Self.key(entry.title)
            switch mode {
            case .pages:
                guard entry.page != nil || emptyPage else { return false }
            case .titles:
                // Without page numbers the TOC ends where the body starts: at prose, or at the first line
                // that repeats an entry (`KATA PENGANTAR` again, `BAB I` of `BAB I PENDAHULUAN`).
                guard !key.isEmpty, trimmed.utf8.count <= Self.maxTitleEntryBytes, !isRepeat(key),
                      !Self.looksLikeProse(trimmed) else { return false }
            }
            self.mode = mode
            keys.append(key)
            seen.insert(key)
            return true
        }

        func isRepeat(_ key: String) -> Bool {
            seen.contains(key) || keys.contains { $0.hasPrefix(key + " ") }
        }

        /// Upper-cased title without its label or bullet, blanks collapsed.
        static func key(_ title: String) -> String {
            let body = ListMarkers.match(title)?.rest ?? title
            return PseudoHeadings.collapse(Substring(body)).uppercased()
        }

        static func looksLikeProse(_ text: Substring) -> Bool {
            guard let last = text.unicodeScalars.last else { return false }
            if last == ";" || last == ":" || last == "," { return true }
            return last == "." && ListMarkers.wordCount(text, limit: 6) >= 6
        }
    }
}

// MARK: - Tables

extension TextReader {
    struct ScannedTable {
        var rows: [[String]]
        var headerRows: Int
        var consumed: Int
    }

    enum TableScanner {
        // MARK: Tab-separated

        /// Tab-separated fields of a line, or nil when it has no tab.
        static func fields(_ line: Substring) -> [Substring]? {
            // Scanned as bytes: a tab is ASCII and always a character boundary, and a byte scan keeps
            // a line of many megabytes fast.
            let utf8 = line.utf8
            var fields: [Substring] = []
            var start = utf8.startIndex
            var index = start
            while index != utf8.endIndex {
                if utf8[index] == 0x09 {
                    fields.append(line[start..<index])
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            guard !fields.isEmpty else { return nil }
            fields.append(line[start..<utf8.endIndex])
            return fields
        }

        static func nonEmpty(_ fields: [Substring]) -> [Substring] {
            fields.map(ListMarkers.trimBlanks).filter { !$0.isEmpty }
        }

        /// A line that can start or extend a table: two or more values, and neither a list item laid out
        /// with a tab nor a decree or form line laid out around a colon.
        static func isRow(_ fields: [Substring]) -> Bool {
            let values = nonEmpty(fields)
            return values.count >= 2 && !isListLine(values) && !isFormLine(values) && !isDashRow(fields)
        }

        /// `1.\tPeraturan …`, `\t\t2.\tUndang-undang …`, `•\tProgram …`: a marker, then one text.
        static func isListLine(_ values: [Substring]) -> Bool {
            values.count == 2 && ListMarkers.isBareMarker(values[0])
        }

        /// `Menimbang\t:\ta. …`, `Ditetapkan di\t:   Wotu`, `1.\tUnit Organisasi\t:  Kecamatan …`.
        static func isFormLine(_ values: [Substring]) -> Bool {
            if values.prefix(2).contains(where: { $0.hasSuffix(":") }) { return true }
            return values.dropFirst().prefix(2).contains { $0.hasPrefix(":") }
        }

        /// `--\t-----\t---`: a rule drawn with dashes inside a table.
        static func isDashRow(_ fields: [Substring]?) -> Bool {
            guard let fields else { return false }
            let values = nonEmpty(fields)
            // Dashes, with the colons and equals signs of alignment rules, and spaces.
            return !values.isEmpty && values.allSatisfy { value in
                value.utf8.contains(UInt8(ascii: "-")) && value.utf8.allSatisfy { byte in
                    byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "=")
                        || byte == UInt8(ascii: " ")
                }
            }
        }

        static func tabTable(_ lines: [Substring], at start: Int) -> ScannedTable? {
            guard let first = fields(lines[start]), isRow(first) else { return nil }
            let width = first.count
            var rows = [first]
            var headerRows = 0
            var next = start + 1
            var end = next
            while next < lines.count {
                if ListMarkers.trimBlanks(lines[next]).isEmpty {
                    // A blank line inside a table: the table goes on if the next line has the same cells
                    // (a table split at a page break), else it ended.
                    var after = next
                    while after < lines.count, ListMarkers.trimBlanks(lines[after]).isEmpty { after += 1 }
                    guard after < lines.count, let candidate = fields(lines[after]), candidate.count == width,
                          continues(candidate, width: width) else { break }
                    next = after
                    continue
                }
                guard let row = fields(lines[next]) else { break }
                if isDashRow(row) {
                    // A rule under the first row underlines a header (pandoc's simple tables).
                    if rows.count == 1, headerRows == 0 { headerRows = 1 }
                    next += 1
                    end = next
                    continue
                }
                guard continues(row, width: width) else { break }
                // The header printed again after a page break starts the next physical table, as in Word;
                // the logical-table analysis joins them.
                if sameCells(row, first) { break }
                rows.append(row)
                next += 1
                end = next
            }
            // One line is a table only when it holds three values or more (a lone `a\tb` is a paragraph).
            guard rows.count >= 2 || nonEmpty(first).count >= 3 else { return nil }
            let texts = rows.map { $0.map { Inline.clean($0, markdown: false).text } }
            return ScannedTable(rows: texts, headerRows: headerRows, consumed: end - start)
        }

        static func sameCells(_ row: [Substring], _ other: [Substring]) -> Bool {
            row.count == other.count
                && zip(row, other).allSatisfy { ListMarkers.trimBlanks($0) == ListMarkers.trimBlanks($1) }
        }

        /// A row of the table: a full row, or a continuation row with the table's cell count and one value
        /// (`\t\tperkantoran di kecamatan …\t\t\t`, the rest of a cell after a page break).
        static func continues(_ row: [Substring], width: Int) -> Bool {
            if isRow(row) { return true }
            let values = nonEmpty(row)
            return row.count == width && !values.isEmpty && !isListLine(values) && !isFormLine(values)
        }

        // MARK: Pipe and grid

        static func pipeTable(_ lines: [Substring], at start: Int) -> ScannedTable? {
            let first = ListMarkers.trimBlanks(lines[start])
            if first.hasPrefix("+-") || first.hasPrefix("+=") { return gridTable(lines, at: start) }
            guard first.utf8.contains(0x7C), start + 1 < lines.count else { return nil }
            // Decided from the first two lines, so that a failed attempt never scans far (no quadratic
            // rescans on a file of lines with stray pipes): rows that open with a pipe, or a header line
            // followed by a `---|---` separator (then any line with a pipe continues the table).
            let piped = first.hasPrefix("|") && ListMarkers.trimBlanks(lines[start + 1]).hasPrefix("|")
            guard piped || isPipeSeparator(ListMarkers.trimBlanks(lines[start + 1])) else { return nil }
            var end = start
            while end < lines.count {
                let line = ListMarkers.trimBlanks(lines[end])
                guard !line.isEmpty, piped ? line.hasPrefix("|") : line.utf8.contains(0x7C) else { break }
                end += 1
            }
            var rows: [[String]] = []
            var headerRows = 0
            for index in start..<end {
                let line = ListMarkers.trimBlanks(lines[index])
                if isPipeSeparator(line) {
                    if headerRows == 0, !rows.isEmpty { headerRows = rows.count }
                    continue
                }
                rows.append(pipeCells(line).map { Inline.clean($0, markdown: true).text })
            }
            // Separator lines alone are consumed all the same.
            return ScannedTable(rows: rows, headerRows: headerRows, consumed: end - start)
        }

        /// `|---|:---:|`, `--- | ---`.
        static func isPipeSeparator(_ line: Substring) -> Bool {
            guard line.utf8.contains(0x7C), line.utf8.contains(0x2D) else { return false }
            let cells = pipeCells(line)
            return !cells.isEmpty && cells.allSatisfy { cell in
                let value = ListMarkers.trimBlanks(cell)
                return value.contains("-") && value.allSatisfy { $0 == "-" || $0 == ":" }
            }
        }

        /// Cells between unescaped pipes; the outer pipes are optional, `\|` is a pipe inside a cell.
        static func pipeCells(_ line: Substring) -> [Substring] {
            var cells: [Substring] = []
            var current = ""
            var escaped = false
            for character in line {
                if escaped {
                    if character != "|" { current.append("\\") }
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(Substring(current))
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if escaped { current.append("\\") }
            cells.append(Substring(current))
            if line.hasPrefix("|"), let firstCell = cells.first, ListMarkers.trimBlanks(firstCell).isEmpty {
                cells.removeFirst()
            }
            if line.hasSuffix("|"), !line.hasSuffix("\\|"), let lastCell = cells.last,
               ListMarkers.trimBlanks(lastCell).isEmpty {
                cells.removeLast()
            }
            return cells
        }

        /// Pandoc grid tables: `+---+` borders, cells between `|`, a cell's lines joined with a space;
        /// rows above a `+===+` border are header rows.
        static func gridTable(_ lines: [Substring], at start: Int) -> ScannedTable? {
            var rows: [[String]] = []
            var fragments: [[Substring]] = []
            var headerRows = 0
            var end = start
            func closeRow() {
                guard !fragments.isEmpty else { return }
                let width = fragments.map(\.count).max() ?? 0
                var row: [String] = []
                for column in 0..<width {
                    let parts = fragments.compactMap { column < $0.count ? $0[column] : nil }
                        .map(ListMarkers.trimBlanks).filter { !$0.isEmpty }
                    row.append(Inline.clean(Substring(parts.joined(separator: " ")), markdown: true).text)
                }
                rows.append(row)
                fragments.removeAll()
            }
            while end < lines.count {
                let line = ListMarkers.trimBlanks(lines[end])
                if line.hasPrefix("+"), line.allSatisfy({ "+-=: ".contains($0) }) {
                    closeRow()
                    if line.contains("="), headerRows == 0 { headerRows = rows.count }
                } else if line.hasPrefix("|") {
                    var cells = line.split(separator: "|", omittingEmptySubsequences: false)
                    if !cells.isEmpty { cells.removeFirst() }
                    if line.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
                    fragments.append(cells)
                } else {
                    break
                }
                end += 1
            }
            closeRow()
            // Borders without cells are consumed all the same (no rescan from the next line).
            return ScannedTable(rows: rows, headerRows: headerRows, consumed: max(end - start, 1))
        }
    }
}

// MARK: - Inline marks

extension TextReader {
    /// Removes Markdown and HTML inline marks and export placeholders, in one pass over the bytes.
    enum Inline {
        struct Cleaned {
            var text: String
            /// The whole text was inside one bold mark (`**…**`, `<b>…</b>`).
            var allBold: Bool
        }

        static func clean(_ source: Substring, markdown: Bool) -> Cleaned {
            let trimmed = ListMarkers.trimBlanks(source)
            let bytes = Array(trimmed.utf8)
            let allBold = isWhollyBold(bytes)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "["):
                    if let end = placeholderEnd(bytes, at: i) {
                        i = end
                        continue
                    }
                case UInt8(ascii: "<"):
                    if let (end, isBreak) = tagEnd(bytes, at: i) {
                        if isBreak { out.append(0x0A) }
                        i = end
                        continue
                    }
                case UInt8(ascii: "*"):
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                        // Every `**` is a bold mark; exports also leave unpaired ones (`FUNGSI** :`).
                        i += 2
                        while i < bytes.count, bytes[i] == UInt8(ascii: "*") { i += 1 }
                        continue
                    }
                    if isEmphasisStar(bytes, at: i) {
                        i += 1
                        continue
                    }
                case UInt8(ascii: "\\"):
                    if markdown, i + 1 < bytes.count, isASCIIPunctuation(bytes[i + 1]) {
                        out.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                case 0x0B:
                    // Word's manual line break in text exports.
                    out.append(0x0A)
                    i += 1
                    continue
                case 0xE2:
                    // U+2028 LINE SEPARATOR: a line break inside the paragraph.
                    if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 {
                        out.append(0x0A)
                        i += 3
                        continue
                    }
                default:
                    break
                }
                out.append(byte)
                i += 1
            }
            let text = String(decoding: out, as: UTF8.self)
            return Cleaned(text: String(ListMarkers.trimBlanks(Substring(text))), allBold: allBold)
        }

        /// Number of `**` marks in a line (runs of three or more count once).
        static func countBoldMarks(_ text: Substring) -> Int {
            countBoldMarks(bytes: text.utf8)
        }

        static func countBoldMarks<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Int {
            var count = 0
            var run = 0
            for byte in bytes {
                if byte == UInt8(ascii: "*") {
                    run += 1
                } else {
                    if run >= 2 { count += 1 }
                    run = 0
                }
            }
            if run >= 2 { count += 1 }
            return count
        }

        /// `**text**` or `<b>text</b>` around the whole text, with no other bold mark inside.
        static func isWhollyBold(_ bytes: [UInt8]) -> Bool {
            let star = UInt8(ascii: "*")
            if bytes.count > 4, bytes[0] == star, bytes[1] == star, bytes[bytes.count - 1] == star,
               bytes[bytes.count - 2] == star {
                return countBoldMarks(bytes: bytes) == 2
            }
            let head = bytes.prefix(3).map(asciiLower)
            let tail = bytes.suffix(4).map(asciiLower)
            return bytes.count > 7 && head == Array("<b>".utf8) && tail == Array("</b>".utf8)
        }

        /// `[bookmark: _GoBack]`, `[image: ]`: placeholders of Word-to-text exports, not document text.
        static func placeholderEnd(_ bytes: [UInt8], at start: Int) -> Int? {
            let kinds = [Array("[bookmark:".utf8), Array("[image:".utf8)]
            guard kinds.contains(where: { matches(bytes, at: start, $0) }) else { return nil }
            var i = start
            let limit = min(bytes.count, start + 300)
            while i < limit {
                if bytes[i] == UInt8(ascii: "]") { return i + 1 }
                i += 1
            }
            return nil
        }

        static let inlineTags: Set<String> = [
            "b", "i", "u", "em", "strong", "sup", "sub", "s", "strike", "br", "span", "mark", "small",
        ]

        /// An inline HTML tag (`<b>`, `</i>`, `<br/>`) at `start`: where it ends and whether it is a break.
        static func tagEnd(_ bytes: [UInt8], at start: Int) -> (Int, Bool)? {
            var i = start + 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < bytes.count, i - nameStart < 8, isASCIILetter(bytes[i]) { i += 1 }
            guard i > nameStart else { return nil }
            let name = String(decoding: bytes[nameStart..<i].map(asciiLower), as: UTF8.self)
            guard inlineTags.contains(name) else { return nil }
            // Attributes (`<span style="…">`) up to the closing `>`, within a short distance.
            let limit = min(bytes.count, i + 200)
            while i < limit, bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "<") { i += 1 }
            guard i < limit, bytes[i] == UInt8(ascii: ">") else { return nil }
            return (i + 1, name == "br")
        }

        /// A single `*` that opens or closes emphasis (`*measurable*`), not a multiplication (`5 * 2`, `a*b`).
        static func isEmphasisStar(_ bytes: [UInt8], at i: Int) -> Bool {
            let previous: UInt8? = i > 0 ? bytes[i - 1] : nil
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            func isBoundary(_ byte: UInt8?) -> Bool {
                guard let byte else { return true }
                return byte == 0x20 || byte == 0x09 || byte == 0x0A
                    || (isASCIIPunctuation(byte) && byte != UInt8(ascii: "*"))
            }
            func isSpace(_ byte: UInt8?) -> Bool {
                guard let byte else { return true }
                return byte == 0x20 || byte == 0x09 || byte == 0x0A
            }
            let opens = isBoundary(previous) && !isSpace(next) && next != UInt8(ascii: "*")
            let closes = !isSpace(previous) && isBoundary(next)
            return opens || closes
        }

        static func matches(_ bytes: [UInt8], at start: Int, _ pattern: [UInt8]) -> Bool {
            guard start + pattern.count <= bytes.count else { return false }
            for (offset, byte) in pattern.enumerated() where asciiLower(bytes[start + offset]) != byte {
                return false
            }
            return true
        }

        static func asciiLower(_ byte: UInt8) -> UInt8 {
            byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        }

        static func isASCIILetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
            (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
                || (byte >= 0x7B && byte <= 0x7E)
        }
    }
}
