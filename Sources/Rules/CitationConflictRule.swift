import Foundation
import Lint

/// `citation-conflict`: one regulation cited with different titles or periods.
///
/// Every citation of a regulation ("Peraturan Daerah Kabupaten Luwu Timur Nomor 11 Tahun 2021 tentang …")
/// is keyed by its type (Perda, Perbup, UU, PP, Permen + ministry …), its level for regional regulations
/// (provincial or not), its number and its year. Two citations with the same key must name the same thing:
/// the plan periods their titles state ("RPJMD … Tahun 2016-2021" against "Tahun 2021-2026") must agree,
/// and their titles must share their words (a title that shares fewer than `min_title_overlap` of its words
/// with the other, after abbreviations such as RPJMD are matched against the words they stand for, names
/// another regulation). Citations without a title ("sebagaimana diatur dalam Perbup Nomor 85 Tahun 2021")
/// are not compared. The finding is on the citation that disagrees with the document's own period when one
/// of them does, otherwise on the later one.
public struct CitationConflictRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "citation-conflict",
            title: Message(id: "Peraturan yang sama dikutip berbeda", en: "The same regulation is cited with different titles or periods"),
            description: Message(
                id: "Peraturan dengan jenis, nomor dan tahun yang sama dikutip dengan judul atau periode yang berbeda "
                    + "(Perda Nomor 11 Tahun 2021 sebagai RPJMD 2016-2021 dan sebagai RPJMD 2021-2026).",
                en: "A regulation with the same type, number and year is cited with different titles or periods "
                    + "(Perda 11/2021 as the RPJMD 2016-2021 and as the RPJMD 2021-2026)."),
            rationale: Message(
                id: "Dasar hukum harus dikutip dengan benar dan sama di seluruh dokumen (UU 12/2011, Lampiran II, teknik "
                    + "penyusunan peraturan); kutipan yang berbeda menandakan salah satunya keliru, sering sisa dokumen "
                    + "periode lalu. Permendagri 86/2017 mengharuskan Renstra dan IKU mengacu pada RPJMD periode yang sama.",
                en: "Legal bases must be cited correctly and identically throughout a document (Law 12/2011, Annex II, "
                    + "drafting technique); two different citations mean one is wrong, often left over from the previous "
                    + "period's document. Permendagri 86/2017 requires the Renstra and IKU to follow the RPJMD of the same period."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "regulation_words", defaultValue: "[undang-undang, peraturan, perda, perbup, …]",
                              description: Message(id: "Kata awal nama peraturan (diikuti \"Nomor\" atau \"tentang\").",
                                                   en: "Words that start a regulation's name (followed by \"Nomor\" or \"tentang\").")),
                RuleParameter(name: "min_title_overlap", defaultValue: "0.34",
                              description: Message(
                                  id: "Bagian kata judul yang harus sama; di bawahnya kedua judul dianggap menamai hal yang berbeda.",
                                  en: "Share of title words two citations must have in common; below it they name different things.")),
                RuleParameter(name: "title_stop_words", defaultValue: "[tentang, dan, atas, …]",
                              description: Message(id: "Kata judul yang tidak dibandingkan.",
                                                   en: "Title words left out of the comparison.")),
            ],
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026

                    1. Peraturan Daerah Kabupaten Sejahtera Nomor 11 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah Kabupaten Sejahtera Tahun 2016-2021;
                    2. Peraturan Bupati Sejahtera Nomor 48 Tahun 2021 tentang Rencana Strategis Perangkat Daerah Tahun 2021-2026.

                    Indikator ini mengacu pada Peraturan Daerah Nomor 11 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah Kabupaten Sejahtera Tahun 2021-2026.
                    """, caption: "Perda 11/2021 cited as the RPJMD 2016-2021 and as the RPJMD 2021-2026", kind: .iku),
                RuleExample("""
                    1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
                    2. Undang-Undang Nomor 23 Tahun 2014 tentang Keuangan Negara.
                    """, caption: "One law cited under two unrelated titles", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    1. Peraturan Daerah Kabupaten Sejahtera Nomor 11 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Kabupaten Sejahtera Tahun 2021-2026;
                    2. Peraturan Daerah Provinsi Makmur Nomor 11 Tahun 2021 tentang Rencana Tata Ruang Wilayah Provinsi Makmur;

                    Sasaran disusun sesuai RPJMD (Peraturan Daerah Nomor 11 Tahun 2021 tentang RPJMD Kabupaten Sejahtera Tahun 2021-2026) dan Peraturan Bupati Sejahtera Nomor 11 Tahun 2021.
                    """, caption: "The same Perda cited in full and by its abbreviation; a provincial Perda and a Perbup with the same number", kind: .iku),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let memo = ConsistencyTokenMemo.shared(context)
        let grammar = ConsistencyCitationGrammar(context)
        let stopWords = Set(context.words("title_stop_words").map { $0.uppercased() })
        let minOverlap = context.number("min_title_overlap", default: 0.34)
        let subject = context.document.subject

        // Every titled citation, in document order, with where it stands.
        var byKey: [String: [CitedRegulation]] = [:]
        var keys: [String] = []
        for place in ConsistencyPlace.all(in: context.document) {
            let tokens = memo.tokenize(place.text)
            for citation in grammar.citations(in: tokens) {
                guard let key = citation.key, let titleRange = citation.titleRange, !titleRange.isEmpty else { continue }
                let title = Array(tokens[titleRange])
                let cited = CitedRegulation(
                    place: place, name: citation.displayName(tokens), key: key,
                    titleWords: title.map(\.key).filter { !stopWords.contains($0) && $0.contains(where: \.isLetter) },
                    periods: ConsistencyYears.ranges(in: title).compactMap { range in range.end.map { ConsistencyPeriod(start: range.start, end: $0) } })
                if byKey[key] == nil { keys.append(key) }
                byKey[key, default: []].append(cited)
            }
        }

        var findings: [Finding] = []
        var reported = Set<String>()
        for key in keys {
            guard let citations = byKey[key], citations.count >= 2 else { continue }
            let ownPeriod = subject.periodStart.flatMap { start in subject.periodEnd.map { ConsistencyPeriod(start: start, end: $0) } }
            for conflict in Self.conflicts(in: citations, ownPeriod: ownPeriod, minOverlap: minOverlap) {
                let id = "\(conflict.cited.place.location)|\(key)"
                guard reported.insert(id).inserted else { continue }
                findings.append(context.finding(conflict.message, at: conflict.cited.place.location,
                                                evidence: conflict.cited.place.text,
                                                expected: conflict.expected, actual: conflict.actual))
            }
        }
        return findings
    }

    private struct CitedRegulation {
        let place: ConsistencyPlace
        let name: String
        let key: String
        let titleWords: [String]
        let periods: [ConsistencyPeriod]
    }

    private struct Conflict {
        let cited: CitedRegulation
        let message: Message
        let expected: String?
        let actual: String?
    }

    /// Pairs of citations of one regulation that disagree, reported on the citation that is wrong.
    private static func conflicts(in citations: [CitedRegulation], ownPeriod: ConsistencyPeriod?, minOverlap: Double) -> [Conflict] {
        var result: [Conflict] = []
        // Periods: the citations that state a period must state the same one.
        let withPeriod = citations.filter { !$0.periods.isEmpty }
        let distinct = Set(withPeriod.compactMap(\.periods.first))
        if distinct.count >= 2 {
            // The period the citations should agree on: the one most of them state, the document's own period
            // breaking ties (then the one stated first).
            let tieBreaker = ownPeriod.flatMap { distinct.contains($0) ? $0 : nil }
            guard let reference = ConsistencyVote.winner(withPeriod.map { $0.periods[0] }, tieBreaker: tieBreaker) else { return result }
            let agreeing = withPeriod.first { $0.periods[0] == reference }
            for cited in withPeriod where cited.periods[0] != reference {
                let otherID = agreeing.map { " (" + placeName($0.place) + ")" } ?? ""
                let otherEN = agreeing.map { " (" + placeName($0.place, language: .en) + ")" } ?? ""
                result.append(Conflict(
                    cited: cited,
                    message: Message(
                        id: "\(cited.name) dikutip dengan periode \(cited.periods[0].text), padahal di bagian lain\(otherID) "
                            + "dikutip dengan periode \(reference.text).",
                        en: "\(cited.name) is cited with the period \(cited.periods[0].text), but elsewhere\(otherEN) "
                            + "with the period \(reference.text)."),
                    expected: reference.text, actual: cited.periods[0].text))
            }
            return result
        }
        // Titles: a later citation whose title shares too few words with the first names another regulation.
        let titled = citations.filter { !$0.titleWords.isEmpty }
        guard let first = titled.first else { return result }
        for cited in titled.dropFirst() {
            let overlap = ConsistencyText.titleOverlap(first.titleWords, cited.titleWords)
            guard overlap < minOverlap else { continue }
            result.append(Conflict(
                cited: cited,
                message: Message(
                    id: "\(cited.name) dikutip dengan judul yang berbeda dari kutipan sebelumnya (\(placeName(first.place))): "
                        + "salah satu nomor, tahun atau judulnya keliru.",
                    en: "\(cited.name) is cited with a different title than before (\(placeName(first.place, language: .en))): "
                        + "its number, year or one of the titles is wrong."),
                expected: nil, actual: nil))
        }
        return result
    }

    private static func placeName(_ place: ConsistencyPlace, language: Language = .id) -> String {
        let location = place.location
        if let table = location.table {
            return language == .en ? "table \(table) row \(location.row ?? 0)" : "tabel \(table) baris \(location.row ?? 0)"
        }
        return language == .en ? "paragraph \(location.paragraph ?? 0)" : "paragraf \(location.paragraph ?? 0)"
    }
}

// MARK: - Shared text scanning (foreign-entity, period-mismatch, signing-date, citation-conflict)

/// A piece of text a consistency rule reads: a body paragraph or one table cell, with its location.
struct ConsistencyPlace: Sendable {
    let text: String
    let location: Location
    /// The paragraph, when the place is one (its heading level and neighbours matter to some rules).
    let paragraph: Paragraph?

    /// Body paragraphs (not DAFTAR ISI entries, which repeat headings) and the cells of top-level tables,
    /// in document order.
    static func all(in document: Document, includeTables: Bool = true) -> [ConsistencyPlace] {
        var places: [ConsistencyPlace] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                guard !paragraph.isTOCEntry, !paragraph.text.isEmpty else { continue }
                places.append(ConsistencyPlace(text: paragraph.text, location: Location(paragraph: paragraph.location.paragraph),
                                               paragraph: paragraph))
            case .table(let table):
                guard includeTables else { continue }
                for row in table.rows {
                    for (column, cell) in row.cells.enumerated() where cell.kind == .origin && !cell.text.isEmpty {
                        places.append(ConsistencyPlace(
                            text: cell.text, location: Location(table: table.index, row: row.index, column: column + 1),
                            paragraph: nil))
                    }
                }
            }
        }
        return places
    }
}

/// A word of running text with the punctuation around it.
/// Tokens of the texts the consistency rules read, kept for the whole lint run of one document: four rules
/// (foreign-entity, period-mismatch, signing-date, citation-conflict) tokenise the same paragraphs.
final class ConsistencyTokenMemo: @unchecked Sendable {
    private var tokens: [String: [ConsistencyToken]] = [:]
    private let lock = NSLock()

    static func shared(_ context: RuleContext) -> ConsistencyTokenMemo {
        context.cache.value("consistency.tokens") { ConsistencyTokenMemo() }
    }

    func tokenize(_ text: String) -> [ConsistencyToken] {
        lock.lock()
        if let known = tokens[text] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = ConsistencyText.tokenize(text)
        lock.lock()
        tokens[text] = made
        lock.unlock()
        return made
    }
}

struct ConsistencyToken: Sendable, Equatable {
    /// The strongest punctuation right after a word.
    enum Break: Int, Sendable, Comparable {
        case none, comma, clause, sentence
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    /// The word without surrounding punctuation ("Kab" for "Kab.", "2026" for "2026);").
    var text: String
    /// Upper-cased `text`, for comparisons.
    var key: String
    /// An opening bracket stands right before the word.
    var opensParenthesis: Bool
    var breakAfter: Break
    /// The word closes a bracket (`…2026)`).
    var closesParenthesis: Bool

    var isCapitalized: Bool { text.first { $0.isLetter }?.isUppercase ?? false }
    var hasLetters: Bool { text.contains { $0.isLetter } }
    var isDigits: Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
    var isAllCaps: Bool { hasLetters && !text.contains { $0.isLowercase } }
}

enum ConsistencyText {
    /// Abbreviations whose dot does not end a sentence ("Kab. Luwu Timur", "No. 5", "s.d.").
    static let abbreviations: Set<String> = [
        "KAB", "KEC", "KEL", "PROV", "NO", "NOM", "S.D", "S/D", "JL", "JLN", "TH", "THN", "TGL", "DS", "KEP",
        "PERBUP", "PERDA", "DRS", "DR", "IR", "HJ", "H", "PLT", "PLH", "SDR", "BPK", "TK", "GOL", "NIP", "DLL", "DSB",
    ]
    private static let leading: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", "*", "_", "<", "„"]
    private static let trailing: Set<Character> = [")", "]", "}", ",", ".", ";", ":", "!", "?", "\"", "'", "”", "’", "»", "*", "_", ">", "…"]

    /// The words of a text in order. Splits "Kec.Rawa" after a known abbreviation; a bare ":" or "," adds
    /// its break to the word before it.
    static func tokenize(_ text: String) -> [ConsistencyToken] {
        var tokens: [ConsistencyToken] = []
        var pendingOpen = false
        for piece in text.split(whereSeparator: { $0.isWhitespace }) {
            for part in splitAfterAbbreviation(piece) {
                append(part, to: &tokens, pendingOpen: &pendingOpen)
            }
        }
        return tokens
    }

    private static func splitAfterAbbreviation(_ piece: Substring) -> [Substring] {
        guard let dot = piece.firstIndex(of: "."), dot != piece.startIndex else { return [piece] }
        let head = piece[..<dot]
        let rest = piece[piece.index(after: dot)...]
        guard abbreviations.contains(head.uppercased()), head.count > 1, let next = rest.first, next.isLetter else { return [piece] }
        return [piece[...dot]] + splitAfterAbbreviation(rest)
    }

    private static func append(_ part: Substring, to tokens: inout [ConsistencyToken], pendingOpen: inout Bool) {
        let chars = Array(part)
        var low = 0
        var high = chars.count
        var opens = pendingOpen
        while low < high, leading.contains(chars[low]) {
            if chars[low] == "(" || chars[low] == "[" { opens = true }
            low += 1
        }
        var breakAfter = ConsistencyToken.Break.none
        var closes = false
        while high > low, trailing.contains(chars[high - 1]) {
            let character = chars[high - 1]
            if character == ")" || character == "]" { closes = true }
            breakAfter = max(breakAfter, breakKind(character))
            high -= 1
        }
        guard low < high else {
            // Punctuation alone: it belongs to the word before (":" in "Nomor :") or opens the next.
            if let last = tokens.indices.last {
                tokens[last].breakAfter = max(tokens[last].breakAfter, breakAfter)
                tokens[last].closesParenthesis = tokens[last].closesParenthesis || closes
            }
            pendingOpen = opens
            return
        }
        pendingOpen = false
        let text = String(chars[low..<high])
        let key = text.uppercased()
        if breakAfter == .sentence {
            // "Kab.", "No.", initials "A." and a list label "1." at the start do not end a sentence.
            let isLabel = tokens.isEmpty && text.count <= 3 && text.allSatisfy { $0.isNumber || $0.isLetter }
            if abbreviations.contains(key) || (text.count == 1 && text.first?.isLetter == true) || isLabel {
                breakAfter = .none
            }
        }
        tokens.append(ConsistencyToken(text: text, key: key, opensParenthesis: opens, breakAfter: breakAfter,
                                       closesParenthesis: closes))
    }

    private static func breakKind(_ character: Character) -> ConsistencyToken.Break {
        switch character {
        case ",", ")", "]", "}": .comma
        case ";", ":": .clause
        case ".", "!", "?", "…": .sentence
        default: .none
        }
    }

    /// The sentence each token belongs to, as token ranges in order.
    static func sentences(_ tokens: [ConsistencyToken]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token.breakAfter == .sentence {
            ranges.append(start..<(index + 1))
            start = index + 1
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        return ranges
    }

    /// Phrases (as written in a rule set: "batas wilayah") as upper-case word lists.
    static func phrases(_ words: [String]) -> [[String]] {
        words.map { $0.uppercased().split(whereSeparator: { $0.isWhitespace }).map(String.init) }.filter { !$0.isEmpty }
    }

    /// Whether `phrase` occurs in `tokens[range]`, word by word.
    static func contains(_ phrase: [String], in tokens: [ConsistencyToken], range: Range<Int>) -> Bool {
        firstOccurrence(of: phrase, in: tokens, range: range) != nil
    }

    static func firstOccurrence(of phrase: [String], in tokens: [ConsistencyToken], range: Range<Int>) -> Int? {
        guard !phrase.isEmpty, range.count >= phrase.count else { return nil }
        var start = range.lowerBound
        while start + phrase.count <= range.upperBound {
            if phrase.indices.allSatisfy({ tokens[start + $0].key == phrase[$0] }) { return start }
            start += 1
        }
        return nil
    }

    /// Every occurrence of any phrase in the range: (start, length, index of the phrase list entry).
    static func occurrences(of phrases: [[String]], in tokens: [ConsistencyToken], range: Range<Int>) -> [(start: Int, length: Int, phrase: Int)] {
        var found: [(start: Int, length: Int, phrase: Int)] = []
        for start in range {
            for (p, phrase) in phrases.enumerated() where start + phrase.count <= range.upperBound {
                if phrase.indices.allSatisfy({ tokens[start + $0].key == phrase[$0] }) {
                    found.append((start, phrase.count, p))
                }
            }
        }
        return found
    }

    /// Share of the shorter title's words found in the other (an abbreviation such as RPJMD counts as the
    /// words whose initials it spells).
    static func titleOverlap(_ a: [String], _ b: [String]) -> Double {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return 1 }
        let shortMatched = matchedCount(short, against: long)
        let longMatched = matchedCount(long, against: short)
        // Compare by the words of each side that the other accounts for.
        return max(Double(shortMatched) / Double(short.count), Double(longMatched) / Double(long.count))
    }

    private static func matchedCount(_ words: [String], against other: [String]) -> Int {
        let otherSet = Set(other)
        let initials = String(other.compactMap(\.first))
        let acronyms = other.filter { $0.count >= 2 && $0.count <= 8 && $0.allSatisfy(\.isLetter) }
        var count = 0
        var index = 0
        while index < words.count {
            let word = words[index]
            if otherSet.contains(word) {
                count += 1
                index += 1
                continue
            }
            // A run of words whose initials spell an acronym of the other title ("Rencana Pembangunan
            // Jangka Menengah Daerah" against "RPJMD").
            var matchedRun = 0
            for acronym in acronyms where acronym.count >= 2 && index + acronym.count <= words.count {
                let run = String(words[index..<(index + acronym.count)].compactMap(\.first))
                if run == acronym { matchedRun = max(matchedRun, acronym.count) }
            }
            if matchedRun > 0 {
                count += matchedRun
                index += matchedRun
                continue
            }
            // An acronym whose letters are the initials of a run of the other title.
            if word.count >= 2, word.count <= 8, word.allSatisfy(\.isLetter), initials.contains(word) { count += 1 }
            index += 1
        }
        return count
    }

    /// Levenshtein distance, for telling a misspelt own name from another name.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

// MARK: - Citations

/// A regulation cited in running text: "Peraturan Daerah Kabupaten X Nomor 11 Tahun 2021 tentang …".
struct ConsistencyCitation: Sendable {
    /// Token index of the first word ("Peraturan").
    var start: Int
    /// Index of "Nomor", when written.
    var numberIndex: Int?
    /// The words between the type and "Nomor": type and issuer ("Peraturan Daerah Kabupaten X").
    var headRange: Range<Int>
    var number: String?
    var year: Int?
    /// The title after "tentang", when written.
    var titleRange: Range<Int>?
    /// One past the citation's last token.
    var end: Int
    /// Type, level, number and year ("PERDA|KAB|11|2021"), when number and year are known.
    var key: String?

    /// The citation as written up to its year ("Peraturan Daerah Nomor 11 Tahun 2021").
    func displayName(_ tokens: [ConsistencyToken]) -> String {
        let last = titleRange.map { $0.lowerBound - 1 } ?? end
        return tokens[start..<max(start + 1, min(last, tokens.count))].map(\.text).joined(separator: " ")
    }

    /// Whether a token lies in the title or in the head (type and issuer).
    func inTitle(_ index: Int) -> Bool { titleRange?.contains(index) ?? false }
    func inHead(_ index: Int) -> Bool { headRange.contains(index) }
}

/// The words of Indonesian legal citations (UU 12/2011, Lampiran II): a rule may override the list of
/// regulation words with its `regulation_words` parameter.
struct ConsistencyCitationGrammar: Sendable {
    static let defaultRegulationWords = [
        "undang-undang", "uu", "peraturan", "perda", "perbup", "perwali", "perwako", "pergub", "perpres",
        "permendagri", "permenpan", "permenpan-rb", "permenpanrb", "permen", "keputusan", "kepmen", "kepmendagri",
        "instruksi", "inpres", "keppres", "qanun", "pp", "surat", "sk",
    ]
    static let numberWords: Set<String> = ["NOMOR", "NO", "NOMER", "NOMOR:", "NO:"]
    static let yearWords: Set<String> = ["TAHUN", "THN", "TH"]
    /// Words that end a title before any punctuation does ("… Pemerintahan Daerah sebagaimana telah diubah …").
    static let titleEnders: Set<String> = ["SEBAGAIMANA", "YANG", "DAN/ATAU"]

    let regulationWords: Set<String>

    init(_ context: RuleContext) {
        let words = context.words("regulation_words")
        regulationWords = Set((words.isEmpty ? Self.defaultRegulationWords : words).map { $0.uppercased() })
    }

    init(regulationWords: [String] = Self.defaultRegulationWords) {
        self.regulationWords = Set(regulationWords.map { $0.uppercased() })
    }

    /// The citations in a text, in order; nested citations inside a title end that title.
    func citations(in tokens: [ConsistencyToken]) -> [ConsistencyCitation] {
        var found: [ConsistencyCitation] = []
        var index = 0
        while index < tokens.count {
            if let citation = citation(at: index, in: tokens) {
                found.append(citation)
                index = max(citation.end, index + 1)
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether a regulation name starts at `index` (its word, then "Nomor" or "tentang" within a few words).
    func startsCitation(at index: Int, in tokens: [ConsistencyToken]) -> Bool {
        guard regulationWords.contains(tokens[index].key) else { return false }
        var j = index + 1
        while j < tokens.count, j <= index + 14 {
            if Self.numberWords.contains(tokens[j].key) { return true }
            if tokens[j].key == "TENTANG" { return true }
            if tokens[j - 1].breakAfter == .sentence { return false }
            j += 1
        }
        return false
    }

    private func citation(at index: Int, in tokens: [ConsistencyToken]) -> ConsistencyCitation? {
        guard regulationWords.contains(tokens[index].key) else { return nil }
        var numberIndex: Int?
        var aboutIndex: Int?
        var j = index + 1
        while j < tokens.count, j <= index + 14 {
            if tokens[j - 1].breakAfter == .sentence { break }
            if Self.numberWords.contains(tokens[j].key) { numberIndex = j; break }
            if tokens[j].key == "TENTANG" { aboutIndex = j; break }
            j += 1
        }
        guard numberIndex != nil || aboutIndex != nil else { return nil }
        let headEnd = numberIndex ?? aboutIndex ?? index + 1
        var number: String?
        var year: Int?
        var after = headEnd + 1
        if let numberIndex, numberIndex + 1 < tokens.count {
            let numberToken = tokens[numberIndex + 1]
            number = numberToken.text
            after = numberIndex + 2
            // "PER/09/M.PAN/5/2007": the year is the last part of the number.
            if let last = numberToken.text.split(separator: "/").last, last.count == 4, let value = Int(last), numberToken.text.contains("/") {
                year = value
            }
            // "Tahun 2021" within the next few words.
            var k = after
            while k + 1 < tokens.count, k <= after + 3, year == nil {
                if Self.yearWords.contains(tokens[k].key), let value = ConsistencyYears.year(tokens[k + 1]) {
                    year = value
                    after = k + 2
                    break
                }
                if tokens[k].breakAfter >= .clause { break }
                k += 1
            }
            // "tentang" may follow after a stray word ("Nomor 11 Tahun 2021 Daerah tentang").
            if aboutIndex == nil {
                var m = after
                while m < tokens.count, m <= after + 3 {
                    if tokens[m].key == "TENTANG" { aboutIndex = m; break }
                    if tokens[m - 1].breakAfter >= .clause || tokens[m].opensParenthesis { break }
                    m += 1
                }
            }
        }
        var end = min(after, tokens.count)
        var titleRange: Range<Int>?
        if let aboutIndex, aboutIndex + 1 < tokens.count {
            let titleStart = aboutIndex + 1
            var k = titleStart
            var titleEnd = titleStart
            while k < tokens.count, k < titleStart + 60 {
                let token = tokens[k]
                // A bracket ends the title unless it holds an abbreviation of it ("(RPJMD)"): "(Lembaran Negara …".
                if k > titleStart, token.opensParenthesis, !Self.isShortParenthesis(at: k, in: tokens) { break }
                if Self.titleEnders.contains(token.key) { break }
                if k > titleStart, startsCitation(at: k, in: tokens) { break }
                titleEnd = k + 1
                if token.breakAfter >= .clause { break }
                k += 1
            }
            if titleEnd > titleStart { titleRange = titleStart..<titleEnd }
            end = max(end, titleEnd)
        }
        var key: String?
        if let number, let year {
            let digits = number.drop { $0 == "0" }
            key = "\(kind(tokens[index..<headEnd]))|\(digits.isEmpty ? number : String(digits))|\(year)"
        }
        return ConsistencyCitation(start: index, numberIndex: numberIndex, headRange: index..<headEnd, number: number,
                                   year: year, titleRange: titleRange, end: end, key: key)
    }

    /// A bracket of one or two words ("(RPJMD)", "(RPJP Daerah)").
    private static func isShortParenthesis(at index: Int, in tokens: [ConsistencyToken]) -> Bool {
        (index..<min(tokens.count, index + 2)).contains { tokens[$0].closesParenthesis }
    }

    /// The regulation's type and level from its head words: "Peraturan Daerah Kabupaten X" → "PERDA|DAERAH",
    /// "Peraturan Menteri Dalam Negeri" → "PERMEN|DALAM NEGERI".
    private func kind(_ head: ArraySlice<ConsistencyToken>) -> String {
        let words = head.map(\.key)
        guard let first = words.first else { return "" }
        let second = words.dropFirst().first ?? ""
        let provincial = words.contains("PROVINSI") || words.contains("PROPINSI") || words.contains("PROV") || words.contains("GUBERNUR")
        let level = provincial ? "PROV" : "DAERAH"
        switch (first, second) {
        case ("PERATURAN", "DAERAH"), ("PERDA", _): return "PERDA|\(level)"
        case ("PERATURAN", "BUPATI"), ("PERBUP", _): return "PERKADA|DAERAH"
        case ("PERATURAN", "WALIKOTA"), ("PERATURAN", "WALI"), ("PERWALI", _), ("PERWAKO", _): return "PERKADA|DAERAH"
        case ("PERATURAN", "GUBERNUR"), ("PERGUB", _): return "PERKADA|PROV"
        case ("PERATURAN", "PEMERINTAH"), ("PP", _): return "PP"
        case ("PERATURAN", "PRESIDEN"), ("PERPRES", _): return "PERPRES"
        case ("UNDANG-UNDANG", _), ("UU", _): return "UU"
        case ("INSTRUKSI", "PRESIDEN"), ("INPRES", _): return "INPRES"
        case ("KEPUTUSAN", "PRESIDEN"), ("KEPPRES", _): return "KEPPRES"
        case ("PERMENDAGRI", _): return "PERMEN|DALAM NEGERI"
        default:
            let ignored: Set<String> = ["NEGARA", "REPUBLIK", "INDONESIA", "RI"]
            return words.filter { !ignored.contains($0) }.joined(separator: " ")
        }
    }
}
