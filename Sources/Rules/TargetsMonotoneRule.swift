import Lint

/// `targets-monotone`: yearly targets that move against the indicator's polarity.
///
/// The targets are the cells of the target columns that name a year ("Target / 2024"), in year order; the
/// kondisi awal (baseline) and kondisi akhir columns are not targets. A positive indicator (higher is
/// better) must not plan a lower target than the year before; a negative one (`polarity.negative` in the
/// rule set: kemiskinan, pengaduan yang belum ditindaklanjuti …) must not plan a higher one. A negative
/// word followed by a word of handling ("kasus … yang ditangani", "penurunan angka kemiskinan") makes the
/// indicator positive again. When the wording leaves the direction open (no negative word, but the sasaran
/// says "Menurunnya …"), the row is not judged; nor is a series that only falls for an indicator that no
/// word calls good (`positive_words`: "Nilai …", "Indeks …"), since that is more likely a lower-is-better
/// indicator missing from the lists than a planned decline. Values are read with the Indonesian number reader, so
/// "70.1", "74,5" and "73.5" in one row compare as 70,1 < 74,5 > 73,5. Predikat targets compare on the
/// rule's ordered scales (D … AA).
public struct TargetsMonotoneRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "targets-monotone",
            title: Message(id: "Target bergerak berlawanan dengan arah indikator", en: "Targets move against the indicator's polarity"),
            description: Message(
                id: "Target tahunan indikator positif (makin tinggi makin baik) tidak boleh turun, dan target indikator "
                    + "negatif (angka kemiskinan, pengaduan yang belum ditindaklanjuti …) tidak boleh naik.",
                en: "The yearly targets of a positive indicator (higher is better) must not fall, and those of a "
                    + "negative indicator (poverty rate, complaints not yet followed up …) must not rise."),
            rationale: Message(
                id: "Renstra (Permendagri 86/2017) dan IKU (PermenPAN-RB 53/2014) menetapkan target yang menunjukkan "
                    + "peningkatan kinerja dari tahun ke tahun; target yang mundur berarti rencana menurunkan kinerja, "
                    + "biasanya salah ketik.",
                en: "The Renstra (Permendagri 86/2017) and the IKU (PermenPAN-RB 53/2014) set targets that improve "
                    + "performance year by year; a target that moves backwards plans worse performance and is usually "
                    + "a typing error."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "polarity.negative", defaultValue: "(terms of the rule set)",
                              description: Message(id: "Kata indikator negatif (makin rendah makin baik).",
                                                   en: "Words of a negative indicator (lower is better).")),
                RuleParameter(name: "negative_words", defaultValue: "[miskin, tidak layak, rusak, …]",
                              description: Message(id: "Kata indikator negatif tambahan untuk aturan ini.",
                                                   en: "More words of a negative indicator, for this rule.")),
                RuleParameter(name: "positive_words", defaultValue: "[nilai, indeks, predikat, opini, …]",
                              description: Message(
                                  id: "Awal indikator yang pasti positif: target yang hanya turun tetap dilaporkan.",
                                  en: "Starts of a surely positive indicator: targets that only fall are still reported.")),
                RuleParameter(name: "reversal_words", defaultValue: "[ditangani, penurunan, diselesaikan, …]",
                              description: Message(
                                  id: "Kata penanganan yang menjadikan indikator negatif positif (\"kasus yang ditangani\").",
                                  en: "Words of handling that turn a negative indicator positive (\"cases handled\").")),
                RuleParameter(name: "negators", defaultValue: "[belum, tidak, tanpa, bukan]",
                              description: Message(id: "Kata ingkar sebelum kata penanganan (\"belum ditindaklanjuti\").",
                                                   en: "Negations before a word of handling (\"not yet followed up\").")),
                RuleParameter(name: "decrease_words", defaultValue: "[menurunnya, berkurangnya, …]",
                              description: Message(
                                  id: "Awal sasaran yang menginginkan penurunan: arah indikator tanpa kata negatif dianggap tidak pasti.",
                                  en: "Starts of a sasaran that wants a decrease: an indicator without a negative word then has no sure direction.")),
                RuleParameter(name: "grade_scales", defaultValue: "[[D, C, CC, B, BB, A, AA], [TMP, TW, WDP, WTP]]",
                              description: Message(id: "Skala predikat dari terendah ke tertinggi.",
                                                   en: "Ordered grade scales, lowest first.")),
            ],
            triggering: [
                RuleExample("""
                    # Rencana Strategis Kecamatan Maju Tahun 2021-2026

                    | No | Tujuan | Indikator Tujuan | Kondisi Awal | Target 2022 | Target 2023 | Target 2024 | Target 2025 | Target 2026 | Kondisi Akhir |
                    |---|---|---|---|---|---|---|---|---|---|
                    | 1 | Meningkatkan akuntabilitas kinerja | Nilai LAKIP Kecamatan | 65.92 | 70.1 | 74,5 | 73.5 | 75.5 | 77.5 | 77.5 |
                    """, caption: "A positive indicator whose target falls in 2024", kind: .renstra),
                RuleExample("""
                    | No | Sasaran | Indikator | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|
                    | 1 | Menurunnya kemiskinan | Angka kemiskinan | 8,2 | 8,5 | 7,9 |
                    """, caption: "A negative indicator whose target rises", kind: .renstra),
            ],
            nonTriggering: [
                RuleExample("""
                    | No | Sasaran | Indikator | Kondisi Awal | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan | Indeks Kepuasan Masyarakat | 82 | 78,5 | 80,1 | 81,9 |
                    | 2 | Menurunnya gangguan ketertiban | Persentase pengaduan masyarakat yang belum ditindaklanjuti | 20 | 17 | 14 | 11 |
                    | 3 | Meningkatnya ketertiban | Persentase pelanggaran Perda yang ditangani | 60 | 70 | 80 | 90 |
                    """, caption: "Rising positive targets (the kondisi awal is no target), falling negative ones, a handled negative", kind: .renstra),
            ]
        )
    }

    private enum Polarity: Equatable {
        /// `sure`: the indicator starts with a word of a good thing ("Nilai …", "Indeks …"); otherwise higher
        /// is better only because no word says otherwise.
        case higherIsBetter(sure: Bool)
        case lowerIsBetter
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let negative = RuleText.phrases(context.words("polarity.negative") + context.words("negative_words"))
        let positive = RuleText.phrases(context.words("positive_words"))
        let reversal = RuleText.phrases(context.words("reversal_words"))
        let negators = Set(context.words("negators").flatMap(RuleText.words))
        let decrease = RuleText.phrases(context.words("decrease_words"))
        let scales = Self.gradeScales(context.parameters["grade_scales"])

        /// Direction from the wording; nil when it is not sure.
        func polarity(of row: IndicatorRow) -> Polarity? {
            let words = RuleText.words(row.indicator)
            if let matched = negative.lazy.compactMap({ IndicatorWords.find($0, in: words, maxGap: 2) }).first {
                // "kasus … yang ditangani", "penurunan angka kemiskinan": handling the bad thing is good.
                for start in words.indices where !matched.contains(start) {
                    guard reversal.contains(where: { phrase in
                        words[start...].starts(with: phrase) && !matched.overlaps(start..<(start + phrase.count))
                    }) else { continue }
                    if start > 0, negators.contains(words[start - 1]) { continue }
                    return .higherIsBetter(sure: true)
                }
                return .lowerIsBetter
            }
            if let statement = row.statement {
                let statementWords = RuleText.words(statement)
                if decrease.contains(where: { statementWords.starts(with: $0) }) { return nil }
            }
            let leading = RuleText.words(IndicatorWords.withoutLeadingMarks(row.indicator))
            return .higherIsBetter(sure: positive.contains { leading.starts(with: $0) })
        }

        var findings: [Finding] = []
        for table in IndicatorTable.all(in: context.document) {
            guard table.yearTargets.count >= 2 else { continue }
            for row in table.rows {
                let targets = row.targets(in: table).filter { !IndicatorWords.isBlank($0.text) }
                guard targets.count >= 2, let direction = polarity(of: row) else { continue }
                let ranked = Self.ranks(of: targets, scales: scales)
                let higherIsBetter = direction != .lowerIsBetter
                var wrongSteps: [(from: TargetValue, to: TargetValue)] = []
                var rightSteps = 0
                for (previous, next) in zip(ranked, ranked.dropFirst()) where next.rank != previous.rank {
                    if (next.rank > previous.rank) == higherIsBetter {
                        rightSteps += 1
                    } else {
                        wrongSteps.append((previous.target, next.target))
                    }
                }
                // A series that only falls, for an indicator no word calls good, is more likely an unlisted
                // lower-is-better indicator ("Persentase rumah tidak layak huni") than a planned decline.
                if direction == .higherIsBetter(sure: false), rightSteps == 0 { continue }
                guard let first = wrongSteps.first else { continue }
                let series = targets.map { "\($0.year): \(RuleText.collapsed($0.text))" }.joined(separator: ", ")
                let steps = wrongSteps.map { "\($0.from.year) → \($0.to.year) (\(RuleText.collapsed($0.from.text)) → \(RuleText.collapsed($0.to.text)))" }
                    .joined(separator: ", ")
                let message: Message = higherIsBetter
                    ? Message(id: "Target indikator \"\(row.indicator)\" turun pada \(steps), padahal makin tinggi makin baik. Target: \(series).",
                              en: "The targets of indicator \"\(row.indicator)\" fall in \(steps) although higher is better. Targets: \(series).")
                    : Message(id: "Target indikator \"\(row.indicator)\" naik pada \(steps), padahal makin rendah makin baik. Target: \(series).",
                              en: "The targets of indicator \"\(row.indicator)\" rise in \(steps) although lower is better. Targets: \(series).")
                let previousText = RuleText.collapsed(first.from.text)
                findings.append(context.finding(
                    message, at: row.location(column: first.to.column), evidence: RuleText.collapsed(first.to.text),
                    expected: higherIsBetter ? "≥ \(previousText)" : "≤ \(previousText)",
                    actual: RuleText.collapsed(first.to.text)))
            }
        }
        return findings
    }

    /// The targets that can be ordered, with their rank: numbers by value, grades by their place on the
    /// one scale all the row's grades belong to. A row mixing numbers and grades compares its numbers only.
    private static func ranks(of targets: [TargetValue], scales: [[String]]) -> [(target: TargetValue, rank: Double)] {
        let numbers = targets.compactMap { target in target.number.map { (target, $0.value) } }
        if numbers.count >= 2 { return numbers }
        let grades = targets.map { RuleText.collapsed($0.text).uppercased() }
        guard let scale = scales.first(where: { scale in grades.allSatisfy(scale.contains) }) else { return [] }
        return zip(targets, grades).compactMap { target, grade in scale.firstIndex(of: grade).map { (target, Double($0)) } }
    }

    private static func gradeScales(_ value: SettingValue?) -> [[String]] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { $0.strings?.map { $0.uppercased() } }.filter { !$0.isEmpty }
    }
}

// MARK: - Targets (shared by the target rules)

/// One target cell of an indicator row.
struct TargetValue {
    let year: Int
    /// 1-based column.
    let column: Int
    let text: String
    /// The value, when the cell holds one number.
    let number: ParsedNumber?
}

extension IndicatorRow {
    /// The row's cells under the table's year target columns, in year order (blank cells included),
    /// optionally only the years of `years`.
    func targets(in table: IndicatorTable, years: ClosedRange<Int>? = nil) -> [TargetValue] {
        table.yearTargets.compactMap { year, column in
            if let years, !years.contains(year) { return nil }
            let text = self[column]
            return TargetValue(year: year, column: column, text: text, number: IndicatorWords.number(text))
        }
    }
}
