import Foundation
import Testing
@testable import Lint

// MARK: - Helpers

private enum NumberingFixtures {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"
        """

    /// `<w:numbering>` around the given abstractNum / num markup.
    static func numberingXML(_ body: String) -> Data {
        Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:numbering \(namespaces)>\(body)</w:numbering>".utf8)
    }

    static func stylesXML(_ body: String) -> Data {
        Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles \(namespaces)>\(body)</w:styles>".utf8)
    }

    /// One `w:lvl`.
    static func lvl(_ ilvl: Int, _ format: String, _ text: String, start: Int? = 1, extra: String = "") -> String {
        let startElement = start.map { "<w:start w:val=\"\($0)\"/>" } ?? ""
        return "<w:lvl w:ilvl=\"\(ilvl)\">\(startElement)<w:numFmt w:val=\"\(format)\"/>"
            + "<w:lvlText w:val=\"\(text)\"/>\(extra)</w:lvl>"
    }

    static func abstractNum(_ id: Int, _ levels: String, extra: String = "") -> String {
        "<w:abstractNum w:abstractNumId=\"\(id)\">\(extra)\(levels)</w:abstractNum>"
    }

    static func num(_ id: Int, abstract: Int, overrides: String = "") -> String {
        "<w:num w:numId=\"\(id)\"><w:abstractNumId w:val=\"\(abstract)\"/>\(overrides)</w:num>"
    }

    static func startOverride(_ ilvl: Int, _ value: Int) -> String {
        "<w:lvlOverride w:ilvl=\"\(ilvl)\"><w:startOverride w:val=\"\(value)\"/></w:lvlOverride>"
    }

    /// A decimal outline: "%1." , "%1.%2." , "%1.%2.%3." …
    static func outline(_ id: Int, levels: Int = 3, extra: [Int: String] = [:]) -> String {
        let lvls = (0..<levels).map { index in
            lvl(index, "decimal", (1...index + 1).map { "%\($0)." }.joined(), extra: extra[index] ?? "")
        }
        return abstractNum(id, lvls.joined())
    }

    static func definitions(_ body: String) throws -> NumberingDefinitions {
        let handler = NumberingPartHandler()
        try XMLStream.parse(part: "word/numbering.xml", data: numberingXML(body), handler: handler)
        return handler.definitions
    }

    static func styleSheet(_ body: String) throws -> StyleSheet {
        let handler = StylesPartHandler()
        try XMLStream.parse(part: "word/styles.xml", data: stylesXML(body), handler: handler)
        return handler.styleSheet
    }

    /// Markers for a sequence of (numId, ilvl) paragraphs.
    static func markers(_ body: String, _ references: [(Int, Int)], styles: StyleSheet = .empty) throws -> [String?] {
        var resolver = NumberingResolver(definitions: try definitions(body), styles: styles)
        return references.map { resolver.label(for: NumberingReference(numID: $0.0, level: $0.1))?.marker }
    }
}

/// One `w:p` of document.xml as the tests need it: style, own `w:numPr`, text.
private struct CollectedParagraph {
    var styleID: String?
    var numID: Int?
    var level: Int?
    var text = ""
}

/// Collects the paragraphs of document.xml in the order they end (document order for these files),
/// skipping tracked old properties (`…Change`) and the fallback copies of `mc:AlternateContent`.
private final class ParagraphCollector: XMLEventHandler {
    var failure: InputError?
    private(set) var paragraphs: [CollectedParagraph] = []
    private var open: [CollectedParagraph] = []
    private var depth = 0
    private var skipDepth: Int?
    private var inText = false
    private var inNumberingProperties = false

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        depth += 1
        guard skipDepth == nil else { return }
        if name.local.hasSuffix("Change") || (name.namespace == .mc && name.local == "Fallback") {
            skipDepth = depth
            return
        }
        guard name.namespace == .w else { return }
        switch name.local {
        case "p": open.append(CollectedParagraph())
        case "pStyle": if !open.isEmpty { open[open.count - 1].styleID = attributes["val"] }
        case "numPr": inNumberingProperties = true
        case "numId" where inNumberingProperties:
            if !open.isEmpty { open[open.count - 1].numID = attributes["val"].flatMap { Int($0) } }
        case "ilvl" where inNumberingProperties:
            if !open.isEmpty { open[open.count - 1].level = attributes["val"].flatMap { Int($0) } }
        case "t": inText = true
        default: break
        }
    }

    func endElement(_ name: XMLName) {
        defer { depth -= 1 }
        if let skip = skipDepth {
            if skip == depth { skipDepth = nil }
            return
        }
        guard name.namespace == .w else { return }
        switch name.local {
        case "p": if let paragraph = open.popLast() { paragraphs.append(paragraph) }
        case "numPr": inNumberingProperties = false
        case "t": inText = false
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard inText, !open.isEmpty else { return }
        open[open.count - 1].text += String(decoding: text, as: UTF8.self)
    }
}

private enum PandocCorpus {
    /// Tests/LintTests/NumberingTests.swift → package root → ../shared/corpus/wild
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/wild")
        .standardizedFileURL

    struct Resolved {
        var paragraphs: [CollectedParagraph]
        var labels: [ListLabel?]
        var markers: [String?] { labels.map { $0?.marker } }
    }

    /// Reads numbering.xml, styles.xml and document.xml of a corpus file and resolves every paragraph's label.
    static func resolve(_ relative: String) throws -> Resolved {
        let archive = try ZipArchive(data: Data(contentsOf: root.appendingPathComponent(relative)))
        func part(_ name: String) throws -> Data? {
            guard let entry = archive.entry(named: name) else { return nil }
            return try archive.read(entry)
        }
        var definitions = NumberingDefinitions.empty
        if let data = try part("word/numbering.xml") {
            let handler = NumberingPartHandler()
            try XMLStream.parse(part: "word/numbering.xml", data: data, handler: handler)
            definitions = handler.definitions
        }
        var styles = StyleSheet.empty
        if let data = try part("word/styles.xml") {
            let handler = StylesPartHandler()
            try XMLStream.parse(part: "word/styles.xml", data: data, handler: handler)
            styles = handler.styleSheet
        }
        let collector = ParagraphCollector()
        let document = try #require(try part("word/document.xml"))
        try XMLStream.parse(part: "word/document.xml", data: document, handler: collector)

        var resolver = NumberingResolver(definitions: definitions, styles: styles)
        let labels = collector.paragraphs.map { paragraph -> ListLabel? in
            guard let reference = resolver.reference(numID: paragraph.numID, level: paragraph.level,
                                                     paragraphStyle: paragraph.styleID) else { return nil }
            return resolver.label(for: reference)
        }
        return Resolved(paragraphs: collector.paragraphs, labels: labels)
    }
}

// MARK: - Counters

@Suite("NumberingResolver")
struct NumberingResolverTests {
    fileprivate typealias F = NumberingFixtures

    @Test("a list counts from its start value; a second list of its own starts again")
    func separateAbstractsCountSeparately() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1.", start: 3))
            + F.abstractNum(1, F.lvl(0, "decimal", "%1)"))
            + F.num(1, abstract: 0) + F.num(2, abstract: 1)
        #expect(try F.markers(body, [(1, 0), (1, 0), (2, 0), (1, 0), (2, 0)]) == ["3.", "4.", "1)", "5.", "2)"])
    }

    @Test("several w:num over one abstractNum continue one sequence")
    func sharedAbstractContinues() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1.")) + F.num(1, abstract: 0) + F.num(2, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 0), (2, 0), (1, 0)]) == ["1.", "2.", "3.", "4."])
    }

    @Test("startOverride restarts the shared counter once, the first time its w:num numbers that level")
    func startOverrideAppliesOnce() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1."))
            + F.num(1, abstract: 0) + F.num(2, abstract: 0, overrides: F.startOverride(0, 1))
        // numId 2 restarts at 1; numId 1 continues from there; numId 2 again does not restart again.
        #expect(try F.markers(body, [(1, 0), (1, 0), (1, 0), (2, 0), (1, 0), (1, 0), (2, 0)])
            == ["1.", "2.", "3.", "1.", "2.", "3.", "4."])
    }

    @Test("startOverride of another value, and of a level the w:num reaches later")
    func startOverrideOtherLevel() throws {
        let body = F.outline(0)
            + F.num(1, abstract: 0)
            + F.num(2, abstract: 0, overrides: F.startOverride(0, 5) + F.startOverride(1, 7))
        #expect(try F.markers(body, [(1, 0), (2, 0), (1, 1), (2, 1), (2, 1), (2, 0), (2, 1)])
            == ["1.", "5.", "5.1.", "5.7.", "5.8.", "6.", "6.1."])
    }

    @Test("a startOverride on level 0 does not disturb a level-1 sequence that continues (dolanmiu/docx#2877)")
    func levelZeroOverrideLeavesDeeperLevels() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1.") + F.lvl(1, "decimal", "%2."))
            + F.num(1, abstract: 0, overrides: F.startOverride(0, 1))
            + F.num(2, abstract: 0, overrides: F.startOverride(0, 1))
        #expect(try F.markers(body, [(1, 1), (1, 1), (1, 1), (2, 1), (2, 1)]) == ["1.", "2.", "3.", "4.", "5."])
    }

    @Test("numbering a level restarts the deeper levels")
    func deeperLevelsRestart() throws {
        let body = F.outline(0) + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 1), (1, 1), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2)])
            == ["1.", "1.1.", "1.2.", "1.2.1.", "1.3.", "1.3.1.", "2.", "2.1.", "2.1.1."])
    }

    @Test("w:lvlRestart: 1 restarts only after level 1, 0 never restarts")
    func levelRestart() throws {
        let body = F.outline(0, levels: 3, extra: [2: "<w:lvlRestart w:val=\"1\"/>"])
            + F.abstractNum(1, F.lvl(0, "decimal", "%1.") + F.lvl(1, "lowerLetter", "%2)", extra: "<w:lvlRestart w:val=\"0\"/>"))
            + F.num(1, abstract: 0) + F.num(2, abstract: 1)
        // Level 3 keeps counting across a new level 2, restarts after a new level 1.
        #expect(try F.markers(body, [(1, 0), (1, 1), (1, 2), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2)])
            == ["1.", "1.1.", "1.1.1.", "1.2.", "1.2.2.", "2.", "2.1.", "2.1.1."])
        #expect(try F.markers(body, [(2, 0), (2, 1), (2, 1), (2, 0), (2, 1)]) == ["1.", "a)", "b)", "2.", "c)"])
    }

    @Test("a w:lvlRestart that names the level itself or a deeper one is ignored")
    func levelRestartIgnoredWhenNotHigher() throws {
        let body = F.outline(0, levels: 2, extra: [1: "<w:lvlRestart w:val=\"5\"/>"]) + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)]) == ["1.", "1.1.", "1.2.", "2.", "2.1."])
    }

    @Test("lvlText mixes levels in their own formats; literal text stays")
    func levelTextExpansion() throws {
        let body = F.abstractNum(0, F.lvl(0, "upperRoman", "BAB %1") + F.lvl(1, "upperLetter", "%2.")
            + F.lvl(2, "decimal", "%1.%2.%3") + F.lvl(3, "lowerLetter", "(%4)") + F.lvl(4, "decimalZero", "%5 -"))
            + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 0), (1, 1), (1, 1), (1, 2)])
            == ["BAB I", "A.", "I.A.1", "(a)", "01 -", "BAB II", "A.", "B.", "II.B.1"])
    }

    @Test("a level not numbered since its restart shows start − 1, as Word's 1.0.1")
    func skippedLevelShowsZero() throws {
        let body = F.outline(0) + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 1), (1, 0), (1, 2)]) == ["0.1.", "1.", "1.0.1."])
    }

    @Test("letters repeat past z; roman numerals; ordinals; values a format cannot show fall back to decimal")
    func formats() throws {
        let body = F.abstractNum(0, F.lvl(0, "lowerLetter", "%1.", start: 25)) + F.num(1, abstract: 0)
            + F.abstractNum(1, F.lvl(0, "upperLetter", "%1.", start: 52)) + F.num(2, abstract: 1)
        #expect(try F.markers(body, [(1, 0), (1, 0), (1, 0), (1, 0), (2, 0), (2, 0)])
            == ["y.", "z.", "aa.", "bb.", "ZZ.", "AAA."])
        #expect(NumberingResolver.format(4, as: .lowerRoman) == "iv")
        #expect(NumberingResolver.format(1999, as: .upperRoman) == "MCMXCIX")
        #expect(NumberingResolver.format(4000, as: .upperRoman) == "4000")
        #expect(NumberingResolver.format(0, as: .lowerLetter) == "0")
        #expect(NumberingResolver.format(7, as: .zeroPadded(width: 3)) == "007")
        #expect(NumberingResolver.format(123, as: .zeroPadded(width: 2)) == "123")
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map { NumberingResolver.format($0, as: .ordinal) }
            == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"])
    }

    @Test("roman levels give the value and the style")
    func labelFields() throws {
        var resolver = NumberingResolver(definitions: try F.definitions(
            F.abstractNum(0, F.lvl(0, "lowerRoman", "%1)", start: 3)) + F.num(4, abstract: 0)))
        let labelResult = resolver.label(for: NumberingReference(numID: 4, level: 0))
        let label = try #require(labelResult)
        #expect(label == ListLabel(marker: "iii)", value: 3, style: .lowerRoman, level: 0, source: .automatic, numID: 4))
    }

    @Test("w:isLgl shows every level in decimal")
    func legalNumbering() throws {
        let body = F.abstractNum(0, F.lvl(0, "upperRoman", "%1.")
            + F.lvl(1, "upperLetter", "%1.%2", extra: "<w:isLgl/>") + F.lvl(2, "lowerLetter", "%1.%2.%3"))
            + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 0), (1, 1), (1, 2)]) == ["I.", "II.", "2.1", "II.A.a"])
        var resolver = NumberingResolver(definitions: try F.definitions(body))
        _ = resolver.label(for: NumberingReference(numID: 1, level: 0))
        let legal = resolver.label(for: NumberingReference(numID: 1, level: 1))
        #expect(legal?.style == .decimal)
    }

    @Test("bullets: Symbol and Wingdings private-use characters, plain characters, pictures")
    func bullets() throws {
        let symbol = "<w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\" w:hint=\"default\"/></w:rPr>"
        let wingdings = "<w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\" w:hint=\"default\"/></w:rPr>"
        let courier = "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/></w:rPr>"
        let body = F.abstractNum(0, F.lvl(0, "bullet", "\u{F0B7}", extra: symbol)
            + F.lvl(1, "bullet", "o", extra: courier)
            + F.lvl(2, "bullet", "\u{F0A7}", extra: wingdings)
            + F.lvl(3, "bullet", "\u{F0D8}", extra: wingdings)
            + F.lvl(4, "bullet", "\u{F0FC}", extra: wingdings)
            + F.lvl(5, "bullet", "\u{B7}", extra: symbol)
            + F.lvl(6, "bullet", "\u{F02D}", extra: symbol)
            + F.lvl(7, "bullet", "-")
            + F.lvl(8, "bullet", "\u{F0B7}", extra: "<w:lvlPicBulletId w:val=\"0\"/>"))
            + F.num(1, abstract: 0)
        #expect(try F.markers(body, (0...8).map { (1, $0) }) == ["•", "o", "▪", "➢", "✓", "•", "-", "-", "•"])
        var resolver = NumberingResolver(definitions: try F.definitions(body))
        let labelResult = resolver.label(for: NumberingReference(numID: 1, level: 0))
        let label = try #require(labelResult)
        #expect(label == ListLabel(marker: "•", value: nil, style: .bullet, level: 0, source: .automatic, numID: 1))
    }

    @Test("a bullet or none level prints nothing inside another level's text")
    func bulletAndNoneInsideText() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1.") + F.lvl(1, "decimal", "%1.%2.")
            + F.lvl(2, "bullet", "\u{2014}") + F.lvl(3, "decimal", "%1.%2.%3%4."))
            + F.abstractNum(1, F.lvl(0, "none", "") + F.lvl(1, "decimal", "%1%2)"))
            + F.num(1, abstract: 0) + F.num(2, abstract: 1)
        // docxjs#217: Word shows 1.1.1. — the bullet level 3 adds nothing.
        #expect(try F.markers(body, [(1, 0), (1, 1), (1, 3), (1, 3), (1, 2)]) == ["1.", "1.1.", "1.1.1.", "1.1.2.", "—"])
        var resolver = NumberingResolver(definitions: try F.definitions(body))
        let noneResult = resolver.label(for: NumberingReference(numID: 2, level: 0))
        let none = try #require(noneResult)
        #expect(none.marker == "" && none.style == .none && none.value == 1)
        let nested = resolver.label(for: NumberingReference(numID: 2, level: 1))
        #expect(nested?.marker == "1)")
    }

    @Test("numId 0, an unknown numId, an undefined or out-of-range level: no label")
    func noLabel() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1.")) + F.num(1, abstract: 0) + F.num(2, abstract: 9)
        #expect(try F.markers(body, [(0, 0), (7, 0), (1, 1), (1, 9), (1, -1), (2, 0), (1, 0)])
            == [nil, nil, nil, nil, nil, nil, "1."])
    }

    @Test("w:start absent means 0 (ECMA-376 §17.9.25)")
    func missingStartIsZero() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1.", start: nil)) + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 0)]) == ["0.", "1."])
    }

    @Test("a replacement w:lvl in lvlOverride changes the format but keeps the shared count")
    func levelOverrideReplacement() throws {
        let replacement = "<w:lvlOverride w:ilvl=\"0\">" + F.lvl(0, "upperLetter", "%1") + "</w:lvlOverride>"
        let body = F.abstractNum(9, F.lvl(0, "decimal", "%1")) + F.abstractNum(25, F.lvl(0, "upperLetter", "%1"))
            + F.num(19, abstract: 9) + F.num(22, abstract: 9, overrides: replacement) + F.num(23, abstract: 25)
        #expect(try F.markers(body, [(19, 0), (22, 0), (22, 0), (23, 0), (23, 0), (19, 0)])
            == ["1", "B", "C", "A", "B", "4"])
    }

    @Test("numStyleLink leads to the definition with the matching styleLink, sharing its counters")
    func numStyleLinkThroughStyleLink() throws {
        let body = F.abstractNum(0, F.lvl(0, "lowerLetter", "%1)"), extra: "<w:styleLink w:val=\"DaftarHuruf\"/>")
            + F.abstractNum(1, "", extra: "<w:numStyleLink w:val=\"DaftarHuruf\"/>")
            + F.num(1, abstract: 0) + F.num(2, abstract: 1)
        #expect(try F.markers(body, [(1, 0), (2, 0), (2, 0), (1, 0)]) == ["a)", "b)", "c)", "d)"])
    }

    @Test("numStyleLink through the numbering style's own numPr")
    func numStyleLinkThroughStyles() throws {
        let styles = try F.styleSheet("""
            <w:style w:type="numbering" w:styleId="ListeAngka"><w:name w:val="Liste Angka"/>\
            <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
            """)
        let body = F.abstractNum(0, F.lvl(0, "decimal", "(%1)")) + F.abstractNum(1, "", extra: "<w:numStyleLink w:val=\"ListeAngka\"/>")
            + F.num(3, abstract: 0) + F.num(4, abstract: 1)
        #expect(try F.markers(body, [(4, 0), (4, 0), (3, 0)], styles: styles) == ["(1)", "(2)", "(3)"])
    }

    @Test("numStyleLink cycles stop")
    func numStyleLinkCycle() throws {
        let body = F.abstractNum(0, F.lvl(0, "decimal", "%1."), extra: "<w:numStyleLink w:val=\"A\"/><w:styleLink w:val=\"B\"/>")
            + F.abstractNum(1, F.lvl(0, "decimal", "%1)"), extra: "<w:numStyleLink w:val=\"B\"/><w:styleLink w:val=\"A\"/>")
            + F.num(1, abstract: 0)
        #expect(try F.markers(body, [(1, 0), (1, 0)]).count == 2)
    }
}

// MARK: - numbering.xml reading

@Suite("NumberingPartHandler")
struct NumberingPartTests {
    fileprivate typealias F = NumberingFixtures

    @Test("reads levels, overrides and links")
    func readsDefinitions() throws {
        let definitions = try F.definitions(
            F.abstractNum(3, F.lvl(0, "upperRoman", "%1.", start: 2, extra: "<w:pStyle w:val=\"Heading1\"/><w:lvlRestart w:val=\"0\"/><w:isLgl w:val=\"false\"/>"),
                          extra: "<w:styleLink w:val=\"S\"/>")
            + F.num(5, abstract: 3, overrides: F.startOverride(0, 4)))
        let level = try #require(definitions.abstracts[3]?.levels[0])
        #expect(level == NumberingLevel(start: 2, format: .upperRoman, text: "%1.", restartAfter: 0, isLegal: false,
                                        paragraphStyle: "Heading1"))
        #expect(definitions.abstracts[3]?.styleLink == "S")
        #expect(definitions.instances[5] == NumberingInstance(id: 5, abstractID: 3, overrides: [0: .init(start: 4)]))
    }

    @Test("tracked changes are ignored; unknown formats count as decimal; huge numbers are clamped")
    func robustness() throws {
        let definitions = try F.definitions(F.abstractNum(0,
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"99999999999999999999999\"/><w:numFmt w:val=\"chineseCounting\"/>"
            + "<w:lvlText w:val=\"%1.\"/><w:rPr><w:rFonts w:ascii=\"Symbol\"/><w:rPrChange w:id=\"1\"><w:rPr>"
            + "<w:rFonts w:ascii=\"Wingdings\"/></w:rPr></w:rPrChange></w:rPr></w:lvl>"
            + "<w:lvl w:ilvl=\"12\"><w:numFmt w:val=\"decimal\"/></w:lvl>") + F.num(1, abstract: 0))
        let level = try #require(definitions.abstracts[0]?.levels[0])
        #expect(level.start == 32_767 && level.format == .decimal && level.font == "Symbol")
        #expect(definitions.abstracts[0]?.levels.count == 1)
    }

    @Test("mc:AlternateContent: an understood custom format wins, else the fallback")
    func alternateContent() throws {
        func format(_ custom: String) throws -> NumberFormat? {
            let lvl = "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><mc:AlternateContent><mc:Choice Requires=\"w14\">"
                + "<w:numFmt w:val=\"custom\" w:format=\"\(custom)\"/></mc:Choice><mc:Fallback>"
                + "<w:numFmt w:val=\"lowerLetter\"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val=\"%1.\"/></w:lvl>"
            return try F.definitions(F.abstractNum(0, lvl)).abstracts[0]?.levels[0]?.format
        }
        #expect(try format("001, 002, 003, ...") == .zeroPadded(width: 3))
        #expect(try format("α, β, γ, ...") == .lowerLetter)
    }
}

// MARK: - styles.xml

@Suite("StyleSheet")
struct StyleSheetTests {
    fileprivate typealias F = NumberingFixtures

    static let sheetXML = """
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:rPrDefault></w:docDefaults>
        <w:latentStyles><w:lsdException w:name="heading 1" w:qFormat="1"/></w:latentStyles>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Judul1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="Heading 2"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="BabJudul"><w:name w:val="Bab Judul"/><w:basedOn w:val="Judul1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Uraian"><w:name w:val="Uraian"/><w:basedOn w:val="Judul1"/>\
        <w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:pPr><w:outlineLvl w:val="2"/>\
        <w:pPrChange w:id="3"><w:pPr><w:outlineLvl w:val="5"/></w:pPr></w:pPrChange></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b w:val="off"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
        <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>
        <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/><w:basedOn w:val="ListNumber"/>\
        <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="NoList"><w:name w:val="No List Para"/><w:basedOn w:val="ListNumber"/>\
        <w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
        <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="StrongChild"><w:name w:val="Strong Child"/><w:basedOn w:val="Strong"/></w:style>
        <w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>
        """

    @Test("names, default paragraph style")
    func names() throws {
        let sheet = try F.styleSheet(Self.sheetXML)
        #expect(sheet.name(of: "Judul1") == "heading 1")
        #expect(sheet.name(of: "Missing") == nil)
        #expect(sheet.defaultParagraphStyleID == "Normal")
        #expect(sheet.style("Grid")?.bold == nil)
    }

    @Test("heading levels from built-in names and outline levels, through basedOn")
    func headingLevels() throws {
        let sheet = try F.styleSheet(Self.sheetXML)
        #expect(sheet.headingLevel(paragraphStyle: "Judul1") == 1)
        #expect(sheet.headingLevel(paragraphStyle: "2") == 2)
        #expect(sheet.headingLevel(paragraphStyle: "BabJudul") == 1)
        #expect(sheet.headingLevel(paragraphStyle: "Uraian") == nil)
        #expect(sheet.headingLevel(paragraphStyle: "Sub") == 3)
        #expect(sheet.headingLevel(paragraphStyle: "Title") == nil)
        #expect(sheet.headingLevel(paragraphStyle: nil) == nil)
        #expect(sheet.headingLevel(paragraphStyle: "LoopA") == nil)
    }

    @Test("numbering inherited from the style chain; numId 0 cancels; ilvl inherits separately")
    func styleNumbering() throws {
        let sheet = try F.styleSheet(Self.sheetXML)
        #expect(sheet.numbering(paragraphStyle: "ListNumber") == NumberingReference(numID: 4, level: 0))
        #expect(sheet.numbering(paragraphStyle: "ListNumber2") == NumberingReference(numID: 4, level: 1))
        #expect(sheet.numbering(paragraphStyle: "NoList") == nil)
        #expect(sheet.numbering(paragraphStyle: nil) == nil)
    }

    @Test("bold is a toggle property across the paragraph and character style levels")
    func bold() throws {
        let sheet = try F.styleSheet(Self.sheetXML)
        #expect(sheet.isBold(paragraphStyle: "Judul1", runStyle: nil))
        #expect(sheet.isBold(paragraphStyle: "BabJudul", runStyle: nil))
        #expect(!sheet.isBold(paragraphStyle: "Uraian", runStyle: nil))
        #expect(!sheet.isBold(paragraphStyle: "Title", runStyle: nil))
        #expect(!sheet.isBold(paragraphStyle: nil, runStyle: nil))
        #expect(sheet.isBold(paragraphStyle: nil, runStyle: "StrongChild"))
        #expect(sheet.isBold(paragraphStyle: "Uraian", runStyle: "Strong"))
        // Strong inside a bold heading toggles bold off (ECMA-376 §17.7.3).
        #expect(!sheet.isBold(paragraphStyle: "Judul1", runStyle: "Strong"))

        let boldDefaults = try F.styleSheet("""
            <w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            """)
        #expect(boldDefaults.isBold(paragraphStyle: "Normal", runStyle: nil))
        #expect(boldDefaults.isBold(paragraphStyle: "Unknown", runStyle: nil))
    }

    @Test("the level linked to a style (w:lvl/w:pStyle) beats the style's ilvl; paragraph numPr wins")
    func referenceMerge() throws {
        let sheet = try F.styleSheet("""
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>\
            <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>\
            <w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            """)
        let definitions = try F.definitions(F.abstractNum(0, F.lvl(0, "decimal", "%1.", extra: "<w:pStyle w:val=\"Heading1\"/>")
            + F.lvl(1, "decimal", "%1.%2.", extra: "<w:pStyle w:val=\"Heading2\"/>") + F.lvl(2, "lowerLetter", "%3)"))
            + F.num(1, abstract: 0))
        let resolver = NumberingResolver(definitions: definitions, styles: sheet)
        #expect(resolver.reference(numID: nil, level: nil, paragraphStyle: "Heading2") == NumberingReference(numID: 1, level: 1))
        #expect(resolver.reference(numID: nil, level: nil, paragraphStyle: "ListNumber") == NumberingReference(numID: 1, level: 2))
        #expect(resolver.reference(numID: nil, level: 0, paragraphStyle: "ListNumber") == NumberingReference(numID: 1, level: 0))
        #expect(resolver.reference(numID: 0, level: nil, paragraphStyle: "ListNumber") == nil)
        #expect(resolver.reference(numID: 7, level: nil, paragraphStyle: "ListNumber") == NumberingReference(numID: 7, level: 2))
        #expect(resolver.reference(numID: 7, level: 3, paragraphStyle: nil) == NumberingReference(numID: 7, level: 3))
        #expect(resolver.reference(numID: nil, level: nil, paragraphStyle: nil) == nil)
    }
}

// MARK: - Real documents

@Suite("Numbering on real documents")
struct NumberingCorpusTests {
    /// `markers` for the numbered paragraphs only, with their text, to read failures easily.
    private func numbered(_ resolved: PandocCorpus.Resolved) -> [String] {
        zip(resolved.paragraphs, resolved.labels).compactMap { paragraph, label in
            label.map { "\($0.marker) \(paragraph.text.trimmingCharacters(in: .whitespaces))" }
        }
    }

    @Test("pandoc lists_restart_8367: a startOverride w:num restarts, the style's w:num continues from it")
    func restart8367() throws {
        let resolved = try PandocCorpus.resolve("pandoc/lists_restart_8367.docx")
        #expect(numbered(resolved) == ["1. Item 1", "2. Item 2", "3. Item 3",
                                       "1. Item 1", "2. Item 2", "3. Item 3", "4. Item 4"])
        #expect(resolved.markers == [nil, "1.", "2.", "3.", nil, nil, nil, "1.", "2.", "3.", "4.", nil, nil])
    }

    @Test("pandoc lists_level_override: six one-item lists over six abstracts, started 1…6 by startOverride")
    func levelOverride() throws {
        let resolved = try PandocCorpus.resolve("pandoc/lists_level_override.docx")
        #expect(numbered(resolved) == ["1. State of Documentation", "2. Content Migration", "3. Wiki (xl)",
                                       "4. XL Code Autoreview Bot (XLCRBot).", "5. Code documentation",
                                       "6. Education efforts"])
    }

    @Test("pandoc numbered_header: a Heading 1 with its own numPr")
    func numberedHeader() throws {
        let resolved = try PandocCorpus.resolve("pandoc/numbered_header.docx")
        #expect(resolved.markers == ["1."])
    }

    @Test("pandoc lists_sublist_reset: level 2 restarts under each level-1 item (lvlText \"1.%2\" is literal)")
    func sublistReset() throws {
        let resolved = try PandocCorpus.resolve("pandoc/lists_sublist_reset.docx")
        #expect(numbered(resolved) == ["1. Head 1", "1.1 Head 1.1", "1.2 Head 1.2", "2. Head 2", "1.1 Head 2.1"])
        #expect(resolved.labels.map { $0?.value } == [1, 1, 2, 2, 1])
        #expect(resolved.labels.map { $0?.level } == [0, 1, 1, 0, 1])
    }

    @Test("pandoc lists: numbers, letters, Symbol bullets, numId 0")
    func lists() throws {
        let resolved = try PandocCorpus.resolve("pandoc/lists.docx")
        #expect(resolved.markers == [nil, "1.", "2.", "a.", "b.", "•", "•", "-", "•", nil, "•", "•"])
        #expect(resolved.labels.compactMap { $0?.style } == [.decimal, .decimal, .lowerLetter, .lowerLetter,
                                                            .bullet, .bullet, .bullet, .bullet, .bullet, .bullet])
    }

    @Test("pandoc lists_continuing: the list continues after an interruption")
    func continuing() throws {
        let resolved = try PandocCorpus.resolve("pandoc/lists_continuing.docx")
        #expect(numbered(resolved) == ["1. Foo", "2. Bar", "3. Baz", "4. Bop"])
    }

    @Test("pandoc lists_restarting: start 2, then a list over another abstract starts at 1")
    func restarting() throws {
        let resolved = try PandocCorpus.resolve("pandoc/lists_restarting.docx")
        #expect(numbered(resolved) == ["2. Foo", "3. Bar", "4. Baz", "1. Bop."])
    }

    @Test("pandoc german_styled_lists: numbering from a paragraph style linked to a list style")
    func germanStyledLists() throws {
        let resolved = try PandocCorpus.resolve("pandoc/german_styled_lists.docx")
        #expect(numbered(resolved) == ["– One level of the list.", "– Second level of the list.",
                                       "– Next level of the list", "– Back to the top level."])
        #expect(resolved.labels.compactMap { $0?.level } == [0, 0, 1, 0])
    }

    @Test("POI ComplexNumberedLists: nested letters, a restart, a new list starting at 10 (as the texts say)")
    func poiComplexLists() throws {
        let resolved = try PandocCorpus.resolve("poi/ComplexNumberedLists.docx")
        #expect(numbered(resolved) == ["1. Entry #1", "2. Entry #2, with children", "a. 2-a", "b. 2-b", "c. 2-c",
                                       "3. Entry #3", "4. Entry #4", "1. Restarted to 1 from 5", "2. Restarted @ 2",
                                       "3. Restarted @ 3", "10. Jump to new list at 10", "11. Now 11",
                                       "12. Carrying on @ 12", "13. Carrying on @ 13"])
    }

    @Test("docx2python example_numbering: every paragraph says which label to expect")
    func docx2pythonExampleNumbering() throws {
        let resolved = try PandocCorpus.resolve("docx2python/tests__resources__example_numbering.docx")
        #expect(resolved.labels.compactMap { $0?.marker } == ["II.", "C.", "D.", "4.", "e.", "f.", "6)", "f)", "(viii)", "(ix)"])
        for (paragraph, label) in zip(resolved.paragraphs, resolved.labels) {
            guard let label, let expected = paragraph.text.split(separator: " ").last else { continue }
            #expect(label.marker.trimmingCharacters(in: CharacterSet(charactersIn: ".()")) == String(expected))
        }
    }

    @Test("a real planning document's styles.xml (350 KB): headings, TOC Heading, list style, toggled bold")
    func planningDocumentStyles() throws {
        let url = PandocCorpus.root.appendingPathComponent("../docx/towuti-lakip-2023.docx")
        let archive = try ZipArchive(data: Data(contentsOf: url))
        let entry = try #require(archive.entry(named: "word/styles.xml"))
        let handler = StylesPartHandler()
        try XMLStream.parse(part: "word/styles.xml", data: try archive.read(entry), handler: handler)
        let sheet = handler.styleSheet
        #expect(sheet.defaultParagraphStyleID == "Normal")
        #expect((1...9).map { sheet.headingLevel(paragraphStyle: "Heading\($0)") } == Array(1...9))
        #expect(sheet.headingLevel(paragraphStyle: "TOCHeading") == nil)
        #expect(sheet.headingLevel(paragraphStyle: "Title") == nil)
        #expect(sheet.numbering(paragraphStyle: "ListBullet") == NumberingReference(numID: 1, level: 0))
        #expect(sheet.isBold(paragraphStyle: "Heading1", runStyle: nil))
        #expect(!sheet.isBold(paragraphStyle: "Heading1", runStyle: "Strong"))
        #expect(sheet.isBold(paragraphStyle: nil, runStyle: "Strong"))
        #expect(!sheet.isBold(paragraphStyle: "Normal", runStyle: nil))
    }

    @Test("POI NumberingWOverrides: the paragraph texts are the labels Word shows")
    func poiOverrides() throws {
        let resolved = try PandocCorpus.resolve("poi/NumberingWOverrides.docx")
        let labelled = zip(resolved.paragraphs, resolved.labels).compactMap { paragraph, label in
            label.map { ($0.marker, paragraph.text) }
        }
        #expect(labelled.map(\.0) == ["1", "B", "C", "A", "B", "4"])
        #expect(labelled.allSatisfy { $0.0 == $0.1 })
    }
}

// MARK: - End to end through DocumentReader

@Suite("Numbering through DocumentReader")
struct NumberingReaderTests {
    private func markers(_ relative: String) throws -> [String?] {
        let path = PandocCorpus.root.appendingPathComponent(relative).path
        return try DocumentReader.read(path: path).paragraphs.map { $0.list?.marker }
    }

    @Test("the four pandoc numbering files, as Word shows them")
    func pandocFiles() throws {
        #expect(try markers("pandoc/lists_restart_8367.docx")
            == [nil, "1.", "2.", "3.", nil, nil, nil, "1.", "2.", "3.", "4.", nil, nil])
        #expect(try markers("pandoc/lists_level_override.docx")
            == [nil, nil, "1.", nil, nil, "2.", nil, nil, "3.", nil, nil, "4.", nil, nil, "5.", nil, nil, "6.", nil, nil])
        #expect(try markers("pandoc/numbered_header.docx") == ["1."])
        #expect(try markers("pandoc/lists_sublist_reset.docx") == ["1.", "1.1", "1.2", "2.", "1.1"])
    }
}
