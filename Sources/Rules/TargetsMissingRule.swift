import Lint

/// `targets-missing`: an indicator without a target for a year of the period.
///
/// Three cases, from the table's columns:
/// - A plan table with year target columns (two or more years, no realisasi): every year of the document's
///   period needs a column (the first year may be the baseline when the table has a kondisi awal column or
///   the period spans six years, as RPJMD-aligned plans "2021-2026" do), and every indicator a value in each
///   (a blank or "-" cell is a finding).
/// - A table with target columns of one year or none (Perjanjian Kinerja, LAKIP): every indicator needs a
///   value in one of them.
/// - An IKU or Renstra table with no target column at all: one finding on its header, unless every
///   indicator of it is given targets in another table of the document (an IKU form next to a target table).
public struct TargetsMissingRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "targets-missing",
            title: Message(id: "Target tahunan tidak lengkap", en: "A year of the period has no target"),
            description: Message(
                id: "Setiap indikator harus memiliki target untuk setiap tahun periode dokumen; tabel IKU/Renstra "
                    + "tanpa kolom target dilaporkan sekali bila indikatornya tidak diberi target di tabel lain.",
                en: "Every indicator needs a target for each year of the document's period; an IKU/Renstra table "
                    + "without target columns is reported once when its indicators get no targets in another table."),
            rationale: Message(
                id: "Permendagri 86/2017 meminta target kinerja untuk setiap tahun periode Renstra, dan "
                    + "PermenPAN-RB 53/2014 meminta IKU yang terukur dengan target tahunan sebagai dasar Perjanjian "
                    + "Kinerja dan pengukuran capaian.",
                en: "Permendagri 86/2017 asks for a performance target for each year of the Renstra period, and "
                    + "PermenPAN-RB 53/2014 for measurable IKU with yearly targets, the basis of the Perjanjian "
                    + "Kinerja and of measuring achievement."),
            defaultSeverity: .warning,
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | No | Sasaran | Indikator | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | 80 | - | 84 |
                    """, caption: "No target for 2025", kind: .iku),
                RuleExample("""
                    # Indikator Kinerja Utama Sekretariat Daerah Tahun 2021-2026

                    | No | Sasaran Strategis | Indikator Kinerja Utama | Formula Indikator Kinerja Utama | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya pelayanan publik | Indeks Survei Kepuasan Masyarakat | Total nilai persepsi per unsur / total unsur x nilai penimbang | Sekretariat Daerah |
                    """, caption: "An IKU table with no target at all", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Rencana Strategis Kecamatan Maju Tahun 2021-2026

                    | No | Sasaran | Indikator | Kondisi Awal | Target 2022 | Target 2023 | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | 75,97 | 77,1 | 78,5 | 80,1 | 81,9 | 84,1 |
                    """, caption: "Every year has a target; 2021 is the baseline", kind: .renstra),
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | No | Kinerja Utama | Indikator Kinerja Utama | Formulasi Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | Nilai persepsi per unsur dibagi jumlah unsur x 25 | Camat |

                    | No | Sasaran | Indikator | Target 2024 | Target 2025 | Target 2026 |
                    |---|---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | 80 | 82 | 84 |
                    """, caption: "The IKU form's indicators have their targets in the next table", kind: .iku),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let tables = IndicatorTable.all(in: context.document)
        let period = TargetPeriod.years(of: context.document.subject)
        // Indicators given a target somewhere in the document.
        var targeted = Set<String>()
        for table in tables {
            let columns = table.logical.columns(.target).map(\.index)
            for row in table.rows where columns.contains(where: { !IndicatorWords.isBlank(row[$0]) }) {
                targeted.insert(IndicatorWords.key(row.indicator))
            }
        }

        var findings: [Finding] = []
        for table in tables {
            let targetColumns = table.logical.columns(.target).map(\.index)
            if targetColumns.isEmpty {
                guard table.isIKUForm || table.has(.kondisiAwal) || table.has(.kondisiAkhir), !table.isReport else { continue }
                let untargeted = table.rows.filter { !targeted.contains(IndicatorWords.key($0.indicator)) }
                guard !untargeted.isEmpty else { continue }
                findings.append(context.finding(
                    Message(id: "Tabel indikator tidak memiliki kolom target: \(untargeted.count) dari \(table.rows.count) "
                                + "indikatornya tidak diberi target di tabel mana pun.",
                            en: "The indicator table has no target column: \(untargeted.count) of its \(table.rows.count) "
                                + "indicators get no target in any table."),
                    at: table.headerLocation, evidence: table.headerEvidence))
                continue
            }
            let years = table.yearTargets
            if years.count >= 2, !table.isReport {
                findings += yearFindings(table, years: years.map(\.year), period: period, context: context)
            } else {
                for row in table.rows where targetColumns.allSatisfy({ IndicatorWords.isBlank(row[$0]) }) {
                    findings.append(context.finding(
                        Message(id: "Indikator \"\(row.indicator)\" tidak memiliki target.",
                                en: "Indicator \"\(row.indicator)\" has no target."),
                        at: row.location(column: targetColumns[0]), evidence: row.indicator))
                }
            }
        }
        return findings
    }

    /// A multi-year plan table: the period's years without a column, then the rows' blank cells.
    private func yearFindings(_ table: IndicatorTable, years: [Int], period: ClosedRange<Int>?,
                              context: RuleContext) -> [Finding] {
        guard let first = years.first, let last = years.last else { return [] }
        let expected = period ?? first...last
        // A table about another period is period-mismatch's business, not this rule's.
        guard years.contains(where: expected.contains) else { return [] }
        var findings: [Finding] = []
        let present = Set(years)
        var missing = expected.filter { !present.contains($0) }
        let baselineExcused = table.has(.kondisiAwal) || expected.count == 6
        if baselineExcused, missing.first == expected.lowerBound { missing.removeFirst() }
        if !missing.isEmpty {
            let list = missing.map(String.init).joined(separator: ", ")
            findings.append(context.finding(
                Message(id: "Tabel target tidak memiliki kolom untuk tahun \(list) dari periode \(expected.lowerBound)–\(expected.upperBound).",
                        en: "The target table has no column for \(list) of the period \(expected.lowerBound)–\(expected.upperBound)."),
                at: table.headerLocation, evidence: table.headerEvidence))
        }
        for row in table.rows {
            let blanks = row.targets(in: table, years: expected).filter { IndicatorWords.isBlank($0.text) }
            guard let firstBlank = blanks.first else { continue }
            let list = blanks.map { String($0.year) }.joined(separator: ", ")
            findings.append(context.finding(
                Message(id: "Indikator \"\(row.indicator)\" tidak memiliki target untuk tahun \(list).",
                        en: "Indicator \"\(row.indicator)\" has no target for \(list)."),
                at: row.location(column: firstBlank.column), evidence: row.indicator))
        }
        return findings
    }
}
