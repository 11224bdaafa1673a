import Lint

/// `final-target-mismatch`: the kondisi akhir of a plan is not what its yearly targets arrive at.
///
/// DOMAIN.md ("Formulas"): kondisi akhir Renstra = the last year's target for an ordinary indicator, = the
/// sum of the yearly targets for a cumulative indicator or for money (Rp). A count ("Jumlah …") may be
/// either, so both are accepted for it. Values are compared as written: equal when they differ by no more
/// than half a unit of the finer of their last decimals, plus the rule set's `tolerance.extra`. Only plan
/// tables are read (two or more year targets reaching the end of the document's period, no realisasi).
public struct FinalTargetMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "final-target-mismatch",
            title: Message(id: "Kondisi akhir tidak sama dengan target tahun terakhir", en: "Kondisi akhir differs from the last year's target"),
            description: Message(
                id: "Kondisi akhir periode harus sama dengan target tahun terakhir (atau jumlah target tahunan untuk "
                    + "indikator kumulatif dan anggaran).",
                en: "The kondisi akhir (end-of-period value) must equal the last year's target (or the sum of the "
                    + "yearly targets for a cumulative indicator and for money)."),
            rationale: Message(
                id: "Permendagri 86/2017: kondisi kinerja pada akhir periode Renstra adalah capaian target tahun "
                    + "terakhir, atau akumulasinya untuk indikator kumulatif dan pendanaan; nilai yang berbeda membuat "
                    + "target Renstra tidak konsisten.",
                en: "Permendagri 86/2017: the performance at the end of the Renstra period is the last year's target, "
                    + "or their total for cumulative indicators and funding; a different value makes the Renstra "
                    + "inconsistent."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "cumulative_words", defaultValue: "[kumulatif, akumulasi, akumulatif]",
                              description: Message(id: "Kata indikator atau satuan kumulatif (kondisi akhir = jumlah target).",
                                                   en: "Words of a cumulative indicator or unit (kondisi akhir = sum of targets).")),
                RuleParameter(name: "money_units", defaultValue: "[rp, rupiah]",
                              description: Message(id: "Satuan uang (kondisi akhir = jumlah target).",
                                                   en: "Money units (kondisi akhir = sum of targets).")),
                RuleParameter(name: "count_words", defaultValue: "[jumlah, banyaknya]",
                              description: Message(id: "Awal indikator hitungan: tahun terakhir atau jumlah diterima.",
                                                   en: "Starts of a count indicator: the last year or the sum is accepted.")),
            ],
            triggering: [
                RuleExample("""
                    # Rencana Strategis Kecamatan Maju Tahun 2021-2026

                    | No | Sasaran | Indikator Sasaran | Kondisi Awal | Target 2022 | Target 2023 | Target 2024 | Target 2025 | Target 2026 | Kondisi Akhir Renstra |
                    |---|---|---|---|---|---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | 75,97 | 77,1 | 78,5 | 80,1 | 81,9 | 84,1 | 81,9 |
                    """, caption: "Kondisi akhir 81,9; the 2026 target is 84,1", kind: .renstra),
            ],
            nonTriggering: [
                RuleExample("""
                    # Rencana Strategis Kecamatan Maju Tahun 2021-2026

                    | No | Sasaran | Indikator Sasaran | Satuan | Target 2022 | Target 2023 | Target 2024 | Target 2025 | Target 2026 | Kondisi Akhir Renstra |
                    |---|---|---|---|---|---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | Nilai | 77,1 | 78,5 | 80,1 | 81,9 | 84,1 | 84,10 |
                    | 2 | Meningkatnya partisipasi | Jumlah kader PKK yang dilatih (kumulatif) | Orang | 20 | 20 | 25 | 25 | 30 | 120 |
                    """, caption: "The last target, and the sum for a cumulative indicator", kind: .renstra),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let cumulativeWords = RuleText.phrases(context.words("cumulative_words"))
        let moneyUnits = RuleText.phrases(context.words("money_units"))
        let countWords = RuleText.phrases(context.words("count_words"))
        let extra = max(0, context.number("tolerance.extra", default: 0))
        let period = TargetPeriod.years(of: context.document.subject)
        var findings: [Finding] = []
        for table in IndicatorTable.all(in: context.document) {
            // A plan table whose targets run to the end of the period; a report's "Target akhir Renstra"
            // next to this year's target is compared by the capaian rules, not here.
            let years = table.yearTargets.map(\.year)
            guard let final = table.logical.column(.kondisiAkhir)?.index, years.count >= 2, !table.isReport,
                  let lastYear = years.last, period.map({ $0.upperBound == lastYear }) ?? true else { continue }
            let satuan = table.logical.column(.satuan)?.index
            for row in table.rows {
                let finalText = RuleText.collapsed(row[final])
                guard let written = IndicatorWords.number(finalText) else { continue }
                let targets = row.targets(in: table).filter { !IndicatorWords.isBlank($0.text) }
                // Only a row whose targets are all numbers has a last target and a sum to compare with.
                let numbers = targets.compactMap(\.number)
                guard let last = targets.last, let lastNumber = last.number, numbers.count == targets.count else { continue }

                let words = RuleText.words(row.indicator)
                let unitWords = satuan.map { RuleText.words(row[$0]) } ?? []
                let isMoney = written.isCurrency || numbers.contains(where: \.isCurrency)
                    || moneyUnits.contains { unitWords.starts(with: $0) }
                let isCumulative = isMoney || IndicatorWords.find(any: cumulativeWords, in: words + unitWords) != nil
                let isCount = countWords.contains { RuleText.words(IndicatorWords.withoutLeadingMarks(row.indicator)).starts(with: $0) }
                let sum = Self.sum(numbers)

                if !isCumulative, Self.same(written, lastNumber, extra: extra) { continue }
                if isCumulative || isCount, let sum, Self.same(written, sum, extra: extra) { continue }
                if isCount, Self.same(written, lastNumber, extra: extra) { continue }

                let lastText = RuleText.collapsed(last.text)
                let expected: String
                let messageID: String
                let messageEN: String
                if isCumulative, let sum {
                    expected = Self.indonesian(sum)
                    messageID = "Kondisi akhir indikator kumulatif \"\(row.indicator)\" ditulis \(finalText), sedangkan jumlah target "
                        + "\(targets.first?.year ?? last.year)–\(last.year) adalah \(expected)."
                    messageEN = "The kondisi akhir of cumulative indicator \"\(row.indicator)\" is written \(finalText), while the "
                        + "targets of \(targets.first?.year ?? last.year)–\(last.year) add up to \(expected)."
                } else {
                    expected = lastText
                    messageID = "Kondisi akhir indikator \"\(row.indicator)\" ditulis \(finalText), sedangkan target tahun "
                        + "terakhir (\(last.year)) adalah \(lastText)."
                    messageEN = "The kondisi akhir of indicator \"\(row.indicator)\" is written \(finalText), while the last "
                        + "year's target (\(last.year)) is \(lastText)."
                }
                findings.append(context.finding(
                    Message(id: messageID, en: messageEN), at: row.location(column: final), evidence: finalText,
                    expected: expected, actual: finalText))
            }
        }
        return findings
    }

    /// Equal as written: within half a unit of the finer last decimal shown, plus the extra tolerance.
    private static func same(_ a: ParsedNumber, _ b: ParsedNumber, extra: Double) -> Bool {
        abs(a.value - b.value) <= min(a.halfUnit, b.halfUnit) + extra + 1e-9
    }

    /// The exact sum, at the most decimals shown; nil when it overflows.
    private static func sum(_ numbers: [ParsedNumber]) -> ParsedNumber? {
        guard let decimals = numbers.map(\.decimals).max() else { return nil }
        var total: Int64 = 0
        for number in numbers {
            var mantissa = number.mantissa
            for _ in number.decimals..<decimals {
                let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                mantissa = scaled
            }
            let (next, overflow) = total.addingReportingOverflow(mantissa)
            if overflow { return nil }
            total = next
        }
        return ParsedNumber(mantissa: total, decimals: decimals, isCurrency: numbers.contains(where: \.isCurrency))
    }

    /// "1.234.567,8" as the documents write it.
    static func indonesian(_ number: ParsedNumber) -> String {
        let negative = number.mantissa < 0
        let digits = String(number.mantissa.magnitude)
        let padded = String(repeating: "0", count: max(0, number.decimals + 1 - digits.count)) + digits
        let integer = padded.dropLast(number.decimals)
        let fraction = padded.suffix(number.decimals)
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let body = fraction.isEmpty ? grouped : grouped + "," + fraction
        return (negative ? "-" : "") + (number.isCurrency ? "Rp " : "") + body
    }
}
