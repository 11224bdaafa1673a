/// Derives from a read document what every rule needs: typed list labels and pseudo-headings, table
/// headers and column roles, logical tables (page-split tables joined, continuation rows folded), the
/// section tree and the subject. One pass per concern over one model, shared by all rules.
public struct DocumentAnalyzer: Sendable {
    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    public func analyze(_ input: Document) -> Document {
        var document = input
        // The text reader labels its paragraphs while it reads (it must, to tell lists from tables).
        if document.format == .docx || document.format == .flatOPC {
            Self.labelTypedMarkers(&document.blocks)
        }
        analyzeTables(&document)
        document.sections = SectionBuilder.build(document.blocks)
        document.subject = SubjectDetector.detect(document)
        return document
    }

    /// Header rows, column roles and logical tables, with this analyzer's vocabulary.
    public func analyzeTables(_ document: inout Document) {
        for index in document.blocks.indices {
            guard case .table(var table) = document.blocks[index] else { continue }
            let header = TableHeaders.analyze(table, vocabulary: vocabulary)
            table.headerRowCount = header.headerRowCount
            table.columns = header.columns
            document.blocks[index] = .table(table)
        }
        document.logicalTables = TableJoiner.join(document.tables, paragraphs: document.paragraphs, vocabulary: vocabulary)
    }

    /// Hand-typed markers (`a.`, `16.`, `(2)`) become list labels, as automatic numbering already is;
    /// then headings typed as text (`BAB I`, `1.1 Judul`) are recognised.
    static func labelTypedMarkers(_ blocks: inout [Block]) {
        var context = ListMarkers.Context()
        for index in blocks.indices {
            guard case .paragraph(var paragraph) = blocks[index] else { continue }
            // TOC entries keep their labels in the text, as Word shows them.
            if paragraph.list == nil, !paragraph.isTOCEntry, let found = ListMarkers.match(paragraph.text) {
                var label = found.label
                if label.style != .bullet { label = context.resolve(label) }
                paragraph.list = label
                paragraph.text = found.rest
            }
            paragraph.pseudoHeading = paragraph.headingLevel == nil ? PseudoHeadings.detect(paragraph) : nil
            if !paragraph.isTOCEntry {
                // Lists do not run across chapters and numbered headings: `i.` after one starts afresh.
                // Lettered headings (`H.`, `I.`) are a sequence of their own and keep the context.
                switch paragraph.pseudoHeading?.kind {
                case .chapter?, .numbered?: context.reset()
                default: if paragraph.headingLevel != nil { context.reset() }
                }
            }
            blocks[index] = .paragraph(paragraph)
        }
        ListMarkers.refineAmbiguousLabels(&blocks)
    }
}
