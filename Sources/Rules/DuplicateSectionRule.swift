import Lint

/// `duplicate-section`: a section or a block of paragraphs that appears twice.
///
/// The body is read as a sequence of items (body paragraphs, top-level tables; empty paragraphs and TOC
/// entries left out), each compared by its normalised text (case, blanks and punctuation ignored; the list
/// label ignored for content, so a copy renumbered by Word still matches). Two kinds of repeat count:
/// - a heading (a Word or typed heading, or a short title line such as "Tugas Seksi Pelayanan Umum" that
///   follows a finished sentence) whose text repeats an earlier one, and whose first
///   paragraphs repeat that heading's too: either the whole section is printed twice, or the heading and
///   the start of the section were copied over a different block;
/// - a block without a heading: at least `min_block_paragraphs` paragraphs repeated from one block start
///   (a title line, a prose paragraph, the first item of a list) to one block end in both places. Shared
///   boilerplate items in the middle of different lists (b. to e. of every seksi's duties) are not blocks.
/// Short repeats ("Tugas:", "Fungsi:", captions, signature lines, cover lines) stay below the size minimums.
/// The finding is on the second occurrence and names the first.
public struct DuplicateSectionRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "duplicate-section",
            title: Message(id: "Bagian dokumen tercetak dua kali", en: "The same section appears twice"),
            description: Message(
                id: "Bagian (judul beserta isinya) atau blok beberapa paragraf yang sama muncul dua kali, atau judul "
                    + "dan awal sebuah bagian disalin untuk bagian lain. Teks dibandingkan tanpa membedakan huruf "
                    + "besar/kecil, spasi dan tanda baca; pengulangan pendek (\"Tugas:\", judul tabel, tanda tangan) "
                    + "tidak dihitung.",
                en: "A section (a heading with its content) or a block of several paragraphs appears twice, or a "
                    + "heading and the start of its section were copied for another section. Texts are compared "
                    + "ignoring case, blanks and punctuation; short repeats (\"Tugas:\", captions, signatures) do not "
                    + "count."),
            rationale: Message(
                id: "Bagian yang tercetak dua kali atau judul yang dipakai ulang untuk isi lain adalah sisa salin-tempel: "
                    + "pembaca tidak tahu uraian mana yang berlaku, dan uraian tugas yang seharusnya ada (misalnya "
                    + "Subbagian Umum dan Keuangan) hilang. Sistematika dokumen SAKIP (PermenPAN-RB 53/2014, "
                    + "Permendagri 86/2017) mengharuskan setiap bagian muncul sekali.",
                en: "A section printed twice, or a heading reused over other content, is left over from copy and "
                    + "paste: readers cannot tell which text applies, and the text that belonged there (the duties "
                    + "of another unit) is missing. The SAKIP document layouts (PermenPAN-RB 53/2014, Permendagri "
                    + "86/2017) have each section once."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "min_paragraphs", defaultValue: "2",
                              description: Message(
                                  id: "Paling sedikit sekian paragraf (judul termasuk) harus sama setelah judul yang berulang.",
                                  en: "At least this many items (the heading included) must repeat after a repeated heading.")),
                RuleParameter(name: "min_characters", defaultValue: "200",
                              description: Message(
                                  id: "Paling sedikit sekian huruf isi (tanpa judul) harus sama setelah judul yang berulang.",
                                  en: "At least this many characters of content (the heading not counted) must repeat.")),
                RuleParameter(name: "min_section_characters", defaultValue: "100",
                              description: Message(
                                  id: "Untuk judul bab/subbab yang seluruh isinya berulang, cukup sekian huruf isi.",
                                  en: "For a heading whose whole section repeats, this many characters of content suffice.")),
                RuleParameter(name: "min_block_paragraphs", defaultValue: "2",
                              description: Message(id: "Ukuran terkecil blok tanpa judul, dalam paragraf.",
                                                   en: "Smallest block without a heading, in paragraphs.")),
                RuleParameter(name: "min_block_characters", defaultValue: "200",
                              description: Message(id: "Ukuran terkecil blok tanpa judul, dalam huruf.",
                                                   en: "Smallest block without a heading, in characters.")),
            ],
            triggering: [
                RuleExample("""
                    Rincian tugas masing-masing seksi adalah sebagai berikut:

                    Tugas Seksi Pelayanan Umum

                    a. Merencanakan kegiatan pelayanan umum sebagai pedoman pelaksanaan tugas;

                    b. Menyiapkan dan menyelenggarakan pelayanan administrasi dan legalisasi surat keterangan;

                    c. Menyusun laporan hasil pelaksanaan tugas seksi dan memberikan saran kepada atasan.

                    Tugas Seksi Pelayanan Umum

                    a. Merencanakan kegiatan pelayanan umum sebagai pedoman pelaksanaan tugas;

                    b. Menyiapkan dan menyelenggarakan pelayanan administrasi dan legalisasi surat keterangan;

                    c. Menyusun laporan hasil pelaksanaan tugas seksi dan memberikan saran kepada atasan.
                    """, caption: "A block of duties printed twice under the same heading"),
                RuleExample("""
                    Rincian tugas masing-masing subbagian adalah sebagai berikut:

                    Tugas Kepala Sub Bagian Perencanaan dan Kepegawaian

                    a. Merencanakan kegiatan dan jadwal operasional tahunan serta penganggaran kecamatan;

                    b. Membagi tugas kepada bawahan agar tercipta distribusi tugas yang merata;

                    c. Menyelia pelaksanaan tugas pokok agar berjalan sesuai rencana dan tepat waktu;

                    d. Menyusun rencana formasi, informasi jabatan dan bezetting pegawai.

                    Tugas Kepala Sub Bagian Perencanaan dan Kepegawaian

                    a. Merencanakan kegiatan dan jadwal operasional tahunan serta penganggaran kecamatan;

                    b. Membagi tugas kepada bawahan agar tercipta distribusi tugas yang merata;

                    c. Menyelia pelaksanaan tugas pokok agar berjalan sesuai rencana dan tepat waktu;

                    d. Mengelola administrasi surat masuk, surat keluar dan kearsipan kantor.
                    """, caption: "A heading and its first items copied for another subbagian"),
            ],
            nonTriggering: [
                RuleExample("""
                    Tugas Seksi Pemerintahan

                    a. Merencanakan kegiatan pemerintahan umum sebagai pedoman pelaksanaan tugas;

                    b. Membagi tugas kepada bawahan agar tercipta distribusi tugas yang merata;

                    c. Menyelia pelaksanaan tugas pokok agar organisasi berjalan sesuai dengan rencana, tepat waktu dan berkualitas dalam lingkup seksi;

                    d. Memeriksa hasil pelaksanaan tugas pokok organisasi agar berjalan sesuai rencana, tepat waktu dan berkualitas dalam lingkup seksi;

                    e. Melakukan pembinaan dan pengawasan tertib administrasi pemerintahan desa.

                    Tugas Seksi Pemberdayaan Masyarakat

                    a. Merencanakan kegiatan pemberdayaan masyarakat sebagai pedoman pelaksanaan tugas;

                    b. Membagi tugas kepada bawahan agar tercipta distribusi tugas yang merata;

                    c. Menyelia pelaksanaan tugas pokok agar organisasi berjalan sesuai dengan rencana, tepat waktu dan berkualitas dalam lingkup seksi;

                    d. Memeriksa hasil pelaksanaan tugas pokok organisasi agar berjalan sesuai rencana, tepat waktu dan berkualitas dalam lingkup seksi;

                    e. Melakukan pembinaan lembaga kemasyarakatan desa.
                    """, caption: "Boilerplate duties shared by two seksi inside different lists"),
                RuleExample("""
                    Tugas:

                    a. Menyusun rencana kerja seksi;

                    Tugas:

                    a. Menyusun rencana kerja subbagian;

                    Camat Maju,

                    ANDI MUSA, S.E., M.H.

                    Camat Maju,

                    ANDI MUSA, S.E., M.H.
                    """, caption: "Short repeated lines: labels and signatures"),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let minParagraphs = max(2, Int(context.number("min_paragraphs", default: 2)))
        let minCharacters = max(0, Int(context.number("min_characters", default: 200)))
        let minSectionCharacters = max(0, Int(context.number("min_section_characters", default: 100)))
        let minBlockParagraphs = max(2, Int(context.number("min_block_paragraphs", default: 2)))
        let minBlockCharacters = max(0, Int(context.number("min_block_characters", default: 200)))

        let items = Self.items(of: context.document)
        var findings: [Finding] = []
        var startsByTitle: [Int: [Int]] = [:]
        var startsByKey: [Int: [Int]] = [:]
        func register(_ index: Int) {
            let item = items[index]
            if let title = item.titleKey { startsByTitle[title, default: []].append(index) }
            if item.isBlockStart { startsByKey[item.key, default: []].append(index) }
        }

        var index = 0
        while index < items.count {
            let item = items[index]
            var best: (earlier: Int, length: Int, titled: Bool)?
            if let title = item.titleKey {
                // Earliest candidates first: the first occurrence is the one to name.
                for earlier in (startsByTitle[title] ?? []).prefix(Self.maxCandidates) {
                    let length = Self.runLength(items, earlier, index)
                    let content = items[(index + 1)..<(index + length)].reduce(0) { $0 + $1.characters }
                    // A heading whose whole section repeats needs less content than a section's start.
                    let whole = item.isHeading && items[earlier].isHeading
                        && Self.repeatsWholeSection(items, earlier: earlier, later: index, length: length)
                    guard length >= minParagraphs, content >= (whole ? minSectionCharacters : minCharacters) else {
                        continue
                    }
                    if best == nil || length > best?.length ?? 0 { best = (earlier, length, true) }
                }
            }
            if best == nil, item.isBlockStart {
                for earlier in (startsByKey[item.key] ?? []).prefix(Self.maxCandidates) {
                    var length = Self.runLength(items, earlier, index)
                    // The block must end where a block ends, in both places, and not on a line that announces
                    // what follows ("… dapat dilihat pada tabel berikut:"), since what follows differs.
                    while length >= minBlockParagraphs,
                          !(Self.endsBlock(items, after: earlier + length - 1)
                            && Self.endsBlock(items, after: index + length - 1))
                            || items[index + length - 1].announcesNext {
                        length -= 1
                    }
                    let size = items[index..<(index + max(length, 0))].reduce(0) { $0 + $1.characters }
                    guard length >= minBlockParagraphs, size >= minBlockCharacters else { continue }
                    if best == nil || length > best?.length ?? 0 { best = (earlier, length, false) }
                }
            }
            guard let found = best else {
                register(index)
                index += 1
                continue
            }
            findings.append(finding(context, items: items, earlier: found.earlier, later: index, length: found.length,
                                    titled: found.titled))
            for covered in index..<(index + found.length) { register(covered) }
            index += found.length
        }
        return findings
    }

    private func finding(_ context: RuleContext, items: [Item], earlier: Int, later: Int, length: Int,
                         titled: Bool) -> Finding {
        let second = items[later]
        let firstPlace = Self.place(items[earlier..<(earlier + length)])
        let secondPlace = Self.place(items[later..<(later + length)])
        let quoted = Self.shortened(second.evidence)
        let message: Message
        if titled {
            if Self.repeatsWholeSection(items, earlier: earlier, later: later, length: length) {
                message = Message(
                    id: "Bagian \"\(quoted)\" (\(secondPlace.id), \(length) paragraf/tabel) sama dengan bagian di "
                        + "\(firstPlace.id): bagian ini tercetak dua kali.",
                    en: "The section \"\(quoted)\" (\(secondPlace.en), \(length) paragraphs/tables) repeats the one at "
                        + "\(firstPlace.en): the section is printed twice.")
            } else {
                message = Message(
                    id: "Judul \"\(quoted)\" dan \(length - 1) paragraf/tabel sesudahnya (\(secondPlace.id)) sama dengan "
                        + "\(firstPlace.id), tetapi isi selanjutnya berbeda: judul dan awal bagian tampaknya disalin "
                        + "untuk bagian lain.",
                    en: "The heading \"\(quoted)\" and the \(length - 1) paragraphs/tables after it (\(secondPlace.en)) "
                        + "repeat \(firstPlace.en), but what follows differs: the heading and the start of the section "
                        + "seem to have been copied for another section.")
            }
        } else {
            message = Message(
                id: "Blok \(length) paragraf/tabel mulai \"\(quoted)\" (\(secondPlace.id)) sama dengan \(firstPlace.id): "
                    + "blok ini tercetak dua kali.",
                en: "A block of \(length) paragraphs/tables starting \"\(quoted)\" (\(secondPlace.en)) repeats "
                    + "\(firstPlace.en): the block is printed twice.")
        }
        return context.finding(message, at: second.location, evidence: second.evidence)
    }

    // MARK: - Items

    /// One body paragraph or top-level table, as the comparison sees it.
    struct Item {
        var location: Location
        /// Interned normalised text (list label left out); tables: all cell texts.
        var key: Int
        /// The key again for headings and title lines (label left out too: a renumbered copy is a copy).
        var titleKey: Int?
        /// Counted toward the size minimums: the normalised text's length.
        var characters: Int
        var isTable: Bool
        var isHeading: Bool
        /// Where a block can start: a heading or title line, a prose paragraph after a finished sentence, the
        /// first item of a list.
        var isBlockStart: Bool
        /// The text ends a sentence or an item (`.`, `;`, `:`, `!`, `?`).
        var endsSentence: Bool
        /// Ends with `:`: the paragraph introduces what comes next.
        var announcesNext: Bool
        var listStyle: NumberStyle?
        var evidence: String
    }

    static let maxCandidates = 32
    static let maxTitleWords = 14
    static let maxTitleCharacters = 140

    static func items(of document: Document) -> [Item] {
        var headingParagraphs = Set<Int>()
        func collect(_ sections: [Section]) {
            for section in sections {
                headingParagraphs.insert(section.headingParagraph)
                collect(section.children)
            }
        }
        collect(document.sections)

        var interned: [String: Int] = [:]
        func intern(_ key: String) -> Int {
            if let id = interned[key] { return id }
            let id = interned.count
            interned[key] = id
            return id
        }

        var items: [Item] = []
        var tableCount = 0
        for block in document.blocks {
            switch block {
            case .table(let table):
                tableCount += 1
                guard table.depth == 0 else { continue }
                let text = table.rows.map { $0.cells.map(\.text).joined(separator: " ") }.joined(separator: " ")
                let key = DocumentStructureText.key(text)
                guard !key.isEmpty else { continue }
                let number = table.index > 0 ? table.index : tableCount
                items.append(Item(location: Location(table: number), key: intern("\u{1}" + key), titleKey: nil,
                                  characters: key.count, isTable: true, isHeading: false, isBlockStart: false,
                                  endsSentence: true, announcesNext: false, listStyle: nil,
                                  evidence: "tabel \(number)"))
            case .paragraph(let paragraph):
                guard paragraph.container == .body, !paragraph.isTOCEntry else { continue }
                let key = DocumentStructureText.key(paragraph.text)
                guard !key.isEmpty else { continue }
                let number = paragraph.location.paragraph ?? 0
                let previous = items.last
                let trimmed = RuleText.trimmed(paragraph.text)
                let isHeading = paragraph.headingLevel != nil || paragraph.pseudoHeading != nil
                    || headingParagraphs.contains(number)
                let afterBreak = previous.map { $0.isTable || $0.endsSentence || $0.titleKey != nil } ?? true
                let isTitle = isHeading || (afterBreak && paragraph.list == nil && isTitleLine(trimmed))
                // A list starts at its first label, or at a bullet that follows no bullet.
                let isFirstItem: Bool
                if let label = paragraph.list {
                    isFirstItem = label.value == 1
                        || (label.style == .bullet && afterBreak && previous?.listStyle != .bullet)
                } else {
                    isFirstItem = false
                }
                let isBlockStart = isTitle || isFirstItem || (paragraph.list == nil && afterBreak)
                let display = RuleText.trimmed(paragraph.displayText)
                let id = intern(key)
                items.append(Item(location: Location(paragraph: number), key: id, titleKey: isTitle ? id : nil,
                                  characters: key.count, isTable: false, isHeading: isHeading,
                                  isBlockStart: isBlockStart, endsSentence: DocumentStructureText.endsSentence(trimmed),
                                  announcesNext: trimmed.hasSuffix(":"), listStyle: paragraph.list?.style,
                                  evidence: display))
            }
        }
        return items
    }

    /// A short line that reads as a title: a capital first, at most a few words, no closing `.`, `;` or `,`.
    static func isTitleLine(_ text: String) -> Bool {
        guard text.count <= maxTitleCharacters, let last = text.last, !".;,".contains(last),
              let firstLetter = text.first(where: { $0.isLetter }), firstLetter.isUppercase,
              text.first?.isLetter == true else { return false }
        return DocumentStructureText.words(text).count <= maxTitleWords
    }

    /// How many items from `earlier` and `later` are equal (the first pair is already known to match), the
    /// earlier copy not running into the later one.
    static func runLength(_ items: [Item], _ earlier: Int, _ later: Int) -> Int {
        var length = 1
        while later + length < items.count, earlier + length < later,
              items[earlier + length].key == items[later + length].key {
            length += 1
        }
        return length
    }

    /// Whether a block ends after item `index`: the document ends, or the next item starts a new block
    /// (a heading, a title line, a table, a prose paragraph after a finished sentence, a new list).
    static func endsBlock(_ items: [Item], after index: Int) -> Bool {
        let next = index + 1
        guard next < items.count else { return true }
        return items[next].isTable || items[next].isBlockStart
    }

    /// The whole section repeats when both copies end where a section ends.
    static func repeatsWholeSection(_ items: [Item], earlier: Int, later: Int, length: Int) -> Bool {
        endsSection(items, after: later + length - 1)
            && (earlier + length == later || endsSection(items, after: earlier + length - 1))
    }

    /// Whether a section ends after item `index`: the document ends or a heading or title line follows.
    static func endsSection(_ items: [Item], after index: Int) -> Bool {
        let next = index + 1
        guard next < items.count else { return true }
        return items[next].titleKey != nil
    }

    /// "paragraf 379–416" / "paragraphs 379–416" for a run of items (tables named when the run is only tables).
    static func place(_ run: ArraySlice<Item>) -> (id: String, en: String) {
        let paragraphs = run.compactMap(\.location.paragraph)
        guard let first = paragraphs.first, let last = paragraphs.last else {
            let table = run.first?.location.table ?? 0
            return ("tabel \(table)", "table \(table)")
        }
        if first == last { return ("paragraf \(first)", "paragraph \(first)") }
        return ("paragraf \(first)–\(last)", "paragraphs \(first)–\(last)")
    }

    static func shortened(_ text: String) -> String {
        let flat = RuleText.collapsed(text)
        guard flat.count > 80 else { return flat }
        return String(flat.prefix(77)) + "…"
    }
}

/// Text helpers shared by the document-structure rules (duplicate-section, toc-mismatch, required-section,
/// duplicate-caption): normalised words, tolerant title comparison, roman numerals.
enum DocumentStructureText {
    /// Lower-cased words: runs of letters and digits; everything else (blanks, punctuation) separates.
    /// Scans scalars with an ASCII fast path: this runs over every paragraph of a document.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                    current.append(scalar)
                } else if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    current.append(lower)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The comparison key of a text: its words joined by single spaces.
    static func key(_ text: String) -> String { words(text).joined(separator: " ") }

    /// Blanks and line breaks collapsed to single spaces, ends trimmed.
    /// Ends like a sentence or a list item.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".;:!?".contains(last)
    }

    /// Words of a title without the little words that authors add or drop ("Gambaran Umum dan Organisasi").
    static func titleWords(_ text: String, stopWords: Set<String>) -> [String] {
        words(text).filter { !stopWords.contains($0) }
    }

    /// Two words that differ by a typing slip: equal, or one edit apart when both have five letters or more
    /// (two edits from ten letters). Compared on UTF-8 bytes after their common start and end are set aside,
    /// so most pairs are decided without the edit-distance table.
    static func similar(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.utf8), y = Array(b.utf8)
        let shorter = min(x.count, y.count)
        guard shorter >= 5 else { return false }
        let limit = shorter >= 10 ? 2 : 1
        guard abs(x.count - y.count) <= limit else { return false }
        var prefix = 0
        while prefix < shorter, x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
        let coreX = Array(x[prefix..<(x.count - suffix)]), coreY = Array(y[prefix..<(y.count - suffix)])
        if max(coreX.count, coreY.count) <= limit { return true }
        guard limit > 1 else { return false }
        return editDistance(coreX, coreY, limit: limit) <= limit
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Word sequences equal up to typing slips.
    static func sameWords(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { similar($0, $1) }
    }

    /// Every word of `part` (up to typing slips) is among `whole`'s words.
    static func containsWords(_ whole: [String], _ part: [String]) -> Bool {
        part.allSatisfy { word in whole.contains { similar($0, word) } }
    }

    /// `part` occurs in `whole` as consecutive words (up to typing slips).
    static func containsPhrase(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where zip(whole[start...], part).allSatisfy({ similar($0, $1) }) {
            return true
        }
        return false
    }

    /// The value of a capital or small roman numeral (`IV` → 4, `xii` → 12), or nil.
    static func romanValue(_ token: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        let upper = token.uppercased()
        guard !upper.isEmpty, upper.count <= 12 else { return nil }
        var total = 0
        var previous = 0
        for character in upper.reversed() {
            guard let value = values[character] else { return nil }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        guard total > 0, romanNumeral(total) == upper else { return nil }
        return total
    }

    static func romanNumeral(_ value: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, numeral) in table {
            while rest >= amount {
                result += numeral
                rest -= amount
            }
        }
        return result
    }
}
