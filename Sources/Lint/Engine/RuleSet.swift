import Foundation

/// The effective settings one document is linted with: which rules run at which severity with which
/// parameters, and the vocabulary they share. Built from a chain of YAML files (`extends:`): the
/// embedded `base`, `iku`, `renstra`, `lakip`, then any configuration file.
///
/// File format:
/// ```yaml
/// extends: base            # a built-in name or a path relative to this file
/// rules:                   # the rules this set runs; a later file changes what it names
///   sum-mismatch: {severity: error, tolerance: 0}
///   targets-flat: {enabled: false}
/// terms:                   # word lists and scales rules read (polarity words, predikat scale …)
///   polarity: {negative: [kemiskinan]}
/// vocabulary:              # column synonyms, in the format of rulesets/vocabulary.yml
///   columns: [{role: penanggung_jawab, phrases: [PENANGGUNGJAWAB KINERJA]}]
/// ```
public struct RuleSet: Sendable {
    /// The files applied, first to last (`base`, `lakip`, `/repo/.iku-lint.yml`).
    public var chain: [String]
    /// Each rule's merged entry; a rule runs when it has an entry whose `enabled` is not false.
    public var rules: Settings
    public var terms: Settings
    public var vocabulary: Vocabulary
    /// Whether a file of the chain added column vocabulary, so tables must be analysed again with it.
    public var extendsVocabulary = false

    public init(chain: [String] = [], rules: Settings = Settings(), terms: Settings = Settings(),
                vocabulary: Vocabulary = .standard) {
        self.chain = chain
        self.rules = rules
        self.terms = terms
        self.vocabulary = vocabulary
    }

    public var name: String { chain.last ?? "base" }

    public func isEnabled(_ ruleID: String) -> Bool {
        guard let entry = rules[ruleID] else { return false }
        return entry.map?["enabled"]?.bool ?? entry.bool ?? true
    }

    public func severity(of ruleID: String, default fallback: Severity) -> Severity {
        rules[ruleID]?.map?["severity"]?.string.flatMap { Severity(rawValue: $0.lowercased()) } ?? fallback
    }

    public func parameters(of ruleID: String) -> Settings {
        rules[ruleID]?.map ?? Settings()
    }

    /// `layer` (one file's settings) applied on top.
    func applying(_ layer: Settings, name: String) throws(ConfigurationError) -> RuleSet {
        var result = self
        result.chain.append(name)
        if let rules = layer["rules"] {
            guard case .map(let entries) = rules else {
                throw .invalid(file: name, key: "rules", reason: "expected a mapping of rule ids")
            }
            for (id, value) in entries.entries {
                switch value {
                case .map(let settings):
                    if let severity = settings["severity"]?.string, Severity(rawValue: severity.lowercased()) == nil {
                        throw .invalid(file: name, key: "rules.\(id).severity",
                                       reason: "\"\(severity)\" is not one of error, warning, info")
                    }
                    result.rules = result.rules.merging(Settings([(id, .map(settings))]))
                case .scalar(let text):
                    // `rule-id: false` disables, `rule-id: true` enables, `rule-id: warning` sets the severity.
                    if let flag = value.bool {
                        result.rules = result.rules.merging(Settings([(id, .map(Settings([("enabled", .scalar(flag ? "true" : "false"))])))]))
                    } else if Severity(rawValue: text.lowercased()) != nil {
                        result.rules = result.rules.merging(Settings([(id, .map(Settings([("severity", .scalar(text))])))]))
                    } else {
                        throw .invalid(file: name, key: "rules.\(id)", reason: "expected a mapping, true/false or a severity")
                    }
                case .list:
                    throw .invalid(file: name, key: "rules.\(id)", reason: "expected a mapping, true/false or a severity")
                }
            }
        }
        if let terms = layer["terms"] {
            guard case .map(let settings) = terms else {
                throw .invalid(file: name, key: "terms", reason: "expected a mapping")
            }
            result.terms = result.terms.merging(settings)
        }
        if let vocabulary = layer["vocabulary"] {
            guard case .map(let settings) = vocabulary else {
                throw .invalid(file: name, key: "vocabulary", reason: "expected a mapping")
            }
            do {
                result.vocabulary = result.vocabulary.merging(try Vocabulary(yaml: settings.yaml()))
                result.extendsVocabulary = true
            } catch {
                throw .invalid(file: name, key: "vocabulary", reason: error.description)
            }
        }
        return result
    }
}

/// The built-in rule sets and the loading of rule set chains and configuration files.
public enum RuleSetLibrary {
    public static let builtInNames = ["base", "iku", "renstra", "lakip"]

    /// The built-in rule set for a document kind (`--ruleset auto`).
    public static func name(for kind: Subject.Kind) -> String {
        switch kind {
        case .iku, .pk: "iku"
        case .renstra: "renstra"
        case .lakip: "lakip"
        case .unknown: "base"
        }
    }

    /// A built-in rule set by name, or a YAML file by path.
    public static func load(_ nameOrPath: String, relativeTo folder: String? = nil) throws(ConfigurationError) -> RuleSet {
        var visiting: [String] = []
        return try load(nameOrPath, relativeTo: folder, visiting: &visiting)
    }

    /// The configuration file that applies to a document: `.iku-lint.yml` in its folder or the nearest above.
    public static func configurationFile(for documentPath: String) -> String? {
        var folder = URL(fileURLWithPath: documentPath).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<64 {
            let candidate = folder.appendingPathComponent(".iku-lint.yml").path
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The rule set for a document: the named (or kind-chosen) built-in, then the configuration file.
    /// A configuration that `extends` something replaces the built-in choice.
    public static func effective(ruleSet name: String?, kind: Subject.Kind, configuration: String?) throws(ConfigurationError) -> RuleSet {
        let builtIn = name == nil || name == "auto" ? Self.name(for: kind) : name ?? "base"
        guard let configuration else { return try load(builtIn) }
        let layer = try readFile(configuration)
        var visiting = [configuration]
        let folder = URL(fileURLWithPath: configuration).deletingLastPathComponent().path
        var base: RuleSet
        if let parent = layer["extends"]?.string, parent != "auto" {
            base = try load(parent, relativeTo: folder, visiting: &visiting)
        } else {
            base = try load(builtIn)
        }
        base = try base.applying(layer, name: configuration)
        return base
    }

    private static func load(_ nameOrPath: String, relativeTo folder: String?, visiting: inout [String]) throws(ConfigurationError) -> RuleSet {
        let key: String
        let layer: Settings
        if let text = EmbeddedRulesets.files[nameOrPath], builtInNames.contains(nameOrPath) {
            key = nameOrPath
            layer = try Settings(yaml: text, source: "\(nameOrPath).yml (built in)")
        } else if nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            let url = folder.map { URL(fileURLWithPath: nameOrPath, relativeTo: URL(fileURLWithPath: $0, isDirectory: true)) }
                ?? URL(fileURLWithPath: nameOrPath)
            key = url.standardizedFileURL.path
            layer = try readFile(key)
        } else {
            throw .unknownRuleSet(nameOrPath)
        }
        if visiting.contains(key) { throw .extendsCycle(visiting + [key]) }
        visiting.append(key)
        var base = RuleSet()
        if let parent = layer["extends"]?.string {
            let parentFolder = builtInNames.contains(key) ? nil : URL(fileURLWithPath: key).deletingLastPathComponent().path
            base = try load(parent, relativeTo: parentFolder, visiting: &visiting)
        }
        return try base.applying(layer, name: key)
    }

    private static func readFile(_ path: String) throws(ConfigurationError) -> Settings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "cannot read the file")
        }
        guard data.count < 4 << 20 else { throw .unreadable(file: path, reason: "larger than 4 MiB") }
        return try Settings(yaml: String(decoding: data, as: UTF8.self), source: path)
    }
}
