import Foundation

/// A number format (`w:numFmt`) as iku-lint renders it.
enum NumberFormat: Sendable, Equatable {
    case decimal
    /// `decimalZero` (width 2: 01…09, 10 …) and Word 2010 custom formats "01, 02, 03, ...", "001, 002, 003, ...".
    case zeroPadded(width: Int)
    case lowerLetter, upperLetter, lowerRoman, upperRoman
    /// English ordinals: 1st, 2nd, 3rd … (Word words them in the paragraph's language; rare in Indonesian documents).
    case ordinal
    case bullet
    /// No number at all: the level's counter still runs, but `%N` of this level prints nothing.
    case none

    /// The format for a `w:numFmt` value. Formats iku-lint does not render (Asian counting systems,
    /// `cardinalText`, `decimalEnclosedCircle` …) count as decimal: the value is right, only the glyphs differ.
    /// Returns nil for a `custom` format whose pattern is not understood, so the caller can fall back
    /// to the `mc:Fallback` format Word writes next to it.
    init?(numFmt value: String, customPattern: String?) {
        switch value {
        case "decimal": self = .decimal
        case "decimalZero": self = .zeroPadded(width: 2)
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "ordinal": self = .ordinal
        case "bullet": self = .bullet
        case "none": self = .none
        case "custom":
            guard let format = Self.custom(customPattern) else { return nil }
            self = format
        default: self = .decimal
        }
    }

    /// Word 2010+ custom formats list the first values: "001, 002, 003, ..." is zero-padded decimal.
    private static func custom(_ pattern: String?) -> NumberFormat? {
        guard let first = pattern?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces),
              !first.isEmpty, first.count <= 9, first.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        return first.count > 1 && first.hasPrefix("0") ? .zeroPadded(width: first.count) : .decimal
    }

    /// The family a reader sees.
    var style: NumberStyle {
        switch self {
        case .decimal, .zeroPadded, .ordinal: .decimal
        case .lowerLetter: .lowerLetter
        case .upperLetter: .upperLetter
        case .lowerRoman: .lowerRoman
        case .upperRoman: .upperRoman
        case .bullet: .bullet
        case .none: .none
        }
    }
}

/// One level (`w:lvl`) of a numbering definition.
struct NumberingLevel: Sendable, Equatable {
    /// `w:start`; ECMA-376 §17.9.25: zero when the element is absent.
    var start = 0
    var format: NumberFormat = .decimal
    /// `w:lvlText`: literal text with `%1`…`%9` standing for the levels' current numbers; for a
    /// bullet, the bullet character. Empty when absent.
    var text = ""
    /// `w:lvlRestart`: the 1-based level whose use restarts this one; 0 = never; nil = default
    /// (any shallower level restarts it).
    var restartAfter: Int?
    /// `w:isLgl`: every number in this level's text is shown in decimal ("legal" numbering).
    var isLegal = false
    /// `w:pStyle`: the paragraph style linked to this level.
    var paragraphStyle: String?
    /// Font of the label (`w:rPr/w:rFonts`), which decides what a Symbol/Wingdings bullet character looks like.
    var font: String?
    /// `w:lvlPicBulletId`: a picture bullet.
    var hasPictureBullet = false
}

/// `w:abstractNum`: the levels, and where several definitions share one list style.
struct AbstractNumbering: Sendable, Equatable {
    var id: Int
    var levels: [Int: NumberingLevel] = [:]
    /// `w:styleLink`: this definition IS the list style of that numbering style.
    var styleLink: String?
    /// `w:numStyleLink`: this definition only points to the numbering style's definition.
    var numStyleLink: String?
}

/// `w:num`: what paragraphs reference by `w:numId`.
struct NumberingInstance: Sendable, Equatable {
    var id: Int
    var abstractID: Int?
    /// `w:lvlOverride` by level.
    var overrides: [Int: LevelOverride] = [:]

    struct LevelOverride: Sendable, Equatable {
        /// `w:startOverride`: the value the level restarts at when this `w:num` first numbers that level.
        var start: Int?
        /// A replacement `w:lvl` for this `w:num` only (formats, text); it does not restart the count.
        var level: NumberingLevel?
    }
}

/// Everything of `word/numbering.xml` the resolver needs.
struct NumberingDefinitions: Sendable, Equatable {
    var abstracts: [Int: AbstractNumbering]
    var instances: [Int: NumberingInstance]

    init(abstracts: [Int: AbstractNumbering] = [:], instances: [Int: NumberingInstance] = [:]) {
        self.abstracts = abstracts
        self.instances = instances
    }

    /// A document without `word/numbering.xml`.
    static let empty = NumberingDefinitions()
}

/// Streams `word/numbering.xml` into `NumberingDefinitions`.
///
/// Tracked changes of properties (`w:pPrChange`, `w:rPrChange`, `w:numberingChange` … any element
/// whose name ends in "Change") hold OLD values and are skipped. In `mc:AlternateContent`, the
/// `mc:Choice` is read first (Word 2010 writes `w:numFmt w:val="custom"` there); the `mc:Fallback`
/// is read only when the choice gave no format iku-lint understands. The first definition of an id
/// wins over later duplicates.
final class NumberingPartHandler: XMLEventHandler {
    private(set) var failure: InputError?

    private var abstracts: [Int: AbstractNumbering] = [:]
    private var instances: [Int: NumberingInstance] = [:]

    private var depth = 0
    /// While set, everything is ignored until the element at this depth closes.
    private var skipDepth: Int?

    private struct Open<Value> {
        var value: Value
        var depth: Int
        /// The `w:ilvl` of a level or override (nil when missing or out of range).
        var ilvl: Int?
    }
    private var abstract: Open<AbstractNumbering?>?
    private var instance: Open<NumberingInstance?>?
    private var override: Open<NumberingInstance.LevelOverride>?
    private var level: Open<NumberingLevel>?
    /// Depth of the `w:rPr` of the open level.
    private var levelRunPropertiesDepth: Int?

    private struct Alternate {
        var depth: Int
        var inChoice = false
        /// The choice branch set something iku-lint understood: skip the fallback.
        var choiceUsed = false
    }
    private var alternates: [Alternate] = []

    var definitions: NumberingDefinitions { NumberingDefinitions(abstracts: abstracts, instances: instances) }

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        depth += 1
        if skipDepth != nil { return }
        if name.local.hasSuffix("Change") {
            skipDepth = depth
            return
        }
        if name.namespace == .mc {
            startMarkupCompatibility(name.local)
            return
        }
        guard name.namespace == .w else { return }
        let value = attributes["val"]

        if level != nil {
            readLevelProperty(name.local, value: value, attributes: attributes)
            return
        }
        if override != nil {
            switch name.local {
            case "startOverride": override?.value.start = StyleSheet.integer(value, in: Self.startRange)
            case "lvl": openLevel(attributes, fallbackLevel: override?.ilvl)
            default: break
            }
            return
        }
        if instance != nil {
            switch name.local {
            case "abstractNumId": instance?.value?.abstractID = StyleSheet.integer(value, in: Self.idRange)
            case "lvlOverride":
                override = Open(value: NumberingInstance.LevelOverride(), depth: depth,
                                ilvl: Self.levelIndex(attributes["ilvl"]))
            default: break
            }
            return
        }
        if abstract != nil {
            switch name.local {
            case "lvl": openLevel(attributes, fallbackLevel: nil)
            case "styleLink": abstract?.value?.styleLink = value
            case "numStyleLink": abstract?.value?.numStyleLink = value
            default: break
            }
            return
        }
        switch name.local {
        case "abstractNum":
            let id = StyleSheet.integer(attributes["abstractNumId"], in: Self.idRange)
            abstract = Open(value: id.map { AbstractNumbering(id: $0) }, depth: depth)
        case "num":
            let id = StyleSheet.integer(attributes["numId"], in: Self.idRange)
            instance = Open(value: id.map { NumberingInstance(id: $0) }, depth: depth)
        case "numPicBullet":
            // Picture bullet images: nothing the lint reads.
            skipDepth = depth
        default:
            break
        }
    }

    func endElement(_ name: XMLName) {
        defer { depth -= 1 }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        if let alternate = alternates.last, name.namespace == .mc {
            if depth == alternate.depth {
                alternates.removeLast()
            } else if name.local == "Choice" {
                alternates[alternates.count - 1].inChoice = false
            }
            return
        }
        if depth == levelRunPropertiesDepth {
            levelRunPropertiesDepth = nil
        } else if let open = level, depth == open.depth {
            closeLevel(open)
        } else if let open = override, depth == open.depth {
            if let ilvl = open.ilvl, instance?.value?.overrides[ilvl] == nil {
                instance?.value?.overrides[ilvl] = open.value
            }
            override = nil
        } else if let open = instance, depth == open.depth {
            if let value = open.value, instances[value.id] == nil { instances[value.id] = value }
            instance = nil
        } else if let open = abstract, depth == open.depth {
            if let value = open.value, abstracts[value.id] == nil { abstracts[value.id] = value }
            abstract = nil
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    // MARK: Levels

    private func openLevel(_ attributes: XMLAttributes, fallbackLevel: Int?) {
        let ilvl = attributes["ilvl"].map { Self.levelIndex($0) } ?? fallbackLevel
        level = Open(value: NumberingLevel(), depth: depth, ilvl: ilvl)
    }

    private func closeLevel(_ open: Open<NumberingLevel>) {
        level = nil
        levelRunPropertiesDepth = nil
        guard let ilvl = open.ilvl else { return }
        if override != nil {
            if override?.value.level == nil { override?.value.level = open.value }
        } else if abstract?.value?.levels[ilvl] == nil {
            abstract?.value?.levels[ilvl] = open.value
        }
    }

    private func readLevelProperty(_ local: String, value: String?, attributes: XMLAttributes) {
        switch local {
        case "start":
            if let start = StyleSheet.integer(value, in: Self.startRange) { level?.value.start = start }
        case "numFmt":
            guard let value, let format = NumberFormat(numFmt: value, customPattern: attributes["format"]) else { return }
            level?.value.format = format
            if let last = alternates.indices.last, alternates[last].inChoice { alternates[last].choiceUsed = true }
        case "lvlText":
            level?.value.text = value ?? ""
        case "lvlRestart":
            level?.value.restartAfter = StyleSheet.integer(value, in: 0...Int(Int32.max))
        case "isLgl":
            level?.value.isLegal = StyleSheet.onOff(value)
        case "pStyle":
            level?.value.paragraphStyle = value
        case "lvlPicBulletId":
            level?.value.hasPictureBullet = true
        case "pPr":
            // Indents and tabs only.
            skipDepth = depth
        case "rPr":
            levelRunPropertiesDepth = depth
        case "rFonts" where levelRunPropertiesDepth != nil:
            if let font = attributes["ascii"] ?? attributes["hAnsi"] ?? attributes["cs"] { level?.value.font = font }
        default:
            break
        }
    }

    // MARK: Markup compatibility

    private func startMarkupCompatibility(_ local: String) {
        switch local {
        case "AlternateContent":
            alternates.append(Alternate(depth: depth))
        case "Choice":
            if let last = alternates.indices.last { alternates[last].inChoice = true }
        case "Fallback":
            if alternates.last?.choiceUsed == true { skipDepth = depth }
        default:
            break
        }
    }

    // MARK: Values

    /// Word keeps ids in 32 bits.
    private static let idRange = 0...Int(Int32.max)
    /// Word accepts start values 0…32767 (MS-OI29500); clamping also keeps counters far from overflow.
    static let startRange = 0...32_767

    /// `w:ilvl` 0…8; anything else is no level.
    private static func levelIndex(_ value: String?) -> Int? {
        guard let index = StyleSheet.integer(value), (0...8).contains(index) else { return nil }
        return index
    }
}
