import Lint

/// `formula-missing`: an IKU indicator with no formula, or with a "formula" that computes nothing.
///
/// Every indicator row of a table with a formula column (Formulasi Perhitungan, Cara Perhitungan,
/// Penjelasan/Formulasi …) is read: an empty cell, or a text with no operation in it — no operator
/// ("/", "x", "=" …) and no word of computation ("dibagi", "jumlah", "rata-rata", "hasil evaluasi" …; the
/// rule set's lists) — is a finding. "Nilai Lakip dari Pemerintah Daerah" names where a value comes from,
/// not how it is obtained. An IKU table without any formula column draws one finding on its header.
public struct FormulaMissingRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "formula-missing",
            title: Message(id: "Indikator tanpa formula perhitungan", en: "An indicator has no formula"),
            description: Message(
                id: "Setiap indikator kinerja utama harus memiliki formula perhitungan yang benar-benar menghitung "
                    + "(dibagi, dikali, jumlah, rata-rata, hasil penilaian …), bukan sel kosong atau sekadar nama "
                    + "sumber data. Tabel IKU tanpa kolom formula dilaporkan sekali.",
                en: "Every key performance indicator needs a formula that actually computes something (divided by, "
                    + "times, the number of, the mean, the result of an assessment …), not an empty cell or only the "
                    + "name of a data source. An IKU table without a formula column is reported once."),
            rationale: Message(
                id: "PER/09/M.PAN/5/2007 (Pedoman Umum Penetapan IKU) mewajibkan setiap IKU disertai penjelasan "
                    + "formulasi pengukurannya; tanpa formula capaian tidak dapat dihitung ulang dan diverifikasi "
                    + "(PermenPAN-RB 53/2014).",
                en: "PER/09/M.PAN/5/2007 (guidelines for setting IKU) requires each key indicator to come with how it "
                    + "is measured; without a formula the achievement cannot be recomputed or verified "
                    + "(PermenPAN-RB 53/2014)."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "computation_words", defaultValue: "[dibagi, dikali, jumlah, total, rata-rata, hasil evaluasi, …]",
                              description: Message(id: "Kata yang menunjukkan perhitungan atau cara memperoleh nilai.",
                                                   en: "Words that show a computation or how the value is obtained.")),
                RuleParameter(name: "computation_marks", defaultValue: "[/, x, ×, *, +, =, %, ÷]",
                              description: Message(id: "Tanda operasi hitung (satu karakter atau kata).",
                                                   en: "Operator marks (one character or word).")),
            ],
            triggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | No | Sasaran | Indikator | Formula Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya akuntabilitas kinerja | Nilai LAKIP Kecamatan | Nilai Lakip dari Pemerintah Daerah | Sekretaris |
                    | 2 | Meningkatnya pemeliharaan gedung | Jumlah gedung kantor yang dipelihara | | Kasubbag Umum |
                    """, caption: "A source named instead of a formula, and an empty formula", kind: .iku),
                RuleExample("""
                    | No | Kinerja Utama | Indikator Kinerja Utama | Sumber Data | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | Survei kepuasan | Camat |
                    """, caption: "An IKU table with no formula column", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Tahun 2024-2026

                    | No | Sasaran | Indikator | Formula Perhitungan | Penanggung Jawab |
                    |---|---|---|---|---|
                    | 1 | Meningkatnya kualitas pelayanan publik | Nilai IKM | IKM unit pelayanan X 25 | Seksi Pelayanan Umum |
                    | 2 | Meningkatnya akuntabilitas kinerja | Nilai AKIP | Hasil evaluasi AKIP oleh Inspektorat | Sekretaris |
                    | 3 | Meningkatnya tertib administrasi desa | Persentase desa tertib administrasi | Jumlah desa tertib dibagi jumlah desa dikali 100% | Seksi Pemerintahan |
                    """, caption: "Formulas that compute, and a value obtained by an assessment", kind: .iku),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let computation = FormulaText.Computation(context)
        let tables = IndicatorTable.all(in: context.document)
        let ikuTables = Set(IndicatorTable.ikuTables(tables, kind: context.document.subject.kind)
            .compactMap(\.logical.physicalTables.first))
        let explained = IndicatorTable.covered(in: tables) { FormulaText.column(of: $0, computation: computation) }
        var findings: [Finding] = []
        for table in tables {
            guard let column = FormulaText.column(of: table, computation: computation) else {
                guard let first = table.logical.physicalTables.first, ikuTables.contains(first) else { continue }
                // Complete when another table (a definisi operasional table) gives each indicator's formula.
                let count = table.rows.count { !explained.contains(IndicatorWords.key($0.indicator)) }
                guard count > 0 else { continue }
                findings.append(context.finding(
                    Message(id: "Tabel IKU tidak memiliki kolom formula perhitungan: \(count) indikator tanpa cara menghitungnya.",
                            en: "The IKU table has no formula column: \(count) indicators without a way to compute them."),
                    at: table.headerLocation, evidence: table.headerEvidence))
                continue
            }
            for row in table.rows {
                let text = row[column]
                if IndicatorWords.isBlank(text) {
                    findings.append(context.finding(
                        Message(id: "Indikator \"\(row.indicator)\" tidak memiliki formula perhitungan.",
                                en: "Indicator \"\(row.indicator)\" has no formula."),
                        at: row.location(column: column), evidence: row.indicator))
                } else if !computation.isEmpty, !FormulaText(text).computes(computation) {
                    let formula = RuleText.collapsed(text)
                    findings.append(context.finding(
                        Message(id: "Formula indikator \"\(row.indicator)\" tidak menghitung apa pun: \"\(formula)\" hanya "
                                    + "menyebut sumber atau isi, tanpa operasi (dibagi, dikali, jumlah, rata-rata, /, x …).",
                                en: "The formula of indicator \"\(row.indicator)\" computes nothing: \"\(formula)\" only names "
                                    + "a source or content, with no operation (dibagi, dikali, jumlah, rata-rata, /, x …)."),
                        at: row.location(column: column), evidence: formula))
                }
            }
        }
        return findings
    }
}

// MARK: - Formula text (shared with formula-unit-mismatch)

/// A formula cell as tokens: words (lower-cased), numbers (whole values without decimals: "100,00" → "100")
/// and single marks ("/", "×", "%", "(") in order, so "x100%" reads as "x", "100", "%".
struct FormulaText {
    /// What makes a formula compute: the rule's word lists, read once per run.
    struct Computation {
        let words: [[String]]
        let marks: Set<String>

        /// No lists: a rule set without this rule's entry; then nothing can be said to compute.
        var isEmpty: Bool { words.isEmpty && marks.isEmpty }

        init(_ context: RuleContext) {
            words = RuleText.phrases(context.words("computation_words"))
            marks = Set(context.words("computation_marks").compactMap { mark in
                let tokens = FormulaText.tokens(mark.lowercased())
                return tokens.count == 1 ? tokens[0] : nil
            })
        }
    }

    let tokens: [String]
    /// The tokens that are words or numbers.
    let words: [String]

    init(_ text: String) {
        tokens = Self.tokens(text)
        words = tokens.filter { $0.first.map { $0.isLetter || $0.isNumber } ?? false }
    }

    func computes(_ computation: Computation) -> Bool {
        tokens.contains { computation.marks.contains($0) } || IndicatorWords.find(any: computation.words, in: words) != nil
    }

    /// Whether a sequence of tokens occurs ("x", "100"), for each phrase of the list as `tokens(_:)` reads it.
    func contains(anyOf phrases: [[String]]) -> Bool {
        phrases.contains { IndicatorWords.find($0, in: tokens) != nil }
    }

    /// The column that says how a table's indicators are computed: its formula column, else a definisi
    /// operasional / penjelasan column whose cells mostly hold formulas (PER/09 puts the formula there).
    static func column(of table: IndicatorTable, computation: Computation) -> Int? {
        if let formula = table.logical.column(.formula) { return formula.index }
        guard let definition = table.logical.column(.definisiOperasional) else { return nil }
        let cells = table.rows.map { $0[definition.index] }.filter { !IndicatorWords.isBlank($0) }
        let computing = cells.count { FormulaText($0).computes(computation) }
        return !cells.isEmpty && computing * 2 >= cells.count ? definition.index : nil
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isLetter {
                var word = ""
                while index < characters.count, characters[index].isLetter {
                    word += characters[index].lowercased()
                    index += 1
                }
                tokens.append(word)
            } else if character.isNumber {
                var number = ""
                while index < characters.count, characters[index].isNumber
                        || ((characters[index] == "." || characters[index] == ",") && index + 1 < characters.count
                            && characters[index + 1].isNumber) {
                    number.append(characters[index])
                    index += 1
                }
                tokens.append(canonical(number))
            } else {
                if !character.isWhitespace { tokens.append(String(character)) }
                index += 1
            }
        }
        return tokens
    }

    /// "100,00" and "100" are the same factor.
    private static func canonical(_ number: String) -> String {
        guard let parsed = IndonesianNumber.parse(number) else { return number }
        let value = parsed.value
        guard value == value.rounded(), abs(value) < 1e15 else { return number }
        return String(Int64(value))
    }
}
