import Foundation

/// Computes the list labels Word shows for automatically numbered paragraphs.
///
/// Call `label(for:)` once for every numbered paragraph in document order — body, table cells and
/// text boxes alike, since Word's counters run through all of them.
///
/// Word's semantics, as implemented (ECMA-376 Part 1 §17.9, checked against Word-made test files):
/// - Counters belong to the abstract definition (`w:abstractNum`, after following `w:numStyleLink`),
///   not to the `w:num`: several `w:num` over one abstract definition continue one sequence
///   (pandoc's `lists_restart_8367.docx`: 1, 2, 3 … then 1, 2, 3, 4 across numIds 2 and 1;
///   POI's `NumberingWOverrides.docx`: 1, B, C … 4 across numIds 19 and 22).
/// - A `w:lvlOverride/w:startOverride` restarts the shared counter at that value the first time
///   a paragraph of that `w:num` is numbered at that level, and only then; the sequence then
///   continues from it, whichever `w:num` comes next. Overrides of other levels wait for their level.
/// - A replacement `w:lvl` in `w:lvlOverride` changes the look (format, text) for that `w:num` only;
///   it does not restart the count.
/// - Numbering a level restarts every deeper level, unless a deeper level's `w:lvlRestart` says
///   otherwise: N restarts it only after levels 1…N (1-based), 0 never; a value not above the
///   level itself is ignored (§17.9.10).
/// - A level's first number is its `w:start` (0 when absent, §17.9.25; Word limits it to 0…32767).
/// - `%N` in `w:lvlText` shows level N's current number in level N's format; a level not numbered
///   since its last restart shows `start − 1` (Word's "1.0.1" when a heading level is skipped);
///   a bullet or `none` level shows nothing; `w:isLgl` shows every number in decimal.
/// - Bullets show their `w:lvlText` character; Symbol/Wingdings private-use characters (U+F0xx) are
///   mapped to the Unicode glyph they draw (U+F0B7 → "•"), picture bullets to "•".
/// - numId 0 means "no numbering" (§17.9.18); an unknown numId, an undefined level or a level
///   outside 0…8 gives no label.
///
/// Caller's part: a paragraph's own `w:numPr` wins over its style's, and `w:numId` 0 there cancels
/// numbering inherited from the style; `reference(numID:level:paragraphStyle:)` does that merge.
struct NumberingResolver {
    private let definitions: NumberingDefinitions
    private let styles: StyleSheet

    /// Current numbers by counter key (the resolved abstract id), nine levels each; nil = not
    /// numbered since the level last restarted.
    private var counters: [Int: [Int?]] = [:]
    /// (numId, level) pairs whose `w:startOverride` has been applied.
    private var appliedOverrides: Set<NumberingReference> = []

    /// Follows `w:numStyleLink` at most this many times (a chain of list styles is one or two long).
    private static let maxLinkDepth = 8

    init(definitions: NumberingDefinitions, styles: StyleSheet = .empty) {
        self.definitions = definitions
        self.styles = styles
    }

    // MARK: Labels

    /// The label Word shows for the next paragraph with this numbering, advancing the counters.
    mutating func label(for reference: NumberingReference) -> ListLabel? {
        let levelIndex = reference.level
        guard reference.numID != 0, (0...8).contains(levelIndex),
              let instance = definitions.instances[reference.numID],
              let abstract = resolvedAbstract(of: instance),
              let level = effectiveLevel(levelIndex, instance: instance, abstract: abstract)
        else { return nil }

        var values = counters[abstract.id] ?? Array(repeating: nil, count: 9)
        if let start = instance.overrides[levelIndex]?.start, appliedOverrides.insert(reference).inserted {
            values[levelIndex] = start
        } else {
            values[levelIndex] = (values[levelIndex] ?? (level.start - 1)) + 1
        }
        for deeper in (levelIndex + 1)..<9 where Self.restarts(
            deeper, after: levelIndex,
            restartAfter: effectiveLevel(deeper, instance: instance, abstract: abstract)?.restartAfter) {
            values[deeper] = nil
        }
        counters[abstract.id] = values

        let value = values[levelIndex] ?? level.start
        if level.format == .bullet {
            return ListLabel(marker: Self.bulletMarker(level), value: nil, style: .bullet, level: levelIndex,
                             source: .automatic, numID: reference.numID)
        }
        let marker = expand(level, values: values, instance: instance, abstract: abstract)
        return ListLabel(marker: marker, value: value, style: level.isLegal ? .decimal : level.format.style,
                         level: levelIndex, source: .automatic, numID: reference.numID)
    }

    /// Whether numbering `level` restarts the deeper level `deeper` (§17.9.10 `w:lvlRestart`).
    static func restarts(_ deeper: Int, after level: Int, restartAfter: Int?) -> Bool {
        guard let restartAfter, restartAfter <= deeper else { return true }  // default, or ignored value
        if restartAfter == 0 { return false }
        return level < restartAfter  // levels 1…restartAfter (1-based) are indices 0..<restartAfter
    }

    // MARK: Which numbering a paragraph has

    /// The numbering of a paragraph from its own `w:numPr` (either part may be absent) and its style.
    ///
    /// - A `w:numId` on the paragraph wins; 0 there removes any numbering (also the style's).
    /// - Without one, the style chain's numbering applies, at the paragraph's own `w:ilvl` if it has
    ///   one; else at the level the numbering definition links to the style (`w:lvl/w:pStyle`, how
    ///   Word ties "heading N" to a multilevel list; §17.9.23 says it beats the style's `w:ilvl`);
    ///   else at the style chain's `w:ilvl`; else level 0.
    /// - With its own `w:numId` but no `w:ilvl`, the style chain's `w:ilvl` applies, else 0.
    func reference(numID: Int?, level: Int?, paragraphStyle: String?) -> NumberingReference? {
        let inherited = styles.inheritedNumbering(paragraphStyle: paragraphStyle)
        if let numID {
            guard numID != 0 else { return nil }
            return NumberingReference(numID: numID, level: level ?? inherited?.level ?? 0)
        }
        guard let inherited, inherited.numID != 0 else { return nil }
        let linked = linkedLevel(numID: inherited.numID, styleIDs: inherited.styleIDs)
        return NumberingReference(numID: inherited.numID, level: level ?? linked ?? inherited.level ?? 0)
    }

    /// The level of `numID` whose `w:pStyle` is one of these styles (nearest style first).
    private func linkedLevel(numID: Int, styleIDs: [String]) -> Int? {
        guard let instance = definitions.instances[numID], let abstract = resolvedAbstract(of: instance) else {
            return nil
        }
        for styleID in styleIDs {
            for index in 0..<9 where effectiveLevel(index, instance: instance, abstract: abstract)?
                .paragraphStyle == styleID {
                return index
            }
        }
        return nil
    }

    // MARK: Definitions

    /// The abstract definition that holds the levels and the counters: `w:numStyleLink` points to
    /// the definition with the matching `w:styleLink`, or else through the numbering style's own
    /// `w:numPr`. Falls back to the linking definition when the link leads nowhere.
    private func resolvedAbstract(of instance: NumberingInstance) -> AbstractNumbering? {
        guard let id = instance.abstractID, var abstract = definitions.abstracts[id] else { return nil }
        var seen: Set<Int> = [abstract.id]
        for _ in 0..<Self.maxLinkDepth {
            guard let link = abstract.numStyleLink, let target = linkTarget(link), seen.insert(target.id).inserted
            else { break }
            abstract = target
        }
        return abstract
    }

    private func linkTarget(_ styleName: String) -> AbstractNumbering? {
        if let direct = definitions.abstracts.values
            .filter({ $0.styleLink == styleName }).min(by: { $0.id < $1.id }) {
            return direct
        }
        guard let numID = styles.numberingStyleNumID(styleName), let instance = definitions.instances[numID],
              let id = instance.abstractID else { return nil }
        return definitions.abstracts[id]
    }

    /// The level as this `w:num` shows it: its replacement `w:lvl`, else the abstract's.
    private func effectiveLevel(_ index: Int, instance: NumberingInstance, abstract: AbstractNumbering)
        -> NumberingLevel? {
        instance.overrides[index]?.level ?? abstract.levels[index]
    }

    // MARK: Rendering

    /// `w:lvlText` with `%1`…`%9` replaced; surrounding whitespace trimmed (it is invisible).
    private func expand(_ level: NumberingLevel, values: [Int?], instance: NumberingInstance,
                        abstract: AbstractNumbering) -> String {
        var result = ""
        var characters = level.text.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let next = characters.next() else {
                result.append(character)
                break
            }
            guard let digit = next.wholeNumberValue, (1...9).contains(digit), next.isASCII else {
                result.append(character)
                result.append(next)
                continue
            }
            let index = digit - 1
            guard let shown = effectiveLevel(index, instance: instance, abstract: abstract) else { continue }
            if shown.format == .bullet || shown.format == .none { continue }
            let number = values[index] ?? max(shown.start - 1, 0)
            result += Self.format(number, as: level.isLegal ? .decimal : shown.format)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// A number in a format; values a format cannot show (0 as a letter, 4000 in roman) fall back to decimal.
    static func format(_ number: Int, as format: NumberFormat) -> String {
        switch format {
        case .decimal, .bullet, .none:
            return String(number)
        case .zeroPadded(let width):
            let digits = String(number)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        case .lowerLetter:
            return letters(number) ?? String(number)
        case .upperLetter:
            return letters(number)?.uppercased() ?? String(number)
        case .lowerRoman:
            return roman(number)?.lowercased() ?? String(number)
        case .upperRoman:
            return roman(number) ?? String(number)
        case .ordinal:
            return String(number) + ordinalSuffix(number)
        }
    }

    /// Word's letter numbering repeats the letter past z: 26 → z, 27 → aa, 28 → bb, 53 → aaa.
    /// Nil past 780 (30 letters), far beyond any real list, so a hostile counter cannot build huge strings.
    static func letters(_ number: Int) -> String? {
        guard number >= 1, number <= 780 else { return nil }
        let letterIndex = (number - 1) % 26
        let count = (number - 1) / 26 + 1
        guard let scalar = Unicode.Scalar(UInt32(0x61 + letterIndex)) else { return nil }
        return String(repeating: String(Character(scalar)), count: count)
    }

    /// Upper-case roman numerals for 1…3999.
    static func roman(_ number: Int) -> String? {
        guard number >= 1, number <= 3999 else { return nil }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var remaining = number
        var result = ""
        for (value, numeral) in table {
            while remaining >= value {
                result += numeral
                remaining -= value
            }
        }
        return result
    }

    private static func ordinalSuffix(_ number: Int) -> String {
        let lastTwo = abs(number) % 100
        if (11...13).contains(lastTwo) { return "th" }
        switch abs(number) % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// The bullet as shown: Symbol and Wingdings draw their own glyphs at the code points of the
    /// private-use area (U+F020…U+F0FF, what Word writes) and, in those fonts, also at Latin-1 code points.
    static func bulletMarker(_ level: NumberingLevel) -> String {
        if level.hasPictureBullet { return "•" }
        let font = level.font?.lowercased()
        let isSymbolFont = font == "symbol" || font?.hasPrefix("wingdings") == true
        var result = ""
        for scalar in level.text.unicodeScalars {
            let code = scalar.value
            if (0xF000...0xF0FF).contains(code) {
                result += symbolGlyph(UInt8(code - 0xF000), font: font)
            } else if isSymbolFont, code >= 0x21, code <= 0xFF {
                result += symbolGlyph(UInt8(code), font: font)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// What a symbol-font character code draws; "•" when it is not one of the usual bullet glyphs.
    private static func symbolGlyph(_ code: UInt8, font: String?) -> String {
        if code == 0x20 { return " " }
        if font == "wingdings" {
            switch code {
            case 0x6C: return "●"
            case 0x6E: return "■"
            case 0x71: return "❑"
            case 0x76: return "❖"
            case 0xA7: return "▪"
            case 0xA8: return "◻"
            case 0xD8: return "➢"
            case 0xFC: return "✓"
            default: return "•"
            }
        }
        // Symbol (Word's default bullet font), and the guess for an unnamed font.
        switch code {
        case 0xB7: return "•"
        case 0x2D: return "-"
        case 0x2A: return "*"
        case 0x3E: return ">"
        case 0xA8: return "♦"
        case 0xAE: return "→"
        case 0xE0: return "◊"
        default: return "•"
        }
    }
}
