import Lint

/// `ikm-category`: an IKM value described with a category the PermenPAN-RB 14/2017 scale does not give it.
///
/// The converted IKM (25–100) has one mutu pelayanan and one kinerja unit pelayanan per interval (the
/// rule set's `categories`). Prose such as "… Indeks Kepuasan Masyarakat … realisasi 84,05 … kategori
/// Sangat Baik" and tables with an IKM value column and a mutu / kinerja column are checked. A table
/// that prints the scale itself (rows of intervals) is no finding unless its intervals are not the
/// rule set's: then one note (severity info at most) says the scale is out of date, since an author who
/// prints the 2004 scale (81,26–100 = A) will describe an 84,05 as "Sangat Baik".
public struct IKMCategoryRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "ikm-category",
            title: Message(id: "Kategori mutu IKM tidak sesuai", en: "An IKM value is described with the wrong category"),
            description: Message(
                id: "Nilai IKM (skala konversi 25–100) harus diberi mutu pelayanan dan kinerja unit pelayanan sesuai "
                    + "interval PermenPAN-RB 14/2017: 25,00–64,99 D (Tidak Baik), 65,00–76,60 C (Kurang Baik), "
                    + "76,61–88,30 B (Baik), 88,31–100,00 A (Sangat Baik).",
                en: "An IKM value (converted scale 25–100) must carry the service quality and unit performance that the "
                    + "PermenPAN-RB 14/2017 intervals give it: 25.00–64.99 D (Tidak Baik), 65.00–76.60 C (Kurang Baik), "
                    + "76.61–88.30 B (Baik), 88.31–100.00 A (Sangat Baik)."),
            rationale: Message(
                id: "PermenPAN-RB 14/2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat menetapkan interval nilai "
                    + "konversi IKM dan mutu pelayanannya; tabel tahun 2004 (KepmenPAN 25/2004, A mulai 81,26) sudah tidak "
                    + "berlaku, sehingga nilai seperti 84,05 termasuk B (Baik), bukan A (Sangat Baik).",
                en: "PermenPAN-RB 14/2017 on community satisfaction surveys sets the converted IKM intervals and their "
                    + "service quality; the 2004 table (KepmenPAN 25/2004, A from 81.26) no longer applies, so a value "
                    + "such as 84.05 is B (Baik), not A (Sangat Baik)."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "categories", defaultValue: "(PermenPAN-RB 14/2017)",
                              description: Message(
                                id: "Interval dari yang terbaik: nilai minimum (`min`), huruf mutu (`mutu`) dan sebutannya (`labels`).",
                                en: "Intervals from the best down: lowest value (`min`), quality letter (`mutu`) and its names (`labels`).")),
                RuleParameter(name: "ikm_words", defaultValue: "[IKM, Indeks Kepuasan Masyarakat, …]",
                              description: Message(id: "Kata yang menyebut IKM dalam uraian dan judul kolom.",
                                                   en: "Words naming the IKM in prose and column headers.")),
                RuleParameter(name: "category_words", defaultValue: "[kategori, kriteria, mutu, …]",
                              description: Message(id: "Kata yang memperkenalkan kategori dalam uraian.",
                                                   en: "Words that introduce a category in prose.")),
                RuleParameter(name: "value_words", defaultValue: "[realisasi, nilai, sebesar, …]",
                              description: Message(id: "Kata yang memperkenalkan nilai IKM dalam uraian (bukan target).",
                                                   en: "Words that introduce the IKM value in prose (not the target).")),
                RuleParameter(name: "service_words", defaultValue: "[pelayanan, layanan, kepuasan]",
                              description: Message(
                                id: "Kata yang menandai bahwa kalimat kategori masih membicarakan layanan yang diukur IKM "
                                    + "kalimat sebelumnya.",
                                en: "Words showing that the category's sentence still speaks of the service the previous "
                                    + "sentence's IKM measures.")),
                RuleParameter(name: "value_headers", defaultValue: "[NILAI IKM, IKM, KONVERSI, …]",
                              description: Message(id: "Judul kolom nilai IKM.", en: "Headers of an IKM value column.")),
                RuleParameter(name: "category_headers", defaultValue: "[MUTU, KINERJA UNIT PELAYANAN, KATEGORI, …]",
                              description: Message(id: "Judul kolom mutu atau kinerja.", en: "Headers of a quality or performance column.")),
                RuleParameter(name: "report_outdated_scale", defaultValue: "true",
                              description: Message(id: "Catat (info) tabel interval IKM yang tidak sama dengan `categories`.",
                                                   en: "Note (info) an IKM interval table that differs from `categories`.")),
            ],
            triggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Indikator Indeks Kepuasan Masyarakat (IKM) target 78,5 dengan realisasi 84,05 atau capaian 107%. \
                    Hal ini menggambarkan bahwa pelayanan kepada masyarakat kategori Sangat Baik.
                    """, caption: "84,05 is B (Baik) under PermenPAN-RB 14/2017", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | Unit Layanan | Nilai IKM | Mutu Pelayanan | Kinerja Unit Pelayanan |
                    |---|---|---|---|
                    | Pelayanan Umum | 86,20 | A | Sangat Baik |
                    """, caption: "A table giving 86,20 the mutu A", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Nilai IKM sebesar 84,05 dengan kategori Baik (mutu B). Capaian sub kegiatan ini sangat baik.
                    """, caption: "84,05 is B (Baik)", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    | Nilai Interval Konversi IKM | Mutu Pelayanan | Kinerja Unit Pelayanan |
                    |---|---|---|
                    | 25,00 – 64,99 | D | Tidak Baik |
                    | 65,00 – 76,60 | C | Kurang Baik |
                    | 76,61 – 88,30 | B | Baik |
                    | 88,31 – 100,00 | A | Sangat Baik |
                    """, caption: "The scale of PermenPAN-RB 14/2017 itself", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        guard let scale = IKMScale(context: context) else { return [] }
        var findings = proseFindings(context, scale: scale)
        findings += tableFindings(context, scale: scale)
        return findings
    }

    // MARK: Prose

    private func proseFindings(_ context: RuleContext, scale: IKMScale) -> [Finding] {
        let ikmWords = RuleText.phrases(context.words("ikm_words"))
        let categoryWords = RuleText.phrases(context.words("category_words")).sorted { $0.count > $1.count }
        let valueWords = RuleText.phrases(context.words("value_words"))
        let topicWords = RuleText.phrases(context.words("service_words"))
        var findings: [Finding] = []
        for passage in AchievementPassage.passages(of: context.document) {
            // Only passages naming the IKM are tokenised.
            guard AchievementWords.containsAny(passage.text, ikmWords) else { continue }
            let tokens = ProseToken.tokens(of: passage.text)
            let ikmMentions = Self.matches(of: ikmWords, in: tokens)
            guard !ikmMentions.isEmpty else { continue }
            var reported = Set<Int>()
            for mention in categoryMentions(tokens, keywords: categoryWords, scale: scale) {
                guard let value = ikmValue(before: mention.start, tokens: tokens, ikmMentions: ikmMentions,
                                           valueWords: valueWords, topicWords: topicWords, scale: scale),
                      let band = scale.band(of: value.number.value), band != mention.band,
                      reported.insert(value.index).inserted else { continue }
                let paragraph = passage.paragraph(at: tokens[mention.start].range.lowerBound)
                let evidence = passage.evidence(from: tokens[value.index].range.lowerBound,
                                                to: tokens[mention.end - 1].range.upperBound)
                let shown = AchievementNumberFormat.shown(value.number)
                let written = String(passage.text[tokens[mention.start].range.lowerBound..<tokens[mention.end - 1].range.upperBound])
                findings.append(context.finding(
                    Message(id: "Nilai IKM \(shown) disebut \"\(written)\", padahal menurut PermenPAN-RB 14/2017 nilai itu "
                                + "bermutu \(scale.describe(band)).",
                            en: "The IKM value \(shown) is called \"\(written)\", but under PermenPAN-RB 14/2017 it is "
                                + "\(scale.describe(band))."),
                    at: Location(paragraph: paragraph), evidence: evidence, expected: scale.describe(band), actual: written))
            }
        }
        return findings
    }

    /// A category named in prose: "kategori Sangat Baik", "kriteria Sangat Puas/Sangat Baik", "mutu B".
    private struct CategoryMention {
        var start: Int
        var end: Int
        var band: Int
    }

    private func categoryMentions(_ tokens: [ProseToken], keywords: [[String]], scale: IKMScale) -> [CategoryMention] {
        var mentions: [CategoryMention] = []
        var index = 0
        while index < tokens.count {
            guard let keyword = Self.phrase(at: index, of: keywords, in: tokens) else {
                index += 1
                continue
            }
            // Keywords may follow each other ("kategori mutu pelayanan B").
            var position = index + keyword.count
            while let next = Self.phrase(at: position, of: keywords, in: tokens) { position += next.count }
            let letterAllowed = keyword.contains("mutu") || tokens[index..<position].contains { $0.word == "mutu" }
            var found: CategoryMention?
            var skipped = 0
            var look = position
            while look < tokens.count, skipped <= 1, found == nil {
                if case .mark(let mark) = tokens[look].kind, ":(\"“".contains(mark) {
                    look += 1
                    continue
                }
                if let (length, band) = scale.label(at: look, in: tokens) {
                    found = CategoryMention(start: position, end: look + length, band: band)
                } else if letterAllowed, let word = tokens[look].word, word.count == 1, let band = scale.band(ofLetter: word) {
                    found = CategoryMention(start: position, end: look + 1, band: band)
                } else if tokens[look].word != nil {
                    skipped += 1
                    look += 1
                } else {
                    break
                }
            }
            if let found {
                mentions.append(found)
                index = found.end
            } else {
                index = position
            }
        }
        return mentions
    }

    /// The IKM value a category refers to: the last value introduced by a value word ("realisasi 84,05",
    /// "nilai IKM sebesar 84,05", "IKM 84,05") before the category, in a sentence that names the IKM: the
    /// category's own sentence, or the one before when the category's sentence still speaks of the
    /// service ("Hal ini menggambarkan bahwa pelayanan … kategori Sangat Baik"). A target ("target 78,5")
    /// or a percentage is never the value.
    private func ikmValue(before end: Int, tokens: [ProseToken], ikmMentions: [Int], valueWords: [[String]],
                          topicWords: [[String]], scale: IKMScale) -> (index: Int, number: ParsedNumber)? {
        var sentences = 0
        var index = end - 1
        while index >= 0 {
            switch tokens[index].kind {
            case .sentenceEnd:
                sentences += 1
                if sentences > 1 || !sentenceSpeaksOfService(endingAfter: end, from: index + 1, tokens: tokens,
                                                             ikmMentions: ikmMentions, topicWords: topicWords) {
                    return nil
                }
            case .number(let number):
                // Years and ordinals fall outside 25–100: the scale's range alone keeps them out.
                if !number.isPercent, !number.isCurrency, scale.contains(number.value),
                   introduced(index, tokens: tokens, by: valueWords, ikmMentions: ikmMentions),
                   sentenceNamesIKM(index, tokens: tokens, ikmMentions: ikmMentions) {
                    return (index, number)
                }
            default: break
            }
            index -= 1
        }
        return nil
    }

    /// Whether tokens `start..<end` (the category's sentence up to the category) name the IKM or the service.
    private func sentenceSpeaksOfService(endingAfter end: Int, from start: Int, tokens: [ProseToken], ikmMentions: [Int],
                                         topicWords: [[String]]) -> Bool {
        if ikmMentions.contains(where: { $0 >= start && $0 < end }) { return true }
        return (start..<max(start, end)).contains { Self.phrase(at: $0, of: topicWords, in: tokens) != nil }
    }

    /// Whether a value word or an IKM word stands within three words before the number (and no other
    /// number between them).
    private func introduced(_ index: Int, tokens: [ProseToken], by valueWords: [[String]], ikmMentions: [Int]) -> Bool {
        var words = 0
        var back = index - 1
        while back >= 0, words < 3 {
            switch tokens[back].kind {
            case .number, .otherNumber, .sentenceEnd: return false
            case .mark: break
            case .word(let word):
                words += 1
                if word == "target" || word == "ditargetkan" || word == "targetnya" { return false }
                if ikmMentions.contains(back) { return true }
                if valueWords.contains(where: { $0.last == word && Self.phrase(at: back - $0.count + 1, of: [$0], in: tokens) != nil }) {
                    return true
                }
            }
            back -= 1
        }
        return false
    }

    private func sentenceNamesIKM(_ index: Int, tokens: [ProseToken], ikmMentions: [Int]) -> Bool {
        var start = index
        while start > 0, !isSentenceEnd(tokens[start - 1]) { start -= 1 }
        return ikmMentions.contains { $0 >= start && $0 < index }
    }

    private func isSentenceEnd(_ token: ProseToken) -> Bool {
        if case .sentenceEnd = token.kind { return true }
        return false
    }

    // MARK: Tables

    private func tableFindings(_ context: RuleContext, scale: IKMScale) -> [Finding] {
        let valueHeaders = RuleText.phrases(context.words("value_headers"))
        let categoryHeaders = RuleText.phrases(context.words("category_headers"))
        let reportOutdated = context.flag("report_outdated_scale", default: true)
        var findings: [Finding] = []
        for table in context.document.logicalTables {
            let categoryColumns = table.columns.filter { AchievementWords.containsAny($0.header, categoryHeaders) }.map(\.index)
            // A target ("Target IKM") or a percentage is not the measured value the category describes.
            let notValues: [ColumnRole] = [.target, .kondisiAwal, .kondisiAkhir, .capaian, .persentase]
            let valueColumns = table.columns.filter {
                AchievementWords.containsAny($0.header, valueHeaders) && !categoryColumns.contains($0.index)
                    && !notValues.contains($0.role ?? .uraian)
            }.map(\.index)
            guard !categoryColumns.isEmpty, !valueColumns.isEmpty else { continue }
            // The value column whose cells hold converted values or intervals of them.
            guard let valueColumn = valueColumns.max(by: { convertedCells(table, $0, scale) < convertedCells(table, $1, scale) }),
                  convertedCells(table, valueColumn, scale) > 0 else { continue }
            var outdatedReported = false
            for row in table.rows {
                let cell = row[valueColumn]
                guard let (columnIndex, band, written) = category(of: row, columns: categoryColumns, scale: scale) else { continue }
                if let interval = Self.interval(cell) {
                    guard reportOutdated, !outdatedReported, !scale.matches(interval: interval, band: band) else { continue }
                    outdatedReported = true
                    var location = row.location
                    location.column = valueColumn
                    findings.append(context.finding(
                        Message(id: "Tabel interval IKM ini tidak sama dengan PermenPAN-RB 14/2017 (\(written): "
                                    + "\(cell.trimmingAchievementSpace)); interval yang berlaku: \(scale.summary).",
                                en: "This IKM interval table differs from PermenPAN-RB 14/2017 (\(written): "
                                    + "\(cell.trimmingAchievementSpace)); the intervals in force: \(scale.summary)."),
                        at: location, evidence: cell, expected: scale.intervalText(band), actual: cell.trimmingAchievementSpace,
                        severity: min(context.severity, .info)))
                } else if let value = IndonesianNumber.parse(cell), scale.contains(value.value),
                          let expected = scale.band(of: value.value), expected != band {
                    var location = row.location
                    location.column = columnIndex
                    let shown = AchievementNumberFormat.shown(value)
                    findings.append(context.finding(
                        Message(id: "Nilai IKM \(shown) diberi \"\(written)\", padahal menurut PermenPAN-RB 14/2017 nilai itu "
                                    + "bermutu \(scale.describe(expected)).",
                                en: "The IKM value \(shown) is given \"\(written)\", but under PermenPAN-RB 14/2017 it is "
                                    + "\(scale.describe(expected))."),
                        at: location, evidence: row[columnIndex], expected: scale.describe(expected), actual: written))
                }
            }
        }
        return findings
    }

    /// How many cells of a column hold a converted IKM value or interval.
    private func convertedCells(_ table: LogicalTable, _ column: Int, _ scale: IKMScale) -> Int {
        table.rows.count { row in
            if let interval = Self.interval(row[column]) { return scale.contains(interval.high) }
            if let value = IndonesianNumber.parse(row[column]) { return scale.contains(value.value) }
            return false
        }
    }

    /// The first category cell of the row that names a band: a label or a mutu letter.
    private func category(of row: LogicalRow, columns: [Int], scale: IKMScale) -> (Int, Int, String)? {
        for column in columns {
            let text = row[column].trimmingAchievementSpace
            let tokens = ProseToken.tokens(of: text)
            if tokens.count == 1, let word = tokens[0].word, word.count == 1, let band = scale.band(ofLetter: word) {
                return (column, band, text)
            }
            if let first = tokens.indices.first(where: { tokens[$0].word != nil }), let (_, band) = scale.label(at: first, in: tokens) {
                return (column, band, text)
            }
        }
        return nil
    }

    /// "25-43,75", "76,61 – 88,30": two numbers joined by a dash.
    static func interval(_ text: String) -> (low: Double, high: Double)? {
        let found = IndonesianNumber.numbers(in: text)
        guard found.count == 2, case .number(let low) = found[0].reading, case .number(let high) = found[1].reading else { return nil }
        let between = String(text[found[0].range.upperBound..<found[1].range.lowerBound]).trimmingAchievementSpace
        guard ["-", "–", "—", "s/d", "s.d.", "s.d", "sampai", "hingga"].contains(between.lowercased()) else { return nil }
        return (low.value, high.value)
    }

    // MARK: Phrases over tokens

    static func phrase(at index: Int, of phrases: [[String]], in tokens: [ProseToken]) -> [String]? {
        guard index >= 0 else { return nil }
        for phrase in phrases where index + phrase.count <= tokens.count {
            if phrase.indices.allSatisfy({ tokens[index + $0].word == phrase[$0] }) { return phrase }
        }
        return nil
    }

    /// Token indices where one of the phrases starts.
    static func matches(of phrases: [[String]], in tokens: [ProseToken]) -> [Int] {
        tokens.indices.filter { phrase(at: $0, of: phrases, in: tokens) != nil }
    }
}

/// The IKM categories of the rule set, best first.
struct IKMScale {
    struct Band {
        var minimum: Double
        var letter: String
        var labels: [[String]]
        var names: [String]
    }
    var bands: [Band]
    /// Labels of every band, longest first, for matching.
    private var labels: [(words: [String], band: Int)]

    init?(context: RuleContext) {
        guard let list = context.parameters["categories"], case .list(let items) = list else { return nil }
        var bands: [Band] = []
        for item in items {
            guard let map = item.map, let minimum = map["min"]?.number else { continue }
            let names = map["labels"]?.strings ?? []
            bands.append(Band(minimum: minimum, letter: (map["mutu"]?.string ?? "").lowercased(),
                              labels: RuleText.phrases(names), names: names))
        }
        bands.sort { $0.minimum > $1.minimum }
        guard !bands.isEmpty else { return nil }
        self.bands = bands
        labels = bands.enumerated().flatMap { index, band in band.labels.map { ($0, index) } }
            .sorted { $0.words.count > $1.words.count }
    }

    /// The converted scale's range: the lowest band's minimum to 100.
    func contains(_ value: Double) -> Bool {
        guard let lowest = bands.last?.minimum else { return false }
        return value >= lowest && value <= 100
    }

    func band(of value: Double) -> Int? {
        guard contains(value) else { return nil }
        // Values are compared as written with two decimals: 88,305 is not yet 88,31.
        let rounded = (value * 100).rounded() / 100
        return bands.firstIndex { rounded >= $0.minimum - 1e-9 }
    }

    func band(ofLetter letter: String) -> Int? {
        bands.firstIndex { !$0.letter.isEmpty && $0.letter == letter }
    }

    /// A label starting at `index`: its length in tokens and its band.
    func label(at index: Int, in tokens: [ProseToken]) -> (Int, Int)? {
        for (words, band) in labels where index + words.count <= tokens.count {
            if words.indices.allSatisfy({ tokens[index + $0].word == words[$0] }) { return (words.count, band) }
        }
        return nil
    }

    /// Whether an interval printed for `band` is the rule set's ("76,61 – 88,30" for B).
    func matches(interval: (low: Double, high: Double), band: Int) -> Bool {
        let low = bands[band].minimum
        let high = band == 0 ? 100 : bands[band - 1].minimum - 0.01
        return abs(interval.low - low) < 0.006 && abs(interval.high - high) < 0.006
    }

    func intervalText(_ band: Int) -> String {
        let high = band == 0 ? 100 : bands[band - 1].minimum - 0.01
        return AchievementNumberFormat.indonesian(bands[band].minimum) + "–" + AchievementNumberFormat.indonesian(high)
    }

    /// "B (Baik)".
    func describe(_ band: Int) -> String {
        let name = bands[band].names.first ?? ""
        let letter = bands[band].letter.uppercased()
        if letter.isEmpty { return name }
        return name.isEmpty ? letter : "\(letter) (\(name))"
    }

    var summary: String {
        bands.indices.reversed().map { "\(intervalText($0)) \(describe($0))" }.joined(separator: "; ")
    }
}
