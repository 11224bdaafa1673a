import Lint

/// `formula-unit-mismatch`: the indicator's unit says one thing, its formula computes another.
///
/// The unit an indicator promises comes from its first word ("Persentase …" a share, "Jumlah …" a count)
/// and from its satuan cell when the table has one ("%", "Orang", "Dokumen"). The formula gives a
/// percentage when it multiplies by 100 ("dikali 100%", "x 100"), a ratio when it divides ("dibagi", "/"),
/// and a count when it only counts ("Jumlah …") — DOMAIN.md: a ratio × 100 for Persentase, a count for
/// Jumlah. A count indicator computed as a percentage, or a percentage computed as a bare count, is a
/// finding; so is a satuan that contradicts the indicator's own measure word.
public struct FormulaUnitMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "formula-unit-mismatch",
            title: Message(id: "Satuan indikator tidak sesuai formula", en: "The indicator's unit contradicts its formula"),
            description: Message(
                id: "Indikator \"Persentase …\" (satuan %) harus dihitung sebagai perbandingan dikali 100; indikator "
                    + "\"Jumlah …\" (satuan orang, dokumen …) sebagai hitungan, bukan \"… dikali 100%\".",
                en: "A \"Persentase …\" indicator (unit %) must be computed as a ratio times 100; a \"Jumlah …\" "
                    + "indicator (unit persons, documents …) as a count, not as \"… dikali 100%\"."),
            rationale: Message(
                id: "PER/09/M.PAN/5/2007 meminta formula yang menghasilkan nilai dalam satuan indikatornya; bila satuan "
                    + "dan formula berbeda, target dan realisasi (PermenPAN-RB 53/2014) tidak dapat dibandingkan.",
                en: "PER/09/M.PAN/5/2007 asks for a formula that yields the indicator's own unit; when unit and formula "
                    + "differ, targets and realisations (PermenPAN-RB 53/2014) cannot be compared."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "percent_words", defaultValue: "[persentase, prosentase, presentase]",
                              description: Message(id: "Kata pertama indikator bersatuan persen.",
                                                   en: "First words of a percentage indicator.")),
                RuleParameter(name: "count_words", defaultValue: "[jumlah, banyaknya]",
                              description: Message(id: "Kata pertama indikator berupa hitungan; juga kata formula yang menghitung.",
                                                   en: "First words of a count indicator; also the formula words that count.")),
                RuleParameter(name: "percent_units", defaultValue: "[\"%\", persen, prosen]",
                              description: Message(id: "Isi sel satuan yang berarti persen.", en: "Satuan cells meaning percent.")),
                RuleParameter(name: "count_units", defaultValue: "[orang, dokumen, laporan, unit, paket, …]",
                              description: Message(id: "Satuan hitungan.", en: "Count units.")),
                RuleParameter(name: "ratio_words", defaultValue: "[dibagi, bagi, per, perbandingan, rasio]",
                              description: Message(id: "Kata pembagian dalam formula.", en: "Division words in a formula.")),
                RuleParameter(name: "ratio_marks", defaultValue: "[/, ÷]",
                              description: Message(id: "Tanda pembagian.", en: "Division marks.")),
                RuleParameter(name: "percent_phrases", defaultValue: "[x 100, dikali 100, 100 %, 100 persen, …]",
                              description: Message(id: "Bentuk \"dikali 100\" yang menjadikan hasil persen.",
                                                   en: "Forms of \"times 100\" that make the result a percentage.")),
            ],
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | Kinerja Utama | Indikator Kinerja Utama | Formulasi Perhitungan IKU | Penanggung Jawab |
                    |---|---|---|---|
                    | Tersedianya Gaji dan Tunjangan ASN | Jumlah Orang yang Menerima Gaji dan Tunjangan ASN | Jumlah ASN yang menerima gaji dibagi Jumlah ASN di kecamatan dikali 100% | Kasubbag Keuangan |
                    """, caption: "A count indicator computed as a percentage", kind: .iku),
                RuleExample("""
                    | No | Indikator Kinerja Utama | Satuan | Formula Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Persentase desa tertib administrasi | % | Jumlah desa yang tertib administrasi | Seksi Pemerintahan |
                    """, caption: "A percentage computed as a count", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    | No | Indikator Kinerja Utama | Satuan | Formula Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Persentase desa tertib administrasi | % | Jumlah desa tertib dibagi jumlah seluruh desa dikali 100% | Seksi Pemerintahan |
                    | 2 | Jumlah laporan keuangan yang tepat waktu | Laporan | Jumlah laporan keuangan yang disusun tepat waktu | Sekcam |
                    """, caption: "Units and formulas agree", kind: .iku),
            ]
        )
    }

    private enum Unit {
        case percent, count, ratio

        var id: String {
            switch self {
            case .percent: "persentase"
            case .count: "hitungan (jumlah)"
            case .ratio: "perbandingan"
            }
        }

        var en: String {
            switch self {
            case .percent: "a percentage"
            case .count: "a count"
            case .ratio: "a ratio"
            }
        }

        /// Whether a formula giving `result` yields this unit (a ratio fits both: "dibagi" without "× 100").
        func accepts(_ result: Unit) -> Bool { result == self || result == .ratio }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let percentWords = RuleText.phrases(context.words("percent_words"))
        let countWords = RuleText.phrases(context.words("count_words"))
        let percentUnits = Set(context.words("percent_units").map { RuleText.collapsed($0.lowercased()) })
        let countUnits = RuleText.phrases(context.words("count_units"))
        let ratioWords = RuleText.phrases(context.words("ratio_words"))
        let ratioMarks = Set(context.words("ratio_marks").flatMap { FormulaText.tokens($0) })
        let percentPhrases = context.words("percent_phrases").map { FormulaText.tokens($0.lowercased()) }.filter { !$0.isEmpty }

        /// What an indicator's name or satuan promises.
        func unit(ofName name: String) -> Unit? {
            let words = RuleText.words(IndicatorWords.withoutLeadingMarks(name))
            if percentWords.contains(where: { words.starts(with: $0) }) { return .percent }
            if countWords.contains(where: { words.starts(with: $0) }) { return .count }
            return nil
        }
        func unit(ofSatuan satuan: String) -> Unit? {
            let text = RuleText.collapsed(satuan.lowercased())
            if percentUnits.contains(text) || text.hasPrefix("%") { return .percent }
            let words = RuleText.words(text)
            if countUnits.contains(where: { words.starts(with: $0) }) { return .count }
            return nil
        }
        /// What a formula computes.
        func unit(ofFormula formula: FormulaText) -> Unit? {
            if formula.contains(anyOf: percentPhrases) { return .percent }
            if formula.tokens.contains(where: ratioMarks.contains)
                || IndicatorWords.find(any: ratioWords, in: formula.words) != nil { return .ratio }
            if IndicatorWords.find(any: countWords, in: formula.words) != nil { return .count }
            return nil
        }

        var findings: [Finding] = []
        for table in IndicatorTable.all(in: context.document) {
            let formulaColumn = table.logical.column(.formula)?.index
            let satuanColumn = table.logical.column(.satuan)?.index
            guard formulaColumn != nil || satuanColumn != nil else { continue }
            for row in table.rows {
                let nameUnit = unit(ofName: row.indicator)
                let satuanText = satuanColumn.map { RuleText.collapsed(row[$0]) } ?? ""
                let satuanUnit = unit(ofSatuan: satuanText)
                let formulaText = formulaColumn.map { RuleText.collapsed(row[$0]) } ?? ""
                let formulaUnit = IndicatorWords.isBlank(formulaText) ? nil : unit(ofFormula: FormulaText(formulaText))

                // The name is checked first: it is what readers of the IKU see.
                var promise: (unit: Unit, bySatuan: Bool)?
                if let formulaUnit {
                    if let nameUnit, !nameUnit.accepts(formulaUnit) {
                        promise = (nameUnit, false)
                    } else if let satuanUnit, !satuanUnit.accepts(formulaUnit) {
                        promise = (satuanUnit, true)
                    }
                }
                if let promise, let formulaUnit, let formulaColumn {
                    let promised = promise.unit
                    let byID = promise.bySatuan ? "satuannya (\"\(satuanText)\")" : "namanya"
                    let byEN = promise.bySatuan ? "its satuan (\"\(satuanText)\")" : "its name"
                    findings.append(context.finding(
                        Message(id: "Indikator \"\(row.indicator)\" menurut \(byID) berupa \(promised.id), tetapi formulanya "
                                    + "menghasilkan \(formulaUnit.id): \"\(formulaText)\".",
                                en: "Indicator \"\(row.indicator)\" is \(promised.en) by \(byEN), but its formula gives "
                                    + "\(formulaUnit.en): \"\(formulaText)\"."),
                        at: row.location(column: formulaColumn), evidence: formulaText))
                } else if let nameUnit, let satuanUnit, nameUnit != satuanUnit, let satuanColumn {
                    findings.append(context.finding(
                        Message(id: "Indikator \"\(row.indicator)\" berupa \(nameUnit.id) menurut namanya, tetapi satuannya "
                                    + "\"\(satuanText)\" berarti \(satuanUnit.id).",
                                en: "Indicator \"\(row.indicator)\" is \(nameUnit.en) by its name, but its satuan "
                                    + "\"\(satuanText)\" means \(satuanUnit.en)."),
                        at: row.location(column: satuanColumn), evidence: satuanText))
                }
            }
        }
        return findings
    }
}
