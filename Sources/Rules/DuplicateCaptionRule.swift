import Lint

/// `duplicate-caption`: two tables or figures captioned with the same number.
///
/// A caption is a body paragraph that starts with a caption word of the rule set (`caption_words`: Tabel,
/// Gambar, Grafik, Bagan … grouped into families, so `Table` counts as `Tabel`) followed by a number:
/// `Tabel 2.1`, `Tabel : 2.1`, `Tabel.2.1`, `Tabel 3.8.`, `Tabel III.2.3`, `Grafik A.1` — the separators and
/// a closing dot do not change the number. Not captions: TOC entries and lines with a page number after a
/// leader, lines of a typed list of tables (after a `list_titles` line such as DAFTAR TABEL), references in prose (the number not at the start, or followed by
/// `reference_words` such as "di atas", "menunjukkan"), long sentences, and continuation captions
/// ("Tabel 3.1 (lanjutan)"). A caption repeated word for word over the two parts of a page-split table is
/// the same table. Each family is numbered on its own (`Gambar 2.1` and `Tabel 2.1` may both exist).
public struct DuplicateCaptionRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "duplicate-caption",
            title: Message(id: "Nomor tabel atau gambar ganda", en: "Two tables or figures carry the same number"),
            description: Message(
                id: "Dua tabel (atau gambar, grafik, bagan) diberi nomor yang sama. \"Tabel 2.1\", \"Tabel : 2.1\", "
                    + "\"Tabel.2.1\" dan \"Tabel 2.1.\" dianggap nomor yang sama; rujukan di dalam kalimat (\"lihat Tabel "
                    + "2.1\") dan entri daftar tabel bukan judul tabel.",
                en: "Two tables (or figures, charts, diagrams) carry the same number. \"Tabel 2.1\", \"Tabel : 2.1\", "
                    + "\"Tabel.2.1\" and \"Tabel 2.1.\" are the same number; references in sentences (\"see Tabel 2.1\") "
                    + "and list-of-tables entries are not captions."),
            rationale: Message(
                id: "Narasi LKjIP dan Renstra merujuk tabel menurut nomornya (\"sebagaimana Tabel 2.1\"); nomor ganda "
                    + "membuat rujukan itu menunjuk dua tabel dan biasanya menandakan tabel yang disalin dari bagian "
                    + "lain tanpa diberi nomor baru (sistematika PermenPAN-RB 53/2014, Permendagri 86/2017).",
                en: "LKjIP and Renstra text refers to tables by number (\"as Tabel 2.1 shows\"); a doubled number makes "
                    + "such a reference point at two tables and usually marks a table copied from elsewhere without "
                    + "a new number (layouts of PermenPAN-RB 53/2014, Permendagri 86/2017)."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "caption_words", defaultValue: "{tabel: [Tabel, Table], gambar: [Gambar, Figure], …}",
                              description: Message(
                                  id: "Kata pembuka judul, dikelompokkan per jenis yang bernomor sendiri.",
                                  en: "Caption words, grouped by kinds that are numbered on their own.")),
                RuleParameter(name: "reference_words", defaultValue: "[di atas, berikut, menunjukkan, …]",
                              description: Message(
                                  id: "Kata sesudah nomor yang menandakan rujukan di dalam kalimat, bukan judul.",
                                  en: "Words after the number that make the line a reference in a sentence.")),
                RuleParameter(name: "continuation_words", defaultValue: "[lanjutan, sambungan, continued]",
                              description: Message(id: "Penanda judul tabel lanjutan.",
                                                   en: "Words that mark a continued table's caption.")),
                RuleParameter(name: "list_titles", defaultValue: "[DAFTAR TABEL, DAFTAR GAMBAR, …]",
                              description: Message(
                                  id: "Judul daftar tabel/gambar yang diketik: baris judul sesudahnya adalah entri daftar, bukan judul tabel.",
                                  en: "Titles of typed lists of tables/figures: the captions after them are list entries.")),
                RuleParameter(name: "max_caption_words", defaultValue: "30",
                              description: Message(id: "Judul yang lebih panjang dianggap kalimat.",
                                                   en: "Longer lines are sentences, not captions.")),
            ],
            triggering: [
                RuleExample("""
                    Tabel : 2.1
                    Tujuan dan Sasaran Strategis

                    | No | Tujuan | Sasaran |
                    |---|---|---|
                    | 1 | Meningkatkan kualitas pelayanan | Meningkatnya kepuasan masyarakat |

                    Tabel.2.1
                    Target Jangka Menengah

                    | No | Indikator | Target 2024 |
                    |---|---|---|
                    | 1 | Indeks Kepuasan Masyarakat | 80 |
                    """, caption: "Two tables numbered 2.1, written differently", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    Tabel 2.1 Tujuan dan Sasaran Strategis

                    | No | Tujuan | Sasaran |
                    |---|---|---|
                    | 1 | Meningkatkan kualitas pelayanan | Meningkatnya kepuasan masyarakat |

                    Tabel 2.1 di atas menunjukkan tujuan dan sasaran Kecamatan Maju.

                    Gambar 2.1 Struktur Organisasi

                    Tabel 2.2 Target Jangka Menengah

                    | No | Indikator | Target 2024 |
                    |---|---|---|
                    | 1 | Indeks Kepuasan Masyarakat | 80 |
                    """, caption: "A reference in prose and a figure with the same number are not duplicates", kind: .lakip),
            ]
        )
    }

    struct Caption {
        var paragraph: Int
        var evidence: String
        var family: String
        var number: String
        var shownNumber: String
        /// The first table after the caption (within a few paragraphs), for page-split tables.
        var table: Int?
        /// The table right before the caption (nothing but blank paragraphs between them).
        var afterTable: Int?
    }

    public func check(_ context: RuleContext) -> [Finding] {
        var families: [String: String] = [:]
        if let map = context.parameters["caption_words"]?.map {
            for (family, value) in map.entries {
                for word in value.strings ?? [] {
                    if let key = DocumentStructureText.words(word).first { families[key] = family.lowercased() }
                }
            }
        } else {
            for word in context.words("caption_words") {
                if let key = DocumentStructureText.words(word).first { families[key] = key }
            }
        }
        guard !families.isEmpty else { return [] }
        let references = context.words("reference_words").map(DocumentStructureText.words).filter { !$0.isEmpty }
        let continuations = Set(context.words("continuation_words").flatMap(DocumentStructureText.words))
        let maxWords = Int(context.number("max_caption_words", default: 30))
        let listTitles = context.words("list_titles").map(DocumentStructureText.words).filter { !$0.isEmpty }

        let captions = Self.captions(context.document, families: families, references: references,
                                     continuations: continuations, listTitles: listTitles, maxWords: maxWords)
        let logicalOf = Self.logicalTableIndex(context.document)
        let headers = Self.headerKeys(context.document)
        var first: [String: Caption] = [:]
        var findings: [Finding] = []
        for caption in captions {
            let key = caption.family + "|" + caption.number
            guard let earlier = first[key] else {
                first[key] = caption
                continue
            }
            // One table split across pages, its caption repeated: the same table, not a second one. Either the
            // reader joined the parts, or the caption is repeated word for word over the very next table and
            // that table repeats the header.
            if let a = earlier.table, let b = caption.table {
                if let la = logicalOf[a], la == logicalOf[b] { continue }
                if b == a + 1, caption.afterTable == a,
                   DocumentStructureText.key(earlier.evidence) == DocumentStructureText.key(caption.evidence),
                   let ha = headers[a], !ha.isEmpty, ha == headers[b] { continue }
            }
            findings.append(context.finding(Message(
                id: "Nomor \(caption.shownNumber) sudah dipakai untuk judul lain di paragraf \(earlier.paragraph) "
                    + "(\"\(earlier.evidence)\"): dua judul bernomor sama.",
                en: "Number \(caption.shownNumber) is already used by another caption at paragraph \(earlier.paragraph) "
                    + "(\"\(earlier.evidence)\"): two captions carry the same number."),
                at: Location(paragraph: caption.paragraph), evidence: caption.evidence,
                expected: nil, actual: caption.shownNumber))
        }
        return findings
    }

    /// Physical table number → index of the logical table it belongs to.
    static func logicalTableIndex(_ document: Document) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (index, table) in document.logicalTables.enumerated() {
            for physical in table.physicalTables { result[physical] = index }
        }
        return result
    }

    /// Physical table number → its header rows as one comparison key ("" when it has none).
    static func headerKeys(_ document: Document) -> [Int: String] {
        var result: [Int: String] = [:]
        for table in document.tables where table.depth == 0 {
            let rows = table.rows.prefix(max(table.headerRowCount, 0))
            result[table.index] = DocumentStructureText.key(rows.map { $0.texts.joined(separator: " ") }.joined(separator: " "))
        }
        return result
    }

    static let tableSearchSpan = 4

    static func captions(_ document: Document, families: [String: String], references: [[String]],
                         continuations: Set<String>, listTitles: [[String]], maxWords: Int) -> [Caption] {
        var result: [Caption] = []
        // Captions waiting for the table that follows them, with the number of paragraphs seen since.
        var waiting: [(index: Int, distance: Int)] = []
        // Inside a typed list of tables (after a `DAFTAR TABEL` line, while the lines are captions).
        var inList = false
        var tableCount = 0
        var lastTable: Int?
        for block in document.blocks {
            switch block {
            case .table(let table):
                tableCount += 1
                inList = false
                guard table.depth == 0 else { continue }
                let number = table.index > 0 ? table.index : tableCount
                for pending in waiting where result[pending.index].table == nil {
                    result[pending.index].table = number
                }
                waiting = []
                lastTable = number
            case .paragraph(let paragraph):
                guard paragraph.container == .body else { continue }
                guard !paragraph.text.allSatisfy(\.isWhitespace) else { continue }
                let afterTable = lastTable
                lastTable = nil
                waiting = waiting.compactMap { $0.distance < tableSearchSpan ? ($0.index, $0.distance + 1) : nil }
                guard !paragraph.isTOCEntry else { continue }
                guard let caption = caption(paragraph, families: families, references: references,
                                            continuations: continuations, maxWords: maxWords) else {
                    inList = paragraph.text.utf8.count <= 80
                        && listTitles.contains(DocumentStructureText.words(paragraph.text))
                    continue
                }
                guard !inList else { continue }
                var found = caption
                found.afterTable = afterTable
                result.append(found)
                waiting.append((result.count - 1, 0))
            }
        }
        return result
    }

    /// The caption a paragraph starts with, or nil.
    static func caption(_ paragraph: Paragraph, families: [String: String], references: [[String]],
                        continuations: Set<String>, maxWords: Int) -> Caption? {
        // A label before the caption word (`1. Tabel 2.1`) makes it a list item, not a caption.
        guard paragraph.list == nil || paragraph.list?.style == .bullet else { return nil }
        let text = RuleText.collapsed(paragraph.text)
        guard text.utf8.count <= 600 else { return nil }
        // `Tabel 2.1 ........ 30`: an entry of a typed list of tables.
        guard PseudoHeadings.splitTOCEntry(paragraph.text).page == nil else { return nil }
        let characters = Array(text)
        var index = 0
        while index < characters.count, characters[index].isLetter { index += 1 }
        guard index > 0, let family = families[String(characters[0..<index]).lowercased()] else { return nil }
        // Separators between the word and the number: blanks, `:`, `.`, `-`; also "No." / "Nomor".
        index = skipSeparators(characters, from: index)
        for word in ["nomor", "no"] where startsWord(characters, at: index, word) {
            index = skipSeparators(characters, from: index + word.count)
        }
        guard let (parts, end) = number(characters, from: index) else { return nil }
        // The number must end at a blank, a separator or the end of the line (`Tabel 2.1a` is no number).
        if end < characters.count, characters[end].isLetter || characters[end].isNumber { return nil }
        let rest = String(characters[skipSeparators(characters, from: end)...])
        let restWords = DocumentStructureText.words(rest)
        // "Tabel 3.1 (lanjutan)": the rest of a table already captioned.
        if restWords.contains(where: { continuations.contains($0) }) { return nil }
        if references.contains(where: { restWords.starts(with: $0) }) { return nil }
        guard DocumentStructureText.words(text).count <= maxWords else { return nil }
        let number = parts.joined(separator: ".")
        let word = String(characters[0..<(characters.firstIndex(where: { !$0.isLetter }) ?? characters.count)])
        return Caption(paragraph: paragraph.location.paragraph ?? 0, evidence: text, family: family, number: number,
                       shownNumber: word + " " + number, table: nil, afterTable: nil)
    }

    static func skipSeparators(_ characters: [Character], from start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index].isWhitespace || ".:-–—".contains(characters[index]) {
            index += 1
        }
        return index
    }

    static func startsWord(_ characters: [Character], at index: Int, _ word: String) -> Bool {
        let end = index + word.count
        guard end <= characters.count, String(characters[index..<end]).lowercased() == word else { return false }
        return end == characters.count || !characters[end].isLetter
    }

    /// `2.1`, `3.8.`, `III.2.3`, `A.1`, `4-2`, `12`: parts of digits, a leading roman numeral or a leading
    /// capital letter before more parts, joined by `.` or `-` with no blank. Returns the parts and the index
    /// after the number (a closing dot is not part of it).
    static func number(_ characters: [Character], from start: Int) -> ([String], Int)? {
        var parts: [String] = []
        var index = start
        var end = start
        while index < characters.count {
            var tokenEnd = index
            while tokenEnd < characters.count, characters[tokenEnd].isASCII,
                  characters[tokenEnd].isLetter || characters[tokenEnd].isNumber { tokenEnd += 1 }
            guard tokenEnd > index else { break }
            let token = String(characters[index..<tokenEnd])
            let followedByPart = tokenEnd + 1 < characters.count && ".-".contains(characters[tokenEnd])
                && characters[tokenEnd + 1].isASCII && characters[tokenEnd + 1].isNumber
            if token.allSatisfy(\.isNumber), token.count <= 3 {
                parts.append(String(Int(token) ?? 0))
            } else if parts.isEmpty, token == token.uppercased(),
                      token.count == 1 ? followedByPart : DocumentStructureText.romanValue(token) != nil {
                // `A.1`, `III.2.3`, `Tabel IV` (a roman numeral alone), never a word.
                parts.append(token)
            } else if !parts.isEmpty, token.first?.isNumber == true {
                return nil
            } else {
                break
            }
            end = tokenEnd
            guard tokenEnd + 1 < characters.count, ".-".contains(characters[tokenEnd]),
                  characters[tokenEnd + 1].isASCII, characters[tokenEnd + 1].isLetter || characters[tokenEnd + 1].isNumber
            else { break }
            index = tokenEnd + 1
        }
        guard let firstPart = parts.first else { return nil }
        // A lone letter or roman numeral is a number only with more parts or as a whole roman numeral.
        if parts.count == 1, !firstPart.allSatisfy(\.isNumber), firstPart.count == 1, firstPart != "I",
           firstPart != "V", firstPart != "X" { return nil }
        return (parts, end)
    }
}
