import Lint

/// `narrative-mismatch`: numbers in prose that contradict each other or the table they describe.
///
/// LKjIP prose restates each measurement: "target 30 lembar dengan realisasi 6 lembar atau capaian
/// 23,33%", "sebanyak 7 orang dari target 8 orang (persen capaian 114,29%)", "pagu … sebesar Rp X dan
/// terealisasi sebesar Rp Y … persentase capaiannya sebesar Z%". The rule reads such statements as
/// (target, realisasi, capaian) triples and checks capaian = realisasi ÷ target × 100 with the same
/// tolerance as `capaian-mismatch`. A triple is only formed when each number follows its own keyword
/// closely and the three parts follow each other closely, so ordinary prose with several numbers is
/// left alone. When a triple agrees with itself but a table next to the paragraph gives the same target
/// with another realisasi (or capaian) for the same indicator, that is reported too.
public struct NarrativeMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "narrative-mismatch",
            title: Message(id: "Angka dalam uraian bertentangan", en: "Numbers in prose contradict each other or the tables"),
            description: Message(
                id: "Kalimat yang menyebut target, realisasi dan capaian harus konsisten: capaian = realisasi ÷ target × 100, "
                    + "dan angkanya sama dengan tabel yang diuraikan.",
                en: "A sentence that states target, realisasi and capaian must be consistent: capaian = realisasi ÷ target "
                    + "× 100, and its numbers must match the table it describes."),
            rationale: Message(
                id: "Analisis capaian kinerja dalam LKjIP menguraikan angka pengukuran kinerja (PermenPAN-RB 53/2014, BAB III); "
                    + "uraian yang berbeda dengan perhitungannya sendiri atau dengan tabelnya membuat laporan tidak dapat "
                    + "dipercaya dan menurunkan nilai evaluasi AKIP (PermenPAN-RB 88/2021).",
                en: "The LKjIP's analysis of achievement restates the measured numbers (PermenPAN-RB 53/2014, chapter III); "
                    + "prose that disagrees with its own arithmetic or with its table makes the report unreliable and "
                    + "lowers the AKIP evaluation (PermenPAN-RB 88/2021)."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "target_words", defaultValue: "[target, pagu anggaran, …]",
                              description: Message(id: "Kata yang memperkenalkan target (atau pagu).",
                                                   en: "Words that introduce the target (or budget ceiling).")),
                RuleParameter(name: "realisasi_words", defaultValue: "[realisasi, terealisasi, …]",
                              description: Message(id: "Kata yang memperkenalkan realisasi (termasuk salah ketik yang umum).",
                                                   en: "Words that introduce the realisasi (common misspellings included).")),
                RuleParameter(name: "capaian_words", defaultValue: "[capaian, persen capaian, …]",
                              description: Message(id: "Kata yang memperkenalkan capaian (persentase).",
                                                   en: "Words that introduce the capaian (a percentage).")),
                RuleParameter(name: "label_words", defaultValue: "[sasaran, tabel, …]",
                              description: Message(id: "Kata sebelum nomor urut yang bukan nilai (\"sasaran 2\").",
                                                   en: "Words before an ordinal that is not a value (\"sasaran 2\").")),
                RuleParameter(name: "max_keyword_gap", defaultValue: "20",
                              description: Message(id: "Jumlah kata terbanyak antara kata kunci dan angkanya.",
                                                   en: "Most words between a keyword and its number.")),
                RuleParameter(name: "max_link_gap", defaultValue: "6",
                              description: Message(id: "Jumlah kata terbanyak antara satu bagian triple dan bagian berikutnya.",
                                                   en: "Most words between one part of a triple and the next.")),
                RuleParameter(name: "tolerance.extra", defaultValue: "0",
                              description: Message(id: "Kelonggaran tambahan di atas pembulatan angka yang ditulis (terms).",
                                                   en: "Extra tolerance on top of the rounding of the number written (terms).")),
                RuleParameter(name: "polarity.negative", defaultValue: "(terms)",
                              description: Message(id: "Kata polaritas negatif; bila ada di paragraf, rumus negatif juga diterima.",
                                                   en: "Negative-polarity words; when the paragraph has one, the negative formulas are accepted too.")),
                RuleParameter(name: "check_tables", defaultValue: "true",
                              description: Message(id: "Bandingkan juga dengan baris tabel di dekat paragraf untuk indikator yang sama.",
                                                   en: "Also compare with the table row next to the paragraph for the same indicator.")),
            ],
            triggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Adapun target pada tahun 2023 yakni 30 lembar dengan realisasi 6 lembar atau capaian 23,33%.
                    """, caption: "6 ÷ 30 × 100 = 20, not 23,33", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Realisasi indikator kinerja untuk tahun 2023 sebanyak 7 orang dari target 8 orang (persen capaian 114,29%).
                    """, caption: "7 ÷ 8 × 100 = 87,5", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Pagu anggaran tahun 2023 sebesar Rp 3.813.748.600 dan terealisasi sebesar Rp 3.668.505.868 atau 94,19%.
                    """, caption: "3.668.505.868 ÷ 3.813.748.600 × 100 = 96,19", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Pada tahun 2023 target 78,5 dengan realisasi 84,05 atau capaian 107%. Target Kinerja untuk kegiatan \
                    penyediaan gaji dan tunjangan ASN adalah 22 orang dengan realisasi 20 Orang. Sehingga Capaian Kinerja \
                    adalah 90,90%.
                    """, caption: "107 for 107,07; 90,90 for 90,909 (cut off)", kind: .lakip),
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Tahun 2023

                    Target 100% dengan realisasi 114,5%. Kegiatan ini dihitung dengan formulasi : Jumlah capaian kinerja \
                    sub kegiatan dibagi jumlah sub kegiatan × 100% = 114,5%. Dari 171 orang ini terdiri dari 70 perempuan \
                    dan 101 laki-laki, dari 18 desa pada tahun 2023.
                    """, caption: "A formula and ordinary numbers are no triple", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let scanner = AchievementProse(context: context)
        let extra = max(0, context.number("tolerance.extra", default: 0))
        let negativeWords = RuleText.phrases(context.words("polarity.negative"))
        let checkTables = context.flag("check_tables", default: true)
        let nearby = checkTables ? NearbyTables(document: context.document) : nil
        var findings: [Finding] = []
        for passage in AchievementPassage.passages(of: context.document) {
            // Most paragraphs name no target at all: skip them before the costlier tokenising.
            let words = RuleText.words(passage.text)
            guard scanner.mayHoldStatement(words) else { continue }
            let tokens = ProseToken.tokens(of: passage.text)
            let negative = negativeWords.contains { AchievementWords.contains(words, $0) }
            for triple in scanner.triples(in: tokens) {
                let paragraph = passage.paragraph(at: tokens[triple.first].range.lowerBound)
                let evidence = passage.evidence(from: tokens[triple.first].range.lowerBound,
                                                to: tokens[triple.last].range.upperBound)
                if let verdict = AchievementArithmetic.verdict(
                    target: triple.target.number, realisasi: triple.realisasi.number, capaian: triple.capaian.number,
                    negative: negative, extra: extra) {
                    let row = nearby?.row(near: paragraph, target: triple.target.number, text: passage.text)
                    findings.append(arithmeticFinding(verdict, triple: triple, row: row, context: context,
                                                      paragraph: paragraph, evidence: evidence))
                } else if let nearby, let row = nearby.row(near: paragraph, target: triple.target.number, text: passage.text),
                          row.isConsistent(extra: extra),
                          let finding = tableFinding(triple: triple, row: row, context: context, paragraph: paragraph,
                                                     evidence: evidence, extra: extra) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private func arithmeticFinding(_ verdict: AchievementVerdict, triple: AchievementTriple, row: NearbyTables.Row?,
                                   context: RuleContext, paragraph: Int, evidence: String) -> Finding {
        let target = triple.target.text
        let realisasi = triple.realisasi.text
        let written = triple.capaian.text
        let expected = AchievementNumberFormat.indonesian(verdict.expected)
        var idText: String
        var enText: String
        if verdict.negative {
            idText = "Uraian menulis capaian \(written) untuk target \(target) dan realisasi \(realisasi), padahal capaiannya "
                + "\(verdict.formulaList(.id))."
            enText = "The text gives capaian \(written) for target \(target) and realisasi \(realisasi), but the capaian is "
                + "\(verdict.formulaList(.en))."
        } else {
            idText = "Uraian menulis capaian \(written) untuk realisasi \(realisasi) dari target \(target), padahal "
                + "\(realisasi) ÷ \(target) × 100 = \(expected)."
            enText = "The text gives capaian \(written) for realisasi \(realisasi) against target \(target), but "
                + "\(realisasi) ÷ \(target) × 100 = \(expected)."
        }
        if let row, !AchievementArithmetic.same(row.realisasi, triple.realisasi.number) {
            let shown = AchievementNumberFormat.shown(row.realisasi)
            idText += " Tabel \(row.location.table ?? 0) menulis realisasi \(shown)."
            enText += " Table \(row.location.table ?? 0) gives realisasi \(shown)."
        }
        return context.finding(Message(id: idText, en: enText), at: Location(paragraph: paragraph), evidence: evidence,
                               expected: expected, actual: AchievementNumberFormat.shown(triple.capaian.number))
    }

    /// A consistent statement whose realisasi or capaian is not the table's for the same target and indicator.
    private func tableFinding(triple: AchievementTriple, row: NearbyTables.Row, context: RuleContext, paragraph: Int,
                              evidence: String, extra: Double) -> Finding? {
        let table = row.location.table ?? 0
        if !AchievementArithmetic.same(row.realisasi, triple.realisasi.number) {
            let shown = AchievementNumberFormat.shown(row.realisasi)
            return context.finding(
                Message(id: "Uraian menulis realisasi \(triple.realisasi.text) (target \(triple.target.text)), sedangkan "
                            + "tabel \(table) baris \(row.location.row ?? 0) menulis realisasi \(shown).",
                        en: "The text gives realisasi \(triple.realisasi.text) (target \(triple.target.text)), while table "
                            + "\(table) row \(row.location.row ?? 0) gives realisasi \(shown)."),
                at: Location(paragraph: paragraph), evidence: evidence, expected: shown,
                actual: AchievementNumberFormat.shown(triple.realisasi.number))
        }
        if let capaian = row.capaian, !AchievementArithmetic.agrees(triple.capaian.number, with: capaian.value, extra: extra),
           !AchievementArithmetic.agrees(capaian, with: triple.capaian.number.value, extra: extra) {
            let shown = AchievementNumberFormat.shown(capaian)
            return context.finding(
                Message(id: "Uraian menulis capaian \(triple.capaian.text), sedangkan tabel \(table) baris "
                            + "\(row.location.row ?? 0) menulis \(shown).",
                        en: "The text gives capaian \(triple.capaian.text), while table \(table) row \(row.location.row ?? 0) "
                            + "gives \(shown)."),
                at: Location(paragraph: paragraph), evidence: evidence, expected: shown,
                actual: AchievementNumberFormat.shown(triple.capaian.number))
        }
        return nil
    }
}

extension AchievementArithmetic {
    /// Two written values for the same quantity: equal within the coarser one's rounding.
    static func same(_ a: ParsedNumber, _ b: ParsedNumber) -> Bool {
        abs(a.value - b.value) <= max(a.halfUnit, b.halfUnit) + 1e-9
    }
}

// MARK: - Passages

/// Body paragraphs joined where a page break split a sentence: a paragraph that ends without a
/// sentence mark continues into the next one when that one starts in lower case.
struct AchievementPassage {
    var text: String
    /// Paragraph numbers and where each starts in `text`.
    var starts: [(paragraph: Int, offset: String.Index)]
    /// Each paragraph's own text.
    var texts: [String]

    static func passages(of document: Document) -> [AchievementPassage] {
        var groups: [[(number: Int, text: String)]] = []
        var open = false
        for paragraph in document.paragraphs {
            guard paragraph.container == .body, !paragraph.isTOCEntry, paragraph.headingLevel == nil,
                  let number = paragraph.location.paragraph else {
                open = false
                continue
            }
            if open, let last = groups.last?.last, continues(last.text, with: paragraph.text) {
                groups[groups.count - 1].append((number, paragraph.text))
            } else {
                groups.append([(number, paragraph.text)])
            }
            open = true
        }
        return groups.map { AchievementPassage(joining: $0.map(\.number), texts: $0.map(\.text)) }
    }

    init(joining paragraphs: [Int], texts: [String]) {
        var text = ""
        var starts: [(Int, String.Index)] = []
        var offsets: [Int] = []
        for (index, part) in texts.enumerated() {
            if index > 0 { text += " " }
            offsets.append(text.utf8.count)
            text += part
        }
        for (index, offset) in offsets.enumerated() {
            starts.append((paragraphs[index], text.utf8.index(text.startIndex, offsetBy: offset)))
        }
        self.text = text
        self.starts = starts
        self.texts = texts
    }

    private static func continues(_ previous: String, with next: String) -> Bool {
        guard let last = previous.trimmingAchievementSpace.last, let first = next.trimmingAchievementSpace.first else { return false }
        return !".:;!?".contains(last) && first.isLetter && first.isLowercase
    }

    /// The paragraph holding `index`.
    func paragraph(at index: String.Index) -> Int {
        starts.last { $0.offset <= index }?.paragraph ?? starts.first?.paragraph ?? 0
    }

    /// The full text of the paragraphs a statement covers.
    func evidence(from start: String.Index, to end: String.Index) -> String {
        let first = starts.lastIndex { $0.offset <= start } ?? 0
        let last = starts.lastIndex { $0.offset < end } ?? first
        return texts[first...max(first, last)].joined(separator: " ")
    }
}

// MARK: - Tokens

struct ProseToken {
    enum Kind {
        /// A lower-cased word of letters (digits inside a word stay in it: "t2023").
        case word(String)
        case number(ParsedNumber)
        /// Digits that are not a value: a code, a malformed amount.
        case otherNumber
        case mark(Character)
        /// A full stop that ends a sentence (followed by a capital, or the end).
        case sentenceEnd
    }
    var kind: Kind
    var range: Range<String.Index>

    var word: String? { if case .word(let word) = kind { word } else { nil } }
    var number: ParsedNumber? { if case .number(let number) = kind { number } else { nil } }

    static func tokens(of text: String) -> [ProseToken] {
        var numbers = IndonesianNumber.numbers(in: text)[...]
        var tokens: [ProseToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            if let next = numbers.first, next.range.lowerBound <= index {
                numbers.removeFirst()
                if next.range.lowerBound < index { continue }  // overlapped by a word; cannot happen, but stay safe
                if case .number(let parsed) = next.reading {
                    tokens.append(ProseToken(kind: .number(parsed), range: next.range))
                } else {
                    tokens.append(ProseToken(kind: .otherNumber, range: next.range))
                }
                index = next.range.upperBound
                continue
            }
            let character = text[index]
            let stop = numbers.first?.range.lowerBound ?? text.endIndex
            if character.isLetter {
                var end = text.index(after: index)
                while end < stop, text[end].isLetter || text[end].isNumber { end = text.index(after: end) }
                tokens.append(ProseToken(kind: .word(text[index..<end].lowercased()), range: index..<end))
                index = end
                continue
            }
            let after = text.index(after: index)
            if character == "." {
                var look = after
                while look < text.endIndex, text[look].isWhitespace { look = text.index(after: look) }
                let endsSentence = look == text.endIndex
                    || (look > after && (text[look].isUppercase || !text[look].isLetter && !text[look].isNumber))
                tokens.append(ProseToken(kind: endsSentence ? .sentenceEnd : .mark("."), range: index..<after))
            } else if !character.isWhitespace {
                tokens.append(ProseToken(kind: .mark(character), range: index..<after))
            }
            index = after
        }
        return tokens
    }
}

// MARK: - Triples

/// One value of a statement: the number and how it was written.
struct AchievementSlot {
    enum Role { case target, realisasi, capaian }
    var role: Role
    var number: ParsedNumber
    var text: String
    /// Token indices: where the keyword starts, where the value stands.
    var keyword: Int
    var value: Int
}

struct AchievementTriple {
    var target: AchievementSlot
    var realisasi: AchievementSlot
    var capaian: AchievementSlot
    var first: Int { min(target.keyword, realisasi.keyword, capaian.keyword) }
    var last: Int { max(target.value, realisasi.value, capaian.value) }
}

/// Reads (target, realisasi, capaian) statements from prose, strictly: each keyword takes the first
/// plausible number after it (years, ordinals after "sasaran", and for capaian anything
/// but a percentage are passed over) within `max_keyword_gap` words and before any other keyword,
/// colon, equals or times sign; the parts of one statement follow each other within `max_link_gap`
/// words. Formulas ("… × 100% = 114,5%") therefore never form a triple.
struct AchievementProse {
    let keywords: [(phrase: [String], role: AchievementSlot.Role)]
    let labelWords: Set<String>
    let maxKeywordGap: Int
    let maxLinkGap: Int

    init(context: RuleContext) {
        func list(_ key: String) -> [[String]] { RuleText.phrases(context.words(key)) }
        var keywords: [(phrase: [String], role: AchievementSlot.Role)] = []
        keywords += list("target_words").map { ($0, .target) }
        keywords += list("realisasi_words").map { ($0, .realisasi) }
        keywords += list("capaian_words").map { ($0, .capaian) }
        // Longest phrase first, so "realisasi anggaran" wins over "realisasi".
        self.keywords = keywords.sorted { $0.phrase.count > $1.phrase.count }
        labelWords = Set(context.words("label_words").flatMap(RuleText.words))
        maxKeywordGap = Int(context.number("max_keyword_gap", default: 20))
        maxLinkGap = Int(context.number("max_link_gap", default: 6))
    }

    /// Whether the words hold a keyword of each role: a statement needs all three (the capaian may be
    /// a bare "atau Z%", so only target and realisasi are required).
    func mayHoldStatement(_ words: [String]) -> Bool {
        let present = Set(words)
        func has(_ role: AchievementSlot.Role) -> Bool {
            keywords.contains { $0.role == role && present.contains($0.phrase[0]) }
        }
        return has(.target) && has(.realisasi)
    }

    /// Keyword matches: token index → (end index exclusive, role). A target keyword directly followed by a
    /// capaian keyword ("target capaian") is one target keyword.
    func keywordMatches(in tokens: [ProseToken]) -> [Int: (end: Int, role: AchievementSlot.Role)] {
        var matches: [Int: (end: Int, role: AchievementSlot.Role)] = [:]
        var index = 0
        while index < tokens.count {
            guard let (end, role) = keyword(at: index, in: tokens) else {
                index += 1
                continue
            }
            var stop = end
            if role == .target, let (afterEnd, next) = keyword(at: end, in: tokens), next == .capaian { stop = afterEnd }
            matches[index] = (stop, role)
            index = stop
        }
        return matches
    }

    private func keyword(at index: Int, in tokens: [ProseToken]) -> (Int, AchievementSlot.Role)? {
        guard index < tokens.count, tokens[index].word != nil else { return nil }
        for (phrase, role) in keywords where index + phrase.count <= tokens.count {
            var matched = true
            for (offset, word) in phrase.enumerated() where tokens[index + offset].word != word {
                matched = false
                break
            }
            if matched { return (index + phrase.count, role) }
        }
        return nil
    }

    func slots(in tokens: [ProseToken]) -> [AchievementSlot] {
        let matches = keywordMatches(in: tokens)
        var slots: [AchievementSlot] = []
        for start in matches.keys.sorted() {
            guard let match = matches[start] else { continue }
            if let slot = value(after: match.end, keyword: start, role: match.role, tokens: tokens, matches: matches) {
                slots.append(slot)
            }
        }
        return slots
    }

    private func value(after position: Int, keyword: Int, role: AchievementSlot.Role, tokens: [ProseToken],
                       matches: [Int: (end: Int, role: AchievementSlot.Role)]) -> AchievementSlot? {
        var words = 0
        var index = position
        while index < tokens.count {
            if matches[index] != nil { return nil }
            switch tokens[index].kind {
            case .word:
                words += 1
            case .sentenceEnd:
                return nil
            case .mark(let mark):
                if ":=×;".contains(mark) { return nil }
            case .otherNumber:
                words += 1
            case .number(let number):
                if isLabel(at: index, tokens: tokens) || (role == .capaian && !isPercent(number, at: index, tokens: tokens)) {
                    words += 1
                } else {
                    return AchievementSlot(role: role, number: number, text: AchievementProse.written(number),
                                           keyword: keyword, value: index)
                }
            }
            if words > maxKeywordGap { return nil }
            index += 1
        }
        return nil
    }

    /// A number as the prose wrote it, in the Indonesian form: "23,33%", "Rp 3.668.505.868".
    static func written(_ number: ParsedNumber) -> String {
        let shown = AchievementNumberFormat.shown(number)
        if number.isPercent { return shown + "%" }
        if number.isCurrency { return "Rp " + shown }
        return shown
    }

    /// "23,33%" or "23,33 persen".
    private func isPercent(_ number: ParsedNumber, at index: Int, tokens: [ProseToken]) -> Bool {
        number.isPercent || (index + 1 < tokens.count && ["persen", "prosen"].contains(tokens[index + 1].word ?? ""))
    }

    /// A year ("2023"), a range member ("3,53-4,00") or an ordinal after "sasaran" / "tabel": no value.
    func isLabel(at index: Int, tokens: [ProseToken]) -> Bool {
        guard let number = tokens[index].number else { return true }
        let plainInteger = number.decimals == 0 && !number.isPercent && !number.isCurrency && number.thousandsSeparator == nil
        var back = index - 1
        while back >= 0, case .mark(let mark) = tokens[back].kind, "-.–(".contains(mark) { back -= 1 }
        let previous = back >= 0 ? tokens[back].word : nil
        if !number.isPercent, !number.isCurrency, let previous, labelWords.contains(previous) { return true }  // "tabel 3.10"
        // A member of a range ("3,53-4,00", "2021 – 2026") bounds an interval; it is no single value.
        func isDash(_ token: ProseToken) -> Bool {
            if case .mark(let mark) = token.kind { return "-–—".contains(mark) }
            return false
        }
        if index + 2 < tokens.count, isDash(tokens[index + 1]), tokens[index + 2].number != nil { return true }
        if index >= 2, isDash(tokens[index - 1]), tokens[index - 2].number != nil { return true }
        // A four-digit year written without a thousands separator ("target 2023 sebesar 80"): amounts of
        // that size are written "2.023".
        return plainInteger && (1945...2100).contains(number.mantissa)
    }

    /// Statements in order. Parts join while each follows the previous within `max_link_gap` words (one
    /// sentence end allowed, no colon, equals or times sign); a part whose role is already taken starts a
    /// new statement. "… realisasi Rp Y atau Z%" takes Z as the capaian.
    func triples(in tokens: [ProseToken]) -> [AchievementTriple] {
        var slots = slots(in: tokens)
        slots.append(contentsOf: orCapaian(after: slots, tokens: tokens))
        slots.sort { $0.keyword < $1.keyword }
        var triples: [AchievementTriple] = []
        var current: [AchievementSlot.Role: AchievementSlot] = [:]
        var previous: AchievementSlot?
        for slot in slots {
            if let last = previous, !linked(from: last.value, to: slot.keyword, tokens: tokens) { current = [:] }
            if current[slot.role] != nil { current = [:] }
            current[slot.role] = slot
            previous = slot
            if let target = current[.target], let realisasi = current[.realisasi], let capaian = current[.capaian] {
                triples.append(AchievementTriple(target: target, realisasi: realisasi, capaian: capaian))
                current = [:]
                previous = nil
            }
        }
        return triples
    }

    /// "realisasi sebesar Rp 3.668.505.868 atau 96,19%": the percentage right after "atau" is the capaian.
    private func orCapaian(after slots: [AchievementSlot], tokens: [ProseToken]) -> [AchievementSlot] {
        var found: [AchievementSlot] = []
        for slot in slots where slot.role == .realisasi {
            var index = slot.value + 1
            if index < tokens.count, tokens[index].word != nil, tokens[index].word != "atau" { index += 1 }  // a unit
            guard index + 1 < tokens.count, tokens[index].word == "atau", let number = tokens[index + 1].number,
                  number.isPercent, !slots.contains(where: { $0.keyword == index }) else { continue }
            found.append(AchievementSlot(role: .capaian, number: number, text: AchievementProse.written(number),
                                         keyword: index, value: index + 1))
        }
        return found
    }

    private func linked(from end: Int, to start: Int, tokens: [ProseToken]) -> Bool {
        guard start > end else { return false }
        var words = 0
        var sentences = 0
        for token in tokens[(end + 1)..<start] {
            switch token.kind {
            case .word, .number, .otherNumber: words += 1
            case .sentenceEnd: sentences += 1
            case .mark(let mark): if ":=×;".contains(mark) { return false }
            }
        }
        return words <= maxLinkGap && sentences <= 1
    }
}

// MARK: - Tables next to a paragraph

/// Rows of target / realisasi / capaian tables, found by the paragraph they stand near.
struct NearbyTables {
    struct Row {
        var location: Location
        var target: ParsedNumber
        var realisasi: ParsedNumber
        var capaian: ParsedNumber?
        /// The words of each text column (indicator, sub kegiatan name …), long words only.
        var words: [Set<String>]

        /// The row agrees with itself (or has no capaian). A row that does not is `capaian-mismatch`'s
        /// finding: the prose is then not compared with it, so one error is not reported twice.
        func isConsistent(extra: Double) -> Bool {
            guard let capaian else { return true }
            return AchievementArithmetic.verdict(target: target, realisasi: realisasi, capaian: capaian, negative: true,
                                                 extra: extra) == nil
        }
    }

    /// For each top-level table number, the paragraph count before it.
    private var tablesByPosition: [(paragraphsBefore: Int, rows: [Row])] = []
    /// Non-empty body paragraphs up to each paragraph number: distances skip blank lines.
    private var filledUpTo: [Int] = [0]
    /// `filled(paragraphsBefore)` of each table, in the same (ascending) order, for a binary search.
    private var filledBefore: [Int] = []

    init(document: Document) {
        for paragraph in document.paragraphs {
            guard let number = paragraph.location.paragraph, number >= filledUpTo.count else { continue }
            let last = filledUpTo[filledUpTo.count - 1]
            while filledUpTo.count < number { filledUpTo.append(last) }
            filledUpTo.append(last + (paragraph.text.trimmingAchievementSpace.isEmpty ? 0 : 1))
        }
        var before: [Int: Int] = [:]
        for table in document.tables { before[table.index] = table.paragraphsBefore }
        for table in document.logicalTables {
            let groups = CapaianColumns.groups(table.columns.map { ($0.index, $0.role) })
            guard let group = groups.first, groups.count == 1 else { continue }
            let textColumns = table.columns.filter {
                [.indikator, .subKegiatan, .kegiatan, .program, .uraian, .sasaran].contains($0.role)
            }.map(\.index)
            var byTable: [Int: [Row]] = [:]
            for row in table.rows {
                guard let target = IndonesianNumber.parse(row[group.target]),
                      let realisasi = IndonesianNumber.parse(row[group.realisasi]),
                      let physical = row.location.table else { continue }
                let words = textColumns.map { Set(RuleText.words(row[$0]).filter { $0.count > 3 }) }.filter { !$0.isEmpty }
                byTable[physical, default: []].append(Row(location: row.location, target: target, realisasi: realisasi,
                                                          capaian: IndonesianNumber.parse(row[group.capaian]), words: words))
            }
            for (physical, rows) in byTable {
                tablesByPosition.append((before[physical] ?? 0, rows))
            }
        }
        tablesByPosition.sort { $0.paragraphsBefore < $1.paragraphsBefore }
        filledBefore = tablesByPosition.map { filled($0.paragraphsBefore) }
    }

    private func filled(_ paragraph: Int) -> Int {
        filledUpTo[max(0, min(paragraph, filledUpTo.count - 1))]
    }

    /// The one row of a table standing within two non-blank paragraphs of `paragraph` that has the same
    /// target and whose indicator words mostly occur in `text`.
    func row(near paragraph: Int, target: ParsedNumber, text: String) -> Row? {
        let textWords = Set(RuleText.words(text))
        let here = filled(paragraph)
        // The first table at most two filled paragraphs before, by binary search; then forward.
        var low = 0
        var high = filledBefore.count
        while low < high {
            let middle = (low + high) / 2
            if filledBefore[middle] < here - 2 { low = middle + 1 } else { high = middle }
        }
        var candidates: [Row] = []
        for (index, table) in tablesByPosition.enumerated().dropFirst(low) {
            if filledBefore[index] > here + 2 { break }
            for row in table.rows where AchievementArithmetic.same(row.target, target) && !row.words.isEmpty {
                let named = row.words.contains { words in
                    Double(words.intersection(textWords).count) >= 0.7 * Double(words.count)
                }
                if named { candidates.append(row) }
            }
        }
        return candidates.count == 1 ? candidates.first : nil
    }
}
