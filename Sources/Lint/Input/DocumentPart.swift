/// Reads `word/document.xml` as a stream of SAX events into body blocks.
///
/// Word semantics applied while streaming: runs joined; tracked changes accepted (`w:ins`/`w:moveTo`
/// kept, `w:del`/`w:moveFrom` dropped); complex and simple fields show their result; content controls,
/// smart tags, custom XML and hyperlinks unwrapped; only the first branch of `mc:AlternateContent`;
/// text boxes become paragraphs of their own after their anchor; old properties inside `…Change`
/// elements ignored. Styles and numbering are resolved later, when every part has been read.
final class DocumentPartHandler: XMLEventHandler {
    /// Largest logical grid accepted: Word allows 63 columns; this only stops absurd spans.
    static let maxColumns = 1_000
    /// Deepest table nesting accepted (Word itself stops far below this); deeper input is refused
    /// rather than built, since nested values are released recursively.
    static let maxTableDepth = 64
    /// Deepest element nesting accepted, whatever libxml2's own limit.
    static let maxElementDepth = 1_024

    let part: String

    init(part: String = "word/document.xml") {
        self.part = part
    }

    // MARK: Output

    private(set) var blocks: [Block] = []
    /// Everything needed to resolve styles and numbering later, for every paragraph in document
    /// order (body, table cells, text boxes): numbering counters run through all of them.
    private(set) var paragraphSlots: [ParagraphSlot] = []
    private(set) var failure: InputError?

    struct ParagraphSlot {
        var styleID: String?
        /// `w:numPr` written on the paragraph itself (numId 0 cancels a style's numbering).
        var numID: Int?
        var numLevel: Int?
        /// Index in `blocks` for body and text-box paragraphs; nil for paragraphs inside table cells.
        var blockIndex: Int?
        /// Distinct (direct bold, run style) pairs of the runs that show text, to decide boldness once styles are known.
        var runFormats: [RunFormat]
    }

    struct RunFormat: Equatable {
        var bold: Bool?
        var runStyle: String?
    }

    // MARK: Element context

    private var names: [String] = []
    /// While > 0, everything is ignored until the element at this depth closes.
    private var skipDepth = 0
    private enum Container { case body, cell, textBox, other }
    private var containers: [Container] = []
    /// One flag per open `mc:AlternateContent`: whether a branch has been taken.
    private var alternateTaken: [Bool] = []

    // MARK: Paragraph and run state

    private struct ParagraphBuilder {
        var text: [UInt8] = []
        var styleID: String?
        var numID: Int?
        var numLevel: Int?
        var outlineLevel: Int?
        var isTOCEntry = false
        var runFormats: [RunFormat] = []
        var container: Container
    }
    private var paragraphs: [ParagraphBuilder] = []
    private var runBold: Bool?
    private var runStyle: String?
    private var runHidden = false
    private var collecting = false
    private var collectingInstruction = false

    private struct Field {
        var instruction: [UInt8] = []
        var showingResult: Bool
        var isTOC: Bool { Self.startsWithTOC(instruction) }
        static func startsWithTOC(_ bytes: [UInt8]) -> Bool {
            let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x09 }
            let prefix = Array(trimmed.prefix(4))
            guard prefix.count >= 3 else { return false }
            let upper = prefix.map { ($0 >= 0x61 && $0 <= 0x7A) ? $0 - 0x20 : $0 }
            return upper[0] == 0x54 && upper[1] == 0x4F && upper[2] == 0x43
                && (upper.count == 3 || upper[3] == 0x20 || upper[3] == 0x09)
        }
    }
    private var fields: [Field] = []
    private var tocDepth: Int { fields.filter { $0.showingResult && $0.isTOC }.count }

    /// Text boxes finished inside the current paragraph, emitted after it.
    private var pendingTextBoxes: [[UInt8]] = []
    private var pendingTextBoxSlots: [ParagraphSlot] = []

    // MARK: Table state

    private struct CellBuilder {
        var paragraphs: [String] = []
        var span = 1
        var verticalMerge: VerticalMerge = .none
        var horizontalContinue = false
        var nested: [Table] = []
    }
    private enum VerticalMerge { case none, restart, `continue` }
    private struct RowBuilder {
        var cells: [Cell] = []
        var gridBefore = 0
        var gridAfter = 0
        var repeatsAsHeader = false
        var width = 0
    }
    private struct TableBuilder {
        var rows: [Row] = []
        var paragraphsBefore: Int
        /// Every paragraph text inside the table, nested tables included, in document order.
        var allParagraphs: [String] = []
    }
    private var tables: [TableBuilder] = []
    private var row: [RowBuilder] = []
    private var cell: [CellBuilder] = []

    private(set) var bodyParagraphCount = 0
    private(set) var tableCount = 0

    // MARK: Events

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        names.append(name.local)
        if names.count > Self.maxElementDepth, failure == nil {
            failure = .tooDeep(part: part, limit: Self.maxElementDepth)
        }
        if skipDepth > 0 { return }
        switch name.namespace {
        case .w: startW(name.local, attributes)
        case .m:
            if name.local == "t" { collecting = collectingAllowed }
        case .mc:
            if name.local == "AlternateContent" {
                alternateTaken.append(false)
            } else if name.local == "Choice" || name.local == "Fallback" {
                if alternateTaken.last == true { skip() } else if !alternateTaken.isEmpty {
                    alternateTaken[alternateTaken.count - 1] = true
                }
            }
        default: break
        }
    }

    func endElement(_ name: XMLName) {
        defer { names.removeLast() }
        if skipDepth > 0 {
            if names.count == skipDepth { skipDepth = 0 }
            return
        }
        switch name.namespace {
        case .w: endW(name.local)
        case .m: if name.local == "t" { collecting = false }
        case .mc: if name.local == "AlternateContent" { _ = alternateTaken.popLast() }
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if collecting, !paragraphs.isEmpty {
            paragraphs[paragraphs.count - 1].text.append(contentsOf: text)
            noteVisibleText(text)
        } else if collectingInstruction, !fields.isEmpty {
            if fields[fields.count - 1].instruction.count < 4_096 {
                fields[fields.count - 1].instruction.append(contentsOf: text)
            }
        }
    }

    // MARK: WordprocessingML

    private var parent: String { names.count >= 2 ? names[names.count - 2] : "" }
    private var grandparent: String { names.count >= 3 ? names[names.count - 3] : "" }

    private func skip() { skipDepth = names.count }

    /// Text is shown unless a field is still in its instruction part, or the run is hidden.
    private var collectingAllowed: Bool {
        !runHidden && !paragraphs.isEmpty && !fields.contains { !$0.showingResult }
    }

    private func startW(_ local: String, _ attributes: XMLAttributes) {
        if local.hasSuffix("Change") { skip(); return }
        switch local {
        case "body": containers.append(.body)
        case "del", "moveFrom", "sdtPr", "sdtEndPr", "sectPr", "delText", "delInstrText": skip()
        case "p": paragraphs.append(ParagraphBuilder(isTOCEntry: tocDepth > 0, container: containers.last ?? .other))
        case "r":
            runBold = nil
            runStyle = nil
            runHidden = false
        case "t": collecting = collectingAllowed
        case "tab", "ptab":
            if parent == "r" { appendVisible("\t") }
        case "br", "cr":
            if parent == "r" { appendVisible("\n") }
        case "noBreakHyphen":
            appendVisible("-")
        case "sym":
            if let code = attributes["char"].flatMap({ UInt32($0, radix: 16) }) { appendVisible(Self.symbol(code)) }
        case "instrText":
            collectingInstruction = fields.last.map { !$0.showingResult } ?? false
        case "fldChar":
            switch attributes["fldCharType"] {
            case "begin": if fields.count < 64 { fields.append(Field(showingResult: false)) }
            case "separate": if !fields.isEmpty { fields[fields.count - 1].showingResult = true }
            case "end": _ = fields.popLast()
            default: break
            }
            if tocDepth > 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].isTOCEntry = true }
        case "fldSimple":
            if fields.count < 64 {
                fields.append(Field(instruction: Array((attributes["instr"] ?? "").utf8), showingResult: true))
            }
            if tocDepth > 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].isTOCEntry = true }
        case "b":
            if parent == "rPr", grandparent == "r" { runBold = Self.onOff(attributes["val"]) }
        case "vanish":
            if parent == "rPr", grandparent == "r" { runHidden = Self.onOff(attributes["val"]) }
        case "rStyle":
            if parent == "rPr", grandparent == "r" { runStyle = attributes["val"] }
        case "pStyle":
            if parent == "pPr", grandparent == "p", !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].styleID = attributes["val"]
            }
        case "numId", "ilvl":
            if parent == "numPr", grandparent == "pPr", names.count >= 4, names[names.count - 4] == "p",
               !paragraphs.isEmpty, let value = attributes["val"].flatMap({ Int($0) }) {
                if local == "numId" { paragraphs[paragraphs.count - 1].numID = value }
                else { paragraphs[paragraphs.count - 1].numLevel = min(max(value, 0), 8) }
            }
        case "outlineLvl":
            if parent == "pPr", grandparent == "p", !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].outlineLevel = attributes["val"].flatMap { Int($0) }
            }
        case "txbxContent": containers.append(.textBox)
        case "tbl":
            if tables.count >= Self.maxTableDepth {
                failure = failure ?? .tooDeep(part: part, limit: Self.maxTableDepth)
                return
            }
            tables.append(TableBuilder(paragraphsBefore: bodyParagraphCount))
        case "tr": row.append(RowBuilder())
        case "tc":
            cell.append(CellBuilder())
            containers.append(.cell)
        case "tblHeader":
            if parent == "trPr", !row.isEmpty { row[row.count - 1].repeatsAsHeader = Self.onOff(attributes["val"]) }
        case "gridBefore", "gridAfter":
            if parent == "trPr", !row.isEmpty {
                let value = Self.clampedCount(attributes["val"])
                if local == "gridBefore" { row[row.count - 1].gridBefore = value }
                else { row[row.count - 1].gridAfter = value }
            }
        case "gridSpan":
            if parent == "tcPr", !cell.isEmpty { cell[cell.count - 1].span = max(1, Self.clampedCount(attributes["val"])) }
        case "vMerge":
            if parent == "tcPr", !cell.isEmpty {
                cell[cell.count - 1].verticalMerge = attributes["val"] == "restart" ? .restart : .continue
            }
        case "hMerge":
            if parent == "tcPr", !cell.isEmpty {
                cell[cell.count - 1].horizontalContinue = attributes["val"] != "restart"
            }
        default: break
        }
    }

    private func endW(_ local: String) {
        switch local {
        case "body": _ = containers.popLast()
        case "t": collecting = false
        case "instrText": collectingInstruction = false
        case "fldSimple": _ = fields.popLast()
        case "r":
            runBold = nil
            runStyle = nil
            runHidden = false
        case "p": finishParagraph()
        case "txbxContent": _ = containers.popLast()
        case "tc": finishCell()
        case "tr": finishRow()
        case "tbl": finishTable()
        default: break
        }
    }

    private func appendVisible(_ text: String) {
        guard collectingAllowed else { return }
        paragraphs[paragraphs.count - 1].text.append(contentsOf: text.utf8)
    }

    private func noteVisibleText(_ text: UnsafeBufferPointer<UInt8>) {
        if tocDepth > 0 { paragraphs[paragraphs.count - 1].isTOCEntry = true }
        guard text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return }
        let format = RunFormat(bold: runBold, runStyle: runStyle)
        if !paragraphs[paragraphs.count - 1].runFormats.contains(format) {
            paragraphs[paragraphs.count - 1].runFormats.append(format)
        }
    }

    private func finishParagraph() {
        guard let built = paragraphs.popLast() else { return }
        collecting = false
        let text = String(decoding: built.text, as: UTF8.self)
        var slot = ParagraphSlot(styleID: built.styleID, numID: built.numID, numLevel: built.numLevel,
                                 blockIndex: nil, runFormats: built.runFormats)
        switch built.container {
        case .body:
            bodyParagraphCount += 1
            var paragraph = Paragraph(location: Location(paragraph: bodyParagraphCount), text: text,
                                      styleID: built.styleID, isTOCEntry: built.isTOCEntry)
            if let level = built.outlineLevel, (0...8).contains(level) { paragraph.headingLevel = level + 1 }
            slot.blockIndex = blocks.count
            blocks.append(.paragraph(paragraph))
            paragraphSlots.append(slot)
            // Text boxes anchored in this paragraph follow it as blocks of their own.
            for (boxText, var boxSlot) in zip(pendingTextBoxes, pendingTextBoxSlots) {
                let boxParagraph = Paragraph(location: Location(paragraph: bodyParagraphCount),
                                             text: String(decoding: boxText, as: UTF8.self),
                                             styleID: boxSlot.styleID, container: .textBox)
                boxSlot.blockIndex = blocks.count
                blocks.append(.paragraph(boxParagraph))
                paragraphSlots.append(boxSlot)
            }
            pendingTextBoxes.removeAll()
            pendingTextBoxSlots.removeAll()
        case .cell:
            paragraphSlots.append(slot)
            addToCell(text)
            for boxText in pendingTextBoxes { addToCell(String(decoding: boxText, as: UTF8.self)) }
            paragraphSlots.append(contentsOf: pendingTextBoxSlots)
            pendingTextBoxes.removeAll()
            pendingTextBoxSlots.removeAll()
        case .textBox, .other:
            pendingTextBoxes.append(built.text)
            pendingTextBoxSlots.append(slot)
        }
    }

    private func addToCell(_ text: String) {
        guard !cell.isEmpty, !tables.isEmpty else { return }
        if !text.isEmpty { cell[cell.count - 1].paragraphs.append(text) }
        tables[tables.count - 1].allParagraphs.append(text)
    }

    private func finishCell() {
        _ = containers.popLast()
        guard let built = cell.popLast(), !row.isEmpty else { return }
        var current = row[row.count - 1]
        let room = Self.maxColumns - current.width
        guard room > 0 else { return }
        let span = min(built.span, room)
        if built.verticalMerge == .continue {
            current.cells.append(Cell(text: "", kind: .mergedAbove, span: span))
        } else if built.horizontalContinue {
            current.cells.append(Cell(text: "", kind: .spanned, span: 1))
        } else {
            current.cells.append(Cell(text: built.paragraphs.joined(separator: "\n"), kind: .origin, span: span,
                                      startsVerticalMerge: built.verticalMerge == .restart, nestedTables: built.nested))
        }
        if span > 1 {
            current.cells.append(contentsOf: repeatElement(Cell(text: "", kind: .spanned), count: span - 1))
        }
        current.width += span
        row[row.count - 1] = current
    }

    private func finishRow() {
        guard let built = row.popLast(), !tables.isEmpty else { return }
        let before = min(built.gridBefore, Self.maxColumns)
        let after = min(built.gridAfter, max(0, Self.maxColumns - before - built.width))
        var cells = Array(repeating: Cell.empty, count: before)
        cells.append(contentsOf: built.cells)
        cells.append(contentsOf: repeatElement(Cell.empty, count: after))
        let index = tables[tables.count - 1].rows.count + 1
        tables[tables.count - 1].rows.append(Row(index: index, cells: cells, repeatsAsHeader: built.repeatsAsHeader))
    }

    private func finishTable() {
        guard let built = tables.popLast() else { return }
        if !tables.isEmpty {
            // Nested: kept inside its cell; its text also belongs to the cell's text.
            let table = Table(index: tableCount + 1, paragraphsBefore: built.paragraphsBefore, rows: built.rows,
                              depth: tables.count)
            if !cell.isEmpty {
                cell[cell.count - 1].nested.append(table)
                cell[cell.count - 1].paragraphs.append(contentsOf: built.allParagraphs.filter { !$0.isEmpty })
            }
            tables[tables.count - 1].allParagraphs.append(contentsOf: built.allParagraphs)
        } else if containers.last == .body {
            tableCount += 1
            blocks.append(.table(Table(index: tableCount, paragraphsBefore: built.paragraphsBefore, rows: built.rows)))
        } else {
            // A table inside a text box: its text stays with the text box.
            for text in built.allParagraphs where !text.isEmpty {
                pendingTextBoxes.append(Array(text.utf8))
                pendingTextBoxSlots.append(ParagraphSlot(styleID: nil, blockIndex: nil, runFormats: []))
            }
        }
    }

    // MARK: Value helpers

    /// OOXML on/off values: absent means on.
    static func onOff(_ value: String?) -> Bool {
        guard let value else { return true }
        return !(value == "0" || value == "false" || value == "off" || value == "none")
    }

    static func clampedCount(_ value: String?) -> Int {
        guard let value, let number = Int(value.prefix(9)) else { return 0 }
        return min(max(number, 0), maxColumns)
    }

    /// `w:sym` characters: Symbol/Wingdings fonts put their glyphs in the private-use range F000–F0FF.
    static func symbol(_ code: UInt32) -> String {
        switch code {
        case 0xF0B7, 0xF06C, 0xF09F: return "•"
        case 0xF0A7, 0xF0A8: return "▪"
        case 0xF0D8: return "➢"
        case 0xF0FC: return "✓"
        default:
            let adjusted = (0xF020...0xF0FF).contains(code) ? code - 0xF000 : code
            return Unicode.Scalar(adjusted).map { String(Character($0)) } ?? ""
        }
    }
}
