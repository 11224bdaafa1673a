/// A check over one analysed document.
///
/// A rule is a value with no state of its own: `check` reads the document and the rule's settings from
/// the context and returns findings made with `context.finding(…)`, which stamps the rule's id and its
/// configured severity. Rules never touch XML or zip: they see only the model.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: RuleContext) -> [Finding]
}

/// What `iku-lint rules` and `iku-lint explain` print, and what the example tests run.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id (`sum-mismatch`).
    public var id: String
    public var title: Message
    public var description: Message
    /// Why the rule exists, citing the regulation where there is one.
    public var rationale: Message
    public var defaultSeverity: Severity
    public var parameters: [RuleParameter]
    /// Snippets that must draw at least one finding of this rule.
    public var triggering: [RuleExample]
    /// Snippets that must draw none.
    public var nonTriggering: [RuleExample]

    public init(id: String, title: Message, description: Message, rationale: Message, defaultSeverity: Severity,
                parameters: [RuleParameter] = [], triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.title = title
        self.description = description
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.parameters = parameters
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A setting a rule reads from its rule set entry (`rules: {sum-mismatch: {tolerance: 0}}`).
public struct RuleParameter: Sendable {
    public var name: String
    /// The default as YAML shows it, for `explain`.
    public var defaultValue: String
    public var description: Message

    public init(name: String, defaultValue: String, description: Message) {
        self.name = name
        self.defaultValue = defaultValue
        self.description = description
    }
}

/// A rule's example: a small Markdown/text document (read by the text reader, as a user's export would
/// be), or a document built in code for what text cannot express (TOC fields, bold runs).
public struct RuleExample: Sendable {
    public enum Source: Sendable {
        case markdown(String)
        case document(@Sendable () -> Document)
    }
    public var source: Source
    /// Shown by `explain`.
    public var caption: String
    /// Settings to lint the example with, as in a rule set (`kind: lakip` picks that rule set's vocabulary).
    public var kind: Subject.Kind?

    public init(_ markdown: String, caption: String = "", kind: Subject.Kind? = nil) {
        self.source = .markdown(markdown)
        self.caption = caption
        self.kind = kind
    }

    public init(caption: String, kind: Subject.Kind? = nil, document: @escaping @Sendable () -> Document) {
        self.source = .document(document)
        self.caption = caption
        self.kind = kind
    }

    /// The example as a user would see it (for `explain`).
    public var displayText: String {
        switch source {
        case .markdown(let text): text
        case .document: caption
        }
    }
}

/// What a rule sees while it runs: the document, its settings and the vocabulary of the rule set.
public struct RuleContext: Sendable {
    public let document: Document
    public let ruleID: String
    public let severity: Severity
    /// The rule's own entry in the effective rule set (`tolerance`, word lists …).
    public let parameters: Settings
    /// The rule set's vocabulary: column synonyms (`vocabulary`) and the other word lists (`terms`).
    public let vocabulary: Vocabulary
    public let terms: Settings
    /// Shared by every rule run on this document: derive expensive data once.
    public let cache: DerivedCache

    public init(document: Document, ruleID: String, severity: Severity, parameters: Settings,
                vocabulary: Vocabulary, terms: Settings, cache: DerivedCache = DerivedCache()) {
        self.document = document
        self.ruleID = ruleID
        self.severity = severity
        self.parameters = parameters
        self.vocabulary = vocabulary
        self.terms = terms
        self.cache = cache
    }

    public func finding(_ message: Message, at location: Location, evidence: String, expected: String? = nil,
                        actual: String? = nil, severity: Severity? = nil) -> Finding {
        Finding(rule: ruleID, severity: severity ?? self.severity, message: message, location: location,
                evidence: evidence, expected: expected, actual: actual)
    }

    /// A word list: the rule's own parameter at that key path when set, else the rule set's `terms` there.
    public func words(_ key: String) -> [String] {
        parameters[path: key]?.strings ?? terms[path: key]?.strings ?? []
    }

    public func number(_ key: String, default value: Double) -> Double {
        parameters[path: key]?.number ?? terms[path: key]?.number ?? value
    }

    public func flag(_ key: String, default value: Bool) -> Bool {
        parameters[path: key]?.bool ?? terms[path: key]?.bool ?? value
    }
}
