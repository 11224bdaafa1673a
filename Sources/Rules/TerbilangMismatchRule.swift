import Lint

/// `terbilang-mismatch`: a number and the words that spell it disagree ("3 (dua)").
///
/// Two forms are read in paragraphs and table cells: a number followed by its words in brackets ("2 (dua)
/// sasaran", "Rp 1.500.000,- (terbilang: satu juta lima ratus ribu rupiah)") and words followed by the number
/// in brackets ("empat (4) danau"). The words are Indonesian number words (nol … sembilan, se-, belas, puluh,
/// ratus, ribu, juta, miliar/milyar, triliun, koma …), read from the start of the brackets up to the first
/// other word, so a unit after them ("rupiah", "orang", "indikator") does not matter; brackets that do not
/// start with a number word ("2 (Sasaran Pendukung)") are not a spelling. The number is read with the shared
/// Indonesian number reader. The spelling grammar is the language's, not a setting.
public struct TerbilangMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "terbilang-mismatch",
            title: Message(id: "Angka dan terbilang tidak sama", en: "A number and its words disagree"),
            description: Message(
                id: "Angka dan tulisan hurufnya (terbilang) menyatakan nilai yang berbeda: \"3 (dua)\", "
                    + "\"Rp 1.500.000 (satu juta lima puluh ribu rupiah)\".",
                en: "A number and its spelling in words (terbilang) state different values: \"3 (dua)\", "
                    + "\"Rp 1.500.000 (satu juta lima puluh ribu rupiah)\"."),
            rationale: Message(
                id: "Terbilang ditulis untuk memastikan angka tidak salah baca (Permendagri 1/2023 tentang Tata Naskah Dinas; "
                    + "PUEBI); bila keduanya berbeda, tidak jelas nilai mana yang dimaksud.",
                en: "Numbers are spelt out so that they cannot be misread (Permendagri 1/2023 on official correspondence; "
                    + "PUEBI spelling rules); when the two differ, the value meant is unknown."),
            defaultSeverity: .error,
            triggering: [
                RuleExample("""
                    Untuk mewujudkan visi tersebut ditetapkan 3 (dua) misi.
                    """, caption: "Three spelt as two"),
                RuleExample("""
                    Pagu anggaran sebesar Rp 1.500.000,- (terbilang: satu juta lima puluh ribu rupiah).
                    """, caption: "An amount whose words say 1.050.000"),
                RuleExample("""
                    Wilayah kecamatan memiliki empat (5) danau.
                    """, caption: "Words before the number"),
            ],
            nonTriggering: [
                RuleExample("""
                    Kecamatan dibantu oleh 1 (Satu) Sekretaris dan 2 (dua) Kasubag; ditetapkan 2 (Sasaran Pendukung).

                    Pagu Rp 1.500.000,- (satu juta lima ratus ribu rupiah), nilai 74,5 (tujuh puluh empat koma lima), empat (4) danau, 2021 (dua ribu dua puluh satu), sebelas (11) desa.
                    """, caption: "Matching spellings, and brackets that spell nothing"),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for place in ConsistencyPlace.all(in: context.document) {
            guard place.text.contains("(") else { continue }
            var reported = Set<String>()
            for pair in TerbilangReader.pairs(in: place.text) where !pair.agrees {
                guard reported.insert("\(pair.numberText)|\(pair.wordsText)").inserted else { continue }
                let spelt = TerbilangReader.format(pair.wordsValue)
                findings.append(context.finding(
                    Message(id: "Angka \(pair.numberText) ditulis dengan huruf \"\(pair.wordsText)\", yang bernilai \(spelt).",
                            en: "The number \(pair.numberText) is spelt \"\(pair.wordsText)\", which means \(spelt)."),
                    at: place.location, evidence: place.text,
                    expected: TerbilangReader.words(for: pair.numberValue) ?? pair.numberText, actual: pair.wordsText))
            }
        }
        return findings
    }
}

/// A number and its spelling found next to each other.
struct TerbilangPair: Sendable {
    let numberText: String
    let numberValue: TerbilangValue
    let wordsText: String
    let wordsValue: TerbilangValue
    var agrees: Bool { numberValue == wordsValue }
}

/// An exact value: integer part and decimal digits without trailing zeros ("74,50" → 74 and "5").
struct TerbilangValue: Sendable, Equatable {
    let integer: Int64
    let decimals: String

    init(integer: Int64, decimals: String) {
        self.integer = integer
        var digits = decimals
        while digits.last == "0" { digits.removeLast() }
        self.decimals = digits
    }
}

enum TerbilangReader {
    private static let digits: [String: Int64] = [
        "NOL": 0, "KOSONG": 0, "SATU": 1, "DUA": 2, "TIGA": 3, "EMPAT": 4, "LIMA": 5, "ENAM": 6, "TUJUH": 7,
        "DELAPAN": 8, "SEMBILAN": 9,
    ]
    /// Words that are a whole value with "se-" (one): sepuluh, sebelas, seratus, seribu, sejuta.
    private static let oneWords: [String: Int64] = ["SEPULUH": 10, "SEBELAS": 11, "SERATUS": 100, "SERIBU": 1000, "SEJUTA": 1_000_000]
    private static let smallMultipliers: [String: Int64] = ["BELAS": 10, "PULUH": 10, "RATUS": 100]
    private static let bigMultipliers: [String: Int64] = [
        "RIBU": 1000, "JUTA": 1_000_000, "MILIAR": 1_000_000_000, "MILYAR": 1_000_000_000, "TRILIUN": 1_000_000_000_000,
    ]
    private static let decimalWords: Set<String> = ["KOMA"]
    /// Words that may open a bracketed spelling before the number words.
    private static let leadWords: Set<String> = ["TERBILANG"]
    private static let maxWords = 24

    static func isNumberWord(_ key: String) -> Bool {
        digits[key] != nil || oneWords[key] != nil || smallMultipliers[key] != nil || bigMultipliers[key] != nil
            || decimalWords.contains(key)
    }

    /// Number–words pairs of a text, in order.
    static func pairs(in text: String) -> [TerbilangPair] {
        var pairs: [TerbilangPair] = []
        for (range, reading) in IndonesianNumber.numbers(in: text) {
            guard case .number(let number) = reading else { continue }
            let numberText = String(text[range])
            // The end of a range ("2021-2026 (lima tahun)") is not the number the words count.
            if let previous = text[..<range.lowerBound].last(where: { $0 != " " }), "-–—/".contains(previous) { continue }
            // "2 (dua)": the number, then its words in brackets.
            var rest = text[range.upperBound...].drop { $0 == " " || $0 == "\u{00A0}" }
            if rest.first == "(", let close = rest.firstIndex(of: ")") {
                rest = rest[rest.index(after: rest.startIndex)..<close]
                if let spelt = spelling(at: words(in: rest)), let value = value(of: number) {
                    pairs.append(TerbilangPair(numberText: numberText, numberValue: value, wordsText: spelt.text, wordsValue: spelt.value))
                }
                continue
            }
            // "empat (4)": words, then the number alone in brackets.
            let before = text[..<range.lowerBound]
            let after = text[range.upperBound...]
            guard before.last == "(", after.first == ")" else { continue }
            let preceding = words(in: before.dropLast())
            var start = preceding.count
            // Back over number words; punctuation ends the spelling ("… koma lima), empat (4)").
            while start > 0, isNumberWord(preceding[start - 1].key), preceding[start - 1].isBare, preceding.count - start < maxWords {
                start -= 1
            }
            guard start < preceding.count, let spelt = spelling(at: Array(preceding[start...])), let value = value(of: number),
                  spelt.count == preceding.count - start else { continue }
            pairs.append(TerbilangPair(numberText: numberText, numberValue: value, wordsText: spelt.text, wordsValue: spelt.value))
        }
        return pairs
    }

    /// Words with their letters only; `isBare` when the word had nothing but letters.
    private static func words(in text: Substring) -> [(key: String, text: String, isBare: Bool)] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == ":" || $0 == "," })
            .map { word in
                let core = word.filter { $0.isLetter }
                return (core.uppercased(), String(core), core.count == word.count)
            }
            .filter { !$0.key.isEmpty }
    }

    /// The value of the number words at the start (after "terbilang"), with how many words they took.
    private static func spelling(at words: [(key: String, text: String, isBare: Bool)]) -> (value: TerbilangValue, text: String, count: Int)? {
        var index = 0
        while index < words.count, leadWords.contains(words[index].key) { index += 1 }
        let first = index
        while index < words.count, index - first < maxWords, isNumberWord(words[index].key) { index += 1 }
        guard index > first, let value = parse(words[first..<index].map(\.key)) else { return nil }
        return (value, words[first..<index].map(\.text).joined(separator: " "), index - first)
    }

    /// Indonesian number words to a value; nil when they do not form a number ("dua tiga", "puluh").
    static func parse(_ words: [String]) -> TerbilangValue? {
        let integerWords: [String]
        var decimalDigits = ""
        if let comma = words.firstIndex(where: { decimalWords.contains($0) }) {
            integerWords = Array(words[..<comma])
            let fraction = Array(words[(comma + 1)...])
            guard !fraction.isEmpty else { return nil }
            if fraction.allSatisfy({ digits[$0] != nil }) {
                // "koma nol lima": digit by digit.
                decimalDigits = fraction.compactMap { digits[$0].map(String.init) }.joined()
            } else {
                // "koma dua puluh lima": the digits of a whole number.
                guard let value = integer(fraction) else { return nil }
                decimalDigits = String(value)
            }
        } else {
            integerWords = words
        }
        guard let integer = integerWords.isEmpty ? 0 : integer(integerWords) else { return nil }
        return TerbilangValue(integer: integer, decimals: decimalDigits)
    }

    private static func integer(_ words: [String]) -> Int64? {
        guard !words.isEmpty else { return nil }
        var total: Int64 = 0
        var group: Int64 = 0
        var pending: Int64?
        for word in words {
            if let digit = digits[word] {
                guard pending == nil else { return nil }
                pending = digit
            } else if let whole = oneWords[word] {
                guard pending == nil else { return nil }
                if whole >= 1000 {
                    guard group == 0 else { return nil }
                    total += whole
                } else {
                    group += whole
                }
            } else if let multiplier = smallMultipliers[word] {
                guard let digit = pending, digit > 0 else { return nil }
                group += word == "BELAS" ? 10 + digit : digit * multiplier
                pending = nil
            } else if let multiplier = bigMultipliers[word] {
                let amount = group + (pending ?? 0)
                guard amount > 0 else { return nil }
                let (product, overflow) = amount.multipliedReportingOverflow(by: multiplier)
                guard !overflow else { return nil }
                total += product
                group = 0
                pending = nil
            } else {
                return nil
            }
        }
        return total + group + (pending ?? 0)
    }

    /// The exact value of a parsed number; nil for negative numbers.
    static func value(of number: ParsedNumber) -> TerbilangValue? {
        guard number.mantissa >= 0 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<number.decimals { scale *= 10 }
        let integer = number.mantissa / scale
        var fraction = ""
        if number.decimals > 0 {
            let rest = String(number.mantissa % scale)
            fraction = String(repeating: "0", count: number.decimals - rest.count) + rest
        }
        return TerbilangValue(integer: integer, decimals: fraction)
    }

    /// "1.500.000" or "74,5", as a document writes it.
    static func format(_ value: TerbilangValue) -> String {
        var digits = Array(String(value.integer))
        var grouped: [Character] = []
        while digits.count > 3 {
            grouped = ["."] + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let integer = String(digits + grouped)
        return value.decimals.isEmpty ? integer : integer + "," + value.decimals
    }

    /// The Indonesian words for a value ("tujuh puluh empat koma lima").
    static func words(for value: TerbilangValue) -> String? {
        var parts = [integerWords(value.integer)]
        if !value.decimals.isEmpty {
            let names = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
            parts.append("koma")
            parts += value.decimals.compactMap { $0.wholeNumberValue.map { names[$0] } }
        }
        return parts.joined(separator: " ")
    }

    private static func integerWords(_ number: Int64) -> String {
        let names = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
        func below1000(_ n: Int64) -> [String] {
            var words: [String] = []
            var rest = n
            if rest >= 100 {
                let hundreds = rest / 100
                words += hundreds == 1 ? ["seratus"] : [names[Int(hundreds)], "ratus"]
                rest %= 100
            }
            if rest >= 20 {
                words += [names[Int(rest / 10)], "puluh"]
                rest %= 10
                if rest > 0 { words.append(names[Int(rest)]) }
            } else if rest >= 12 {
                words += [names[Int(rest - 10)], "belas"]
            } else if rest == 11 {
                words.append("sebelas")
            } else if rest == 10 {
                words.append("sepuluh")
            } else if rest > 0 {
                words.append(names[Int(rest)])
            }
            return words
        }
        guard number > 0 else { return "nol" }
        let scales: [(Int64, String)] = [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1000, "ribu")]
        var words: [String] = []
        var rest = number
        for (scale, name) in scales where rest >= scale {
            let count = rest / scale
            if scale == 1000 && count == 1 {
                words.append("seribu")
            } else {
                words += below1000(count) + [name]
            }
            rest %= scale
        }
        words += below1000(rest)
        return words.joined(separator: " ")
    }
}
