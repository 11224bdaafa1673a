/// A planning document as iku-lint understands it, whatever file it came from.
///
/// Readers fill `blocks` (body order) and the raw properties; `DocumentAnalyzer` then derives
/// headings, list labels, sections, logical tables and the subject.
public struct Document: Sendable {
    public var path: String
    public var format: InputFormat
    /// Body content in document order: paragraphs (including TOC entries and text-box paragraphs) and tables.
    public var blocks: [Block]
    /// Comments from `word/comments.xml`, kept for later rules.
    public var comments: [Comment]
    /// Title and other core properties (`docProps/core.xml`), when present.
    public var properties: CoreProperties
    /// Derived by analysis.
    public var sections: [Section] = []
    public var logicalTables: [LogicalTable] = []
    public var subject: Subject = Subject()

    public init(path: String, format: InputFormat, blocks: [Block] = [], comments: [Comment] = [],
                properties: CoreProperties = CoreProperties()) {
        self.path = path
        self.format = format
        self.blocks = blocks
        self.comments = comments
        self.properties = properties
    }

    /// Body-level paragraphs in order (paragraph N is `paragraphs[N-1]` for body paragraphs).
    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    /// Top-level tables in order (table N is `tables[N-1]`).
    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }
}

public enum InputFormat: String, Sendable, Codable {
    case docx, flatOPC = "xml", text, markdown
}

public enum Block: Sendable {
    case paragraph(Paragraph)
    case table(Table)
}

public struct Comment: Sendable, Equatable {
    public var id: String
    public var author: String
    public var text: String
    public init(id: String, author: String, text: String) {
        self.id = id
        self.author = author
        self.text = text
    }
}

public struct CoreProperties: Sendable, Equatable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public init(title: String? = nil, subject: String? = nil, creator: String? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
    }
}
