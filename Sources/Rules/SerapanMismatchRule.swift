import Lint

/// `serapan-mismatch`: a budget percentage that is not realisasi ÷ pagu × 100.
///
/// In every table with a pagu column, a realisasi anggaran column and a percentage column (or a capaian
/// column in a table that has no performance realisasi), each row's percentage is held against
/// realisasi ÷ pagu × 100. A percentage shown with d decimals is accepted when the true value rounds to it
/// (± ½·10^−d) or truncates to it (90,90 for 90,909…), widened by `tolerance.extra`.
public struct SerapanMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "serapan-mismatch",
            title: Message(id: "Persentase serapan anggaran salah hitung", en: "Budget percentage is not realisasi divided by pagu"),
            description: Message(
                id: "Persentase realisasi (serapan) anggaran pada setiap baris harus sama dengan realisasi ÷ pagu × 100, "
                    + "dengan pembulatan atau pemotongan sesuai jumlah desimal yang ditulis.",
                en: "Each row's budget percentage (serapan) must equal realisasi ÷ pagu × 100, rounded or truncated "
                    + "to the decimals written."),
            rationale: Message(
                id: "Serapan anggaran = realisasi ÷ pagu × 100 adalah ukuran efisiensi sumber daya yang dinilai dalam "
                    + "LKjIP (PermenPAN-RB 53/2014; evaluasi AKIP PermenPAN-RB 88/2021). Angka yang tertukar "
                    + "(99,89 untuk 99,98) menyesatkan pembaca dan penilai.",
                en: "Serapan = realisasi ÷ pagu × 100 is the resource-efficiency measure an LKjIP is judged on "
                    + "(PermenPAN-RB 53/2014; AKIP evaluation, PermenPAN-RB 88/2021). Transposed digits (99,89 for "
                    + "99,98) mislead readers and evaluators."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "exclude_columns", defaultValue: "[SISA, EFISIENSI, SELISIH, DEVIASI]",
                              description: Message(
                                id: "Kata pada judul kolom persen yang bukan serapan (persentase sisa, efisiensi).",
                                en: "Header words of percentage columns that are not serapan (remainder, efficiency).")),
                RuleParameter(name: "tolerance.extra", defaultValue: "0",
                              description: Message(id: "Toleransi tambahan (dari terms).", en: "Extra tolerance (from terms).")),
            ],
            triggering: [
                RuleExample("""
                | No | Sub Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |
                |---|---|---|---|---|
                | 01 | Penyelenggaraan Rapat Koordinasi | 231.710.000 | 231.659.480 | 99,89 |
                """, caption: "231.659.480 ÷ 231.710.000 × 100 = 99,98, not 99,89.", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                | No | Sub Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |
                |---|---|---|---|---|
                | 01 | Belanja Alat Tulis Kantor | 215.000 | 195.500 | 90,93 |
                | 02 | Belanja Kertas Cover | 585.400 | 533.500 | 91,13 |
                | 03 | Belanja Bahan Cetak | 11.000 | 10.000 | 90,90 |
                """, caption: "Rounded (90,93) and truncated (90,90 for 90,909…) percentages are both accepted.", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let extra = max(0, context.number("tolerance.extra", default: 0))
        let excluded = context.words("exclude_columns").map(BudgetText.normalized).filter { !$0.isEmpty }
        var findings: [Finding] = []
        for table in context.document.logicalTables {
            guard let columns = Self.columns(of: table, excluded: excluded) else { continue }
            var tableFindings: [Finding] = []
            var agreeing = 0
            for row in table.rows {
                guard case .number(let written) = BudgetNumber.amount(row[columns.percent.index], lenient: false),
                      case .number(let budget) = BudgetNumber.amount(row[columns.pagu.index], lenient: true),
                      case .number(let spent) = BudgetNumber.amount(row[columns.spent.index], lenient: true),
                      budget.mantissa > 0, spent.mantissa >= 0, !budget.isPercent, !spent.isPercent else { continue }
                let ratio = spent.value / budget.value * 100
                if Self.accepts(written: written, true: ratio, extra: extra) {
                    agreeing += 1
                    continue
                }
                let decimals = BudgetNumber.displayDecimals(ratio, shown: max(written.decimals, 2))
                let expected = BudgetNumber.indonesian(ratio, decimals: decimals)
                let actual = BudgetNumber.indonesian(written.value, decimals: written.decimals)
                let spentText = BudgetNumber.indonesian(spent.value, decimals: BudgetNumber.displayDecimals(spent.value, shown: spent.decimals))
                let budgetText = BudgetNumber.indonesian(budget.value, decimals: BudgetNumber.displayDecimals(budget.value, shown: budget.decimals))
                var location = row.location
                location.column = columns.percent.index
                tableFindings.append(context.finding(
                    Message(
                        id: "Persentase realisasi anggaran tertulis \(actual)%, padahal \(spentText) ÷ \(budgetText) × 100 = \(expected)%.",
                        en: "The budget percentage is written \(actual)%, but \(spentText) ÷ \(budgetText) × 100 = \(expected)%."),
                    at: location, evidence: row[columns.percent.index], expected: expected, actual: actual))
            }
            // A percentage column that disagrees on most of many rows measures something else (a share of
            // the total, a remainder): it is not a serapan column.
            let checked = agreeing + tableFindings.count
            if checked >= 3 && tableFindings.count * 2 > checked { continue }
            findings.append(contentsOf: tableFindings)
        }
        return findings
    }

    /// The pagu, realisasi anggaran and percentage columns of a budget table.
    static func columns(of table: LogicalTable, excluded: [String]) -> (pagu: Column, spent: Column, percent: Column)? {
        guard let spent = table.column(.realisasiAnggaran) else { return nil }
        guard let pagu = table.columns.last(where: { $0.role == .pagu && $0.index < spent.index }) ?? table.column(.pagu) else {
            return nil
        }
        func usable(_ column: Column) -> Bool {
            let header = BudgetText.normalized(column.header)
            return !excluded.contains { BudgetText.containsPhrase(header, $0) }
        }
        let percentages = table.columns.filter { $0.role == .persentase && usable($0) }
        if let percent = percentages.first(where: { $0.index > spent.index }) ?? percentages.first {
            return (pagu, spent, percent)
        }
        // "Capaian (%)" beside pagu and realisasi, in a table with no performance target or realisasi.
        guard table.column(.realisasi) == nil, table.column(.target) == nil,
              let capaian = table.columns.first(where: { $0.role == .capaian && $0.index > spent.index && usable($0) })
        else { return nil }
        return (pagu, spent, capaian)
    }

    /// The written percentage stands for the true one: rounded (± half a unit of its last decimal) or
    /// truncated (the true value lies in [written, written + one unit)).
    static func accepts(written: ParsedNumber, true value: Double, extra: Double) -> Bool {
        let half = written.halfUnit
        let low = written.value - half - extra - 1e-9
        let high = written.value + 2 * half + extra
        return value >= low && value < high
    }
}
