/// Prints the model a file was read into: what every rule sees.
public enum DocumentDump {
    public static func json(_ document: Document) -> JSONValue {
        var paragraphs: [JSONValue] = []
        var tables: [JSONValue] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): paragraphs.append(json(paragraph))
            case .table(let table): tables.append(json(table))
            }
        }
        return .object([
            ("path", .string(document.path)),
            ("format", .string(document.format.rawValue)),
            ("subject", json(document.subject)),
            ("title", .optional(document.properties.title)),
            ("paragraphs", .array(paragraphs)),
            ("tables", .array(tables)),
            ("logical_tables", .array(document.logicalTables.map(json))),
            ("sections", .array(document.sections.map(json))),
        ])
    }

    static func json(_ subject: Subject) -> JSONValue {
        var fields: [(String, JSONValue)] = [("kind", .string(subject.kind.rawValue))]
        fields.append(("unit", .optional(subject.unit)))
        fields.append(("region", .optional(subject.region)))
        if let start = subject.periodStart, let end = subject.periodEnd {
            fields.append(("period", .object([("start", .int(start)), ("end", .int(end))])))
        } else {
            fields.append(("period", .null))
        }
        fields.append(("year", .optional(subject.year)))
        return .object(fields)
    }

    static func json(_ paragraph: Paragraph) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("paragraph", .optional(paragraph.location.paragraph)),
            ("text", .string(paragraph.text)),
            ("style", .optional(paragraph.styleName ?? paragraph.styleID)),
            ("heading_level", .optional(paragraph.headingLevel)),
        ]
        if let list = paragraph.list {
            fields.append(("list", .object([
                ("marker", .string(list.marker)),
                ("value", .optional(list.value)),
                ("level", .int(list.level)),
                ("format", .string(list.style.rawValue)),
                ("source", .string(list.source.rawValue)),
            ])))
        } else {
            fields.append(("list", .null))
        }
        if let heading = paragraph.pseudoHeading {
            fields.append(("pseudo_heading", .object([
                ("kind", .string(heading.kind.rawValue)),
                ("number", .optional(heading.number)),
                ("title", .string(heading.title)),
                ("level", .int(heading.level)),
            ])))
        }
        if paragraph.isTOCEntry { fields.append(("toc", .bool(true))) }
        if paragraph.isBold { fields.append(("bold", .bool(true))) }
        if paragraph.container != .body { fields.append(("container", .string(paragraph.container.rawValue))) }
        return .object(fields)
    }

    static func json(_ table: Table) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("table", .int(table.index)),
            ("rows", .array(table.rows.map { row in .array(row.cells.map { .string($0.text) }) })),
            ("header_rows", .int(table.headerRowCount)),
            ("columns", .array(table.columns.map(json))),
        ]
        let nested = table.rows.flatMap { row in row.cells.flatMap(\.nestedTables) }
        if !nested.isEmpty { fields.append(("nested_tables", .array(nested.map(json)))) }
        return .object(fields)
    }

    static func json(_ column: Column) -> JSONValue {
        .object([
            ("column", .int(column.index)),
            ("header", .string(column.header)),
            ("role", .optional(column.role?.rawValue)),
            ("year", .optional(column.year)),
        ])
    }

    static func json(_ table: LogicalTable) -> JSONValue {
        .object([
            ("physical_tables", .array(table.physicalTables.map(JSONValue.int))),
            ("header_rows", .int(table.headerRows.count)),
            ("columns", .array(table.columns.map(json))),
            ("rows", .array(table.rows.map { row in
                var fields: [(String, JSONValue)] = [
                    ("table", .optional(row.location.table)),
                    ("row", .optional(row.location.row)),
                ]
                if !row.continuations.isEmpty {
                    fields.append(("continuations", .array(row.continuations.map { location in
                        .object([("table", .optional(location.table)), ("row", .optional(location.row))])
                    })))
                }
                fields.append(("cells", .array(row.cells.map(JSONValue.string))))
                return .object(fields)
            })),
        ])
    }

    static func json(_ section: Section) -> JSONValue {
        .object([
            ("paragraph", .int(section.headingParagraph)),
            ("number", .optional(section.number)),
            ("title", .string(section.title)),
            ("level", .int(section.level)),
            ("tables", .array(section.tables.map(JSONValue.int))),
            ("children", .array(section.children.map(json))),
        ])
    }

    /// A readable outline: headings, list labels, tables with their header rows and column roles.
    public static func text(_ document: Document) -> String {
        var out = "\(document.path) (\(document.format.rawValue))\n"
        let subject = document.subject
        out += "subject: \(subject.kind.rawValue)"
        if let unit = subject.unit { out += ", \(unit)" }
        if let region = subject.region { out += ", \(region)" }
        if let start = subject.periodStart, let end = subject.periodEnd { out += ", \(start)–\(end)" }
        if let year = subject.year { out += ", year \(year)" }
        out += "\n"
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                guard !paragraph.text.isEmpty || paragraph.list != nil else { continue }
                var line = "¶\(paragraph.location.paragraph ?? 0)"
                if let level = paragraph.headingLevel { line += " H\(level)" }
                else if let heading = paragraph.pseudoHeading { line += " h\(heading.level)" }
                if paragraph.isTOCEntry { line += " toc" }
                if paragraph.container == .textBox { line += " box" }
                line += " " + paragraph.displayText.replacingNewlines
                out += line + "\n"
            case .table(let table):
                out += "table \(table.index): \(table.rows.count) rows, \(table.headerRowCount) header\n"
                for column in table.columns {
                    var line = "  col \(column.index)"
                    if let role = column.role { line += " [\(role.rawValue)\(column.year.map { " \($0)" } ?? "")]" }
                    line += " \(column.header.replacingNewlines)"
                    out += line + "\n"
                }
                for row in table.rows {
                    out += "  \(row.index): " + row.cells.map { $0.text.replacingNewlines }.joined(separator: " | ") + "\n"
                }
            }
        }
        return out
    }
}

extension String {
    var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}
