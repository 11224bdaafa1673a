import Lint

/// `pic-missing`: an IKU indicator that no one answers for.
///
/// An IKU table (the IKU form of PER/09/M.PAN/5/2007: indicators with their formula, definition or data
/// source) must have a penanggung jawab column, and every indicator row a name in it. A cell merged down
/// from the row above counts as filled (one unit answering for several indicators); a row continued after a
/// page break is one row, so its empty second half is not reported.
public struct PICMissingRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "pic-missing",
            title: Message(id: "Penanggung jawab tidak ada", en: "No penanggung jawab"),
            description: Message(
                id: "Tabel IKU harus memiliki kolom penanggung jawab, dan setiap indikator harus menyebut unit atau "
                    + "pejabat yang bertanggung jawab atasnya.",
                en: "An IKU table must have a penanggung jawab (person in charge) column, and every indicator must "
                    + "name the unit or official answerable for it."),
            rationale: Message(
                id: "PER/09/M.PAN/5/2007 menetapkan bahwa setiap IKU memuat penanggung jawab; PermenPAN-RB 53/2014 "
                    + "mengaitkan setiap indikator dengan pejabat yang menandatangani Perjanjian Kinerja. Indikator "
                    + "tanpa penanggung jawab tidak dapat dipertanggungjawabkan.",
                en: "PER/09/M.PAN/5/2007 requires every IKU to name who is responsible for it; PermenPAN-RB 53/2014 "
                    + "ties each indicator to the official who signs the Perjanjian Kinerja. An indicator with no one "
                    + "in charge cannot be held to account."),
            defaultSeverity: .error,
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | Kinerja Utama | Indikator Kinerja Utama | Formulasi Perhitungan IKU | Penanggung Jawab |
                    |---|---|---|---|
                    | Meningkatnya jumlah BMD yang baik | Persentase BMD yang terpelihara | Jumlah BMD yang dipelihara dibagi total BMD dikali 100 persen | |
                    """, caption: "An indicator row with an empty penanggung jawab cell", kind: .iku),
                RuleExample("""
                    | Tujuan | Sasaran | Indikator Sasaran | Penjelasan/Formulasi | Target 2024 | Target 2025 |
                    |---|---|---|---|---|---|
                    | Terwujudnya tata kelola yang baik | Meningkatnya akuntabilitas kinerja | Nilai SAKIP Kecamatan | Hasil evaluasi SAKIP oleh Inspektorat | 70 | 72 |
                    """, caption: "An IKU table without a penanggung jawab column", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | Kinerja Utama | Indikator Kinerja Utama | Formulasi Perhitungan IKU | Penanggung Jawab |
                    |---|---|---|---|
                    | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | Nilai persepsi per unsur dibagi jumlah unsur dikali 25 | Camat |
                    | Meningkatnya jumlah BMD yang baik | Persentase BMD yang terpelihara | Jumlah BMD yang dipelihara dibagi total BMD dikali 100 persen | Sekcam |
                    """, caption: "Every indicator has its penanggung jawab", kind: .iku),
                RuleExample("""
                    # Perjanjian Kinerja Kecamatan Maju Tahun 2024

                    | No | Sasaran Strategis | Indikator Kinerja | Target |
                    |---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | 80 |
                    """, caption: "A Perjanjian Kinerja table is not an IKU table", kind: .pk),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let tables = IndicatorTable.all(in: context.document)
        let owned = IndicatorTable.covered(in: tables) { $0.logical.column(.penanggungJawab)?.index }
        var findings: [Finding] = []
        for table in IndicatorTable.ikuTables(tables, kind: context.document.subject.kind) {
            guard let column = table.logical.column(.penanggungJawab)?.index else {
                // Complete when another table (the IKU's main table) names the owner of each of its indicators.
                let count = table.rows.count { !owned.contains(IndicatorWords.key($0.indicator)) }
                guard count > 0 else { continue }
                findings.append(context.finding(
                    Message(id: "Tabel IKU tidak memiliki kolom penanggung jawab: \(count) indikator tanpa penanggung jawab.",
                            en: "The IKU table has no penanggung jawab column: \(count) indicators with no one in charge."),
                    at: table.headerLocation, evidence: table.headerEvidence))
                continue
            }
            for row in table.rows where IndicatorWords.isBlank(row[column]) {
                findings.append(context.finding(
                    Message(id: "Indikator \"\(row.indicator)\" tidak memiliki penanggung jawab.",
                            en: "Indicator \"\(row.indicator)\" has no penanggung jawab."),
                    at: row.location(column: column), evidence: row.indicator))
            }
        }
        return findings
    }
}
