/// How much a finding matters; `--fail-on` and `--min-severity` compare these.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The languages iku-lint speaks: Bahasa Indonesia by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case id, en
}

/// A text in both languages. Rules write both; reporters only choose.
public struct Message: Sendable, Equatable {
    public var id: String
    public var en: String

    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .en ? en : id }
}

/// One violation: which rule, how severe, what is wrong, where, on what text, and for arithmetic the
/// value written and the value expected.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: Message
    public var location: Location
    /// Title of the section the finding lies in, when known.
    public var section: String?
    /// The full text of the paragraph, heading, TOC entry or table cell the finding is about.
    public var evidence: String
    public var expected: String?
    public var actual: String?

    public init(rule: String, severity: Severity, message: Message, location: Location, section: String? = nil,
                evidence: String, expected: String? = nil, actual: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.section = section
        self.evidence = evidence
        self.expected = expected
        self.actual = actual
    }

    /// Document order: tables and paragraphs interleaved by where they stand, then by rule.
    static func precedes(_ a: Finding, _ b: Finding, tableOrder: (Int) -> Int) -> Bool {
        func key(_ finding: Finding) -> [Int] {
            let location = finding.location
            let anchor = location.table.map(tableOrder) ?? ((location.paragraph ?? 0) * 2)
            return [anchor, location.row ?? 0, location.column ?? 0]
        }
        let ka = key(a), kb = key(b)
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message.en < b.message.en
    }
}
