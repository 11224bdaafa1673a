/// Builds the heading tree of a document body from Word headings (`headingLevel`) and headings typed in
/// the text (`pseudoHeading`; for a Word heading without one, its text is read with `PseudoHeadings`, so
/// `BAB I` and `1.2` styled as headings keep their numbers).
///
/// Levels:
/// - a `BAB` chapter is level 1 and a `1.2.3` heading has one level per part, whatever style Word gives
///   them, because the number says where they belong;
/// - a capital roman heading (`II. PERENCANAAN`) is level 1, or 2 when the document has `BAB` chapters;
/// - a lettered heading (`A. JUDUL`, styled or not) sits one below the last chapter, numbered or other
///   Word heading before it (level 1 if there is none): `BAB III` → `A.` and `3.1` → `A.` both nest, and
///   `A.`, `B.` stay siblings whatever Word levels the author gave them;
/// - any other Word heading keeps its outline level, except that once the document numbers its chapters
///   (`BAB …`), an unnumbered Word heading at chapter level is a styled caption or cover line (`BAGAN
///   SUSUNAN ORGANISASI`, `PENGUKURAN CAPAIAN …`) and hangs under the heading before it like a bold line,
///   rather than closing the chapter; back matter (`LAMPIRAN …`, `DAFTAR PUSTAKA`) keeps chapter level;
/// - a bold line sits one below the last heading that is not a bold line or such a caption.
///
/// A chapter line with no title (`BAB  V`, the title typed in the next paragraph, as text exports and many
/// Word files have it) takes its title from the next non-empty paragraph when that one is short and
/// title-like (`PENUTUP`); that paragraph then belongs to the heading, not to the section's content.
///
/// Table-of-contents entries, empty paragraphs and paragraphs outside the body (text boxes) are never
/// headings. Content before the first heading belongs to no section.
public enum SectionBuilder {
    public static func build(_ blocks: [Block]) -> [Section] {
        let items = bodyItems(blocks)
        var headings: [Heading] = []
        var levels = LevelTracker()
        var index = 0
        while index < items.count {
            guard case .paragraph(let number, let paragraph) = items[index],
                  let (kind, pseudo) = headingKind(paragraph) else {
                if !headings.isEmpty { headings[headings.count - 1].add(items[index]) }
                index += 1
                continue
            }
            var heading = Heading(paragraph: number, number: headingNumber(paragraph, pseudo),
                                  title: pseudo?.title ?? PseudoHeadings.collapse(Substring(paragraph.text)),
                                  level: levels.level(for: kind))
            index += 1
            if heading.title.isEmpty, let (title, next) = titleAfter(items, from: index) {
                heading.title = title
                index = next
            }
            headings.append(heading)
        }
        return tree(headings)
    }

    // MARK: - Items

    enum Item {
        case paragraph(number: Int, Paragraph)
        case table(index: Int)
    }

    /// Body paragraphs (numbered as the reader numbered them) and top-level tables, in order.
    static func bodyItems(_ blocks: [Block]) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(blocks.count)
        var bodyParagraphs = 0
        var tables = 0
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                // Text-box paragraphs carry their anchor's number; they neither head nor extend a section.
                guard paragraph.container == .body else { continue }
                bodyParagraphs += 1
                items.append(.paragraph(number: paragraph.location.paragraph ?? bodyParagraphs, paragraph))
            case .table(let table):
                tables += 1
                guard table.depth == 0 else { continue }
                items.append(.table(index: table.index > 0 ? table.index : tables))
            }
        }
        return items
    }

    // MARK: - Headings

    struct Heading {
        var paragraph: Int
        var number: String?
        var title: String
        var level: Int
        var firstParagraph: Int?
        var lastParagraph: Int?
        var tables: [Int] = []

        init(paragraph: Int, number: String?, title: String, level: Int) {
            self.paragraph = paragraph
            self.number = number
            self.title = title
            self.level = level
        }

        mutating func add(_ item: Item) {
            switch item {
            case .paragraph(let number, _):
                if firstParagraph == nil { firstParagraph = number }
                lastParagraph = max(lastParagraph ?? number, number)
            case .table(let index):
                tables.append(index)
            }
        }

        var section: Section {
            let range = firstParagraph.flatMap { first in lastParagraph.map { first...max(first, $0) } }
            return Section(headingParagraph: paragraph, number: number, title: title, level: level,
                           paragraphs: range, tables: tables)
        }
    }

    enum Kind {
        /// `BAB I`: level 1.
        case chapter
        /// `IV. PENUTUP`: level 1, or under a `BAB` chapter.
        case romanChapter
        /// `1.2.3`: one level per part.
        case numbered(Int)
        /// `A. JUDUL`: under the last anchor.
        case lettered
        /// A Word heading with its outline level; `backMatter` for `LAMPIRAN` and the like.
        case word(Int, backMatter: Bool)
        /// A bold line: under the last heading that is not one.
        case boldLine
    }

    /// The kind of heading a paragraph is, with the pseudo-heading read from it (nil for none).
    static func headingKind(_ paragraph: Paragraph) -> (Kind, PseudoHeading?)? {
        guard !paragraph.isTOCEntry, !ListMarkers.trimBlanks(Substring(paragraph.text)).isEmpty else { return nil }
        // Readers may leave styled headings unread (`BAB I\nPENDAHULUAN` in Heading 1); read them here.
        let pseudo = paragraph.pseudoHeading ?? (paragraph.headingLevel != nil ? PseudoHeadings.detect(paragraph) : nil)
        switch pseudo?.kind {
        case .chapter?:
            let typedRoman = paragraph.list?.style == .upperRoman && !startsWithBAB(paragraph.text)
            return (typedRoman ? .romanChapter : .chapter, pseudo)
        case .numbered?:
            return (.numbered(max(pseudo?.level ?? 1, 1)), pseudo)
        case .lettered?:
            return (.lettered, pseudo)
        case .boldLine?, nil:
            if let level = paragraph.headingLevel {
                let kind = Kind.word(min(max(level, 1), 9), backMatter: isBackMatter(paragraph.text))
                // A styled bold line is a Word heading; its own text is its title.
                return (kind, nil)
            }
            return pseudo.map { (.boldLine, $0) }
        }
    }

    /// Turns heading kinds into levels as the document goes, remembering what the relative kinds hang from.
    struct LevelTracker {
        private var sawChapter = false
        /// Level of the last chapter, numbered or (unlettered) Word heading: what a lettered heading hangs from.
        private var anchor: Int?
        /// Level of the last heading that is neither a bold line nor a styled caption: what those hang from.
        private var lastStrong: Int?

        mutating func level(for kind: Kind) -> Int {
            let level: Int
            switch kind {
            case .chapter:
                sawChapter = true
                level = 1
                anchor = level
            case .romanChapter:
                level = sawChapter ? 2 : 1
                anchor = level
            case .numbered(let parts):
                level = parts
                anchor = level
            case .word(let outline, let backMatter):
                if sawChapter, outline <= 1, !backMatter { return (lastStrong ?? 0) + 1 }
                level = outline
                anchor = level
            case .lettered:
                level = (anchor ?? 0) + 1
            case .boldLine:
                return (lastStrong ?? 0) + 1
            }
            lastStrong = level
            return level
        }
    }

    static func headingNumber(_ paragraph: Paragraph, _ pseudo: PseudoHeading?) -> String? {
        if let number = pseudo?.number { return number }
        guard let label = paragraph.list, label.style != .bullet, label.style != .none else { return nil }
        let number = PseudoHeadings.token(of: label.marker)
        return number.isEmpty ? nil : number
    }

    /// Appendices and references follow the last chapter at chapter level.
    static func isBackMatter(_ text: String) -> Bool {
        let title = ListMarkers.trimBlanks(Substring(text)).prefix(20).uppercased()
        return backMatterTitles.contains { title.hasPrefix($0) }
    }

    static let backMatterTitles = ["LAMPIRAN", "DAFTAR PUSTAKA", "REFERENSI", "APPENDIX"]

    static func startsWithBAB(_ text: String) -> Bool {
        let prefix = ListMarkers.trimBlanks(Substring(text)).prefix(3)
        return prefix.uppercased() == "BAB"
    }

    /// The title of an untitled chapter line: the next non-empty paragraph (skipping up to a few empty
    /// ones) when it is short, title-like and not a heading or list item of its own.
    static func titleAfter(_ items: [Item], from start: Int) -> (title: String, next: Int)? {
        var index = start
        var skipped = 0
        while index < items.count, skipped <= maxEmptyBeforeTitle {
            guard case .paragraph(_, let paragraph) = items[index] else { return nil }
            let text = ListMarkers.trimBlanks(Substring(paragraph.text))
            if text.isEmpty && paragraph.list == nil {
                skipped += 1
                index += 1
                continue
            }
            guard !paragraph.isTOCEntry, paragraph.list == nil, PseudoHeadings.isTitleLike(text) else { return nil }
            switch paragraph.pseudoHeading?.kind {
            case .chapter?, .numbered?, .lettered?: return nil
            case .boldLine?, nil: return (PseudoHeadings.collapse(text), index + 1)
            }
        }
        return nil
    }

    static let maxEmptyBeforeTitle = 3

    // MARK: - Tree

    /// Nests headings by level: each heading holds the following headings of a deeper level.
    static func tree(_ headings: [Heading]) -> [Section] {
        var roots: [Section] = []
        var open: [Section] = []
        func closeInnermost() {
            let closed = open.removeLast()
            if open.isEmpty {
                roots.append(closed)
            } else {
                open[open.count - 1].children.append(closed)
            }
        }
        for heading in headings {
            while let innermost = open.last, innermost.level >= heading.level { closeInnermost() }
            open.append(heading.section)
        }
        while !open.isEmpty { closeInnermost() }
        return roots
    }
}
