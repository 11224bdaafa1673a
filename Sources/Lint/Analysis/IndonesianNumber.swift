/// Numbers as Indonesian planning documents write them (DOMAIN.md, "Numbers as written").
///
/// The one number reader every rule uses, so that all rules agree on what a cell or a phrase says.
/// It never guesses: a form with two possible readings that the rules below do not settle is
/// `.malformed`, and the reason says why.
///
/// Forms accepted:
/// - Indonesian: thousands `.`, decimals `,`: `1.234.567,89`, `74,5`, `0,62`, `1.234` (= 1234).
/// - A decimal point typed by the author: `73.5`, `0.62`, `12.50`, `3.1416` — one dot followed by
///   anything but exactly three digits. One dot followed by exactly three digits is a thousands
///   separator (`12.500` = 12500) when 1–3 digits come before it; after `0` it can only be a
///   decimal point (`0.500` = 0.5); after 4+ digits (`11680.000`) it is neither → malformed.
/// - English with both separators when the comma groups are valid thousands: `1,234.56`; commas
///   alone in valid groups (`1,234,567`), since two decimal commas are impossible. A single comma is
///   always the Indonesian decimal comma: `1,234` = 1.234.
/// - `Rp`, `Rp.` (any case) before, `%` after (spaces allowed); `,-` or `.-` after the digits means
///   "no decimals" (`Rp 1.500.000,-`); a trailing `.` is a list number or a full stop (`16.` = 16).
/// - Spaces left by PDF conversion inside the decimals (`3.813.748.600,0 0`, `3.668.505.868, 00`):
///   only after the decimal comma, at most two decimals, and either the integer part is grouped or
///   the space falls between decimal digits — so `2021, 2022` and `1, 2` stay lists (not numbers).
/// - A leading `-`, `−` (U+2212) or `+` sign: `-5`.
/// - Any whitespace, including U+00A0 and U+202F, around the parts; zero-width spaces, BOMs and soft
///   hyphens are ignored.
///
/// Decisions on forms that are not numbers:
/// - Blank (no value): empty, whitespace, and dash placeholders (`-`, `--`, `–`, `—`, `−`), also
///   after `Rp` or before `%` (`Rp -`, the spreadsheet accounting zero). Words such as `n/a` or
///   `nihil` are `.notANumber`: they are text a rule may want to see.
/// - Codes are `.notANumber`: a bare integer with a leading zero (`01`, `0001`: program and
///   kegiatan codes — quantities are never zero-padded), dot groups starting with such a group
///   (`01.02`), and budget codes (`5.2.01`, `1.02.01.2.01.0001`, also headings `2.1.3`): two or
///   more dots, a first group of 1–2 digits, later groups of 1–2 digits or of 3–4 digits starting
///   with `0`, and either a one-digit first group or some group starting with `0`. Other dot
///   patterns (`1.23.456`, `12.34.56`) are malformed. A single dot is always read as a number:
///   `5.2` is 5.2 (a rule that knows the column holds codes must not ask this reader).
/// - `(5)` is `.notANumber`, not an accounting negative: table headers number their columns
///   `(1) (2) (3)`, which is far more common in these documents than bracketed negatives.
/// - Text around a number (`Tahun 2023`), ranges (`2021-2026`, `2021 – 2026`), several numbers
///   (`12 15`) are `.notANumber`; `numbers(in:)` finds the numbers inside.
/// - More digits than `Int64` holds, or more than 18 decimals: malformed("too many digits").
public struct ParsedNumber: Sendable, Equatable {
    /// Exact value as an integer mantissa scaled by 10^decimals: "1.234.567,89" -> mantissa 123456789, decimals 2.
    public var mantissa: Int64
    /// Decimals shown ("93,50" -> 2, "74,5" -> 1, "1.234" -> 0).
    public var decimals: Int
    /// "%" present.
    public var isPercent: Bool
    /// "Rp" / "Rp." prefix present.
    public var isCurrency: Bool
    /// "," or "." when the number had a decimal part, nil otherwise.
    public var decimalSeparator: Character?
    /// "." for Indonesian grouping (`1.234.567`), "," for English grouping (`1,234.56`), nil when
    /// the integer part is not grouped. Lets a rule spot a column that mixes the two styles.
    public var thousandsSeparator: Character?

    public init(
        mantissa: Int64, decimals: Int = 0, isPercent: Bool = false, isCurrency: Bool = false,
        decimalSeparator: Character? = nil, thousandsSeparator: Character? = nil
    ) {
        self.mantissa = mantissa
        self.decimals = decimals
        self.isPercent = isPercent
        self.isCurrency = isCurrency
        self.decimalSeparator = decimalSeparator
        self.thousandsSeparator = thousandsSeparator
    }

    /// mantissa / 10^decimals.
    public var value: Double { Double(mantissa) / IndonesianNumber.powerOfTen(decimals) }

    /// Half a unit of the last shown decimal: 0.5 for whole numbers, 0.005 for 2 decimals (XBRL-style interval).
    public var halfUnit: Double { 0.5 / IndonesianNumber.powerOfTen(decimals) }
}

public enum NumberReading: Sendable, Equatable {
    /// A number in one of the accepted forms.
    case number(ParsedNumber)
    /// Empty, whitespace, or a dash placeholder (`-`, `--`, `–`, `—`, `Rp -`).
    case blank
    /// Digits and separators that fit neither the Indonesian nor the plain form; the reason is short English.
    case malformed(String)
    /// Text, a code (`01`, `5.2.01`), a range (`2021-2026`) or several numbers.
    case notANumber
}

public enum IndonesianNumber {
    /// Reads a whole cell or string as one number.
    public static func read(_ text: String) -> NumberReading {
        reading(of: ArraySlice(text.filter { !isIgnorable($0) }))
    }

    /// Convenience: the number or nil.
    public static func parse(_ text: String) -> ParsedNumber? {
        if case .number(let parsed) = read(text) { return parsed }
        return nil
    }

    /// Every number-looking token in running text, with its range in `text`.
    ///
    /// A token starts at a digit, or at `Rp`/`Rp.` (not inside a word) before a digit, or at a
    /// minus sign before a digit that follows a space, `(` or the start; it runs over digits and
    /// over `.`/`,` that sit between digits, then takes a `,-` and a `%` (one space allowed before
    /// it). So `23,33%.` ends before the full stop, `2021-2026` gives two years, `2021, 2022` gives
    /// two numbers. Codes come back as `.notANumber` and bad groupings as `.malformed`. Spaces are
    /// never part of the digits here: `Rp 3.813.748.600,0 0` in prose gives `…,0` and `0`.
    public static func numbers(in text: String) -> [(range: Range<String.Index>, reading: NumberReading)] {
        var chars: [Character] = []
        var indices: [String.Index] = []
        for index in text.indices {
            chars.append(text[index])
            indices.append(index)
        }
        indices.append(text.endIndex)

        var found: [(range: Range<String.Index>, reading: NumberReading)] = []
        var position = 0
        while position < chars.count {
            guard let firstDigit = tokenDigitStart(chars, at: position) else {
                position += 1
                continue
            }
            let end = tokenEnd(chars, firstDigit: firstDigit)
            found.append((indices[position]..<indices[end], reading(of: chars[position..<end])))
            position = end
        }
        return found
    }

    // MARK: - Reading one number

    private static func reading(of chars: ArraySlice<Character>) -> NumberReading {
        var low = chars.startIndex
        var high = chars.endIndex
        trimWhitespace(chars, &low, &high)
        if low == high { return .blank }

        // Decorations around the digits: sign, Rp, %, ",-", trailing full stop.
        var sign: Character?
        if isSign(chars[low]), low + 1 < high, isDigit(chars[low + 1]) || rupiahLength(chars, at: low + 1, high) > 0 {
            sign = chars[low]
            low += 1
        }
        var isCurrency = false
        let rupiah = rupiahLength(chars, at: low, high)
        if rupiah > 0 {
            isCurrency = true
            low += rupiah
            trimWhitespace(chars, &low, &high)
            if sign == nil, low + 1 < high, isSign(chars[low]), isDigit(chars[low + 1]) {  // "Rp -5"
                sign = chars[low]
                low += 1
            }
        }
        var isPercent = false
        if low < high, chars[high - 1] == "%" {
            isPercent = true
            high -= 1
            trimWhitespace(chars, &low, &high)
        }
        if sign == nil, low < high, chars[low..<high].allSatisfy(isDash) { return .blank }
        if low == high { return .notANumber }  // "Rp", "%"
        var hasNoDecimalsMark = false
        if high - low >= 3, isDash(chars[high - 1]), chars[high - 2] == "," || chars[high - 2] == "." {
            hasNoDecimalsMark = true  // "1.500.000,-"
            high -= 2
        } else if high - low >= 2, chars[high - 1] == ".", isDigit(chars[high - 2]) {
            high -= 1  // "16." in a No column, or a full stop
        }

        // The digits: one pass, collecting digit groups between separators.
        var digits: [UInt8] = []
        var groupLengths = [0]
        var separators: [Character] = []
        var firstSpace: (group: Int, digitsBefore: Int)?
        for character in chars[low..<high] {
            if let digit = character.asciiValue, digit >= 48, digit <= 57 {
                digits.append(digit - 48)
                groupLengths[groupLengths.count - 1] += 1
            } else if character == "." || character == "," {
                separators.append(character)
                groupLengths.append(0)
            } else if character.isWhitespace {
                if firstSpace == nil { firstSpace = (groupLengths.count - 1, groupLengths[groupLengths.count - 1]) }
            } else {
                return .notANumber  // a letter, a range dash, a bracket, an emoji …
            }
        }
        if digits.isEmpty { return .notANumber }

        let lastGroup = groupLengths.count - 1
        if let space = firstSpace {
            // Tolerated only as a PDF split inside the decimals; otherwise it separates several numbers.
            let insideDecimals = space.group == lastGroup && separators.last == "," && groupLengths[lastGroup] <= 2
                && (separators.contains(".") || space.digitsBefore > 0)
            if !insideDecimals { return .notANumber }
        }
        if groupLengths[0] == 0 { return .malformed("separator before the first digit") }
        if groupLengths.dropFirst().dropLast().contains(0) { return .malformed("two separators in a row") }
        if groupLengths[lastGroup] == 0 { return .malformed("no digits after the separator") }

        let isBare = sign == nil && !isCurrency && !isPercent && !hasNoDecimalsMark
        let groups = Groups(lengths: groupLengths, digits: digits)
        let hasLeadingZero = groupLengths[0] > 1 && digits[0] == 0

        // Which separator is the decimal one, and which groups thousands.
        var decimals = 0
        var decimalSeparator: Character?
        var thousandsSeparator: Character?
        let dotCount = separators.count(where: { $0 == "." })
        let commaCount = separators.count - dotCount
        if separators.isEmpty || commaCount == 0 {
            if hasLeadingZero { return isBare ? .notANumber : .malformed("leading zero") }  // "01", "01.02"
        }
        if separators.isEmpty {
            // A plain integer.
        } else if commaCount == 0 && dotCount == 1 {
            let before = groupLengths[0]
            let after = groupLengths[1]
            if after != 3 || (before == 1 && digits[0] == 0) {
                decimals = after  // "73.5", "0.62", "3.1416", "0.500"
                decimalSeparator = "."
            } else if before <= 3 {
                thousandsSeparator = "."  // "1.234", "12.500"
            } else {
                return .malformed("more than three digits before a thousands dot")  // "11680.000"
            }
        } else if commaCount == 0 {
            if groups.areThousands(upTo: groupLengths.count) {
                thousandsSeparator = "."
            } else if isBare && groups.areBudgetCode {
                return .notANumber  // "5.2.01", "2.1.3"
            } else {
                return .malformed("bad thousands grouping")
            }
        } else if dotCount == 0 && commaCount == 1 {
            if hasLeadingZero { return .malformed("leading zero") }
            decimals = groupLengths[1]  // "74,5", "1,234" (= 1.234)
            decimalSeparator = ","
        } else if dotCount == 0 {
            // Two decimal commas are impossible, so valid groups can only be English thousands.
            guard groups.areThousands(upTo: groupLengths.count) else { return .malformed("more than one decimal comma") }
            thousandsSeparator = ","
        } else {
            // Both: the last separator is the decimal one, all before it the other kind.
            guard let last = separators.last, separators.dropLast().allSatisfy({ $0 != last }) else {
                return .malformed("separators in an impossible order")
            }
            guard groups.areThousands(upTo: lastGroup) else { return .malformed("bad thousands grouping") }
            decimals = groupLengths[lastGroup]
            decimalSeparator = last
            thousandsSeparator = last == "," ? "." : ","
        }

        guard decimals <= maxDecimals, var mantissa = groups.mantissa else { return .malformed("too many digits") }
        if isCurrency && isPercent { return .malformed("both Rp and %") }
        if let sign, sign != "+" { mantissa = -mantissa }
        return .number(ParsedNumber(
            mantissa: mantissa, decimals: decimals, isPercent: isPercent, isCurrency: isCurrency,
            decimalSeparator: decimalSeparator, thousandsSeparator: thousandsSeparator))
    }

    /// The digit groups of one number, in order, without their separators.
    private struct Groups {
        let lengths: [Int]
        let digits: [UInt8]

        /// Groups `0..<count` form valid thousands grouping: 1–3 digits not starting with 0, then threes.
        func areThousands(upTo count: Int) -> Bool {
            guard (1...3).contains(lengths[0]), digits[0] != 0 else { return false }
            return lengths[1..<count].allSatisfy { $0 == 3 }
        }

        /// A budget or heading code: see the type documentation for the rule.
        var areBudgetCode: Bool {
            guard lengths.count >= 3, (1...2).contains(lengths[0]) else { return false }
            var offset = lengths[0]
            var someGroupStartsWithZero = digits[0] == 0
            for length in lengths.dropFirst() {
                let startsWithZero = digits[offset] == 0
                let fits = (1...2).contains(length) || ((3...4).contains(length) && startsWithZero)
                if !fits { return false }
                someGroupStartsWithZero = someGroupStartsWithZero || startsWithZero
                offset += length
            }
            return lengths[0] == 1 || someGroupStartsWithZero
        }

        /// All digits as one integer, or nil when it does not fit in Int64.
        var mantissa: Int64? {
            var result: Int64 = 0
            for digit in digits {
                let (shifted, overflowA) = result.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = shifted.addingReportingOverflow(Int64(digit))
                if overflowA || overflowB { return nil }
                result = next
            }
            return result
        }
    }

    // MARK: - Tokens in running text

    /// Index of the first digit when a token starts at `position`, else nil.
    private static func tokenDigitStart(_ chars: [Character], at position: Int) -> Int? {
        let character = chars[position]
        if isDigit(character) { return position }
        let afterSpaceOrStart = position == 0 || chars[position - 1].isWhitespace || chars[position - 1] == "("
        if isMinus(character), afterSpaceOrStart, position + 1 < chars.count, isDigit(chars[position + 1]) {
            return position + 1  // "-2,5%" but not the "-2026" of "2021-2026"
        }
        let insideWord = position > 0 && (chars[position - 1].isLetter || isDigit(chars[position - 1]))
        let rupiah = rupiahLength(chars[...], at: position, chars.count)
        guard rupiah > 0, !insideWord else { return nil }
        var next = position + rupiah
        var spaces = 0
        while next < chars.count, chars[next].isWhitespace, spaces < 2 {
            next += 1
            spaces += 1
        }
        if next + 1 < chars.count, isMinus(chars[next]), isDigit(chars[next + 1]) { next += 1 }
        return next < chars.count && isDigit(chars[next]) ? next : nil
    }

    /// End (exclusive) of the token whose digits start at `firstDigit`.
    private static func tokenEnd(_ chars: [Character], firstDigit: Int) -> Int {
        let count = chars.count
        var end = firstDigit
        while end < count {
            if isDigit(chars[end]) {
                end += 1
            } else if chars[end] == "." || chars[end] == ",", end + 1 < count, isDigit(chars[end + 1]) {
                end += 1
            } else {
                break
            }
        }
        // ",-" (no decimals), unless the dash starts another number.
        if end + 1 < count, chars[end] == "," || chars[end] == ".", isDash(chars[end + 1]),
           end + 2 == count || !isDigit(chars[end + 2]) {
            end += 2
        }
        var percent = end
        if percent + 1 < count, chars[percent].isWhitespace, chars[percent + 1] == "%" { percent += 1 }
        if percent < count, chars[percent] == "%" { end = percent + 1 }
        return end
    }

    // MARK: - Characters

    private static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    /// Signs accepted before the digits; the en dash is not one (it joins ranges).
    private static func isSign(_ character: Character) -> Bool { isMinus(character) || character == "+" }

    private static func isMinus(_ character: Character) -> Bool { character == "-" || character == "\u{2212}" }

    /// Dash placeholders for "no value": hyphen, minus, hyphen/non-breaking hyphen, en, em, bar.
    private static func isDash(_ character: Character) -> Bool {
        switch character {
        case "-", "\u{2212}", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", "\u{2015}": true
        default: false
        }
    }

    /// Invisible characters PDF and Word conversions leave inside numbers.
    private static func isIgnorable(_ character: Character) -> Bool {
        switch character {
        case "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{2060}": true
        default: false
        }
    }

    /// Length of an "Rp" or "Rp." prefix at `position` (any case), 0 when there is none.
    private static func rupiahLength(_ chars: ArraySlice<Character>, at position: Int, _ end: Int) -> Int {
        guard position + 1 < end, chars[position] == "R" || chars[position] == "r",
              chars[position + 1] == "p" || chars[position + 1] == "P" else { return 0 }
        return position + 2 < end && chars[position + 2] == "." ? 3 : 2
    }

    private static func trimWhitespace(_ chars: ArraySlice<Character>, _ low: inout Int, _ high: inout Int) {
        while low < high, chars[low].isWhitespace { low += 1 }
        while high > low, chars[high - 1].isWhitespace { high -= 1 }
    }

    // MARK: - Powers of ten

    /// 18 decimals keep every mantissa digit count that Int64 can hold meaningful.
    private static let maxDecimals = 18

    private static let doublePowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    ]

    /// The value written the Indonesian way with exactly `decimals` decimals (thousands dot, decimal
    /// comma): 2294120184 → "2.294.120.184", 94.444 → "94,44". Shared so every rule quotes numbers alike;
    /// values too large for Int64 units, and non-finite ones, fall back to Swift's own spelling.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        // Past 15 places a Double has no digits left to show, and 10^19 would not fit the Int64 below.
        let places = min(max(0, decimals), 15)
        let scale = powerOfTen(places)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return "\(value)" }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if places > 0 {
            let fractionText = String(fraction)
            grouped += "," + String(repeating: "0", count: max(0, places - fractionText.count)) + fractionText
        }
        return (value < 0 && units != 0 ? "-" : "") + grouped
    }

    /// 10^exponent as a Double; exact up to 10^18, and safe for any value a caller might store.
    public static func powerOfTen(_ exponent: Int) -> Double {
        if exponent <= 0 { return 1 }
        if exponent < doublePowersOfTen.count { return doublePowersOfTen[exponent] }
        var result = doublePowersOfTen[doublePowersOfTen.count - 1]
        for _ in doublePowersOfTen.count..<min(exponent + 1, 400) { result *= 10 }  // inf well before 400
        return result
    }
}
