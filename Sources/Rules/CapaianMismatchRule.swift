import Lint

/// `capaian-mismatch`: a capaian (achievement %) in a table that is not realisasi ÷ target × 100.
///
/// Every table whose columns hold a target, a realisasi and a capaian is checked row by row: by the
/// header roles the analysis found; by a header row that stands inside the body (tables whose title
/// rows come first, "Sasaran I | …" then "Indikator | Target | Realisasi | Capaian (%)"); or by labels
/// down the left ("Target | 78,5" / "Realisasi | 84,05" / "Capaian | 107"). Work is done on the logical
/// tables, so a row continued after a page break is checked once, as one row.
///
/// A written capaian agrees when the computed value lies inside the interval its decimals allow
/// (`ParsedNumber.halfUnit`: 107 stands for 106,5–107,5, 94,44 for 94,435–94,445), widened by the rule
/// set's `tolerance.extra`, or when it is the computed value cut off at those decimals (90,90 for
/// 90,909…). For an indicator whose wording names a negative-polarity word (`polarity.negative`),
/// (2·target − realisasi) ÷ target × 100 and target ÷ realisasi × 100 are accepted too.
public struct CapaianMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "capaian-mismatch",
            title: Message(id: "Capaian tidak sama dengan realisasi dibagi target",
                           en: "Capaian is not realisasi divided by target"),
            description: Message(
                id: "Pada tabel yang memuat target, realisasi dan capaian, capaian harus sama dengan realisasi ÷ target × 100 "
                    + "(untuk indikator berpolaritas negatif: (2 × target − realisasi) ÷ target × 100 atau target ÷ realisasi "
                    + "× 100), dalam batas pembulatan angka desimal yang ditulis.",
                en: "In a table holding target, realisasi and capaian, capaian must equal realisasi ÷ target × 100 (for a "
                    + "negative-polarity indicator: (2 × target − realisasi) ÷ target × 100 or target ÷ realisasi × 100), "
                    + "within the rounding of the decimals written."),
            rationale: Message(
                id: "Pengukuran kinerja dalam LKjIP membandingkan realisasi dengan target Perjanjian Kinerja dan menyajikan "
                    + "persentase capaiannya (PermenPAN-RB 53/2014, lampiran pengukuran kinerja; PermenPAN-RB 88/2021). "
                    + "Capaian yang tidak sesuai dengan angka target dan realisasinya menyesatkan pembaca dan evaluator AKIP.",
                en: "Performance measurement in an LKjIP compares realisasi with the Perjanjian Kinerja target and states the "
                    + "achievement percentage (PermenPAN-RB 53/2014, measurement annex; PermenPAN-RB 88/2021). A capaian "
                    + "that does not follow from its own target and realisasi misleads readers and AKIP evaluators."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(
                    name: "tolerance.extra", defaultValue: "0",
                    description: Message(
                        id: "Kelonggaran tambahan (poin persen) di atas setengah satuan desimal terakhir yang ditulis (terms).",
                        en: "Extra tolerance (percentage points) on top of half a unit of the last decimal written (terms).")),
                RuleParameter(
                    name: "max_capaian", defaultValue: "(none)",
                    description: Message(
                        id: "Batas atas capaian bila daerah membatasinya (misalnya 120): capaian yang ditulis sama dengan "
                            + "batas itu untuk hasil hitung di atasnya dianggap benar.",
                        en: "Upper bound on capaian where a region caps it (e.g. 120): a capaian written at the cap for a "
                            + "computed value above it is accepted.")),
                RuleParameter(
                    name: "polarity.negative", defaultValue: "(terms)",
                    description: Message(
                        id: "Kata dalam nama indikator yang menandai polaritas negatif (semakin kecil semakin baik).",
                        en: "Words of an indicator's name that mark negative polarity (lower is better).")),
            ],
            triggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
                    |---|---|---|---|---|
                    | 1 | Jumlah desa yang tertib administrasinya | 18 | 17 | 91,67 |
                    """, caption: "17 ÷ 18 × 100 = 94,44, not 91,67", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | Sasaran I | Meningkatnya kualitas pelayanan publik | | |
                    |---|---|---|---|
                    | Indikator Kinerja Sasaran | Target | Realisasi | Capaian (%) |
                    | Indeks Kepuasan Masyarakat | 80 | 84 | 95 |
                    """, caption: "The header row stands below a title row", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
                    |---|---|---|---|---|
                    | 1 | Indeks Kepuasan Masyarakat | 78,5 | 84,05 | 107 |
                    | 2 | Jumlah ASN yang gaji dan tunjangannya terbayarkan | 22 | 20 | 90,90 |
                    | 3 | Persentase pengaduan yang belum ditindaklanjuti | 20 | 18 | 110 |
                    """, caption: "107 for 107,07 (no decimals written), 90,90 for 90,909 (cut off), negative polarity",
                    kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let negativeWords = RuleText.phrases(context.words("polarity.negative"))
        let extra = max(0, context.number("tolerance.extra", default: 0))
        let cap = context.parameters["max_capaian"]?.number.flatMap { $0 > 0 ? $0 : nil }
        let checker = RowChecker(context: context, negativeWords: negativeWords, extra: extra, cap: cap)
        var findings: [Finding] = []
        for table in context.document.logicalTables {
            let byHeader = CapaianColumns.groups(table.columns.map { ($0.index, $0.role) })
            if !byHeader.isEmpty {
                let indicatorColumns = CapaianColumns.textColumns(table.columns)
                for row in table.rows {
                    for group in byHeader {
                        if let finding = checker.check(row: row, group: group, indicatorColumns: indicatorColumns) {
                            findings.append(finding)
                        }
                    }
                }
                continue
            }
            let inBody = InBodyHeaders.blocks(in: table, vocabulary: context.vocabulary)
            if !inBody.isEmpty {
                for block in inBody {
                    for row in block.rows {
                        for group in block.groups {
                            if let finding = checker.check(row: row, group: group, indicatorColumns: []) {
                                findings.append(finding)
                            }
                        }
                    }
                }
                continue
            }
            findings.append(contentsOf: checker.checkLeftLabels(table))
        }
        return findings
    }
}

// MARK: - Checking one row

/// Columns (1-based) of one target / realisasi / capaian triple.
struct CapaianGroup: Equatable, Sendable {
    var target: Int
    var realisasi: Int
    var capaian: Int
}

private struct RowChecker {
    let context: RuleContext
    let negativeWords: [[String]]
    let extra: Double
    let cap: Double?

    /// A finding when the row's capaian in `group` disagrees with its target and realisasi.
    func check(row: LogicalRow, group: CapaianGroup, indicatorColumns: [Int]) -> Finding? {
        guard let target = IndonesianNumber.parse(row[group.target]),
              let realisasi = IndonesianNumber.parse(row[group.realisasi]),
              let capaian = IndonesianNumber.parse(row[group.capaian]) else { return nil }
        let indicator = indicatorText(row: row, columns: indicatorColumns, group: group)
        guard let verdict = AchievementArithmetic.verdict(
            target: target, realisasi: realisasi, capaian: capaian,
            negative: AchievementWords.containsAny(indicator, negativeWords), extra: extra, cap: cap) else { return nil }
        var location = row.location
        location.column = group.capaian
        return finding(verdict, at: location, evidence: row[group.capaian], indicator: indicator)
    }

    /// The vertical layout: a column of labels ("Target", "Realisasi", "Capaian") with values to their right.
    func checkLeftLabels(_ table: LogicalTable) -> [Finding] {
        let width = table.rows.map(\.cells.count).max() ?? 0
        var findings: [Finding] = []
        for labelColumn in 1...max(1, min(2, width)) {
            var rowOf: [ColumnRole: Int] = [:]
            for (index, row) in table.rows.enumerated() {
                let text = row[labelColumn]
                guard InBodyHeaders.isLabel(text), IndonesianNumber.parse(text) == nil,
                      let role = context.vocabulary.role(forHeader: text)?.role,
                      [.target, .realisasi, .capaian].contains(role), rowOf[role] == nil else { continue }
                rowOf[role] = index
            }
            guard let t = rowOf[.target], let r = rowOf[.realisasi], let c = rowOf[.capaian] else { continue }
            let indicator = table.rows.first.map { $0.cells.filter { IndonesianNumber.parse($0) == nil }.joined(separator: " ") } ?? ""
            for column in (labelColumn + 1)...max(labelColumn + 1, width) {
                guard let target = IndonesianNumber.parse(table.rows[t][column]),
                      let realisasi = IndonesianNumber.parse(table.rows[r][column]),
                      let capaian = IndonesianNumber.parse(table.rows[c][column]),
                      let verdict = AchievementArithmetic.verdict(
                          target: target, realisasi: realisasi, capaian: capaian,
                          negative: AchievementWords.containsAny(indicator, negativeWords), extra: extra, cap: cap) else { continue }
                var location = table.rows[c].location
                location.column = column
                findings.append(finding(verdict, at: location, evidence: table.rows[c][column], indicator: indicator))
            }
            if !findings.isEmpty { break }
        }
        return findings
    }

    /// Text naming the indicator, for its polarity: the indicator column, else every text cell.
    private func indicatorText(row: LogicalRow, columns: [Int], group: CapaianGroup) -> String {
        let named = columns.map { row[$0] }.filter { !$0.isEmpty }
        if !named.isEmpty { return named.joined(separator: " ") }
        return row.cells.enumerated()
            .filter { ![group.target, group.realisasi, group.capaian].contains($0.offset + 1) && IndonesianNumber.parse($0.element) == nil }
            .map(\.element).joined(separator: " ")
    }

    private func finding(_ verdict: AchievementVerdict, at location: Location, evidence: String, indicator: String) -> Finding {
        let target = AchievementNumberFormat.shown(verdict.target)
        let realisasi = AchievementNumberFormat.shown(verdict.realisasi)
        let written = AchievementNumberFormat.shown(verdict.written)
        let expected = AchievementNumberFormat.indonesian(verdict.expected)
        let name = AchievementWords.shortened(indicator)
        let about = name.isEmpty ? "" : " (\(name))"
        let message: Message
        if verdict.negative {
            message = Message(
                id: "Capaian\(about) ditulis \(written), padahal dengan target \(target) dan realisasi \(realisasi) capaian "
                    + "seharusnya \(verdict.formulaList(.id)); yang terdekat \(expected).",
                en: "Capaian\(about) is written as \(written), but with target \(target) and realisasi \(realisasi) it "
                    + "should be \(verdict.formulaList(.en)); the nearest is \(expected).")
        } else {
            message = Message(
                id: "Capaian\(about) ditulis \(written), padahal realisasi \(realisasi) ÷ target \(target) × 100 = \(expected).",
                en: "Capaian\(about) is written as \(written), but realisasi \(realisasi) ÷ target \(target) × 100 = \(expected).")
        }
        return context.finding(message, at: location, evidence: evidence, expected: expected,
                               actual: AchievementNumberFormat.shown(verdict.written))
    }
}

// MARK: - Columns

enum CapaianColumns {
    /// Target / realisasi / capaian triples among columns in grid order: each capaian column takes the
    /// last target and realisasi columns since the previous capaian column (multi-year tables repeat
    /// the triple: "2021: Target | Realisasi | Capaian, 2022: …"). A percentage column standing right after
    /// the realisasi counts as its capaian.
    static func groups(_ columns: [(index: Int, role: ColumnRole?)]) -> [CapaianGroup] {
        var target: Int?
        var realisasi: Int?
        var groups: [CapaianGroup] = []
        for column in columns.sorted(by: { $0.index < $1.index }) {
            switch column.role {
            case .target?: target = column.index
            case .realisasi?: realisasi = column.index
            case .persentase? where realisasi.map({ $0 + 1 == column.index }) == true && target != nil:
                // "Target | Realisasi | %": a bare percentage right after the realisasi is its capaian.
                fallthrough
            case .capaian?:
                if let target, let realisasi {
                    groups.append(CapaianGroup(target: target, realisasi: realisasi, capaian: column.index))
                }
                target = nil
                realisasi = nil
            default: break
            }
        }
        return groups
    }

    /// Columns that name what a row measures, best first.
    static func textColumns(_ columns: [Column]) -> [Int] {
        for role in [ColumnRole.indikator, .subKegiatan, .kegiatan, .program, .uraian, .sasaran] {
            let found = columns.filter { $0.role == role }.map(\.index)
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// Header rows standing inside a table's body: tables whose first rows are a title ("Sasaran I |
/// Meningkatnya …", "| Tahun 2023 |") so the analysis found no header, then a label row
/// ("Indikator Kinerja Sasaran | Target | Realisasi | Capaian (%)"), then the values.
enum InBodyHeaders {
    struct Block {
        var groups: [CapaianGroup]
        var rows: [LogicalRow]
    }

    static func blocks(in table: LogicalTable, vocabulary: Vocabulary) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        let rows = table.rows
        while index < rows.count {
            guard isLabelRow(rows[index], vocabulary: vocabulary) else {
                index += 1
                continue
            }
            // Consecutive label rows stack into header paths ("Capaian / %").
            var end = index
            while end + 1 < rows.count, isLabelRow(rows[end + 1], vocabulary: vocabulary) || isUnitRow(rows[end + 1]) { end += 1 }
            let width = rows[index...end].map(\.cells.count).max() ?? 0
            var columns: [(index: Int, role: ColumnRole?)] = []
            for column in 1...max(1, width) {
                let path = rows[index...end].map { $0[column].trimmingAchievementSpace }.filter { !$0.isEmpty }
                columns.append((column, path.isEmpty ? nil : vocabulary.role(forHeader: path.joined(separator: " / "))?.role))
            }
            let groups = CapaianColumns.groups(columns)
            var next = end + 1
            while next < rows.count, !isLabelRow(rows[next], vocabulary: vocabulary) { next += 1 }
            if !groups.isEmpty { blocks.append(Block(groups: groups, rows: Array(rows[(end + 1)..<next]))) }
            index = next
        }
        return blocks
    }

    /// A row of short labels, holding no values, that names a target, realisasi or capaian column.
    static func isLabelRow(_ row: LogicalRow, vocabulary: Vocabulary) -> Bool {
        let filled = row.cells.map(\.trimmingAchievementSpace).filter { !$0.isEmpty }
        guard filled.count >= 2, filled.allSatisfy(isLabel) else { return false }
        if filled.contains(where: { IndonesianNumber.parse($0) != nil }) { return false }
        let roles = Set(filled.compactMap { vocabulary.role(forHeader: $0)?.role })
        return roles.intersection([.target, .realisasi, .capaian]).count >= 2
    }

    /// A row of units only ("%", "(Rp)") continuing the labels above.
    private static func isUnitRow(_ row: LogicalRow) -> Bool {
        let filled = row.cells.map(\.trimmingAchievementSpace).filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { ["%", "(%)", "RP", "(RP)", "RP.", "(RP.)"].contains($0.uppercased()) }
    }

    /// Short enough to be a column label.
    static func isLabel(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return !words.isEmpty && words.count <= 6
    }
}

// MARK: - Arithmetic shared by the achievement rules

/// How a capaian follows from target and realisasi (DOMAIN.md, "Formulas").
enum AchievementFormula: Sendable, CaseIterable {
    /// realisasi ÷ target × 100: higher is better.
    case ratio
    /// (2 × target − realisasi) ÷ target × 100: lower is better (PermenPAN-RB 6/2022).
    case negativeDifference
    /// target ÷ realisasi × 100: lower is better (as e-SAKIP applications compute it).
    case negativeRatio

    func value(target: Double, realisasi: Double) -> Double? {
        switch self {
        case .ratio: target > 0 ? realisasi / target * 100 : nil
        case .negativeDifference: target > 0 ? (2 * target - realisasi) / target * 100 : nil
        case .negativeRatio: realisasi > 0 ? target / realisasi * 100 : nil
        }
    }

    func text(_ language: Language) -> String {
        switch (self, language) {
        case (.ratio, .id): "realisasi ÷ target × 100"
        case (.ratio, .en): "realisasi ÷ target × 100"
        case (.negativeDifference, _): "(2 × target − realisasi) ÷ target × 100"
        case (.negativeRatio, _): "target ÷ realisasi × 100"
        }
    }
}

/// A capaian that none of the accepted formulas gives.
struct AchievementVerdict: Sendable {
    var target: ParsedNumber
    var realisasi: ParsedNumber
    var written: ParsedNumber
    /// The accepted value nearest to what is written.
    var expected: Double
    var negative: Bool
    var computed: [(formula: AchievementFormula, value: Double)]

    func formulaList(_ language: Language) -> String {
        computed.map { "\($0.formula.text(language)) = \(AchievementNumberFormat.indonesian($0.value))" }
            .joined(separator: language == .id ? " atau " : " or ")
    }
}

enum AchievementArithmetic {
    static func formulas(negative: Bool) -> [AchievementFormula] {
        negative ? AchievementFormula.allCases : [.ratio]
    }

    /// nil when the written capaian agrees with one of the formulas (or the numbers cannot be checked),
    /// else what is wrong. The positive formula is always accepted: words such as "kasus" also name
    /// indicators where more is better ("kasus yang difasilitasi").
    static func verdict(target: ParsedNumber, realisasi: ParsedNumber, capaian: ParsedNumber, negative: Bool,
                        extra: Double, cap: Double? = nil) -> AchievementVerdict? {
        guard target.value > 0, realisasi.value >= 0, capaian.value >= 0 else { return nil }
        // A percentage against an amount of money is no capaian of that pair.
        if target.isCurrency != realisasi.isCurrency { return nil }
        var computed: [(formula: AchievementFormula, value: Double)] = []
        for formula in formulas(negative: negative) {
            guard let value = formula.value(target: target.value, realisasi: realisasi.value), value.isFinite else { continue }
            if agrees(capaian, with: value, extra: extra) { return nil }
            // A rule set may cap capaian ("at most 120%"): the cap written for a value above it is right.
            if let cap, value > cap, agrees(capaian, with: cap, extra: extra) { return nil }
            computed.append((formula, value))
        }
        guard let nearest = computed.min(by: { abs($0.value - capaian.value) < abs($1.value - capaian.value) }) else { return nil }
        return AchievementVerdict(target: target, realisasi: realisasi, written: capaian, expected: nearest.value,
                                  negative: negative, computed: computed)
    }

    /// Whether `written` can stand for `computed`: inside the interval its shown decimals allow (± half a
    /// unit of the last decimal, widened by `extra`), or `computed` cut off — not rounded — at those decimals.
    static func agrees(_ written: ParsedNumber, with computed: Double, extra: Double) -> Bool {
        let value = written.value
        let slack = 1e-9 * max(1, abs(computed))
        if abs(value - computed) <= written.halfUnit + extra + slack { return true }
        let unit = 2 * written.halfUnit
        return computed >= value - slack && computed < value + unit - slack
    }
}

enum AchievementNumberFormat {
    /// Indonesian form with a fixed number of decimals: 94.444 → "94,44", 3668505868 → "3.668.505.868,00".
    static func indonesian(_ value: Double, decimals: Int = 2) -> String {
        IndonesianNumber.format(value, decimals: decimals)
    }

    /// A parsed number in the Indonesian form with the decimals it was written with ("84,05", "107").
    static func shown(_ number: ParsedNumber) -> String {
        indonesian(number.value, decimals: number.decimals)
    }
}

/// Word matching for the achievement rules: lower-cased words of letters and digits, phrases matched
/// as whole consecutive words.
enum AchievementWords {
    static func containsAny(_ text: String, _ phrases: [[String]]) -> Bool {
        let textWords = RuleText.words(text)
        return phrases.contains { phrase in contains(textWords, phrase) }
    }

    static func contains(_ textWords: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= textWords.count else { return false }
        for start in 0...(textWords.count - phrase.count) where textWords[start] == phrase[0] {
            if Array(textWords[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }

    /// An indicator name short enough for a message.
    static func shortened(_ text: String, limit: Int = 80) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        return String(collapsed.prefix(limit)) + "…"
    }
}

extension String {
    /// Without surrounding whitespace (no Foundation in this target).
    var trimmingAchievementSpace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
