/// Small text helpers that several rules share, so they quote and compare text the same way.
enum RuleText {
    /// Runs of white space (`Character.isWhitespace`) as single spaces, ends trimmed: text as a message quotes it.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` without leading and trailing white space (`Character.isWhitespace`).
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// Lower-cased runs of letters and digits: "Rata-rata (IKM)" → ["rata", "rata", "ikm"]; word lists from
    /// the rule sets are matched against these.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current += character.lowercased()
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A word list from the settings, each entry as its words (entries without any word dropped).
    static func phrases(_ list: [String]) -> [[String]] {
        list.map(words).filter { !$0.isEmpty }
    }
}
