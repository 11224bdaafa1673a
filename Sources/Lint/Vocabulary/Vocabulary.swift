import Yams

/// The words iku-lint knows: which header labels name which column role, and the few word lists table
/// analysis needs. Loaded from YAML (`rulesets/vocabulary.yml` is the default, embedded in the binary),
/// so a province can add synonyms with a configuration file instead of a new build.
///
/// The file format and the matching rules are documented at the top of `rulesets/vocabulary.yml`.
/// Later vocabulary sections (polarity words, unit words, predikat scales) belong in this struct too;
/// unknown top-level keys are ignored so that they can be added without breaking older files.
public struct Vocabulary: Sendable {
    /// The header words of one column role, as written in the file.
    public struct ColumnEntry: Sendable, Equatable {
        /// nil for the `none` entry: phrases that name no role and only stop weaker matches.
        public var role: ColumnRole?
        /// Matched as consecutive whole words anywhere in a label; "*" stands for any words.
        public var phrases: [String]
        /// Matched against the whole label only.
        public var labels: [String]

        public init(role: ColumnRole?, phrases: [String], labels: [String] = []) {
            self.role = role
            self.phrases = phrases
            self.labels = labels
        }
    }

    /// A role found in a column's own label, changed by what a label above it names
    /// ("ANGGARAN / REALISASI" → realisasi_anggaran).
    public struct ContextRule: Sendable, Equatable {
        public var role: ColumnRole
        /// Roles a label above may name for the rule to apply.
        public var under: [ColumnRole]
        /// Phrases a label above may contain for the rule to apply.
        public var underWords: [String]
        public var becomes: ColumnRole

        public init(role: ColumnRole, under: [ColumnRole], underWords: [String] = [], becomes: ColumnRole) {
            self.role = role
            self.under = under
            self.underWords = underWords
            self.becomes = becomes
        }
    }

    /// Header detection settings; nil means "not set by this file" so that merging can tell.
    public struct HeaderSettings: Sendable, Equatable {
        public var maxLabelWords: Int?
        public var maxHeaderRows: Int?
        public var compactMinLength: Int?
        public var dataWordSuffixes: [String] = []
        public var columnNumberBrackets: [String]?
        public var columnNumberPrefixes: [String] = []
        public init() {}
    }

    /// Continuation-row settings; nil means "not set by this file".
    public struct ContinuationSettings: Sendable, Equatable {
        public var keyRoles: [ColumnRole]?
        public var connectives: [String] = []
        public var trailingMarks: [String] = []
        public init() {}
    }

    public private(set) var columns: [ColumnEntry]
    public private(set) var context: [ContextRule]
    public private(set) var header: HeaderSettings
    public private(set) var continuation: ContinuationSettings
    /// Derived from `columns`, rebuilt whenever they change.
    private var matcher: PhraseMatcher

    /// An empty vocabulary: no roles, built-in defaults for the settings.
    public init() {
        self.init(columns: [], context: [], header: HeaderSettings(), continuation: ContinuationSettings())
    }

    public init(columns: [ColumnEntry], context: [ContextRule] = [], header: HeaderSettings = HeaderSettings(),
                continuation: ContinuationSettings = ContinuationSettings()) {
        self.columns = columns
        self.context = context
        self.header = header
        self.continuation = continuation
        self.matcher = PhraseMatcher(entries: columns)
    }

    // MARK: The default vocabulary

    /// The vocabulary embedded from `rulesets/vocabulary.yml`. If that file fails to load (a programming
    /// error a test catches), this is an empty vocabulary and `standardLoadError` says why: the tool
    /// keeps running, it only recognises fewer headers.
    public static let standard: Vocabulary = standardLoad.vocabulary
    /// Why the embedded vocabulary did not load, or nil.
    public static let standardLoadError: VocabularyError? = standardLoad.error

    private static let standardLoad: (vocabulary: Vocabulary, error: VocabularyError?) = {
        guard let text = EmbeddedRulesets.files["vocabulary"] else {
            return (Vocabulary(), .missingEmbeddedFile("vocabulary"))
        }
        do throws(VocabularyError) {
            return (try Vocabulary(yaml: text), nil)
        } catch {
            return (Vocabulary(), error)
        }
    }()

    // MARK: Effective settings (file value, else a built-in default so an empty vocabulary still works)

    var maxLabelWords: Int { header.maxLabelWords ?? 12 }
    var maxHeaderRows: Int { header.maxHeaderRows ?? 6 }
    var compactMinLength: Int { header.compactMinLength ?? 5 }
    var dataWordSuffixes: [String] { header.dataWordSuffixes }
    var columnNumberBrackets: [String] { header.columnNumberBrackets ?? ["", "()", "[]"] }
    var columnNumberPrefixes: [String] { header.columnNumberPrefixes }
    var continuationKeyRoles: Set<ColumnRole> {
        Set(continuation.keyRoles ?? [.number, .code, .target, .realisasi, .capaian, .pagu, .realisasiAnggaran,
                                       .persentase])
    }

    // MARK: Lookup

    /// The role and year a column header names. `header` is a label path as `Column.header` writes it,
    /// top to bottom, separated by " / " ("Target Kinerja Sasaran Pada Tahun / 2023"); a single label
    /// works too. nil when no label names a role.
    public func role(forHeader header: String) -> (role: ColumnRole, year: Int?)? {
        let result = classify(labels: Self.splitPath(header))
        guard let role = result.role else { return nil }
        return (role, result.year)
    }

    /// Role and year of a column from its header labels, top to bottom: the lowest label that names a
    /// role decides, then `context` rules look at the labels above it; the lowest label holding exactly
    /// one year gives the year.
    func classify(labels: [String]) -> (role: ColumnRole?, year: Int?) {
        var year: Int?
        for label in labels.reversed() {
            let years = Set(Self.words(label).compactMap(Self.year(fromWord:)))
            if years.count == 1 {
                year = years.first
                break
            }
        }
        var found: (index: Int, role: ColumnRole?)?
        for index in labels.indices.reversed() {
            if let match = matcher.bestMatch(words: Self.words(labels[index]), minCompact: compactMinLength) {
                found = (index, match.role)
                break
            }
        }
        guard let found, var role = found.role else { return (nil, year) }
        let above = labels[..<found.index]
        for rule in context where rule.role == role {
            let applies = above.contains { label in
                let words = Self.words(label)
                if let ancestor = matcher.bestMatch(words: words, minCompact: compactMinLength)?.role,
                   rule.under.contains(ancestor) {
                    return true
                }
                return rule.underWords.contains { PhraseMatcher.contains(words: words, phrase: Self.words($0)) }
            }
            if applies {
                role = rule.becomes
                break
            }
        }
        return (role, year)
    }

    /// Whether the label is a known header phrase at all (a role, or an explicit `none`).
    func namesColumn(_ label: String) -> Bool {
        matcher.bestMatch(words: Self.words(label), minCompact: compactMinLength) != nil
    }

    // MARK: Merging

    /// This vocabulary with a later file's additions: its phrases join the same role (a phrase it gives
    /// to another role moves there), its context rules are tried first, its settings replace these and
    /// its word lists are added to these.
    public func merging(_ other: Vocabulary) -> Vocabulary {
        var columns = self.columns
        for entry in other.columns {
            let moved = Set(entry.phrases.map(Self.phraseKey)).union(entry.labels.map(Self.phraseKey))
            for index in columns.indices where columns[index].role != entry.role {
                columns[index].phrases.removeAll { moved.contains(Self.phraseKey($0)) }
                columns[index].labels.removeAll { moved.contains(Self.phraseKey($0)) }
            }
            if let index = columns.firstIndex(where: { $0.role == entry.role }) {
                let known = Set(columns[index].phrases.map(Self.phraseKey)).union(columns[index].labels.map(Self.phraseKey))
                columns[index].phrases += entry.phrases.filter { !known.contains(Self.phraseKey($0)) }
                columns[index].labels += entry.labels.filter { !known.contains(Self.phraseKey($0)) }
            } else {
                columns.append(entry)
            }
        }
        var header = self.header
        header.maxLabelWords = other.header.maxLabelWords ?? header.maxLabelWords
        header.maxHeaderRows = other.header.maxHeaderRows ?? header.maxHeaderRows
        header.compactMinLength = other.header.compactMinLength ?? header.compactMinLength
        header.columnNumberBrackets = other.header.columnNumberBrackets ?? header.columnNumberBrackets
        header.dataWordSuffixes = Self.union(header.dataWordSuffixes, other.header.dataWordSuffixes)
        header.columnNumberPrefixes = Self.union(header.columnNumberPrefixes, other.header.columnNumberPrefixes)
        var continuation = self.continuation
        continuation.keyRoles = other.continuation.keyRoles ?? continuation.keyRoles
        continuation.connectives = Self.union(continuation.connectives, other.continuation.connectives)
        continuation.trailingMarks = Self.union(continuation.trailingMarks, other.continuation.trailingMarks)
        return Vocabulary(columns: columns, context: other.context + context, header: header,
                          continuation: continuation)
    }

    private static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set(first)
        return first + second.filter { seen.insert($0).inserted }
    }

    private static func phraseKey(_ phrase: String) -> String { words(phrase).joined(separator: " ") }

    // MARK: Normalisation (shared by header detection and the joiner)

    /// The words of a text as matching sees them: upper-cased; letters and digits kept, "%" a word of its
    /// own, everything else a separator; invisible format characters (zero-width space, soft hyphen)
    /// dropped so they do not split a word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.uppercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) {
                continue
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                if character == "%" { words.append("%") }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A 4-digit year 1900–2099 written as a word of its own.
    static func year(fromWord word: String) -> Int? {
        guard word.count == 4, word.allSatisfy(\.isASCII), let value = Int(word), (1900...2099).contains(value) else {
            return nil
        }
        return value
    }

    /// Splits a `Column.header` path into its labels.
    static func splitPath(_ header: String) -> [String] {
        var labels: [String] = []
        var rest = Substring(header)
        while let range = rest.firstRange(of: " / ") {
            labels.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        labels.append(String(rest))
        return labels
    }
}

// MARK: - Matching

/// The compiled form of the column entries: phrases as word arrays indexed by their first word, and
/// their space-free forms for labels whose words PDF conversion broke apart.
struct PhraseMatcher: Sendable {
    struct Phrase: Sendable {
        /// nil = "*", any number of words.
        var words: [String?]
        /// The words joined without spaces, as UTF-8; empty for phrases with "*".
        var compact: [UInt8]
        var role: ColumnRole?
        var order: Int
    }
    struct Match {
        var role: ColumnRole?
        /// Position and length in the label's space-free UTF-8 form, so word and space-free matches compare.
        var start: Int
        var length: Int
        var order: Int
    }

    private var phrases: [Phrase] = []
    private var byFirstWord: [String: [Int]] = [:]
    /// Whole-label entries by their space-free form.
    private var labels: [[UInt8]: (role: ColumnRole?, order: Int)] = [:]

    init(entries: [Vocabulary.ColumnEntry]) {
        for (order, entry) in entries.enumerated() {
            for text in entry.phrases {
                let words: [String?] = text.split(whereSeparator: \.isWhitespace).flatMap { part -> [String?] in
                    part == "*" ? [nil] : Vocabulary.words(String(part)).map { Optional($0) }
                }
                // A phrase starts and ends with a word (checked when the file is read).
                guard let first = words.first, let firstWord = first, let last = words.last, last != nil else {
                    continue
                }
                let compact = words.contains { $0 == nil } ? [] : Array(words.compactMap { $0 }.joined().utf8)
                byFirstWord[firstWord, default: []].append(phrases.count)
                phrases.append(Phrase(words: words, compact: compact, role: entry.role, order: order))
            }
            for text in entry.labels {
                let key = Array(Vocabulary.words(text).joined().utf8)
                if !key.isEmpty, labels[key] == nil { labels[key] = (entry.role, order) }
            }
        }
    }

    /// The best match in a label (see "How a header label is matched" in vocabulary.yml): earliest start,
    /// then longest, then the entry listed first.
    func bestMatch(words: [String], minCompact: Int) -> Match? {
        guard !words.isEmpty else { return nil }
        var offsets: [Int] = [0]
        for word in words { offsets.append((offsets.last ?? 0) + word.utf8.count) }
        let compact = Array(words.joined().utf8)
        var best: Match?
        func consider(_ candidate: Match) {
            guard let current = best else {
                best = candidate
                return
            }
            if candidate.start != current.start {
                if candidate.start < current.start { best = candidate }
            } else if candidate.length != current.length {
                if candidate.length > current.length { best = candidate }
            } else if candidate.order < current.order {
                best = candidate
            }
        }
        if let whole = labels[compact] {
            consider(Match(role: whole.role, start: 0, length: compact.count, order: whole.order))
        }
        for start in words.indices {
            for index in byFirstWord[words[start]] ?? [] {
                let phrase = phrases[index]
                if let end = Self.matchEnd(words: words, from: start, phrase: phrase.words) {
                    consider(Match(role: phrase.role, start: offsets[start], length: offsets[end] - offsets[start],
                                   order: phrase.order))
                }
            }
        }
        // Words broken by PDF conversion ("SATUA N"): look for long phrases in the space-free label.
        for phrase in phrases where phrase.compact.count >= minCompact && phrase.compact.count <= compact.count {
            if let start = Self.firstIndex(of: phrase.compact, in: compact) {
                consider(Match(role: phrase.role, start: start, length: phrase.compact.count, order: phrase.order))
            }
        }
        return best
    }

    /// Where a phrase starting at `from` ends (exclusive word index), or nil. "*" takes as few words as it can.
    static func matchEnd(words: [String], from: Int, phrase: [String?]) -> Int? {
        var position = from
        var index = 0
        while index < phrase.count {
            if let word = phrase[index] {
                guard position < words.count, words[position] == word else { return nil }
                position += 1
                index += 1
            } else {
                // "*": find the next literal word of the phrase at or after `position`.
                index += 1
                guard index < phrase.count, let next = phrase[index] else { return position }
                guard let found = words[position...].firstIndex(of: next) else { return nil }
                position = found + 1
                index += 1
            }
        }
        return position
    }

    /// Whether the phrase occurs as consecutive words in `words`.
    static func contains(words: [String], phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            words[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

// MARK: - Loading

/// Why a vocabulary file was refused: the YAML itself, or which key holds a wrong value.
public enum VocabularyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not well-formed YAML.
    case syntax(String)
    /// A key with a wrong value; `key` is a path such as `columns[3].role`.
    case invalid(key: String, reason: String)
    /// The embedded rule set file is missing from the build.
    case missingEmbeddedFile(String)

    public var description: String {
        switch self {
        case .syntax(let message): return "vocabulary: not valid YAML: \(message)"
        case .invalid(let key, let reason): return "vocabulary: \(key): \(reason)"
        case .missingEmbeddedFile(let name): return "vocabulary: the embedded rule set \(name).yml is missing"
        }
    }
}

extension Vocabulary {
    /// Reads a vocabulary file. Unknown top-level keys are ignored (other sections may share the file);
    /// unknown keys inside the sections read here are errors, so a typo does not silently do nothing.
    public init(yaml: String) throws(VocabularyError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw .syntax("\(error)")
        }
        guard let root else {
            self.init()
            return
        }
        guard case .mapping(let mapping) = root else {
            throw .invalid(key: "(top level)", reason: "expected a mapping of sections (columns:, header: …)")
        }
        var columns: [ColumnEntry] = []
        var context: [ContextRule] = []
        var header = HeaderSettings()
        var continuation = ContinuationSettings()
        for (keyNode, value) in mapping {
            let key = try Self.scalar(keyNode, key: "(top level)")
            switch key {
            case "version":
                let version = try Self.integer(value, key: "version")
                guard version == 1 else { throw .invalid(key: "version", reason: "only version 1 is known, not \(version)") }
            case "columns": columns = try Self.columnEntries(value)
            case "context": context = try Self.contextRules(value)
            case "header": header = try Self.headerSettings(value)
            case "continuation": continuation = try Self.continuationSettings(value)
            default: continue
            }
        }
        self.init(columns: columns, context: context, header: header, continuation: continuation)
    }

    private static func columnEntries(_ node: Node) throws(VocabularyError) -> [ColumnEntry] {
        var entries: [ColumnEntry] = []
        for (index, item) in try sequence(node, key: "columns").enumerated() {
            let path = "columns[\(index)]"
            let fields = try mapping(item, key: path, allowed: ["role", "phrases", "labels"])
            guard let roleNode = fields["role"] else { throw .invalid(key: path, reason: "missing role:") }
            let roleName = try scalar(roleNode, key: "\(path).role")
            let role: ColumnRole? = roleName == "none" ? nil : try columnRole(roleName, key: "\(path).role")
            var phrases: [String] = []
            if let node = fields["phrases"] { phrases = try strings(node, key: "\(path).phrases") }
            var labels: [String] = []
            if let node = fields["labels"] { labels = try strings(node, key: "\(path).labels") }
            for (phraseIndex, phrase) in phrases.enumerated() {
                try checkPhrase(phrase, key: "\(path).phrases[\(phraseIndex)]")
            }
            for (labelIndex, label) in labels.enumerated() where words(label).isEmpty {
                throw .invalid(key: "\(path).labels[\(labelIndex)]", reason: "\"\(label)\" has no letters or digits")
            }
            entries.append(ColumnEntry(role: role, phrases: phrases, labels: labels))
        }
        return entries
    }

    private static func checkPhrase(_ phrase: String, key: String) throws(VocabularyError) {
        let parts = phrase.split(whereSeparator: \.isWhitespace)
        guard let first = parts.first, let last = parts.last, !words(phrase).isEmpty else {
            throw .invalid(key: key, reason: "\"\(phrase)\" has no letters, digits or %")
        }
        if first == "*" || last == "*" {
            throw .invalid(key: key, reason: "\"\(phrase)\": \"*\" may only stand between two words")
        }
    }

    private static func contextRules(_ node: Node) throws(VocabularyError) -> [ContextRule] {
        var rules: [ContextRule] = []
        for (index, item) in try sequence(node, key: "context").enumerated() {
            let path = "context[\(index)]"
            let fields = try mapping(item, key: path, allowed: ["role", "under", "under_words", "becomes"])
            guard let roleNode = fields["role"], let becomesNode = fields["becomes"] else {
                throw .invalid(key: path, reason: "needs role: and becomes:")
            }
            let role = try columnRole(try scalar(roleNode, key: "\(path).role"), key: "\(path).role")
            let becomes = try columnRole(try scalar(becomesNode, key: "\(path).becomes"), key: "\(path).becomes")
            var under: [ColumnRole] = []
            if let node = fields["under"] {
                for (roleIndex, name) in try strings(node, key: "\(path).under").enumerated() {
                    under.append(try columnRole(name, key: "\(path).under[\(roleIndex)]"))
                }
            }
            var underWords: [String] = []
            if let node = fields["under_words"] { underWords = try strings(node, key: "\(path).under_words") }
            if under.isEmpty && underWords.isEmpty {
                throw .invalid(key: path, reason: "needs under: or under_words:")
            }
            rules.append(ContextRule(role: role, under: under, underWords: underWords, becomes: becomes))
        }
        return rules
    }

    private static func headerSettings(_ node: Node) throws(VocabularyError) -> HeaderSettings {
        let fields = try mapping(node, key: "header", allowed: ["max_label_words", "max_header_rows",
                                                                "compact_min_length", "data_word_suffixes",
                                                                "column_numbers"])
        var settings = HeaderSettings()
        if let node = fields["max_label_words"] {
            settings.maxLabelWords = try positive(node, key: "header.max_label_words")
        }
        if let node = fields["max_header_rows"] {
            settings.maxHeaderRows = try positive(node, key: "header.max_header_rows")
        }
        if let node = fields["compact_min_length"] {
            settings.compactMinLength = try positive(node, key: "header.compact_min_length")
        }
        if let node = fields["data_word_suffixes"] {
            settings.dataWordSuffixes = try strings(node, key: "header.data_word_suffixes").map { $0.uppercased() }
        }
        if let node = fields["column_numbers"] {
            let numbers = try mapping(node, key: "header.column_numbers", allowed: ["brackets", "prefixes"])
            if let node = numbers["brackets"] {
                let brackets = try strings(node, key: "header.column_numbers.brackets")
                for (index, pair) in brackets.enumerated() where !(pair.isEmpty || pair.count == 2) {
                    throw .invalid(key: "header.column_numbers.brackets[\(index)]",
                                   reason: "\"\(pair)\" is not an opening and a closing character (or \"\")")
                }
                settings.columnNumberBrackets = brackets
            }
            if let node = numbers["prefixes"] {
                settings.columnNumberPrefixes = try strings(node, key: "header.column_numbers.prefixes")
                    .map { $0.uppercased() }
            }
        }
        return settings
    }

    private static func continuationSettings(_ node: Node) throws(VocabularyError) -> ContinuationSettings {
        let fields = try mapping(node, key: "continuation", allowed: ["key_roles", "connectives", "trailing_marks"])
        var settings = ContinuationSettings()
        if let node = fields["key_roles"] {
            var roles: [ColumnRole] = []
            for (index, name) in try strings(node, key: "continuation.key_roles").enumerated() {
                roles.append(try columnRole(name, key: "continuation.key_roles[\(index)]"))
            }
            settings.keyRoles = roles
        }
        if let node = fields["connectives"] {
            settings.connectives = try strings(node, key: "continuation.connectives").map { $0.uppercased() }
        }
        if let node = fields["trailing_marks"] {
            let marks = try strings(node, key: "continuation.trailing_marks")
            for (index, mark) in marks.enumerated() where mark.count != 1 {
                throw .invalid(key: "continuation.trailing_marks[\(index)]", reason: "\"\(mark)\" is not one character")
            }
            settings.trailingMarks = marks
        }
        return settings
    }

    // MARK: Node helpers (each names the key it reads, for the error)

    private static func columnRole(_ name: String, key: String) throws(VocabularyError) -> ColumnRole {
        guard let role = ColumnRole(rawValue: name) else {
            let known = ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(key: key, reason: "unknown role \"\(name)\" (known: \(known), none)")
        }
        return role
    }

    /// A scalar's text exactly as written: `NO` stays "NO" (not YAML 1.1's false), `2023` stays "2023".
    private static func scalar(_ node: Node, key: String) throws(VocabularyError) -> String {
        guard case .scalar(let scalar) = node else { throw .invalid(key: key, reason: "expected a single value") }
        return scalar.string
    }

    private static func integer(_ node: Node, key: String) throws(VocabularyError) -> Int {
        let text = try scalar(node, key: key)
        guard let value = Int(text) else { throw .invalid(key: key, reason: "expected a whole number, not \"\(text)\"") }
        return value
    }

    private static func positive(_ node: Node, key: String) throws(VocabularyError) -> Int {
        let value = try integer(node, key: key)
        guard value > 0 else { throw .invalid(key: key, reason: "must be at least 1, not \(value)") }
        return value
    }

    private static func sequence(_ node: Node, key: String) throws(VocabularyError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw .invalid(key: key, reason: "expected a list") }
        return Array(sequence)
    }

    /// A list of values, or one value standing for a list of one.
    private static func strings(_ node: Node, key: String) throws(VocabularyError) -> [String] {
        if case .scalar(let scalar) = node { return [scalar.string] }
        var values: [String] = []
        for (index, item) in try sequence(node, key: key).enumerated() {
            values.append(try scalar(item, key: "\(key)[\(index)]"))
        }
        return values
    }

    private static func mapping(_ node: Node, key: String, allowed: Set<String>) throws(VocabularyError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw .invalid(key: key, reason: "expected a mapping") }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let name = try scalar(keyNode, key: key)
            guard allowed.contains(name) else {
                throw .invalid(key: "\(key).\(name)", reason: "unknown key (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            fields[name] = value
        }
        return fields
    }
}
