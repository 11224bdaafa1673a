/// The outcome of linting one file: its findings, or why it could not be read.
public struct FileReport: Sendable {
    public var path: String
    public var subject: Subject?
    public var ruleSet: String?
    public var findings: [Finding]
    public var error: String?

    public init(path: String, subject: Subject? = nil, ruleSet: String? = nil, findings: [Finding] = [],
                error: String? = nil) {
        self.path = path
        self.subject = subject
        self.ruleSet = ruleSet
        self.findings = findings
        self.error = error
    }
}

/// Prints lint results; it only arranges what the rules found.
public enum FindingReport {
    /// The JSON contract CI and reviewers build on (`version` 1).
    public static func json(_ reports: [FileReport], language: Language) -> JSONValue {
        var files: [JSONValue] = []
        var counts: [Severity: Int] = [:]
        var unreadable = 0
        for report in reports {
            var fields: [(String, JSONValue)] = [("path", .string(report.path))]
            fields.append(("kind", .optional(report.subject?.kind.rawValue)))
            fields.append(("subject", report.subject.map(DocumentDump.json) ?? .null))
            if let ruleSet = report.ruleSet { fields.append(("ruleset", .string(ruleSet))) }
            fields.append(("findings", .array(report.findings.map { finding in
                counts[finding.severity, default: 0] += 1
                return json(finding, language: language)
            })))
            if let error = report.error {
                unreadable += 1
                fields.append(("error", .string(error)))
            }
            files.append(.object(fields))
        }
        return .object([
            ("version", .int(1)),
            ("files", .array(files)),
            ("summary", .object([
                ("files", .int(reports.count)),
                ("unreadable", .int(unreadable)),
                ("error", .int(counts[.error] ?? 0)),
                ("warning", .int(counts[.warning] ?? 0)),
                ("info", .int(counts[.info] ?? 0)),
            ])),
        ])
    }

    static func json(_ finding: Finding, language: Language) -> JSONValue {
        var location: [(String, JSONValue)] = []
        if let paragraph = finding.location.paragraph { location.append(("paragraph", .int(paragraph))) }
        if let table = finding.location.table { location.append(("table", .int(table))) }
        if let row = finding.location.row { location.append(("row", .int(row))) }
        if let column = finding.location.column { location.append(("column", .int(column))) }
        if let section = finding.section { location.append(("section", .string(section))) }
        var fields: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message.text(language))),
            ("location", .object(location)),
            ("evidence", .string(finding.evidence)),
        ]
        if let expected = finding.expected { fields.append(("expected", .string(expected))) }
        if let actual = finding.actual { fields.append(("actual", .string(actual))) }
        return .object(fields)
    }

    /// One line per finding, grouped by file, and a summary line; ANSI colours only when asked.
    public static func text(_ reports: [FileReport], language: Language, colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = ""
        var counts: [Severity: Int] = [:]
        var unreadable = 0
        for report in reports {
            if let error = report.error {
                unreadable += 1
                out += paint("\(report.path): \(error)", "31") + "\n"
                continue
            }
            guard !report.findings.isEmpty else { continue }
            out += paint(report.path, "1") + "\n"
            for finding in report.findings {
                counts[finding.severity, default: 0] += 1
                let severity: String
                switch finding.severity {
                case .error: severity = paint("error", "31")
                case .warning: severity = paint("warning", "33")
                case .info: severity = paint("info", "36")
                }
                var line = "\(report.path):\(place(finding.location, language: language)): \(severity) \(finding.rule) \(finding.message.text(language))"
                if let expected = finding.expected, let actual = finding.actual {
                    line += language == .en ? " (written \(actual), expected \(expected))" : " (tertulis \(actual), seharusnya \(expected))"
                }
                out += line + "\n"
                let evidence = finding.evidence.replacingNewlines
                if !evidence.isEmpty {
                    out += "    " + paint(evidence.count > 160 ? String(evidence.prefix(157)) + "…" : evidence, "2") + "\n"
                }
            }
        }
        let e = counts[.error] ?? 0, w = counts[.warning] ?? 0, i = counts[.info] ?? 0
        if language == .en {
            out += "\(reports.count) file(s): \(e) error(s), \(w) warning(s), \(i) info"
            if unreadable > 0 { out += ", \(unreadable) unreadable" }
        } else {
            out += "\(reports.count) berkas: \(e) galat, \(w) peringatan, \(i) info"
            if unreadable > 0 { out += ", \(unreadable) tidak terbaca" }
        }
        return out + "\n"
    }

    static func place(_ location: Location, language: Language) -> String {
        var parts: [String] = []
        let en = language == .en
        if let table = location.table { parts.append((en ? "table " : "tabel ") + "\(table)") }
        if let row = location.row { parts.append((en ? "row " : "baris ") + "\(row)") }
        if let column = location.column { parts.append((en ? "column " : "kolom ") + "\(column)") }
        if location.table == nil, let paragraph = location.paragraph {
            parts.append((en ? "paragraph " : "paragraf ") + "\(paragraph)")
        }
        return parts.isEmpty ? (en ? "document" : "dokumen") : parts.joined(separator: " ")
    }
}
