import Lint

/// `signing-date`: a signing date that contradicts the period signed for, or signing dates that disagree.
///
/// Signing lines are short lines of a paragraph or table cell: "<Tempat>, [tanggal] <Bulan> <tahun>"
/// ("Towuti, Februari 2023", "Wanaraya , 05 Juli 2023") or "[Pada] tanggal : <tanggal> <Bulan> <tahun>".
/// - A report (LAKIP/LKjIP) can only be signed after the year it reports on has ended (the year its sentences
///   about itself state most often, as period-mismatch decides it); one signed more than
///   `max_years_after_report` years later is a wrong year too. Lines under a heading naming an attachment
///   signed during the year (`attachment_headings`: Perjanjian Kinerja …) are left out.
/// - A Perjanjian Kinerja is signed before its year ends; a plan (IKU, Renstra) before its period ends.
/// - The signing dates of one document must agree within `max_days_apart` days (a month written without a
///   day stands for the whole month); the dates that disagree with most others are reported.
public struct SigningDateRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "signing-date",
            title: Message(id: "Tanggal penandatanganan tidak wajar", en: "The signing date precedes the end of the period reported on, or dates disagree"),
            description: Message(
                id: "Laporan ditandatangani sebelum tahun yang dilaporkan berakhir (LKjIP 2023 bertanggal \"Februari 2023\"), "
                    + "rencana ditandatangani setelah periodenya berakhir, atau tanggal penandatanganan dalam satu dokumen berbeda.",
                en: "A report signed before the year it reports on ended (a 2023 LKjIP dated \"Februari 2023\"), a plan signed "
                    + "after its period ended, or signing dates within one document that disagree."),
            rationale: Message(
                id: "LKjIP melaporkan realisasi satu tahun anggaran dan disampaikan setelah tahun itu berakhir (PermenPAN-RB "
                    + "53/2014); tanggal yang mendahului akhir tahun berarti tanggal dari dokumen tahun lalu yang tidak diperbarui.",
                en: "An LKjIP reports one budget year's results and is submitted after that year has ended (PermenPAN-RB "
                    + "53/2014); a date before the year's end is last year's date left unchanged."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "months", defaultValue: "[januari, februari/pebruari, …, desember]",
                              description: Message(id: "Nama bulan, berurutan; ejaan lain dipisah \"/\".",
                                                   en: "Month names in order; other spellings separated by \"/\".")),
                RuleParameter(name: "max_days_apart", defaultValue: "31",
                              description: Message(id: "Selisih hari terbesar antara tanggal penandatanganan satu dokumen.",
                                                   en: "Most days between the signing dates of one document.")),
                RuleParameter(name: "max_years_after_report", defaultValue: "1",
                              description: Message(id: "Laporan paling lambat ditandatangani sekian tahun setelah tahun laporan.",
                                                   en: "A report is signed at most this many years after its year.")),
                RuleParameter(name: "report_phrases", defaultValue: "[tahun anggaran, perjanjian kinerja, …]",
                              description: Message(
                                  id: "Frasa kalimat tentang tahun laporan; tahun laporan adalah tahun yang paling sering disebut di sana.",
                                  en: "Phrases of a sentence about the report's year; the report year is the one they state most often.")),
                RuleParameter(name: "comparison_words", defaultValue: "[dibandingkan, tahun lalu, …]",
                              description: Message(id: "Kalimat pembanding tidak ikut menentukan tahun laporan.",
                                                   en: "Sentences that compare years do not count for the report year.")),
                RuleParameter(name: "cover_end_words", defaultValue: "[kata pengantar, daftar isi, bab, …]",
                              description: Message(id: "Baris yang diawali kata ini mengakhiri sampul (tahun di sampul ikut menentukan tahun laporan).",
                                                   en: "A line starting with these ends the cover (the cover's year counts for the report year).")),
                RuleParameter(name: "attachment_headings", defaultValue: "[perjanjian kinerja, penetapan kinerja]",
                              description: Message(id: "Judul lampiran yang ditandatangani pada tahun berjalan.",
                                                   en: "Headings of attachments signed during the year.")),
            ],
            triggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Laporan Kinerja Kecamatan Maju Tahun 2023 disusun berdasarkan Perjanjian Kinerja Tahun 2023.

                    Maju, Februari 2023

                    Camat Maju
                    """, caption: "A 2023 report signed in February 2023", kind: .lakip),
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2021-2026

                    Ditetapkan di : Maju

                    Pada tanggal : 20 September 2023

                    Maju, 14 Maret 2025
                    """, caption: "Two signing dates of one document, eighteen months apart", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Laporan Kinerja Kecamatan Maju Tahun 2023 disusun berdasarkan Perjanjian Kinerja Tahun 2023.

                    Maju, Februari 2024

                    ## Lampiran Perjanjian Kinerja Tahun 2023

                    Maju, 2 Januari 2023
                    """, caption: "Signed after the year; the attached Perjanjian Kinerja was signed at its start", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let subject = document.subject
        let months = SigningMonths(context.words("months"))
        guard !months.isEmpty else { return [] }
        let attachments = ConsistencyText.phrases(context.words("attachment_headings"))
        let tolerance = Int(context.number("max_days_apart", default: 31))
        let yearsAfter = Int(context.number("max_years_after_report", default: 1))

        // The report's year: the one its own sentences state most often (a wrong cover year is a period-mismatch,
        // not a wrong signing date); the subject's year breaks ties.
        var reportYear: Int?
        if subject.kind == .lakip || subject.kind == .pk {
            let statements = PeriodStatements(document, words: PeriodWords(context), grammar: ConsistencyCitationGrammar(context),
                                              memo: ConsistencyTokenMemo.shared(context))
            reportYear = ConsistencyVote.winner(statements.years.flatMap(\.years), tieBreaker: subject.year)
        }

        // Signing lines in document order, with whether they sit in an attachment.
        var signed: [(place: ConsistencyPlace, date: SigningDate, inAttachment: Bool)] = []
        var inAttachment = false
        for place in ConsistencyPlace.all(in: document) {
            if let paragraph = place.paragraph, Self.isHeading(paragraph) {
                let tokens = ConsistencyText.tokenize(paragraph.text)
                inAttachment = attachments.contains { ConsistencyText.contains($0, in: tokens, range: 0..<tokens.count) }
            }
            for line in place.text.split(whereSeparator: \.isNewline) {
                if let date = months.signingDate(in: String(line)) {
                    signed.append((place, date, inAttachment))
                }
            }
        }

        var findings: [Finding] = []
        var flagged = Set<Int>()
        for (index, entry) in signed.enumerated() where !entry.inAttachment {
            let date = entry.date
            var message: Message?
            var expected: String?
            switch subject.kind {
            case .lakip:
                guard let year = reportYear else { break }
                if date.year <= year {
                    message = Message(
                        id: "Laporan Tahun \(year) ditandatangani \(date.text), sebelum tahun yang dilaporkan berakhir.",
                        en: "The \(year) report is signed \(date.text), before the year it reports on ended.")
                    expected = "> 31 Desember \(year)"
                } else if date.year > year + yearsAfter {
                    message = Message(
                        id: "Laporan Tahun \(year) ditandatangani \(date.text), lebih dari \(yearsAfter) tahun setelah tahun laporan: tahunnya keliru?",
                        en: "The \(year) report is signed \(date.text), more than \(yearsAfter) year(s) after its year: a wrong year?")
                    expected = "\(year + 1)"
                }
            case .pk:
                guard let year = reportYear, date.year > year else { break }
                message = Message(id: "Perjanjian Kinerja Tahun \(year) ditandatangani \(date.text), setelah tahunnya berakhir.",
                                  en: "The \(year) performance agreement is signed \(date.text), after its year ended.")
                expected = "≤ 31 Desember \(year)"
            case .iku, .renstra:
                guard let end = subject.periodEnd, date.year > end else { break }
                let period = subject.periodStart.map { "\($0)-\(end)" } ?? String(end)
                message = Message(id: "Dokumen periode \(period) ditandatangani \(date.text), setelah periodenya berakhir.",
                                  en: "The document for \(period) is signed \(date.text), after its period ended.")
                expected = "≤ 31 Desember \(end)"
            case .unknown:
                break
            }
            guard let message else { continue }
            flagged.insert(index)
            findings.append(context.finding(message, at: entry.place.location, evidence: entry.place.text,
                                            expected: expected, actual: date.text))
        }

        // Dates that disagree with the others: the date most others agree with is the reference (the later one
        // on a tie: the closing signature stands for the document).
        let rest = signed.indices.filter { !flagged.contains($0) && !signed[$0].inAttachment }
        guard rest.count >= 2 else { return findings }
        let agreement = rest.map { i in rest.filter { signed[i].date.daysApart(signed[$0].date) <= tolerance }.count }
        guard let best = agreement.max() else { return findings }
        guard let referenceIndex = rest.indices.last(where: { agreement[$0] == best }) else { return findings }
        let reference = signed[rest[referenceIndex]]
        for i in rest where signed[i].date.daysApart(reference.date) > tolerance {
            let entry = signed[i]
            findings.append(context.finding(
                Message(id: "Tanggal penandatanganan \(entry.date.text) berbeda dengan \(reference.date.text) di bagian lain dokumen.",
                        en: "The signing date \(entry.date.text) disagrees with \(reference.date.text) elsewhere in the document."),
                at: entry.place.location, evidence: entry.place.text, expected: reference.date.text, actual: entry.date.text))
        }
        return findings
    }

    /// A heading, a lettered/numbered title or a short line in capitals: what starts an attachment.
    private static func isHeading(_ paragraph: Paragraph) -> Bool {
        if paragraph.headingLevel != nil || paragraph.pseudoHeading != nil { return true }
        let letters = paragraph.text.filter(\.isLetter)
        return !letters.isEmpty && paragraph.text.count <= 120 && !letters.contains { $0.isLowercase }
    }
}

/// A signing date; a missing day stands for the whole month.
struct SigningDate: Sendable, Equatable {
    let day: Int?
    let month: Int
    let year: Int
    /// As written: "Februari 2023", "05 Juli 2023".
    let text: String

    /// First and last day as day numbers (31-day months: close enough for tolerances of days).
    private var interval: ClosedRange<Int> {
        let base = (year * 12 + month - 1) * 31
        if let day { return (base + day)...(base + day) }
        return (base + 1)...(base + 31)
    }

    func daysApart(_ other: SigningDate) -> Int {
        let a = interval, b = other.interval
        if a.overlaps(b) { return 0 }
        return a.upperBound < b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }
}

/// Month names and the signing-line grammar.
struct SigningMonths: Sendable {
    /// Upper-cased name → month number.
    private let numbers: [String: Int]
    /// Words that lead a date ("Pada tanggal : …", "Tanggal : …", "Tgl. …").
    private static let dateWords: Set<String> = ["TANGGAL", "TGL"]
    private static let maxLineWords = 12
    private static let maxPlaceWords = 4
    private static let maxTrailingWords = 3

    init(_ names: [String]) {
        // One entry per month in calendar order; spellings of one month separated by "/" ("februari/pebruari").
        var numbers: [String: Int] = [:]
        for (index, entry) in names.enumerated() {
            for spelling in entry.split(separator: "/") {
                numbers[String(spelling.filter { !$0.isWhitespace }).uppercased()] = index + 1
            }
        }
        self.numbers = numbers
    }

    var isEmpty: Bool { numbers.isEmpty }

    /// The date of a signing line, or nil when the line is not one.
    func signingDate(in line: String) -> SigningDate? {
        let tokens = ConsistencyText.tokenize(line)
        guard tokens.count >= 2, tokens.count <= Self.maxLineWords else { return nil }
        // "[Pada] tanggal : 20 September 2023"
        if let dateWord = tokens.firstIndex(where: { Self.dateWords.contains($0.key) }), dateWord <= 4,
           let date = date(at: dateWord + 1, in: tokens) {
            return Self.isSigningTail(tokens[date.end...]) ? date.date : nil
        }
        // "<Tempat>, [tanggal] <Bulan> <tahun>"
        guard let comma = tokens.firstIndex(where: { $0.breakAfter == .comma }), comma < Self.maxPlaceWords else { return nil }
        guard tokens[0...comma].allSatisfy({ $0.isCapitalized && $0.hasLetters }) else { return nil }
        guard let date = date(at: comma + 1, in: tokens), Self.isSigningTail(tokens[date.end...]) else { return nil }
        return date.date
    }

    /// What may follow the date on a signing line: a few marks ("Ap1 M"), never running text ("Pada tanggal 17
    /// Agustus 2023 dilaksanakan upacara" dates an event, not a signature).
    private static func isSigningTail(_ tail: ArraySlice<ConsistencyToken>) -> Bool {
        tail.count <= maxTrailingWords && !tail.contains { token in
            token.text.count >= 3 && token.text.allSatisfy(\.isLetter) && token.text.first?.isLowercase == true
        }
    }

    /// "[dd] Bulan yyyy" starting at `index`; `end` is one past its last token.
    private func date(at index: Int, in tokens: [ConsistencyToken]) -> (date: SigningDate, end: Int)? {
        var position = index
        var day: Int?
        if position < tokens.count, tokens[position].isDigits, tokens[position].text.count <= 2,
           let value = Int(tokens[position].text), (1...31).contains(value) {
            day = value
            position += 1
        }
        guard position + 1 < tokens.count, let month = numbers[tokens[position].key],
              let year = ConsistencyYears.year(tokens[position + 1]) else { return nil }
        let text = tokens[index...(position + 1)].map(\.text).joined(separator: " ")
        return (SigningDate(day: day, month: month, year: year, text: text), position + 2)
    }
}
