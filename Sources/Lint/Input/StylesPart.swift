import Foundation

/// The styles of `word/styles.xml` that iku-lint needs, with Word's inheritance through `w:basedOn`.
///
/// Resolution walks the `w:basedOn` chain from the named style. The walk stops at a style already
/// visited (a cycle, which Word repairs on open) and after `maxChainLength` styles, so a hostile
/// file cannot make it loop. A paragraph without `w:pStyle`, or with a style id the sheet does not
/// define, gets the default paragraph style (`w:default="1"`), as in Word.
struct StyleSheet: Sendable, Equatable {
    /// One `w:style` as written (own properties only; inherited ones are resolved on demand).
    struct Style: Sendable, Equatable {
        enum Kind: String, Sendable, Equatable { case paragraph, character, table, numbering }

        var id: String
        var kind: Kind
        var name: String?
        var basedOn: String?
        /// `w:default="1"`: the style Word applies when none is named.
        var isDefault = false
        /// `w:pPr/w:outlineLvl` as written: 0…8 are heading levels 1…9, 9 is body text.
        var outlineLevel: Int?
        /// `w:pPr/w:numPr/w:numId` (0 removes numbering inherited from a base style).
        var numID: Int?
        /// `w:pPr/w:numPr/w:ilvl`.
        var numLevel: Int?
        /// `w:rPr/w:b`.
        var bold: Bool?

        init(id: String, kind: Kind) {
            self.id = id
            self.kind = kind
        }
    }

    /// Word nests styles only a few levels deep; a longer chain is damaged or hostile.
    static let maxChainLength = 64

    /// Styles by `w:styleId` (the first definition of an id wins, as in Word).
    private(set) var styles: [String: Style]
    /// `w:docDefaults/w:rPrDefault/w:rPr/w:b`.
    let defaultRunBold: Bool?
    /// The paragraph style with `w:default="1"`: what paragraphs without `w:pStyle` use.
    let defaultParagraphStyleID: String?

    init(styles: [String: Style] = [:], defaultRunBold: Bool? = nil) {
        self.styles = styles
        self.defaultRunBold = defaultRunBold
        // Several defaults are invalid but happen; pick one deterministically (the smallest id).
        self.defaultParagraphStyleID = styles.values
            .filter { $0.kind == .paragraph && $0.isDefault }
            .map(\.id)
            .min()
    }

    /// A document without `word/styles.xml`.
    static let empty = StyleSheet()

    func style(_ id: String) -> Style? { styles[id] }

    /// Display name of a style (`w:name`), e.g. "heading 1" for styleId "Judul1".
    func name(of styleID: String) -> String? { styles[styleID]?.name }

    /// Heading level 1…9 of a paragraph style, through `w:basedOn`.
    ///
    /// The first style in the chain that decides wins:
    /// - a built-in heading: `w:name` "heading N" (Word always writes the English built-in name,
    ///   whatever the UI language and whatever the styleId — "Heading1", "Judul1", "berschrift1",
    ///   "1" — so the name is the reliable key; LibreOffice writes "Heading N", hence case-insensitive).
    ///   Word fixes a built-in heading's outline level, so the name beats its `w:outlineLvl`.
    ///   A style without `w:name` is matched on a styleId "HeadingN".
    /// - an explicit `w:outlineLvl`: 0…8 → level 1…9; 9 (body text) or anything else → not a heading.
    /// "Title" and "Subtitle" are not heading levels: Word gives them body-text outline level, and
    /// they do not appear in the navigation pane or a default TOC.
    func headingLevel(paragraphStyle: String?) -> Int? {
        for style in paragraphChain(from: paragraphStyle) {
            if let level = Self.builtInHeadingLevel(style) { return level }
            if let outline = style.outlineLevel {
                return (0...8).contains(outline) ? outline + 1 : nil
            }
        }
        return nil
    }

    /// Automatic numbering a paragraph style carries (`w:numPr`), through `w:basedOn`.
    ///
    /// `w:numId` and `w:ilvl` inherit separately (each from the nearest style that writes it);
    /// a missing `w:ilvl` means level 0. A `w:numId` of 0 removes the numbering a base style adds.
    /// Note: when the numbering definition links a level to the style (`w:lvl/w:pStyle`), Word uses
    /// that level instead of `w:ilvl`; `NumberingResolver.reference(numID:level:paragraphStyle:)`
    /// applies that rule and the merge with the paragraph's own `w:numPr`.
    func numbering(paragraphStyle: String?) -> NumberingReference? {
        guard let inherited = inheritedNumbering(paragraphStyle: paragraphStyle), inherited.numID != 0 else {
            return nil
        }
        return NumberingReference(numID: inherited.numID, level: inherited.level ?? 0)
    }

    /// What `numbering(paragraphStyle:)` resolves, before defaults: the nearest `w:numId`, the
    /// nearest `w:ilvl` (nil when no style in the chain writes one) and the styles walked, from the
    /// paragraph's own style up to the one that writes `w:numId`.
    struct InheritedNumbering: Sendable, Equatable {
        var numID: Int
        var level: Int?
        var styleIDs: [String]
    }

    func inheritedNumbering(paragraphStyle: String?) -> InheritedNumbering? {
        var numID: Int?
        var level: Int?
        var walked: [String] = []
        for style in paragraphChain(from: paragraphStyle) {
            if numID == nil { walked.append(style.id) }
            if numID == nil, let id = style.numID { numID = id }
            if level == nil, let ilvl = style.numLevel { level = ilvl }
            if numID != nil, level != nil { break }
        }
        guard let numID else { return nil }
        return InheritedNumbering(numID: numID, level: level, styleIDs: walked)
    }

    /// `w:numId` of a numbering style (`w:type="numbering"`), which `w:numStyleLink` points through.
    func numberingStyleNumID(_ styleID: String) -> Int? {
        for style in chain(from: styleID) {
            if let id = style.numID { return id }
        }
        return nil
    }

    /// Whether text is bold by styles alone (the caller applies a run's direct `w:b`, which wins).
    ///
    /// Bold is a toggle property (ECMA-376 Part 1 §17.7.3): each style level (paragraph style chain,
    /// character style chain) contributes its nearest value, and the levels combine by exclusive or,
    /// so a bold character style ("Strong") inside a bold paragraph style (a heading) shows as not
    /// bold; pandoc's `paragraph-run-style-emphasis-flip.docx` test pins the same rule for italics.
    /// The document default (`w:docDefaults`) applies only when no style level says anything.
    /// Table-style formatting is not part of this resolution.
    func isBold(paragraphStyle: String?, runStyle: String?) -> Bool {
        let paragraphBold = paragraphChain(from: paragraphStyle).lazy.compactMap(\.bold).first
        let runBold = runStyle.flatMap { chain(from: $0).lazy.compactMap(\.bold).first }
        if paragraphBold == nil, runBold == nil { return defaultRunBold ?? false }
        return (paragraphBold ?? false) != (runBold ?? false)
    }

    // MARK: Chains

    /// The paragraph style and its bases; the default paragraph style when none or an unknown one is named.
    func paragraphChain(from styleID: String?) -> [Style] {
        if let styleID, styles[styleID] != nil { return chain(from: styleID) }
        guard let fallback = defaultParagraphStyleID else { return [] }
        return chain(from: fallback)
    }

    /// The style and its `w:basedOn` ancestors, nearest first; cycle-safe and length-limited.
    func chain(from styleID: String) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var next: String? = styleID
        while let id = next, result.count < Self.maxChainLength, seen.insert(id).inserted,
              let style = styles[id] {
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// "heading 1" … "heading 9" (any case, the space optional); the styleId when there is no name.
    static func builtInHeadingLevel(_ style: Style) -> Int? {
        let key = (style.name ?? style.id).lowercased()
        guard key.hasPrefix("heading") else { return nil }
        var rest = key.dropFirst("heading".count)
        if rest.first == " " { rest = rest.dropFirst() }
        guard rest.count == 1, let digit = rest.first?.wholeNumberValue, (1...9).contains(digit) else { return nil }
        return digit
    }

    // MARK: Attribute values shared by the styles and numbering readers

    /// An ST_OnOff value: absent means on; "0", "false", "off" (any case) mean off.
    static func onOff(_ value: String?) -> Bool {
        guard let value else { return true }
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "0", "false", "off": return false
        default: return true
        }
    }

    /// A decimal integer attribute, clamped to `range` (hostile files write huge numbers).
    static func integer(_ value: String?, in range: ClosedRange<Int> = -1_000_000...1_000_000) -> Int? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let number = Int(trimmed) { return min(max(number, range.lowerBound), range.upperBound) }
        // Too many digits for Int: clamp by sign rather than reject.
        let digits = trimmed.drop { $0 == "-" || $0 == "+" }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return trimmed.hasPrefix("-") ? range.lowerBound : range.upperBound
    }
}

/// Streams `word/styles.xml` into a `StyleSheet`.
///
/// Only what the lint needs is read: each style's type, id, name, base, default flag, outline level,
/// numbering and bold, plus the document-default bold. Tracked property changes (`w:pPrChange`,
/// `w:rPrChange` … any element whose name ends in "Change") hold the OLD values and are skipped,
/// as are the conditional formats of table styles (`w:tblStylePr`), whose bold applies only to
/// parts of a table.
final class StylesPartHandler: XMLEventHandler {
    private(set) var failure: InputError?

    private var styles: [String: StyleSheet.Style] = [:]
    private var defaultRunBold: Bool?

    /// Local names of the open elements, with non-WordprocessingML ones recorded as "".
    private var path: [String] = []
    /// While set, everything is ignored until the element at this depth closes.
    private var skipDepth: Int?
    /// Index in `path` of the open `w:style`, and the style being read.
    private var styleIndex: Int?
    private var current: StyleSheet.Style?
    /// Index in `path` of the open `w:docDefaults`.
    private var defaultsIndex: Int?

    var styleSheet: StyleSheet { StyleSheet(styles: styles, defaultRunBold: defaultRunBold) }

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        path.append(name.namespace == .w ? name.local : "")
        let depth = path.count
        if skipDepth != nil { return }
        guard name.namespace == .w else { return }
        if name.local.hasSuffix("Change") || name.local == "tblStylePr" {
            skipDepth = depth
            return
        }

        if let styleIndex, current != nil {
            readStyleProperty(name.local, relative: path[styleIndex...], attributes: attributes)
            return
        }
        if let defaultsIndex {
            if path[defaultsIndex...].elementsEqual(["docDefaults", "rPrDefault", "rPr", "b"]) {
                defaultRunBold = StyleSheet.onOff(attributes["val"])
            }
            return
        }
        switch name.local {
        case "style":
            styleIndex = depth - 1
            // Without an id a style cannot be referenced: read it, then drop it.
            var style = StyleSheet.Style(id: attributes["styleId"] ?? "", kind: Self.kind(attributes["type"]))
            style.isDefault = attributes["default"].map { StyleSheet.onOff($0) } ?? false
            current = style
        case "docDefaults":
            defaultsIndex = depth - 1
        default:
            break
        }
    }

    func endElement(_ name: XMLName) {
        let depth = path.count
        defer { path.removeLast() }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        if let index = styleIndex, depth - 1 == index {
            if let style = current, !style.id.isEmpty, styles[style.id] == nil {
                styles[style.id] = style
            }
            current = nil
            styleIndex = nil
        } else if let index = defaultsIndex, depth - 1 == index {
            defaultsIndex = nil
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    private func readStyleProperty(_ local: String, relative: ArraySlice<String>, attributes: XMLAttributes) {
        let value = attributes["val"]
        switch local {
        case "name" where relative.elementsEqual(["style", "name"]):
            current?.name = value
        case "basedOn" where relative.elementsEqual(["style", "basedOn"]):
            current?.basedOn = value
        case "outlineLvl" where relative.elementsEqual(["style", "pPr", "outlineLvl"]):
            current?.outlineLevel = StyleSheet.integer(value, in: 0...9)
        case "numId" where relative.elementsEqual(["style", "pPr", "numPr", "numId"]):
            current?.numID = StyleSheet.integer(value, in: 0...Int(Int32.max))
        case "ilvl" where relative.elementsEqual(["style", "pPr", "numPr", "ilvl"]):
            current?.numLevel = StyleSheet.integer(value, in: 0...Int(Int32.max))
        case "b" where relative.elementsEqual(["style", "rPr", "b"]):
            current?.bold = StyleSheet.onOff(value)
        default:
            break
        }
    }

    /// `w:type`; the schema default is paragraph.
    private static func kind(_ value: String?) -> StyleSheet.Style.Kind {
        switch value {
        case "character": .character
        case "table": .table
        case "numbering": .numbering
        default: .paragraph
        }
    }
}
