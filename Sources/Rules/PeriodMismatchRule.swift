import Lint

/// `period-mismatch`: a year or period stated as the document's own that contradicts the document's period.
///
/// The rule first gathers the document's statements about itself, outside citations of other regulations (a
/// law of 2003 or an RPJP 2005–2025 is no mistake):
/// - a period named right after a phrase that names the plan itself (`period_phrases`: Indikator Kinerja
///   Utama, Rencana Strategis, target jangka menengah …); the nearest such phrase decides, so "IKU ini mengacu
///   pada RPJMD Tahun 2019-2024" is about the RPJMD (`other_plan_phrases`), and another owner in between
///   ("IKU Pemerintah Kabupaten …", `other_owner_words`) makes it not the document's. A line holding only
///   "TAHUN 2023 – 2026" belongs to the cover or to the title above it;
/// - in a report (LAKIP, PK), a year after "Tahun" in a sentence about the report itself (`report_phrases`:
///   tahun anggaran, perjanjian kinerja, laporan kinerja …) that compares no years (`comparison_words`), and a
///   lone "TAHUN 2023" on the cover (which ends at `cover_end_words`: KATA PENGANTAR, BAB …).
/// The document's period and year are the ones these statements give most often, the subject's (from the
/// cover) breaking ties: a wrong year on the cover is then reported on the cover, not everywhere else. Every
/// statement that differs is reported, unless its paragraph also states the document's period (it compares
/// periods) or its sentence also names the report year. A period whose end is not a year ("Tahun 2021 –
/// 20216") or ends before it starts is reported wherever it follows "Tahun" or "periode", and so is a cited
/// regulation that makes a plan whose period had ended by the regulation's year ("Perda Nomor 11 Tahun 2021
/// tentang RPJMD … Tahun 2016-2021"), unless its title changes or reviews the plan (`plan_review_words`).
public struct PeriodMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "period-mismatch",
            title: Message(id: "Tahun atau periode tidak sesuai", en: "A year or period contradicts the document's period"),
            description: Message(
                id: "Periode atau tahun yang dinyatakan sebagai milik dokumen ini (judul keputusan, Renstra, IKU, tahun "
                    + "anggaran laporan) berbeda dengan periode dokumen, atau bukan tahun (\"2021 – 20216\").",
                en: "A period or year stated as the document's own (decree title, Renstra, IKU, the report's budget year) "
                    + "differs from the document's period, or is not a year (\"2021 – 20216\")."),
            rationale: Message(
                id: "IKU dan Renstra berlaku untuk satu periode RPJMD (Permendagri 86/2017; PermenPAN-RB 53/2014) dan LKjIP "
                    + "melaporkan satu tahun anggaran; tahun yang berbeda di dalam dokumen yang sama membuat acuan "
                    + "pengukuran kinerja tidak jelas dan biasanya sisa dokumen tahun lalu.",
                en: "The IKU and Renstra cover one RPJMD period (Permendagri 86/2017; PermenPAN-RB 53/2014) and an LKjIP "
                    + "reports on one budget year; another year inside the same document leaves the measure of performance "
                    + "unclear and is usually left over from last year's document."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "period_phrases", defaultValue: "[indikator kinerja utama, iku, rencana strategis, renstra, …]",
                              description: Message(id: "Frasa yang menamai rencana dokumen ini; periode sesudahnya harus periode dokumen.",
                                                   en: "Phrases naming the document's own plan; a period after them must be the document's.")),
                RuleParameter(name: "other_plan_phrases", defaultValue: "[rpjmd, rpjp, rencana pembangunan jangka menengah, …]",
                              description: Message(id: "Frasa dokumen lain yang punya periode sendiri.",
                                                   en: "Phrases of other plans that have periods of their own.")),
                RuleParameter(name: "other_owner_words", defaultValue: "[pemerintah kabupaten, kementerian, …]",
                              description: Message(id: "Pemilik lain di antara frasa dan periode (IKU Pemerintah Kabupaten …).",
                                                   en: "Another owner between the phrase and the period (IKU of the regency government …).")),
                RuleParameter(name: "report_phrases", defaultValue: "[tahun anggaran, perjanjian kinerja, laporan kinerja, …]",
                              description: Message(id: "Frasa kalimat tentang tahun laporan itu sendiri.",
                                                   en: "Phrases of a sentence about the report's own year.")),
                RuleParameter(name: "comparison_words", defaultValue: "[dibandingkan, perbandingan, tahun lalu, …]",
                              description: Message(id: "Kata pembanding: kalimatnya boleh menyebut tahun lain.",
                                                   en: "Words of comparison: the sentence may name other years.")),
                RuleParameter(name: "cover_end_words", defaultValue: "[kata pengantar, daftar isi, bab, menimbang, …]",
                              description: Message(id: "Baris yang diawali kata ini mengakhiri sampul; tahun di sampul adalah tahun dokumen.",
                                                   en: "A line starting with these ends the cover; a year on the cover is the document's.")),
                RuleParameter(name: "plan_review_words", defaultValue: "[perubahan, evaluasi, laporan, …]",
                              description: Message(
                                  id: "Judul peraturan tentang perubahan atau evaluasi rencana, yang boleh dibuat setelah periodenya berakhir.",
                                  en: "Titles of regulations changing or reviewing a plan, which may come after its period ended.")),
                RuleParameter(name: "max_phrase_distance", defaultValue: "15",
                              description: Message(id: "Jarak kata terjauh antara frasa dan periode.",
                                                   en: "Most words between the phrase and the period.")),
            ],
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2023-2026

                    KEPUTUSAN CAMAT MAJU TENTANG PENETAPAN INDIKATOR KINERJA UTAMA KECAMATAN MAJU TAHUN 2024-2026

                    | No | Sasaran | Indikator | Target 2023 | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|---|
                    | 1 | Meningkatnya pelayanan | Indeks Kepuasan Masyarakat | 80 | 81 | 82 | 83 |
                    """, caption: "The decree's title says 2024-2026, the document 2023-2026", kind: .iku),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Laporan Kinerja Kecamatan Maju Tahun 2023 disusun berdasarkan Perjanjian Kinerja Tahun 2023.

                    Berikut ini diuraikan anggaran yang digunakan dalam pencapaian sasaran di Tahun Anggaran 2019.
                    """, caption: "A 2023 report describing the budget of 2019", kind: .lakip),
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026

                    Rencana Strategis Kecamatan Maju Tahun 2021 – 20216.
                    """, caption: "A period whose end is not a year", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026

                    1. Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;
                    2. Peraturan Daerah Kabupaten Sejahtera Nomor 2 Tahun 2005 tentang RPJP Daerah Tahun 2005–2025;

                    IKU ini mengacu pada RPJMD Tahun 2021-2026 dan Rencana Strategis Kecamatan Maju Tahun 2021-2026.
                    """, caption: "Legal citations and other plans keep their own periods", kind: .iku),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Realisasi Tahun 2023 sebesar 85, meningkat dibandingkan Tahun 2022 sebesar 80 dan Tahun 2021 sebesar 78.

                    Perjanjian Kinerja Tahun 2023 ditandatangani Camat Maju.
                    """, caption: "A report comparing its year with past years", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let subject = document.subject
        let words = PeriodWords(context)
        let statements = PeriodStatements(document, words: words, grammar: ConsistencyCitationGrammar(context),
                                          memo: ConsistencyTokenMemo.shared(context))

        var findings: [Finding] = []
        var reported = Set<String>()
        func report(_ message: Message, _ place: ConsistencyPlace, key: String, expected: String?, actual: String) {
            guard reported.insert("\(place.location)|\(key)").inserted else { return }
            findings.append(context.finding(message, at: place.location, evidence: place.text, expected: expected, actual: actual))
        }

        // The document's period: the one its own statements give most often; the subject's breaks ties.
        let subjectPeriod = subject.periodStart.flatMap { start in subject.periodEnd.map { ConsistencyPeriod(start: start, end: $0) } }
        let ownPeriod = ConsistencyVote.winner(statements.periods.map(\.period), tieBreaker: subjectPeriod)
        for malformed in statements.malformed {
            report(Message(id: "Periode \"\(malformed.range.text)\" tidak benar: \(malformed.problem.id).",
                           en: "The period \"\(malformed.range.text)\" is wrong: \(malformed.problem.en)."),
                   malformed.place, key: "malformed|\(malformed.range.text)", expected: ownPeriod?.text, actual: malformed.range.text)
        }
        for late in statements.latePlans {
            report(Message(id: "\(late.regulation) menetapkan rencana periode \(late.period.text), padahal periode itu berakhir "
                                + "paling lambat pada tahun peraturannya (\(late.year)): periode atau tahun peraturannya keliru.",
                           en: "\(late.regulation) makes a plan for \(late.period.text), a period that ends no later than the "
                                + "regulation's own year (\(late.year)): its period or its year is wrong."),
                   late.place, key: "late|\(late.period.text)", expected: "> \(late.year)", actual: late.period.text)
        }
        if let ownPeriod {
            // A paragraph that also states the document's period compares periods ("Renstra 2016-2021 dan
            // Renstra periode 2021-2026").
            for statement in statements.periods where statement.period != ownPeriod && !statement.placePeriods.contains(ownPeriod) {
                report(Message(id: "Periode \(statement.period.text) berbeda dengan periode dokumen \(ownPeriod.text).",
                               en: "The period \(statement.period.text) differs from the document's period \(ownPeriod.text)."),
                       statement.place, key: "period|\(statement.period.text)", expected: ownPeriod.text, actual: statement.period.text)
            }
        }

        // A report's own year, by the same vote.
        guard subject.kind == .lakip || subject.kind == .pk,
              let reportYear = ConsistencyVote.winner(statements.years.flatMap(\.years), tieBreaker: subject.year) else { return findings }
        for statement in statements.years where !statement.mentioned.contains(reportYear) {
            for year in statement.years.sorted() {
                report(Message(id: "Tahun \(year) disebut sebagai tahun laporan, padahal laporan ini tentang Tahun \(reportYear).",
                               en: "The year \(year) is stated as the report's year, but this report is about \(reportYear)."),
                       statement.place, key: "year|\(year)", expected: String(reportYear), actual: String(year))
            }
        }
        return findings
    }
}

/// The period-mismatch rule's word lists, read once (signing-date reads its report words the same way).
struct PeriodWords {
    let periodPhrases: [[String]]
    let otherPlanPhrases: [[String]]
    let otherOwners: [[String]]
    let reportPhrases: [[String]]
    let comparisonPhrases: [[String]]
    let maxDistance: Int
    let coverEnd: [[String]]
    let planReview: [[String]]

    init(_ context: RuleContext) {
        planReview = ConsistencyText.phrases(context.words("plan_review_words"))
        coverEnd = ConsistencyText.phrases(context.words("cover_end_words"))
        periodPhrases = ConsistencyText.phrases(context.words("period_phrases"))
        otherPlanPhrases = ConsistencyText.phrases(context.words("other_plan_phrases"))
        otherOwners = ConsistencyText.phrases(context.words("other_owner_words"))
        reportPhrases = ConsistencyText.phrases(context.words("report_phrases"))
        comparisonPhrases = ConsistencyText.phrases(context.words("comparison_words"))
        maxDistance = Int(context.number("max_phrase_distance", default: 15))
    }

    /// Whether the nearest plan phrase before `index` in the sentence names the document's own plan, with no
    /// other owner in between.
    func namesOwnPlan(before index: Int, in tokens: [ConsistencyToken], sentence: Range<Int>) -> Bool {
        let window = max(sentence.lowerBound, index - maxDistance)..<index
        guard !window.isEmpty else { return false }
        let all = periodPhrases + otherPlanPhrases
        var found = ConsistencyText.occurrences(of: all, in: tokens, range: window)
        // A phrase inside a longer one ("jangka menengah" in "rencana pembangunan jangka menengah") is not one.
        found = found.filter { inner in
            !found.contains { outer in
                outer.length > inner.length && outer.start <= inner.start && inner.start + inner.length <= outer.start + outer.length
            }
        }
        guard let nearest = found.max(by: { $0.start < $1.start }), nearest.phrase < periodPhrases.count else { return false }
        let gap = (nearest.start + nearest.length)..<index
        return !otherOwners.contains { ConsistencyText.contains($0, in: tokens, range: gap) }
    }

    /// Whether any plan phrase (the document's or another's) stands between `start` and the period.
    func namesPlan(before index: Int, in tokens: [ConsistencyToken], from start: Int) -> Bool {
        let window = max(start, index - maxDistance)..<index
        return !window.isEmpty && !ConsistencyText.occurrences(of: periodPhrases + otherPlanPhrases, in: tokens, range: window).isEmpty
    }

    /// Whether a sentence speaks of the report itself and compares no years.
    func isAboutReport(_ tokens: [ConsistencyToken], sentence: Range<Int>) -> Bool {
        guard reportPhrases.contains(where: { ConsistencyText.contains($0, in: tokens, range: sentence) }) else { return false }
        return !comparisonPhrases.contains { ConsistencyText.contains($0, in: tokens, range: sentence) }
    }
}

/// The statements of a document about its own period and report year.
struct PeriodStatements {
    struct PeriodStatement {
        let place: ConsistencyPlace
        let period: ConsistencyPeriod
        /// Every period written in the same paragraph or cell.
        let placePeriods: Set<ConsistencyPeriod>
    }

    struct YearStatement {
        let place: ConsistencyPlace
        /// The years stated as the report's ("Tahun Anggaran 2023").
        let years: Set<Int>
        /// Every year the sentence names.
        let mentioned: Set<Int>
    }

    struct Malformed {
        let place: ConsistencyPlace
        let range: ConsistencyYearRange
        let problem: Message
    }

    /// A regulation that makes a plan whose period ended before the regulation's own year.
    struct LatePlan {
        let place: ConsistencyPlace
        let regulation: String
        let year: Int
        let period: ConsistencyPeriod
    }

    private(set) var periods: [PeriodStatement] = []
    private(set) var years: [YearStatement] = []
    private(set) var malformed: [Malformed] = []
    private(set) var latePlans: [LatePlan] = []

    /// Lines of the cover: they end at the first table, the first paragraph of running text, a line starting
    /// with one of `cover_end_words` (KATA PENGANTAR, DAFTAR ISI, BAB …), or after `maxCoverLines` lines.
    static let maxCoverLineWords = 12
    static let maxCoverLines = 25

    init(_ document: Document, words: PeriodWords, grammar: ConsistencyCitationGrammar, memo: ConsistencyTokenMemo) {
        let ownUnit = document.subject.unit.map { ConsistencyText.phrases([$0]) } ?? []
        var previousParagraphTokens: [ConsistencyToken] = []
        var inCover = true
        var coverLines = 0
        for place in ConsistencyPlace.all(in: document) {
            let tokens = memo.tokenize(place.text)
            defer { if place.paragraph != nil { previousParagraphTokens = tokens } }
            guard !tokens.isEmpty else { continue }
            coverLines += 1
            if place.paragraph == nil || tokens.count >= Self.maxCoverLineWords || coverLines > Self.maxCoverLines
                || words.coverEnd.contains(where: { ConsistencyText.firstOccurrence(of: $0, in: tokens, range: 0..<tokens.count) == 0 }) {
                inCover = false
            }
            let citations = grammar.citations(in: tokens)
            let sentences = ConsistencyText.sentences(tokens)
            let ranges = ConsistencyYears.ranges(in: tokens)
            let placePeriods = Set(ranges.compactMap { range in range.end.map { ConsistencyPeriod(start: range.start, end: $0) } })

            // Citations of other documents keep their periods; one citing the unit's own plan does not.
            func citation(holding index: Int) -> ConsistencyCitation? {
                citations.first { $0.start <= index && index < $0.end }
            }
            func citesOwnPlan(_ citation: ConsistencyCitation) -> Bool {
                guard let title = citation.titleRange else { return false }
                return ownUnit.contains { ConsistencyText.contains($0, in: tokens, range: title) }
            }

            // "Perda Nomor 11 Tahun 2021 tentang RPJMD Tahun 2016-2021": a plan is made before or as it starts,
            // never after it has ended (a change or an evaluation of it may come later: `plan_review_words`).
            for cited in citations {
                guard let year = cited.year, let title = cited.titleRange,
                      !words.planReview.contains(where: { ConsistencyText.contains($0, in: tokens, range: title) }) else { continue }
                for range in ranges where title.contains(range.first) {
                    guard let end = range.end, end <= year, range.problem == nil,
                          words.namesPlan(before: range.first, in: tokens, from: title.lowerBound) else { continue }
                    latePlans.append(LatePlan(place: place, regulation: cited.displayName(tokens), year: year,
                                              period: ConsistencyPeriod(start: range.start, end: end)))
                }
            }

            for range in ranges {
                if let problem = range.problem {
                    if range.isMarked { malformed.append(Malformed(place: place, range: range, problem: problem)) }
                    continue
                }
                guard let end = range.end else { continue }
                if let cited = citation(holding: range.first), !citesOwnPlan(cited) { continue }
                guard let sentence = sentences.first(where: { $0.contains(range.first) }) else { continue }
                var isOwn = words.namesOwnPlan(before: range.first, in: tokens, sentence: sentence)
                if !isOwn, Self.isBareLine(tokens, holding: range.first...range.last) {
                    // "TAHUN 2023 – 2026" on the cover, or under "INDIKATOR KINERJA UTAMA …": the title names the plan.
                    isOwn = inCover || words.namesOwnPlan(before: previousParagraphTokens.count, in: previousParagraphTokens,
                                                         sentence: 0..<previousParagraphTokens.count)
                }
                if isOwn {
                    periods.append(PeriodStatement(place: place, period: ConsistencyPeriod(start: range.start, end: end),
                                                   placePeriods: placePeriods))
                }
            }

            // "TAHUN 2023" alone on the cover.
            if inCover, let index = tokens.indices.first(where: { ConsistencyYears.year(tokens[$0]) != nil }),
               !ranges.contains(where: { $0.first <= index && index <= $0.last }), Self.isBareLine(tokens, holding: index...index),
               let year = ConsistencyYears.year(tokens[index]) {
                years.append(YearStatement(place: place, years: [year], mentioned: [year]))
            }
            // A sentence about the report itself.
            for sentence in sentences {
                let marked = ConsistencyYears.markedYears(in: tokens, range: sentence)
                    .filter { index in !ranges.contains { $0.first <= index && index <= $0.last } && citation(holding: index) == nil }
                guard !marked.isEmpty, words.isAboutReport(tokens, sentence: sentence) else { continue }
                years.append(YearStatement(
                    place: place, years: Set(marked.compactMap { ConsistencyYears.year(tokens[$0]) }),
                    mentioned: Set(sentence.compactMap { ConsistencyYears.year(tokens[$0]) })))
            }
        }
    }

    /// A line that holds nothing but year markers and the given words ("TAHUN 2023 – 2026", "TAHUN 2023").
    private static func isBareLine(_ tokens: [ConsistencyToken], holding kept: ClosedRange<Int>) -> Bool {
        tokens.count <= 6 && tokens.indices.allSatisfy { index in
            kept.contains(index) || ConsistencyYears.markers.contains(tokens[index].key) || !tokens[index].hasLetters
        }
    }
}

/// The value most statements give; the tie-breaker (the subject's value) counts half a vote.
enum ConsistencyVote {
    static func winner<Value: Hashable>(_ votes: [Value], tieBreaker: Value?) -> Value? {
        var counts: [Value: Double] = [:]
        for vote in votes { counts[vote, default: 0] += 1 }
        if let tieBreaker { counts[tieBreaker, default: 0] += 0.5 }
        guard let best = counts.values.max() else { return nil }
        // Among equals, the one stated first.
        return (votes + (tieBreaker.map { [$0] } ?? [])).first { counts[$0] == best }
    }
}

// MARK: - Years and periods (shared)

/// A plan period: first and last year.
struct ConsistencyPeriod: Hashable, Sendable {
    let start: Int
    let end: Int
    var text: String { "\(start)-\(end)" }
}

/// A year range as written: "2021-2026", "2021 – 2026", "2021 s.d 2026", "2021 sampai dengan 2026".
struct ConsistencyYearRange: Sendable {
    let start: Int
    /// The last year; nil when the end is not a year.
    let end: Int?
    /// The range as written ("2021 – 20216").
    let text: String
    /// Token indices of the first year and of the end.
    let first: Int
    let last: Int
    /// "Tahun", "periode" or "TA" stands right before it.
    let isMarked: Bool
    /// Why the range is not a period, when it is not.
    let problem: Message?
}

enum ConsistencyYears {
    static let markers: Set<String> = ["TAHUN", "THN", "TH", "TA", "PERIODE", "ANGGARAN", "T.A"]
    private static let separators: Set<String> = ["-", "–", "—", "S.D", "S/D", "SD", "HINGGA", "S.D."]
    static let plausible = 1900...2100

    /// The token's value when it is a four-digit year.
    static func year(_ token: ConsistencyToken) -> Int? {
        guard token.text.count == 4, token.isDigits, let value = Int(token.text), plausible.contains(value) else { return nil }
        return value
    }

    /// Years right after a marker ("Tahun 2023", "TA 2023", "Tahun Anggaran 2023"), as token indices.
    static func markedYears(in tokens: [ConsistencyToken], range: Range<Int>) -> [Int] {
        range.filter { index in
            index > range.lowerBound && year(tokens[index]) != nil && markers.contains(tokens[index - 1].key)
        }
    }

    /// Every year range in the tokens, in order.
    static func ranges(in tokens: [ConsistencyToken]) -> [ConsistencyYearRange] {
        ranges(in: tokens, range: 0..<tokens.count)
    }

    static func ranges(in tokens: [ConsistencyToken], range: Range<Int>) -> [ConsistencyYearRange] {
        var found: [ConsistencyYearRange] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = rangeStarting(at: index, in: tokens, limit: range.upperBound) {
                found.append(match)
                index = match.last + 1
            } else {
                index += 1
            }
        }
        return found
    }

    private static func rangeStarting(at index: Int, in tokens: [ConsistencyToken], limit: Int) -> ConsistencyYearRange? {
        let token = tokens[index]
        var startText: Substring
        var endText: Substring
        var last = index
        var written: String
        if let dash = token.text.firstIndex(where: { "-–—".contains($0) }), dash != token.text.startIndex {
            // "2021-2026" in one word, or "2021-" then "2026".
            startText = token.text[..<dash]
            endText = token.text[token.text.index(after: dash)...]
            written = token.text
            if endText.isEmpty {
                guard index + 1 < limit, tokens[index + 1].isDigits, token.breakAfter == .none else { return nil }
                endText = Substring(tokens[index + 1].text)
                last = index + 1
                written += " " + tokens[index + 1].text
            }
        } else if year(token) != nil, token.breakAfter == .none, index + 1 < limit {
            startText = Substring(token.text)
            let next = tokens[index + 1]
            if next.text.count > 1, "-–—".contains(next.text.first ?? " "), next.text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
                endText = next.text.dropFirst()  // "2021 -2026"
                last = index + 1
            } else if separators.contains(next.key), next.breakAfter == .none, index + 2 < limit {
                var endIndex = index + 2
                if next.key == "SAMPAI", tokens[endIndex].key == "DENGAN", endIndex + 1 < limit { endIndex += 1 }
                guard tokens[endIndex].isDigits else { return nil }
                endText = Substring(tokens[endIndex].text)
                last = endIndex
            } else if next.key == "SAMPAI", index + 3 < limit, tokens[index + 2].key == "DENGAN", tokens[index + 3].isDigits {
                endText = Substring(tokens[index + 3].text)
                last = index + 3
            } else {
                return nil
            }
            written = tokens[index...last].map(\.text).joined(separator: " ")
        } else {
            return nil
        }
        guard startText.count == 4, startText.allSatisfy({ $0.isASCII && $0.isNumber }), let start = Int(startText),
              plausible.contains(start), !endText.isEmpty, endText.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let isMarked = (max(0, index - 2)..<index).contains { markers.contains(tokens[$0].key) }
        var end: Int?
        var problem: Message?
        switch endText.count {
        case 4:
            end = Int(endText)
        case 2:
            // "2021-26": the short form of 2026; anything smaller is a date or a code, not a period.
            guard let short = Int(endText), short >= start % 100 else { return nil }
            end = start - start % 100 + short
        default:
            problem = Message(id: "\"\(endText)\" bukan tahun", en: "\"\(endText)\" is not a year")
        }
        if let value = end, value < start {
            problem = Message(id: "tahun akhir \(value) sebelum tahun awal \(start)", en: "the last year \(value) comes before the first \(start)")
            end = nil
        }
        return ConsistencyYearRange(start: start, end: end, text: written, first: index, last: last, isMarked: isMarked,
                                    problem: problem)
    }
}
