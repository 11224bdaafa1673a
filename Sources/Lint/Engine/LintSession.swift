import Foundation

/// Lints files with one set of options: finds each file's rule set (cached, since thousands of files
/// share a few), reads and analyses the document once, runs every rule over that one model.
public final class LintSession: @unchecked Sendable {
    public struct Options: Sendable {
        /// A built-in name, a path, or nil / "auto" to choose by the document's kind.
        public var ruleSet: String?
        /// A configuration file; nil looks for `.iku-lint.yml` from each file's folder upward.
        public var configuration: String?
        public var minimumSeverity: Severity
        public var limits: ReadLimits

        public init(ruleSet: String? = nil, configuration: String? = nil, minimumSeverity: Severity = .info,
                    limits: ReadLimits = .default) {
            self.ruleSet = ruleSet
            self.configuration = configuration
            self.minimumSeverity = minimumSeverity
            self.limits = limits
        }
    }

    public let options: Options
    private let linter: Linter
    private var cache: [String: Result<RuleSet, ConfigurationError>] = [:]
    private let lock = NSLock()

    public init(options: Options, rules: [any Rule]) {
        self.options = options
        self.linter = Linter(rules: rules)
    }

    /// Lints one file; an unreadable file or a broken configuration becomes the report's error.
    public func lint(path: String) -> FileReport {
        var document: Document
        do {
            document = try DocumentLoader.load(path: path, limits: options.limits)
        } catch {
            return FileReport(path: path, error: error.description)
        }
        let ruleSet: RuleSet
        switch self.ruleSet(for: path, kind: document.subject.kind) {
        case .success(let found): ruleSet = found
        case .failure(let error): return FileReport(path: path, subject: document.subject, error: error.description)
        }
        if ruleSet.extendsVocabulary {
            DocumentAnalyzer(vocabulary: ruleSet.vocabulary).analyzeTables(&document)
        }
        let findings = linter.lint(document, with: ruleSet).filter { $0.severity >= options.minimumSeverity }
        return FileReport(path: path, subject: document.subject, ruleSet: ruleSet.name, findings: findings)
    }

    /// Lints an already loaded document (tests, examples).
    public func lint(_ document: Document, ruleSet: RuleSet) -> [Finding] {
        linter.lint(document, with: ruleSet).filter { $0.severity >= options.minimumSeverity }
    }

    private func ruleSet(for path: String, kind: Subject.Kind) -> Result<RuleSet, ConfigurationError> {
        let configuration = options.configuration ?? RuleSetLibrary.configurationFile(for: path)
        let key = "\(options.ruleSet ?? "auto")|\(kind.rawValue)|\(configuration ?? "")"
        lock.lock()
        if let cached = cache[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let result = Result { () throws(ConfigurationError) -> RuleSet in
            try RuleSetLibrary.effective(ruleSet: options.ruleSet, kind: kind, configuration: configuration)
        }
        lock.lock()
        cache[key] = result
        lock.unlock()
        return result
    }
}
