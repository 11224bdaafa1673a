import Lint

/// `smart-indicator`: an indicator that cannot be measured as written.
///
/// DOMAIN.md ("SMART"): an indicator is a measure (Indeks, Nilai, Persentase, Jumlah …), not an outcome
/// sentence ("Tersedianya …"), it does not restate the sasaran it measures, and it has a unit or a measure
/// word that yields one. Each indicator row of a table with an indikator column is read; the sasaran (or
/// tujuan) it measures is the nearest such column to its left, carried down when later rows leave it blank.
public struct SmartIndicatorRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "smart-indicator",
            title: Message(id: "Indikator tidak terukur (SMART)", en: "The indicator is not measurable as written"),
            description: Message(
                id: "Indikator harus berupa ukuran (Indeks, Nilai, Persentase, Jumlah, Rasio …) dengan satuan, bukan "
                    + "kalimat hasil (\"Tersedianya …\", \"Meningkatnya …\") dan bukan pengulangan sasarannya.",
                en: "An indicator must be a measure (Indeks, Nilai, Persentase, Jumlah, Rasio …) with a unit, not an "
                    + "outcome sentence (\"Tersedianya …\", \"Meningkatnya …\") and not a restatement of its sasaran."),
            rationale: Message(
                id: "PermenPAN-RB 53/2014 dan PER/09/M.PAN/5/2007 meminta indikator kinerja yang spesifik dan dapat "
                    + "diukur (SMART): sasaran menyatakan hasil yang ingin dicapai, indikator menyatakan ukurannya. "
                    + "Indikator yang mengulang sasaran atau berbentuk kalimat hasil tidak dapat diberi target maupun "
                    + "realisasi.",
                en: "PermenPAN-RB 53/2014 and PER/09/M.PAN/5/2007 ask for specific, measurable (SMART) performance "
                    + "indicators: the sasaran states the outcome, the indicator its measure. An indicator that repeats "
                    + "its sasaran or is phrased as an outcome can be given neither a target nor a realisation."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "measure_words", defaultValue: "[indeks, nilai, persentase, jumlah, rasio, …]",
                              description: Message(id: "Kata ukuran: indikator yang memuatnya dapat diukur.",
                                                   en: "Measure words: an indicator containing one is measurable.")),
                RuleParameter(name: "outcome_suffixes", defaultValue: "[nya]",
                              description: Message(
                                  id: "Akhiran kata pertama kalimat hasil (\"Tersedianya\", \"Meningkatnya\").",
                                  en: "Ending of the first word of an outcome sentence (\"Tersedianya\", \"Meningkatnya\").")),
            ],
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | No | Kinerja Utama | Indikator Kinerja Utama | Formulasi Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Tersedianya Barang Cetak dan Penggandaan | Tersedianya Barang Cetak dan Penggandaan | Jumlah paket barang cetak yang disediakan | Kasubbag Umum |
                    """, caption: "The indicator repeats its sasaran, an outcome sentence", kind: .iku),
                RuleExample("""
                    | No | Sasaran | Indikator Sasaran | Target 2024 | Target 2025 |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Kualitas pelayanan kantor kecamatan | 80 | 82 |
                    """, caption: "No measure word and no unit", kind: .renstra),
            ],
            nonTriggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | No | Kinerja Utama | Indikator Kinerja Utama | Formulasi Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Tersedianya Barang Cetak dan Penggandaan | Jumlah Paket Barang Cetak dan Penggandaan yang Disediakan | Jumlah paket barang cetak yang disediakan | Kasubbag Umum |
                    | 2 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat (IKM) | Nilai persepsi per unsur dibagi jumlah unsur dikali 25 | Seksi Pelayanan |
                    """, caption: "Measures with their units", kind: .iku),
                RuleExample("""
                    | No | Sasaran | Indikator Sasaran | Satuan | Target 2024 |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya tertib administrasi desa | Desa dengan administrasi tertib | Desa | 12 |
                    """, caption: "No measure word, but a unit", kind: .renstra),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let measureWords = RuleText.phrases(context.words("measure_words"))
        let outcomeSuffixes = context.words("outcome_suffixes").map { $0.lowercased() }.filter { !$0.isEmpty }
        var findings: [Finding] = []
        for table in IndicatorTable.all(in: context.document) {
            let satuan = table.logical.column(.satuan)?.index
            for row in table.rows {
                let words = RuleText.words(IndicatorWords.withoutLeadingMarks(row.indicator))
                guard !words.isEmpty else { continue }
                let hasMeasure = IndicatorWords.find(any: measureWords, in: words) != nil
                var reasonsID: [String] = []
                var reasonsEN: [String] = []

                if let statement = row.statement {
                    let statementWords = RuleText.words(IndicatorWords.withoutLeadingMarks(statement))
                    let restates = words == statementWords
                        || (!hasMeasure && !statementWords.isEmpty && Set(words).isSubset(of: Set(statementWords)))
                    if restates {
                        reasonsID.append("mengulang sasarannya (\"\(statement)\")")
                        reasonsEN.append("it repeats its sasaran (\"\(statement)\")")
                    }
                }
                // The first word decides the form: "Jumlah … yang tersedia" is a measure, "Tersedianya …" an outcome.
                if let first = words.first, !IndicatorWords.isMeasure(first, measureWords),
                   outcomeSuffixes.contains(where: { first.count >= $0.count + 3 && first.hasSuffix($0) }) {
                    reasonsID.append("berbentuk kalimat hasil (\"\(first.capitalizedFirst) …\"), bukan ukuran")
                    reasonsEN.append("it is phrased as an outcome (\"\(first.capitalizedFirst) …\"), not as a measure")
                }
                let hasUnit = satuan.map { !IndicatorWords.isBlank(row[$0]) } ?? false
                    || IndicatorWords.hasUnitMark(row.indicator)
                // Without its word list (a rule set that leaves it out) the rule cannot tell a measure.
                if !hasMeasure && !hasUnit && !measureWords.isEmpty {
                    reasonsID.append("tidak memuat kata ukuran (Indeks, Nilai, Persentase, Jumlah …) maupun satuan")
                    reasonsEN.append("it has no measure word (Indeks, Nilai, Persentase, Jumlah …) and no unit")
                }
                guard !reasonsEN.isEmpty else { continue }
                findings.append(context.finding(
                    Message(id: "Indikator \"\(row.indicator)\" tidak terukur: \(reasonsID.joined(separator: "; ")).",
                            en: "Indicator \"\(row.indicator)\" is not measurable as written: \(reasonsEN.joined(separator: "; "))."),
                    at: row.location(column: row.indicatorColumn), evidence: row.indicator))
            }
        }
        return findings
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

// MARK: - Indicator tables (shared by the indicator rules)

/// Text helpers for matching the rule sets' word lists against cells.
enum IndicatorWords {
    /// Where `phrase` first occurs in `words`: its words in order, with at most `maxGap` other words
    /// between two of them ("pengaduan yang belum ditindaklanjuti" in "pengaduan masyarakat yang belum …").
    static func find(_ phrase: [String], in words: [String], maxGap: Int = 0) -> Range<Int>? {
        guard let first = phrase.first else { return nil }
        for start in words.indices where words[start] == first {
            var position = start
            var matched = true
            for word in phrase.dropFirst() {
                var next = position + 1
                let limit = min(words.count, position + 2 + maxGap)
                while next < limit, words[next] != word { next += 1 }
                if next >= limit {
                    matched = false
                    break
                }
                position = next
            }
            if matched { return start..<(position + 1) }
        }
        return nil
    }

    /// The first of `phrases` found in `words` (contiguous), with where it stands.
    static func find(any phrases: [[String]], in words: [String]) -> (phrase: [String], range: Range<Int>)? {
        var best: (phrase: [String], range: Range<Int>)?
        for phrase in phrases {
            guard let range = find(phrase, in: words) else { continue }
            if best.map({ range.lowerBound < $0.range.lowerBound || (range.lowerBound == $0.range.lowerBound
                && range.count > $0.range.count) }) ?? true {
                best = (phrase, range)
            }
        }
        return best
    }

    /// Whether a single word is one of the measure words (one-word entries).
    static func isMeasure(_ word: String, _ measureWords: [[String]]) -> Bool {
        measureWords.contains { $0.first == word }
    }

    /// No letter and no digit: empty, "-", "–", "…" (placeholders for "nothing here").
    static func isBlank(_ text: String) -> Bool {
        !text.contains { $0.isLetter || $0.isNumber }
    }

    /// Leading bullets and list labels removed: "- Indeks …" → "Indeks …", "1. Jumlah …" → "Jumlah …".
    static func withoutLeadingMarks(_ text: String) -> String {
        var rest = Substring(RuleText.collapsed(text))
        while let first = rest.first, "-–—•·▪►*".contains(first) {
            rest = rest.dropFirst().drop(while: \.isWhitespace)
        }
        let label = rest.prefix { $0.isNumber || ($0.isLetter && $0.isLowercase) }
        if !label.isEmpty, label.count <= 2, label.allSatisfy(\.isNumber) || label.count == 1 {
            let after = rest.dropFirst(label.count)
            if let mark = after.first, mark == "." || mark == ")", after.dropFirst().first?.isWhitespace ?? false {
                rest = after.dropFirst().drop(while: \.isWhitespace)
            }
        }
        return String(rest)
    }

    /// The indicator names its unit itself: "%" or a short unit in brackets at the end ("(Lembar)", "(kali)");
    /// an acronym in brackets ("(IKM)", "(PDRB)") is a name, not a unit.
    static func hasUnitMark(_ text: String) -> Bool {
        if text.contains("%") { return true }
        let trimmed = RuleText.collapsed(text)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return false }
        let inside = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        return (1...2).contains(RuleText.words(inside).count) && inside.contains(where: \.isLowercase)
    }

    /// An indicator's name for finding it in another table: its words, without bracketed abbreviations.
    static func key(_ indicator: String) -> String {
        var depth = 0
        var kept = ""
        for character in indicator {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                kept.append(character)
            }
        }
        return RuleText.words(withoutLeadingMarks(kept)).joined(separator: " ")
    }

    /// One number in a cell: the whole cell as a number, or the only number in a short text ("70 (B)").
    static func number(_ text: String) -> ParsedNumber? {
        if let whole = IndonesianNumber.parse(text) { return whole }
        let found = IndonesianNumber.numbers(in: text)
        guard found.count == 1, case .number(let value) = found[0].reading else { return nil }
        return RuleText.words(text).count <= 3 ? value : nil
    }
}

/// A table with an indikator column, read row by row as indicators (DOMAIN.md, "The documents").
struct IndicatorTable {
    let logical: LogicalTable
    /// 1-based columns holding indicators ("Indikator Tujuan", "Indikator Sasaran" …).
    let indicatorColumns: [Int]
    let rows: [IndicatorRow]

    /// Every logical table of the document with an indikator column.
    static func all(in document: Document) -> [IndicatorTable] {
        var physical: [Int: Table] = [:]
        for table in document.tables where physical[table.index] == nil { physical[table.index] = table }
        return document.logicalTables.compactMap { make($0, physical: physical) }
    }

    func has(_ role: ColumnRole) -> Bool { logical.column(role) != nil }

    /// The IKU form of PER/09/M.PAN/5/2007: besides the indicator it says how it is computed (formula,
    /// penjelasan / definisi operasional), from which source, or who answers for it.
    var isIKUForm: Bool {
        has(.formula) || has(.penanggungJawab) || has(.definisiOperasional) || has(.sumberData)
    }

    /// A report table (LAKIP): targets set against what was achieved.
    var isReport: Bool { has(.realisasi) || has(.capaian) }

    /// The target columns that name a year, in year order (the first column of each year).
    var yearTargets: [(year: Int, column: Int)] {
        var seen = Set<Int>()
        return logical.columns(.target).compactMap { column in
            guard let year = column.year, seen.insert(year).inserted else { return nil }
            return (year, column.index)
        }.sorted { $0.year < $1.year }
    }

    /// The table as a whole: its first physical table, first row.
    var headerLocation: Location { Location(table: logical.physicalTables.first, row: 1) }

    /// The header labels, left to right, for a finding about the whole table.
    var headerEvidence: String {
        var labels: [String] = []
        for row in logical.headerRows {
            for cell in row {
                let label = RuleText.collapsed(cell)
                if !label.isEmpty, !labels.contains(label) { labels.append(label) }
            }
        }
        return labels.joined(separator: " | ")
    }

    /// The tables an IKU must give in the IKU form: those that are in that form, or, in a document detected
    /// as an IKU that has none, its first indicator table (the IKU table itself, written without the form).
    static func ikuTables(_ tables: [IndicatorTable], kind: Subject.Kind) -> [IndicatorTable] {
        let forms = tables.filter(\.isIKUForm)
        if !forms.isEmpty || kind != .iku { return forms }
        return tables.first { !$0.isReport && !$0.rows.isEmpty }.map { [$0] } ?? []
    }

    /// The indicators (by `IndicatorWords.key`) that some table fills in the column `column` picks: an IKU
    /// form without a penanggung jawab column is complete when another table names each indicator's owner.
    static func covered(in tables: [IndicatorTable], column: (IndicatorTable) -> Int?) -> Set<String> {
        var keys = Set<String>()
        for table in tables {
            guard let index = column(table) else { continue }
            for row in table.rows where !IndicatorWords.isBlank(row[index]) { keys.insert(IndicatorWords.key(row.indicator)) }
        }
        return keys
    }

    private static func make(_ logical: LogicalTable, physical: [Int: Table]) -> IndicatorTable? {
        let indicatorColumns = logical.columns(.indikator).map(\.index)
        guard !indicatorColumns.isEmpty else { return nil }
        let statementColumns = logical.columns.filter { $0.role == .sasaran || $0.role == .tujuan }.map(\.index)
        // The statement an indicator measures: the nearest sasaran or tujuan column to its left.
        var statementFor: [Int: Int] = [:]
        for column in indicatorColumns {
            statementFor[column] = statementColumns.last { $0 < column } ?? logical.column(.sasaran)?.index
        }
        // A header row repeated inside the table (after a page break) is not an indicator.
        var headerWords: [Int: [String]] = [:]
        for column in logical.columns where column.role == .indikator {
            let lowest = column.header.split(separator: " / ").last.map(String.init) ?? column.header
            headerWords[column.index] = RuleText.words(lowest)
        }
        let width = logical.rows.map(\.cells.count).max() ?? 0
        var carried = Array(repeating: "", count: width)
        var lastStatement: [Int: String] = [:]
        var rows: [IndicatorRow] = []
        for row in logical.rows {
            let kinds = physicalKinds(of: row.location, in: physical)
            var values = row.cells + Array(repeating: "", count: max(0, width - row.cells.count))
            for index in values.indices where IndicatorWords.isBlank(values[index])
                && kinds.indices.contains(index) && kinds[index] == .mergedAbove {
                values[index] = carried[index]
            }
            carried = values
            for column in statementColumns where values.indices.contains(column - 1)
                && !IndicatorWords.isBlank(values[column - 1]) {
                lastStatement[column] = values[column - 1]
            }
            // The row's own indicator (a vertically merged one belongs to the row above): the rightmost one.
            guard let column = indicatorColumns.last(where: { column in
                let text = row[column]
                let words = RuleText.words(text)
                return text.contains(where: \.isLetter) && words != headerWords[column]
            }) else { continue }
            rows.append(IndicatorRow(
                logical: row, values: values, indicatorColumn: column,
                indicator: RuleText.collapsed(row[column]),
                statement: statementFor[column].flatMap { lastStatement[$0] }.map(RuleText.collapsed)))
        }
        return IndicatorTable(logical: logical, indicatorColumns: indicatorColumns, rows: rows)
    }

    private static func physicalKinds(of location: Location, in physical: [Int: Table]) -> [Cell.Kind] {
        guard let tableIndex = location.table, let rowIndex = location.row, let table = physical[tableIndex],
              table.rows.indices.contains(rowIndex - 1), table.rows[rowIndex - 1].index == rowIndex else { return [] }
        return table.rows[rowIndex - 1].cells.map(\.kind)
    }
}

/// One indicator of an indicator table.
struct IndicatorRow {
    let logical: LogicalRow
    /// The row's cells with vertically merged cells filled in from the row above.
    let values: [String]
    let indicatorColumn: Int
    /// The indicator's text, whitespace collapsed.
    let indicator: String
    /// The sasaran (or tujuan) it measures, carried down from the rows above when left blank.
    let statement: String?

    /// Text of the 1-based column, merged cells filled in; "" outside the row.
    subscript(column: Int) -> String {
        values.indices.contains(column - 1) ? values[column - 1] : ""
    }

    /// Where the row starts, optionally at one of its cells.
    func location(column: Int? = nil) -> Location {
        var location = logical.location
        location.column = column
        return location
    }
}
