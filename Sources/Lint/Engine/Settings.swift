import Yams

/// A YAML value of a rule set or configuration file, kept as written: scalars are strings until a
/// rule asks for a number or a flag. Ordered, so `explain` and merged files keep the authors' order.
public indirect enum SettingValue: Sendable, Equatable {
    case scalar(String)
    case list([SettingValue])
    case map(Settings)

    public var string: String? {
        if case .scalar(let value) = self { return value }
        return nil
    }

    /// A number in YAML's own form (`0.5`, `100`); Indonesian forms belong in documents, not settings.
    public var number: Double? { string.flatMap { Double($0.trimmingWhitespace) } }

    public var bool: Bool? {
        switch string?.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// A list of scalars (a single scalar counts as a list of one).
    public var strings: [String]? {
        switch self {
        case .scalar(let value): [value]
        case .list(let values): values.compactMap(\.string)
        case .map: nil
        }
    }

    public var map: Settings? {
        if case .map(let settings) = self { return settings }
        return nil
    }
}

/// An ordered mapping of setting names to values.
public struct Settings: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: SettingValue)]

    public init(_ entries: [(key: String, value: SettingValue)] = []) {
        self.entries = entries
    }

    public static func == (a: Settings, b: Settings) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> SettingValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// A value at a dotted path (`polarity.negative`).
    public subscript(path path: String) -> SettingValue? {
        var current: Settings = self
        let parts = path.split(separator: ".").map(String.init)
        for (index, part) in parts.enumerated() {
            guard let value = current[part] else { return nil }
            if index == parts.count - 1 { return value }
            guard case .map(let next) = value else { return nil }
            current = next
        }
        return nil
    }

    /// `other` laid over `self`: maps merge key by key, lists are extended (a later file adds words),
    /// scalars are replaced. A list written as `{replace: [...]}` replaces instead of extending.
    public func merging(_ other: Settings) -> Settings {
        var result = self
        for (key, value) in other.entries {
            result[key] = Self.merge(result[key], value)
        }
        return result
    }

    private static func merge(_ base: SettingValue?, _ over: SettingValue) -> SettingValue {
        switch (base, over) {
        case (.map(let a), .map(let b)):
            if b.keys == ["replace"], let replacement = b["replace"] { return replacement }
            return .map(a.merging(b))
        case (.list(let a), .list(let b)):
            return .list(a + b.filter { !a.contains($0) })
        case (_, .map(let b)) where b.keys == ["replace"]:
            return b["replace"] ?? over
        default:
            return over
        }
    }

    /// Reads a YAML document into settings; the top level must be a mapping.
    public init(yaml: String, source: String) throws(ConfigurationError) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw .syntax(file: source, message: "\(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        guard let node else {
            self.init()
            return
        }
        guard case .map(let settings) = try Self.value(node, source: source, key: "(top level)") else {
            throw .invalid(file: source, key: "(top level)", reason: "expected a mapping")
        }
        self = settings
    }

    private static func value(_ node: Node, source: String, key: String) throws(ConfigurationError) -> SettingValue {
        switch node {
        case .scalar(let scalar): return .scalar(scalar.string)
        case .sequence(let sequence):
            var values: [SettingValue] = []
            for (index, item) in sequence.enumerated() {
                values.append(try value(item, source: source, key: "\(key)[\(index)]"))
            }
            return .list(values)
        case .mapping(let mapping):
            var settings = Settings()
            for (keyNode, item) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    throw .invalid(file: source, key: key, reason: "keys must be plain words")
                }
                settings[keyScalar.string] = try value(item, source: source, key: key == "(top level)" ? keyScalar.string : "\(key).\(keyScalar.string)")
            }
            return .map(settings)
        case .alias:
            throw .invalid(file: source, key: key, reason: "YAML aliases are not supported")
        }
    }

    /// Back to YAML, for handing a section to a reader of its own (the column vocabulary).
    func yaml() -> String {
        func node(_ value: SettingValue) -> Node {
            switch value {
            case .scalar(let string): return Node(string)
            case .list(let values): return .sequence(Node.Sequence(values.map(node)))
            case .map(let settings):
                return .mapping(Node.Mapping(settings.entries.map { (Node($0.key), node($0.value)) }))
            }
        }
        return (try? Yams.serialize(node: node(.map(self)))) ?? ""
    }
}

/// Why a rule set or configuration file was refused.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(file: String, message: String)
    case invalid(file: String, key: String, reason: String)
    case unreadable(file: String, reason: String)
    case unknownRuleSet(String)
    case extendsCycle([String])

    public var description: String {
        switch self {
        case .syntax(let file, let message): "\(file): not valid YAML: \(message)"
        case .invalid(let file, let key, let reason): "\(file): \(key): \(reason)"
        case .unreadable(let file, let reason): "\(file): \(reason)"
        case .unknownRuleSet(let name):
            "unknown rule set \"\(name)\" (built in: \(RuleSetLibrary.builtInNames.joined(separator: ", ")), or a path to a .yml file)"
        case .extendsCycle(let chain): "rule sets extend each other in a circle: \(chain.joined(separator: " → "))"
        }
    }
}
