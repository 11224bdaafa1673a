import Lint

/// `predikat-mismatch`: a predikat (performance label) that disagrees with its capaian.
///
/// In a table with a capaian column and a predikat column, each label that belongs to the rule set's
/// `scale` must be the one the scale gives the row's capaian (default: the LKjIP Kab. Sampang 2019
/// scale of DOMAIN.md; regions differ, so the scale lives in the rule set). Labels of another family
/// ("Sangat Memuaskan", "Memuaskan" …), whose thresholds the rule set does not know, are held to their
/// order instead (`ranks`): within one table a lower capaian must not carry a better label than a
/// higher one.
public struct PredikatMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "predikat-mismatch",
            title: Message(id: "Predikat tidak sesuai capaian", en: "A predikat label disagrees with the capaian"),
            description: Message(
                id: "Predikat kinerja harus sesuai skala predikat yang berlaku untuk nilai capaiannya, dan dalam satu tabel "
                    + "capaian yang lebih rendah tidak boleh mendapat predikat yang lebih baik.",
                en: "A performance predikat must be the one the scale in use gives its capaian, and within one table a "
                    + "lower capaian must not carry a better predikat."),
            rationale: Message(
                id: "Predikat capaian kinerja dalam LKjIP ditetapkan dengan skala penilaian (PermenPAN-RB 53/2014; skala "
                    + "setiap daerah berbeda, misalnya LKjIP Kab. Sampang 2019: ≥ 91 Sangat Baik, 76–90 Baik, 66–75 Cukup, "
                    + "51–65 Kurang, ≤ 50 Sangat Kurang). Predikat yang tidak sesuai angkanya memberi gambaran kinerja "
                    + "yang keliru.",
                en: "LKjIP performance predikat follow a rating scale (PermenPAN-RB 53/2014; each region has its own, e.g. "
                    + "LKjIP Kab. Sampang 2019: ≥ 91 Sangat Baik, 76–90 Baik, 66–75 Cukup, 51–65 Kurang, ≤ 50 Sangat "
                    + "Kurang). A predikat that does not fit its number misstates performance."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "scale", defaultValue: "[{min: 91, labels: [Sangat Baik]}, {min: 76, labels: [Baik]}, …]",
                              description: Message(
                                id: "Skala predikat dari yang terbaik: capaian minimum (`min`) dan sebutannya (`labels`). "
                                    + "Tulis `{replace: [...]}` untuk mengganti skala bawaan.",
                                en: "The predikat scale, best first: lowest capaian (`min`) and names (`labels`). Write "
                                    + "`{replace: [...]}` to replace the built-in scale.")),
                RuleParameter(name: "ranks", defaultValue: "[[Sangat Baik, Sangat Memuaskan], [Baik, Memuaskan], …]",
                              description: Message(
                                id: "Urutan sebutan predikat dari yang terbaik, untuk pemeriksaan urutan dalam satu tabel.",
                                en: "Predikat names ranked from the best, for the order check within one table.")),
            ],
            triggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
                    |---|---|---|---|
                    | 1 | Administrasi Umum Perangkat Daerah | 70,48 | Baik |
                    """, caption: "70,48 is Cukup on the scale 66–75", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
                    |---|---|---|---|
                    | 1 | Administrasi Keuangan Perangkat Daerah | 98,87 | Memuaskan |
                    | 2 | Administrasi Umum Perangkat Daerah | 70,48 | Sangat Memuaskan |
                    """, caption: "A lower capaian with a better label", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
                    |---|---|---|---|
                    | 1 | Perencanaan Penganggaran dan Evaluasi Kinerja | 100 | Sangat Baik |
                    | 2 | Administrasi Keuangan Perangkat Daerah | 88,50 | Baik |
                    | 3 | Administrasi Umum Perangkat Daerah | 70,48 | Cukup |
                    """, caption: "Labels that follow the scale", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | No | Kegiatan | Capaian Kinerja (%) | Predikat Kinerja |
                    |---|---|---|---|
                    | 1 | Administrasi Keuangan Perangkat Daerah | 98,87 | Memuaskan |
                    | 2 | Administrasi Kepegawaian Perangkat Daerah | 101,78 | Sangat Memuaskan |
                    | 3 | Administrasi Umum Perangkat Daerah | 70,48 | Cukup Memuaskan |
                    """, caption: "Another label family, in order", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let scale = PredikatScale(context.parameters["scale"])
        let ranks = PredikatRanks(context.parameters["ranks"])
        guard !scale.bands.isEmpty || !ranks.isEmpty else { return [] }
        var findings: [Finding] = []
        for table in context.document.logicalTables {
            let capaianColumns = table.columns(.capaian).map(\.index)
            for predikat in table.columns(.predikat).map(\.index) {
                guard let capaian = capaianColumns.last(where: { $0 < predikat }) ?? capaianColumns.first else { continue }
                findings += check(table, capaian: capaian, predikat: predikat, scale: scale, ranks: ranks, context: context)
            }
        }
        return findings
    }

    private struct Rated {
        var row: LogicalRow
        var capaian: ParsedNumber
        var label: String
        var words: [String]
    }

    private func check(_ table: LogicalTable, capaian: Int, predikat: Int, scale: PredikatScale, ranks: PredikatRanks,
                       context: RuleContext) -> [Finding] {
        var rated: [Rated] = []
        for row in table.rows {
            let label = row[predikat].trimmingAchievementSpace
            guard let value = IndonesianNumber.parse(row[capaian]), !label.isEmpty else { continue }
            rated.append(Rated(row: row, capaian: value, label: label, words: PredikatScale.labelWords(label)))
        }
        var findings: [Finding] = []
        // Labels of the scale's own family: held to its thresholds.
        var onScale = 0
        for item in rated {
            guard let written = scale.band(ofLabel: item.words) else { continue }
            onScale += 1
            guard let expected = scale.band(of: item.capaian.value), expected != written else { continue }
            var location = item.row.location
            location.column = predikat
            let value = AchievementNumberFormat.shown(item.capaian)
            let name = scale.bands[expected].names.first ?? ""
            findings.append(context.finding(
                Message(id: "Predikat \"\(item.label)\" tidak sesuai capaian \(value): menurut skala predikat capaian "
                            + "\(scale.rangeText(expected)) berpredikat \(name).",
                        en: "Predikat \"\(item.label)\" does not fit capaian \(value): on the predikat scale "
                            + "\(scale.rangeText(expected)) is \(name)."),
                at: location, evidence: item.row[predikat], expected: name, actual: item.label))
        }
        // Other families: hold the labels to their order. When every label is on the scale, the check above
        // already says all there is.
        guard onScale < rated.count else { return findings }
        var ranked: [(item: Rated, rank: Int)] = []
        for item in rated {
            if let rank = ranks.rank(of: item.words) { ranked.append((item, rank)) }
        }
        // Per rank, the highest and the lowest capaian seen so far: a row conflicts with an earlier row of a
        // worse rank and a higher capaian, or of a better rank and a lower capaian (rows × ranks, not rows²).
        var highest: [Int: (item: Rated, rank: Int)] = [:]
        var lowest: [Int: (item: Rated, rank: Int)] = [:]
        for later in ranked {
            let seen = highest.keys.sorted().compactMap { highest[$0] } + lowest.keys.sorted().compactMap { lowest[$0] }
            if let earlier = seen.first(where: { conflict($0, later) }) {
                findings.append(orderFinding(earlier: earlier, later: later, predikat: predikat, context: context))
            }
            if highest[later.rank].map({ later.item.capaian.value > $0.item.capaian.value }) ?? true { highest[later.rank] = later }
            if lowest[later.rank].map({ later.item.capaian.value < $0.item.capaian.value }) ?? true { lowest[later.rank] = later }
        }
        return findings
    }

    private func orderFinding(earlier: (item: Rated, rank: Int), later: (item: Rated, rank: Int), predikat: Int,
                              context: RuleContext) -> Finding {
        let (lower, higher) = earlier.item.capaian.value < later.item.capaian.value ? (earlier, later) : (later, earlier)
        var location = later.item.row.location
        location.column = predikat
        let lowValue = AchievementNumberFormat.shown(lower.item.capaian)
        let highValue = AchievementNumberFormat.shown(higher.item.capaian)
        let otherRow = earlier.item.row.location.row.map(String.init) ?? "?"
        return context.finding(
            Message(id: "Urutan predikat bertentangan dengan capaian: capaian \(lowValue) berpredikat "
                        + "\"\(lower.item.label)\", sedangkan capaian \(highValue) yang lebih tinggi hanya "
                        + "\"\(higher.item.label)\" (dibandingkan dengan baris \(otherRow)).",
                    en: "The predikat order contradicts the capaian: capaian \(lowValue) is rated \"\(lower.item.label)\" "
                        + "while the higher capaian \(highValue) is only \"\(higher.item.label)\" (compared with row "
                        + "\(otherRow))."),
            at: location, evidence: later.item.row[predikat], actual: later.item.label)
    }

    /// A higher capaian with a worse label (rank 0 is the best).
    private func conflict(_ a: (item: Rated, rank: Int), _ b: (item: Rated, rank: Int)) -> Bool {
        let gap = max(a.item.capaian.halfUnit, b.item.capaian.halfUnit)
        if a.item.capaian.value > b.item.capaian.value + gap { return a.rank > b.rank }
        if b.item.capaian.value > a.item.capaian.value + gap { return b.rank > a.rank }
        return false
    }
}

/// The rule set's predikat scale, best first.
struct PredikatScale {
    struct Band {
        var minimum: Double
        var labels: [[String]]
        var names: [String]
    }
    var bands: [Band] = []

    init(_ value: SettingValue?) {
        guard case .list(let items)? = value else { return }
        for item in items {
            guard let map = item.map, let minimum = map["min"]?.number else { continue }
            let names = map["labels"]?.strings ?? []
            bands.append(Band(minimum: minimum, labels: names.map(Self.labelWords), names: names))
        }
        bands.sort { $0.minimum > $1.minimum }
    }

    /// A label's words without a bracketed note or a grade letter: "Sangat Baik (A)" → [sangat, baik].
    static func labelWords(_ text: String) -> [String] {
        var kept = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { kept.append(character) }
        }
        return RuleText.words(kept)
    }

    func band(of value: Double) -> Int? {
        bands.firstIndex { value >= $0.minimum - 1e-9 }
    }

    func band(ofLabel words: [String]) -> Int? {
        bands.firstIndex { $0.labels.contains(words) }
    }

    /// A band's capaian range as text: "≥ 91", "76–90,99".
    func rangeText(_ band: Int) -> String {
        func shown(_ value: Double) -> String {
            AchievementNumberFormat.indonesian(value, decimals: value == value.rounded() ? 0 : 2)
        }
        guard band > 0 else { return "≥ " + shown(bands[band].minimum) }
        return shown(bands[band].minimum) + "–" + shown(bands[band - 1].minimum - 0.01)
    }
}

/// Predikat names ranked from the best, over every label family the rule set lists.
struct PredikatRanks {
    private var ranks: [[[String]]] = []

    init(_ value: SettingValue?) {
        guard case .list(let levels)? = value else { return }
        ranks = levels.map { ($0.strings ?? []).map(PredikatScale.labelWords) }
    }

    var isEmpty: Bool { ranks.isEmpty }

    func rank(of words: [String]) -> Int? {
        ranks.firstIndex { $0.contains(words) }
    }
}
