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
}
