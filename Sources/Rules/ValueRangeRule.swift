import Lint

/// `value-range`: a target, realisasi or kondisi value its indicator cannot take.
///
/// The indicator says what range its values live in: a share ("Persentase …", or satuan "%") lies in
/// 0–100 — unless it measures achievement or change ("Persentase capaian …", "… peningkatan …"), which
/// may pass 100; the IKM (PermenPAN-RB 14/2017, converted value) lies in 25–100; a count ("Jumlah …") is
/// never negative. The target, realisasi, kondisi awal and kondisi akhir cells of each indicator row are
/// checked; capaian columns are not (achievement may exceed 100%).
public struct ValueRangeRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "value-range",
            title: Message(id: "Nilai di luar rentang yang mungkin", en: "A value outside its possible range"),
            description: Message(
                id: "Target, realisasi atau kondisi yang mustahil bagi indikatornya: persentase di atas 100 atau di "
                    + "bawah 0, IKM di luar 25–100, jumlah negatif. Capaian (%) boleh melebihi 100.",
                en: "A target, realisation or baseline its indicator cannot take: a percentage above 100 or below 0, "
                    + "an IKM outside 25–100, a negative count. Capaian (%) may exceed 100."),
            rationale: Message(
                id: "Persentase bagian dari keseluruhan tidak dapat melebihi 100%; nilai IKM hasil konversi "
                    + "PermenPAN-RB 14/2017 berada pada 25–100. Nilai di luar rentang menandakan salah ketik atau "
                    + "formula yang keliru (PermenPAN-RB 53/2014 meminta data kinerja yang andal).",
                en: "A share of a whole cannot exceed 100%; the converted IKM of PermenPAN-RB 14/2017 lies in 25–100. "
                    + "A value outside its range is a typing error or a wrong formula (PermenPAN-RB 53/2014 asks for "
                    + "reliable performance data)."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "percent_words", defaultValue: "[persentase, prosentase, presentase]",
                              description: Message(id: "Awal indikator persentase.", en: "Starts of a percentage indicator.")),
                RuleParameter(name: "percent_units", defaultValue: "[\"%\", persen]",
                              description: Message(id: "Satuan persen.", en: "Percent units.")),
                RuleParameter(name: "unbounded_words", defaultValue: "[capaian, peningkatan, pertumbuhan, kenaikan, perubahan]",
                              description: Message(id: "Kata persentase yang boleh melebihi 100 (capaian, perubahan).",
                                                   en: "Words of a percentage that may exceed 100 (achievement, change).")),
                RuleParameter(name: "count_words", defaultValue: "[jumlah, banyaknya]",
                              description: Message(id: "Awal indikator hitungan (tidak negatif).", en: "Starts of a count indicator (never negative).")),
                RuleParameter(name: "ikm_words", defaultValue: "[indeks kepuasan masyarakat, ikm, …]",
                              description: Message(id: "Nama IKM.", en: "Names of the IKM.")),
                RuleParameter(name: "ikm_min", defaultValue: "25",
                              description: Message(id: "Nilai IKM terendah (konversi).", en: "Lowest IKM (converted).")),
                RuleParameter(name: "ikm_max", defaultValue: "100",
                              description: Message(id: "Nilai IKM tertinggi.", en: "Highest IKM.")),
            ],
            triggering: [
                RuleExample("""
                    | No | Sasaran | Indikator | Target | Realisasi | Capaian (%) |
                    |---|---|---|---|---|---|
                    | 1 | Meningkatnya tertib administrasi desa | Persentase desa dengan administrasi tertib | 100 | 114,5 | 114,5 |
                    | 2 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat (IKM) | 80 | 3,25 | 4,06 |
                    """, caption: "A share above 100, and an IKM left on its 1–4 scale", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    | No | Sasaran | Indikator | Target | Realisasi | Capaian (%) |
                    |---|---|---|---|---|---|
                    | 1 | Meningkatnya kinerja program | Persentase capaian kinerja program | 100 | 114,5 | 114,5 |
                    | 2 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat (IKM) | 78,5 | 84,05 | 107 |
                    | 3 | Meningkatnya partisipasi | Jumlah peserta musrenbang (Orang) | 126 | 171 | 135,71 |
                    """, caption: "Capaian over 100 is fine; IKM and counts within range", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let percentWords = RuleText.phrases(context.words("percent_words"))
        let percentUnits = Set(context.words("percent_units").map { RuleText.collapsed($0.lowercased()) })
        let unbounded = RuleText.phrases(context.words("unbounded_words"))
        let countWords = RuleText.phrases(context.words("count_words"))
        let ikmWords = RuleText.phrases(context.words("ikm_words"))
        let ikmRange = context.number("ikm_min", default: 25)...max(context.number("ikm_min", default: 25), context.number("ikm_max", default: 100))
        let valueRoles: Set<ColumnRole> = [.target, .realisasi, .kondisiAwal, .kondisiAkhir]

        var findings: [Finding] = []
        for table in IndicatorTable.all(in: context.document) {
            let columns = table.logical.columns.filter { $0.role.map(valueRoles.contains) ?? false }.map(\.index)
            guard !columns.isEmpty else { continue }
            let satuan = table.logical.column(.satuan)?.index
            for row in table.rows {
                let words = RuleText.words(IndicatorWords.withoutLeadingMarks(row.indicator))
                let startsWithPercent = percentWords.contains { words.starts(with: $0) }
                let isCount = countWords.contains { words.starts(with: $0) }
                let satuanIsPercent = satuan.map { percentUnits.contains(RuleText.collapsed(row[$0].lowercased())) } ?? false
                let range: (bounds: ClosedRange<Double>, what: Message)
                if !startsWithPercent, !isCount, IndicatorWords.find(any: ikmWords, in: words) != nil {
                    range = (ikmRange, Message(id: "nilai IKM (PermenPAN-RB 14/2017)", en: "an IKM value (PermenPAN-RB 14/2017)"))
                } else if startsWithPercent || satuanIsPercent, IndicatorWords.find(any: unbounded, in: words) == nil {
                    range = (0...100, Message(id: "persentase", en: "a percentage"))
                } else if isCount {
                    range = (0...Double.greatestFiniteMagnitude, Message(id: "jumlah", en: "a count"))
                } else {
                    continue
                }
                for column in columns {
                    let text = RuleText.collapsed(row[column])
                    guard let number = IndicatorWords.number(text), !range.bounds.contains(number.value) else { continue }
                    let header = table.logical.columns.first { $0.index == column }?.header ?? ""
                    let bounds = range.bounds.upperBound == .greatestFiniteMagnitude
                        ? "≥ \(Self.plain(range.bounds.lowerBound))"
                        : "\(Self.plain(range.bounds.lowerBound))–\(Self.plain(range.bounds.upperBound))"
                    findings.append(context.finding(
                        Message(id: "\(header) \"\(text)\" untuk indikator \"\(row.indicator)\" di luar rentang \(range.what.id) (\(bounds)).",
                                en: "\(header) \"\(text)\" of indicator \"\(row.indicator)\" is outside the range of \(range.what.en) (\(bounds))."),
                        at: row.location(column: column), evidence: text, expected: bounds, actual: text))
                }
            }
        }
        return findings
    }

    /// A bound as the documents write numbers: "25", "76,6".
    private static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(String(value).map { $0 == "." ? "," : $0 })
    }
}
