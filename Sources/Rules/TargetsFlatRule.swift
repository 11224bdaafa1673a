import Lint

/// `targets-flat`: the same target every year of the period.
///
/// A row whose year targets (all years of the document's period the table has, at least `min_years` of
/// them, none blank) are one and the same value plans no improvement over the whole period. It can be
/// deliberate (a 100% service standard kept), so the finding is information, not an error.
public struct TargetsFlatRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "targets-flat",
            title: Message(id: "Target sama setiap tahun", en: "The same target every year"),
            description: Message(
                id: "Semua target tahunan indikator bernilai sama: rencana tidak menunjukkan peningkatan kinerja.",
                en: "All yearly targets of the indicator are the same: the plan shows no improvement."),
            rationale: Message(
                id: "Target Renstra dan IKU disusun untuk peningkatan kinerja bertahap (Permendagri 86/2017; "
                    + "PermenPAN-RB 53/2014); target yang datar perlu dipastikan memang disengaja (misalnya standar "
                    + "pelayanan 100%) dan bukan hasil salin-tempel.",
                en: "Renstra and IKU targets are set for gradual improvement (Permendagri 86/2017; PermenPAN-RB "
                    + "53/2014); a flat series should be confirmed as intended (a 100% service standard, say) rather "
                    + "than copied across."),
            defaultSeverity: .info,
            parameters: [
                RuleParameter(name: "min_years", defaultValue: "3",
                              description: Message(id: "Jumlah tahun minimal yang dibandingkan.",
                                                   en: "The fewest years compared.")),
            ],
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2023-2026

                    | No | Sasaran | Indikator Sasaran | Satuan | Kondisi Awal | Target 2023 | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|---|---|---|
                    | 1 | Meningkatnya akuntabilitas kinerja | Nilai SAKIP Kecamatan | Nilai | 58 | 70 | 70 | 70 | 70 |
                    """, caption: "70 every year", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2023-2026

                    | No | Sasaran | Indikator Sasaran | Satuan | Kondisi Awal | Target 2023 | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|---|---|---|
                    | 1 | Meningkatnya akuntabilitas kinerja | Nilai SAKIP Kecamatan | Nilai | 58 | 60 | 62 | 64 | 66 |
                    """, caption: "Rising targets", kind: .iku),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let minimum = max(2, Int(context.number("min_years", default: 3)))
        let period = TargetPeriod.years(of: context.document.subject)
        var findings: [Finding] = []
        for table in IndicatorTable.all(in: context.document) {
            for row in table.rows {
                let targets = row.targets(in: table, years: period)
                guard targets.count >= minimum, !targets.contains(where: { IndicatorWords.isBlank($0.text) }),
                      let first = targets.first else { continue }
                let numbers = targets.compactMap(\.number)
                let same = numbers.count == targets.count
                    ? numbers.allSatisfy { $0.value == numbers[0].value }
                    : Set(targets.map { RuleText.collapsed($0.text).uppercased() }).count == 1
                guard same else { continue }
                let value = RuleText.collapsed(first.text)
                let years = "\(first.year)–\(targets[targets.count - 1].year)"
                findings.append(context.finding(
                    Message(id: "Target indikator \"\(row.indicator)\" sama setiap tahun (\(value), \(years)): tidak ada peningkatan yang direncanakan.",
                            en: "The target of indicator \"\(row.indicator)\" is the same every year (\(value), \(years)): no improvement is planned."),
                    at: row.location(column: first.column), evidence: value))
            }
        }
        return findings
    }
}

/// The years of the document's period, when the subject gives a plausible one.
enum TargetPeriod {
    static func years(of subject: Subject) -> ClosedRange<Int>? {
        guard let start = subject.periodStart, let end = subject.periodEnd, start <= end, end - start <= 10 else { return nil }
        return start...end
    }
}
