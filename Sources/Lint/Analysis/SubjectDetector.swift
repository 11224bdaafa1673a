// Recovers a document's subject (what kind of planning document it is, whose it is, where, and for
// which years) from its title, cover and decree lines, and from the rest of the text when needed.

// MARK: - Vocabulary
//
// Every word the detector looks for is in this table, as data. It will move to
// `rulesets/vocabulary.yml` (section `subject:`) once that file is free; keep it in one place until
// then. Words are upper-case and compared with a token's upper-cased text (surrounding punctuation
// removed, a trailing dot ignored for the listed abbreviations).

enum SubjectVocabulary {
    /// Phrases naming a kind of document.
    static let kindPhrases: [(kind: Subject.Kind, words: [String])] = [
        (.lakip, ["LAKIP"]), (.lakip, ["LKJIP"]), (.lakip, ["LKIP"]),
        (.lakip, ["LAPORAN", "KINERJA"]), (.lakip, ["LAPORAN", "AKUNTABILITAS"]),
        (.iku, ["IKU"]), (.iku, ["INDIKATOR", "KINERJA", "UTAMA"]),
        (.renstra, ["RENSTRA"]), (.renstra, ["RENCANA", "STRATEGIS"]),
        (.pk, ["PERJANJIAN", "KINERJA"]), (.pk, ["PENETAPAN", "KINERJA"]), (.pk, ["TAPKIN"]),
    ]

    /// Words that name an organisation unit. `name`: whether a proper name follows ("Kecamatan
    /// Wotu") or the words are the whole name ("Sekretariat Daerah"). `connectors`: the name may
    /// hold "dan", "serta" and commas ("Dinas Perdagangan, Koperasi dan UKM"). `needsCapital`: in
    /// running text the word only counts when capitalised ("Bagian Umum", not "bagian"). `weight`:
    /// titles of a unit's head ("Camat Wotu") count less than the unit itself.
    static let unitWords: [SubjectUnitWord] = [
        SubjectUnitWord(["KECAMATAN"], "Kecamatan", .required),
        SubjectUnitWord(["KEC"], "Kecamatan", .required),
        SubjectUnitWord(["CAMAT"], "Kecamatan", .required, weight: 0.5),
        SubjectUnitWord(["KELURAHAN"], "Kelurahan", .required),
        SubjectUnitWord(["KEL"], "Kelurahan", .required, needsCapital: true),
        SubjectUnitWord(["LURAH"], "Kelurahan", .required, needsCapital: true, weight: 0.5),
        SubjectUnitWord(["DINAS"], "Dinas", .required, connectors: true),
        SubjectUnitWord(["BADAN"], "Badan", .required, connectors: true, needsCapital: true),
        SubjectUnitWord(["SEKRETARIAT", "DAERAH"], "Sekretariat Daerah", .none),
        SubjectUnitWord(["SEKRETARIS", "DAERAH"], "Sekretariat Daerah", .none, weight: 0.5),
        SubjectUnitWord(["SEKRETARIAT", "DPRD"], "Sekretariat DPRD", .none),
        SubjectUnitWord(["SEKRETARIAT", "DEWAN", "PERWAKILAN", "RAKYAT", "DAERAH"], "Sekretariat DPRD", .none),
        SubjectUnitWord(["INSPEKTORAT", "DAERAH"], "Inspektorat Daerah", .none),
        SubjectUnitWord(["INSPEKTORAT"], "Inspektorat", .none),
        SubjectUnitWord(["SATUAN", "POLISI", "PAMONG", "PRAJA"], "Satuan Polisi Pamong Praja", .none),
        SubjectUnitWord(["SATPOL", "PP"], "Satuan Polisi Pamong Praja", .none),
        SubjectUnitWord(["BAGIAN"], "Bagian", .required, connectors: true, needsCapital: true),
        SubjectUnitWord(["BIRO"], "Biro", .required, connectors: true, needsCapital: true),
        SubjectUnitWord(["KANTOR"], "Kantor", .required, connectors: true, needsCapital: true),
        SubjectUnitWord(["RUMAH", "SAKIT", "UMUM", "DAERAH"], "Rumah Sakit Umum Daerah", .optional),
        SubjectUnitWord(["RSUD"], "RSUD", .optional),
        SubjectUnitWord(["PUSKESMAS"], "Puskesmas", .required, needsCapital: true),
        SubjectUnitWord(["UPTD"], "UPTD", .required, connectors: true),
        SubjectUnitWord(["BAPPEDA"], "BAPPEDA", .none), SubjectUnitWord(["BPKAD"], "BPKAD", .none),
        SubjectUnitWord(["BPBD"], "BPBD", .none), SubjectUnitWord(["BKPSDM"], "BKPSDM", .none),
        SubjectUnitWord(["DPMPTSP"], "DPMPTSP", .none),
    ]

    /// Words that name a region. `rank`: how specific the region is (a Kecamatan's document names
    /// its Kabupaten and often also the Provinsi; the Kabupaten is the subject's region).
    static let regionWords: [SubjectRegionWord] = [
        SubjectRegionWord(["KABUPATEN"], "Kabupaten"),
        SubjectRegionWord(["KAB"], "Kabupaten"),
        SubjectRegionWord(["PEMKAB"], "Kabupaten"),
        SubjectRegionWord(["KOTA"], "Kota", needsCapital: true, notAfter: ["IBU"]),
        SubjectRegionWord(["KOTAMADYA"], "Kota"),
        SubjectRegionWord(["PEMKOT"], "Kota"),
        SubjectRegionWord(["PROVINSI"], "Provinsi", rank: 0.3),
        SubjectRegionWord(["PROPINSI"], "Provinsi", rank: 0.3),
        SubjectRegionWord(["PROV"], "Provinsi", rank: 0.3),
        SubjectRegionWord(["BUPATI"], "Kabupaten", needsCapital: true, weight: 0.5, notAfter: ["WAKIL"]),
        SubjectRegionWord(["WALIKOTA"], "Kota", needsCapital: true, weight: 0.5, notAfter: ["WAKIL"]),
        SubjectRegionWord(["WALI", "KOTA"], "Kota", needsCapital: true, weight: 0.5, notAfter: ["WAKIL"]),
        SubjectRegionWord(["GUBERNUR"], "Provinsi", rank: 0.3, needsCapital: true, weight: 0.5, notAfter: ["WAKIL"]),
    ]

    /// A line starting with one of these ends the cover (front matter and the body of a decree begin).
    static let coverEnd: [[String]] = [
        ["KATA", "PENGANTAR"], ["KATA", "SAMBUTAN"], ["SAMBUTAN"], ["DAFTAR", "ISI"], ["DAFTAR", "TABEL"],
        ["DAFTAR", "GAMBAR"], ["DAFTAR", "GRAFIK"], ["DAFTAR", "LAMPIRAN"], ["BAB"], ["MENIMBANG"],
        ["MENGINGAT"], ["MEMPERHATIKAN"], ["MEMUTUSKAN"], ["RINGKASAN", "EKSEKUTIF"], ["IKHTISAR"],
        ["IKHTISARI"], ["EXECUTIVE", "SUMMARY"], ["PENDAHULUAN"], ["LATAR", "BELAKANG"],
        ["LEMBAR", "PENGESAHAN"], ["LEMBAR", "PERSETUJUAN"],
    ]

    /// Words that start a regulation's name; with "Nomor" or "tentang" after them, the rest of the
    /// clause is a citation (it names other documents, periods and regions legitimately).
    static let regulationWords: Set<String> = [
        "UNDANG-UNDANG", "UU", "PERATURAN", "PERDA", "PERBUP", "PERWALI", "PERGUB", "PERMENDAGRI",
        "PERMENPAN", "PERMENPAN-RB", "PERMENPANRB", "PERMEN", "KEPUTUSAN", "KEPMEN", "KEPMENDAGRI",
        "INSTRUKSI", "INPRES", "KEPPRES", "PERPRES", "QANUN", "PP", "SURAT",
    ]
    static let regulationMarkers: Set<String> = ["NOMOR", "NO", "NOMER", "TENTANG"]
    static let numberWords: Set<String> = ["NOMOR", "NO", "NOMER"]

    /// Phrases besides the Renstra's name whose following year range is the Renstra period
    /// ("target jangka menengah … Tahun 2025-2029"), unless preceded by one of `notAfter`
    /// ("Rencana Pembangunan Jangka Menengah" is the RPJMD).
    static let renstraPeriodPhrases: [(words: [String], notAfter: Set<String>)] = [
        (["JANGKA", "MENENGAH"], ["PEMBANGUNAN"]),
    ]

    /// Other plan documents: a year range after them is not the Renstra's.
    static let planDocuments: Set<String> = [
        "RPJMD", "RPJMN", "RPJM", "RPJPD", "RPJP", "RPJPN", "RPD", "RKPD", "RKP", "RENJA", "RKT", "APBD",
    ]

    /// Separators of a year range: "2021-2026", "2021 s.d 2026", "2021 sampai dengan 2026".
    static let rangeSeparators: [[String]] = [
        ["-"], ["S.D"], ["S/D"], ["SD"], ["SAMPAI", "DENGAN"], ["SAMPAI"], ["HINGGA"],
    ]
    /// Words that make a following year the year a document is about ("Tahun 2023", "TA 2023").
    static let yearMarkers: Set<String> = ["TAHUN", "THN", "TH", "ANGGARAN", "TA"]
    /// The longest plan period accepted (a Renstra is 5 years; 2021–2026 plans span 6).
    static let maxPeriodSpan = 10

    static let months: Set<String> = [
        "JANUARI", "FEBRUARI", "PEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
        "SEPTEMBER", "OKTOBER", "NOVEMBER", "NOPEMBER", "DESEMBER",
    ]

    /// Words that end a unit's or region's name.
    static let nameStopWords: Set<String> = [
        "TAHUN", "THN", "NOMOR", "NO", "TENTANG", "PADA", "DI", "YANG", "UNTUK", "SELAKU", "SEBAGAI",
        "DALAM", "INI", "ITU", "ADALAH", "MERUPAKAN", "DENGAN", "DARI", "KE", "OLEH", "ATAS", "TELAH",
        "AKAN", "DAPAT", "BAGI", "PERIODE", "TANGGAL", "PEMERINTAH", "PEMERINTAHAN", "SE", "TERHADAP",
        "MELALUI", "BERDASARKAN", "SESUAI", "YAITU", "YAKNI", "TERDIRI", "BERADA", "MEMPUNYAI",
        "MENETAPKAN", "DESA", "DUSUN", "NIP", "JALAN", "JL", "TELP", "TELEPON", "KODE", "POS", "EMAIL",
        "WEBSITE", "LAMPIRAN", "SETIAP", "SELURUH", "MASING-MASING", "TERSEBUT", "BESERTA",
        "DAERAH-DAERAH", "SEKRETARIS", "KEPALA", "PLT", "PLH", "PJ",
    ]
    /// Words that may join the parts of a unit's name; written lower-case.
    static let nameConnectors: Set<String> = ["DAN", "SERTA", "ATAU", "&"]
    /// Abbreviations whose trailing dot does not end a name ("Kab. Luwu Timur").
    static let abbreviations: Set<String> = ["KAB", "KEC", "KEL", "PROV", "NO", "S.D", "S.D.", "JL", "TH", "THN"]
    /// Upper-case words kept upper-case in names (besides words without vowels, Roman numerals and
    /// words the document itself writes upper-case inside running text).
    static let acronyms: Set<String> = [
        "DPRD", "BPKAD", "BPKD", "BAPPEDA", "BKPSDM", "BKD", "BPBD", "DPMPTSP", "RSUD", "UPT", "UPTD",
        "SKPD", "OPD", "PKK", "KB", "PP", "DKI", "DIY", "UKM", "UMKM", "KUKM", "PMD", "SDM", "PU",
        "PUPR", "ESDM", "KORPRI", "BLUD", "PPKB", "P3A",
    ]
}

struct SubjectUnitWord: Sendable {
    enum Name: Sendable { case required, optional, none }
    let words: [String]
    let canonical: String
    let name: Name
    let connectors: Bool
    let needsCapital: Bool
    let weight: Double
    init(_ words: [String], _ canonical: String, _ name: Name, connectors: Bool = false,
         needsCapital: Bool = false, weight: Double = 1) {
        self.words = words
        self.canonical = canonical
        self.name = name
        self.connectors = connectors
        self.needsCapital = needsCapital
        self.weight = weight
    }
}

struct SubjectRegionWord: Sendable {
    let words: [String]
    let canonical: String
    let rank: Double
    let needsCapital: Bool
    let weight: Double
    let notAfter: Set<String>
    init(_ words: [String], _ canonical: String, rank: Double = 1, needsCapital: Bool = false,
         weight: Double = 1, notAfter: Set<String> = []) {
        self.words = words
        self.canonical = canonical
        self.rank = rank
        self.needsCapital = needsCapital
        self.weight = weight
        self.notAfter = notAfter
    }
}

// MARK: - Detector

/// Finds what a document is about: its kind, unit, region, plan period and report year.
///
/// Evidence comes in three tiers. Tier 0 is the title property and the cover (the first lines up
/// to KATA PENGANTAR, DAFTAR ISI, BAB, Menimbang or the first prose paragraph); it is authoritative
/// when it names something, with the rest of the document only breaking ties between the cover's
/// candidates. Tier 1 is title-like lines further in (short upper-case, bold or heading lines,
/// table captions), tier 2 running text and table cells. Mentions inside a cited regulation
/// ("Peraturan Daerah … Nomor 2 Tahun 2005 tentang RPJP … Tahun 2005–2025") are ignored outside
/// the cover, so laws citing other periods and regions do not leak into the subject.
public enum SubjectDetector {
    public static func detect(_ document: Document) -> Subject {
        var collector = SubjectCollector()
        collector.collect(document)
        return collector.decide()
    }
}

// MARK: - Tokens

struct SubjectToken {
    enum Break { case none, comma, hard }
    /// The word without surrounding punctuation, as written.
    var text: String
    /// `text` upper-cased.
    var key: String
    /// An opening bracket precedes the word.
    var opensGroup = false
    /// What punctuation follows the word.
    var breakAfter: Break = .none
    /// A semicolon or a sentence stop follows (ends a citation clause).
    var endsClause = false
    /// The word was written with a dot or closing parenthesis after it ("A.", "a)", "1.").
    var markerPunctuation = false

    var isCapitalized: Bool { text.first.map { $0.isUppercase || $0.isNumber } ?? false }
    // All ASCII digits exactly when every UTF-8 byte is one (a digit never joins another character).
    var isDigits: Bool { !key.utf8.isEmpty && key.utf8.allSatisfy { $0 &- 0x30 < 10 } }
    var year: Int? {
        // With only digits, the byte count is the character count.
        guard key.utf8.count == 4, isDigits, let value = Int(key), (1900...2100).contains(value) else { return nil }
        return value
    }
}

enum SubjectText {
    static let leadingPunctuation: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", "*", "_", "<"]
    static let trailingPunctuation: Set<Character> = [
        ")", "]", "}", "\"", "'", "”", "’", "»", "*", "_", ",", ";", ":", "!", "?", ".", ">",
    ]
    static let dashes: Set<Character> = ["-", "–", "—", "−", "‒", "‑"]
    /// Stands for a tab inside a normalised line.
    static let cellSeparator: Character = "\u{E000}"
    static let bullets: Set<Character> = ["-", "•", "▪", "◦", "●", "■", "►", "➢", "*"]

    /// Cleans a line: no-break spaces, Markdown emphasis, a leading bullet, dashes next to digits
    /// spaced out ("2021-2026" → "2021 - 2026") so a range is three tokens.
    static func normalize(_ line: String) -> String {
        if let fast = normalizeSingleByte(line) { return fast }
        var chars: [Character] = []
        chars.reserveCapacity(line.count + 8)
        for c in line {
            switch c {
            case "\u{00A0}", "\u{2007}", "\u{202F}": chars.append(" ")
            // A tab separates cells or a label from its value: a name never runs across it.
            case "\t": chars.append(contentsOf: [" ", cellSeparator, " "])
            case "\u{200B}", "\u{FEFF}", "*", "#": continue
            default: chars.append(c)
            }
        }
        // Leading bullet ("- Menimbang", "• Kecamatan").
        var start = 0
        while start < chars.count, chars[start] == " " { start += 1 }
        if start + 1 < chars.count, bullets.contains(chars[start]), chars[start + 1] == " " { start += 2 }
        var out = ""
        out.reserveCapacity(chars.count + 8)
        var i = start
        while i < chars.count {
            let c = chars[i]
            if dashes.contains(c) {
                var p = i - 1
                while p >= start, chars[p] == " " { p -= 1 }
                var n = i + 1
                while n < chars.count, chars[n] == " " { n += 1 }
                let digitBefore = p >= start && chars[p].isNumber
                let digitAfter = n < chars.count && chars[n].isNumber
                if digitBefore || digitAfter {
                    out += " - "
                    i += 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out.trimmingSpaces()
    }

    /// Whether every character of `s` is one ASCII byte: ASCII without CR (CR LF is one character).
    /// Then byte-wise work sees exactly the characters.
    static func isSingleByte<S: StringProtocol>(_ s: S) -> Bool {
        for b in s.utf8 where b >= 0x80 || b == 0x0D { return false }
        return true
    }

    @inline(__always) private static func isASCIIDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// `normalize` for a single-byte line, byte for byte the same steps (nil for other lines). Of
    /// the characters `normalize` treats specially only tab, "*", "#" and "-" are ASCII; the only
    /// ASCII numbers are digits. A tab stands as 0x09 in `chars` (no other tab is left there).
    private static func normalizeSingleByte(_ line: String) -> String? {
        let tabMark: UInt8 = 0x09
        var chars: [UInt8] = []
        chars.reserveCapacity(line.utf8.count + 8)
        for b in line.utf8 {
            if b >= 0x80 || b == 0x0D { return nil }
            switch b {
            case 0x09: chars.append(0x20); chars.append(tabMark); chars.append(0x20)
            case 0x2A, 0x23: continue
            default: chars.append(b)
            }
        }
        var start = 0
        while start < chars.count, chars[start] == 0x20 { start += 1 }
        if start + 1 < chars.count, chars[start] == 0x2D || chars[start] == 0x2A, chars[start + 1] == 0x20 { start += 2 }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count + 16)
        var i = start
        while i < chars.count {
            let c = chars[i]
            if c == 0x2D {
                var p = i - 1
                while p >= start, chars[p] == 0x20 { p -= 1 }
                var n = i + 1
                while n < chars.count, chars[n] == 0x20 { n += 1 }
                let digitBefore = p >= start && isASCIIDigit(chars[p])
                let digitAfter = n < chars.count && isASCIIDigit(chars[n])
                if digitBefore || digitAfter {
                    out.append(0x20); out.append(0x2D); out.append(0x20)
                    i += 1
                    continue
                }
            }
            if c == tabMark {
                out.append(0xEE); out.append(0x80); out.append(0x80)  // cellSeparator, U+E000
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self).trimmingSpaces()
    }

    /// `line.split(separator: " ").count` for a single-byte line.
    static func singleByteWordCount(_ line: String) -> Int {
        var count = 0
        var inWord = false
        for b in line.utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// A core-properties title that looks like a file name ("towuti-lakip-2023.docx") becomes words.
    static func normalizeTitle(_ title: String) -> String {
        var t = title
        for ext in [".docx", ".doc", ".pdf", ".odt", ".xml", ".rtf"] where t.lowercased().hasSuffix(ext) {
            t = String(t.dropLast(ext.count))
        }
        guard !t.contains(" ") else { return t }
        let chars = Array(t)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == "_" {
                out.append(" ")
            } else if dashes.contains(c) {
                let digits = i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber
                out.append(digits ? c : " ")
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func tokenize(_ line: String) -> [SubjectToken] {
        var tokens: [SubjectToken] = []
        if isSingleByte(line) {
            // The same pieces, split at " " and LF bytes (CR is absent).
            let utf8 = line.utf8
            var i = utf8.startIndex
            let end = utf8.endIndex
            while i < end {
                while i < end, utf8[i] == 0x20 || utf8[i] == 0x0A { utf8.formIndex(after: &i) }
                guard i < end else { break }
                var j = i
                while j < end, utf8[j] != 0x20 && utf8[j] != 0x0A { utf8.formIndex(after: &j) }
                let piece = line[i..<j]
                if let dot = piece.utf8.firstIndex(of: 0x2E) {
                    for part in splitGluedAbbreviation(piece, dot: dot) { appendSingleByteToken(part, to: &tokens) }
                } else {
                    appendSingleByteToken(piece, to: &tokens)
                }
                i = j
            }
            return tokens
        }
        for piece in line.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }) {
            for part in splitGluedAbbreviation(piece) {
                appendToken(part, to: &tokens)
            }
        }
        return tokens
    }

    /// "Kec.Rawa" → "Kec." + "Rawa".
    private static func splitGluedAbbreviation(_ piece: Substring) -> [Substring] {
        guard let dot = piece.firstIndex(of: ".") else { return [piece] }
        return splitGluedAbbreviation(piece, dot: dot)
    }

    private static func splitGluedAbbreviation(_ piece: Substring, dot: Substring.Index) -> [Substring] {
        let head = piece[..<dot].uppercased()
        let rest = piece[piece.index(after: dot)...]
        guard SubjectVocabulary.abbreviations.contains(head), let first = rest.first, first.isLetter else {
            return [piece]
        }
        return [piece[...dot], rest]
    }

    private static func appendToken(_ piece: Substring, to tokens: inout [SubjectToken]) {
        if piece.contains(cellSeparator) {
            if !tokens.isEmpty { tokens[tokens.count - 1].breakAfter = .hard }
            let rest = piece.split(separator: cellSeparator)
            for (k, part) in rest.enumerated() {
                appendToken(part, to: &tokens)
                if k < rest.count - 1, !tokens.isEmpty { tokens[tokens.count - 1].breakAfter = .hard }
            }
            if piece.last == cellSeparator, !tokens.isEmpty { tokens[tokens.count - 1].breakAfter = .hard }
            return
        }
        if piece.allSatisfy({ dashes.contains($0) }) {
            tokens.append(SubjectToken(text: "-", key: "-"))
            return
        }
        var body = piece
        var opens = false
        while let c = body.first, leadingPunctuation.contains(c) {
            if c == "(" || c == "[" || c == "{" { opens = true }
            body = body.dropFirst()
        }
        var trailing: [Character] = []
        while let c = body.last, trailingPunctuation.contains(c) {
            trailing.append(c)
            body = body.dropLast()
        }
        let text = String(body)
        let key = text.uppercased()
        if text.isEmpty {
            // A lone ":" or "," separates what is around it.
            if !tokens.isEmpty, piece.contains(where: { ":;,.)".contains($0) }) {
                tokens[tokens.count - 1].breakAfter = .hard
                if piece.contains(where: { ";.".contains($0) }) { tokens[tokens.count - 1].endsClause = true }
            }
            return
        }
        var token = SubjectToken(text: text, key: key, opensGroup: opens)
        token.markerPunctuation = trailing.last == "." || trailing.last == ")"
        for c in trailing {
            switch c {
            case ",": if token.breakAfter == .none { token.breakAfter = .comma }
            case ";", ":", ")", "]", "}", "!", "?":
                token.breakAfter = .hard
                if c == ";" || c == "!" || c == "?" { token.endsClause = true }
            case ".":
                if !SubjectVocabulary.abbreviations.contains(key) && !(key.count == 1 && key.first?.isLetter == true) {
                    token.breakAfter = .hard
                    token.endsClause = true
                }
            default: break
            }
        }
        tokens.append(token)
    }

    /// `appendToken` for a single-byte piece: no cell separator (not ASCII), and of the
    /// punctuation sets only the ASCII members can occur; upper-casing ASCII maps a–z only.
    private static func appendSingleByteToken(_ piece: Substring, to tokens: inout [SubjectToken]) {
        let bytes = piece.utf8
        if bytes.allSatisfy({ $0 == 0x2D }) {
            tokens.append(SubjectToken(text: "-", key: "-"))
            return
        }
        var lo = bytes.startIndex
        var hi = bytes.endIndex
        var opens = false
        while lo < hi {
            let c = bytes[lo]
            // ( [ { " ' * _ <
            guard c == 0x28 || c == 0x5B || c == 0x7B || c == 0x22 || c == 0x27 || c == 0x2A || c == 0x5F || c == 0x3C
            else { break }
            if c == 0x28 || c == 0x5B || c == 0x7B { opens = true }
            bytes.formIndex(after: &lo)
        }
        var trailing: [UInt8] = []
        while lo < hi {
            let before = bytes.index(before: hi)
            let c = bytes[before]
            // ) ] } " ' * _ , ; : ! ? . >
            switch c {
            case 0x29, 0x5D, 0x7D, 0x22, 0x27, 0x2A, 0x5F, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x2E, 0x3E:
                trailing.append(c)
                hi = before
                continue
            default: break
            }
            break
        }
        if lo == hi {
            // A lone ":" or "," separates what is around it.
            if !tokens.isEmpty, bytes.contains(where: { $0 == 0x3A || $0 == 0x3B || $0 == 0x2C || $0 == 0x2E || $0 == 0x29 }) {
                tokens[tokens.count - 1].breakAfter = .hard
                if bytes.contains(where: { $0 == 0x3B || $0 == 0x2E }) { tokens[tokens.count - 1].endsClause = true }
            }
            return
        }
        let text = String(piece[lo..<hi])
        var keyBytes: [UInt8] = []
        keyBytes.reserveCapacity(bytes.distance(from: lo, to: hi))
        for b in bytes[lo..<hi] { keyBytes.append(b &- 0x61 < 26 ? b - 0x20 : b) }
        let key = String(decoding: keyBytes, as: UTF8.self)
        var token = SubjectToken(text: text, key: key, opensGroup: opens)
        token.markerPunctuation = trailing.last == 0x2E || trailing.last == 0x29
        for c in trailing {
            switch c {
            case 0x2C: if token.breakAfter == .none { token.breakAfter = .comma }
            case 0x3B, 0x3A, 0x29, 0x5D, 0x7D, 0x21, 0x3F:
                token.breakAfter = .hard
                if c == 0x3B || c == 0x21 || c == 0x3F { token.endsClause = true }
            case 0x2E:
                if !SubjectVocabulary.abbreviations.contains(key) && !(keyBytes.count == 1 && isASCIILetter(keyBytes[0])) {
                    token.breakAfter = .hard
                    token.endsClause = true
                }
            default: break
            }
        }
        tokens.append(token)
    }

    /// Share of upper-case letters among the line's letters (nil without letters).
    static func upperShare(_ line: String) -> Double? {
        var upper = 0, letters = 0
        var ascii = true
        // ASCII letters are A–Z and a–z, the upper-case ones A–Z (CR LF is no letter either way).
        for b in line.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b &- 0x41 < 26 { letters += 1; upper += 1 } else if b &- 0x61 < 26 { letters += 1 }
        }
        if ascii { return letters == 0 ? nil : Double(upper) / Double(letters) }
        upper = 0
        letters = 0
        for c in line where c.isLetter {
            letters += 1
            if c.isUppercase { upper += 1 }
        }
        return letters == 0 ? nil : Double(upper) / Double(letters)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

// MARK: - Mentions in one line

struct SubjectYearRange: Hashable, Sendable {
    var start: Int
    var end: Int
}

/// A unit or region found in a line: the canonical word and the name's words as written.
struct SubjectNamedMention {
    var canonical: String
    var name: [String]
    var weight: Double
    var key: String { ([canonical.uppercased()] + name.map { $0.uppercased() }).joined(separator: " ") }
}

struct SubjectLineMentions {
    var kinds: [Subject.Kind] = []
    /// Whether the first kind mention is a document's name in running text: the kind followed
    /// closely by a unit, a region, a year or "ini" ("LKjIP Kecamatan Malili Tahun 2022").
    var firstKindIsTitled = false
    var units: [SubjectNamedMention] = []
    var regions: [SubjectNamedMention] = []
    /// Ranges outside citations.
    var ranges: [SubjectYearRange] = []
    /// Ranges that follow "Renstra" / "Rencana Strategis" (citations included: the OPD's own
    /// Renstra is usually cited by its decree).
    var renstraRanges: [SubjectYearRange] = []
    /// Single years outside ranges, regulation numbers and dates; `marked` when "Tahun" precedes.
    var years: [(year: Int, marked: Bool)] = []
}

struct SubjectLineScanner {
    let tokens: [SubjectToken]
    /// Names in running text must be capitalised.
    let isProse: Bool
    /// Cover lines are the document's own decree, never a citation.
    let citationsApply: Bool
    private(set) var inCitation: [Bool]

    /// Phrases by their first word, longest first.
    private static let kindPhrases = index(SubjectVocabulary.kindPhrases, \.words)
    private static let unitWords = index(SubjectVocabulary.unitWords, \.words)
    private static let regionWords = index(SubjectVocabulary.regionWords, \.words)

    private static func index<T>(_ entries: [T], _ words: KeyPath<T, [String]>) -> [String: [T]] {
        var out: [String: [T]] = [:]
        for e in entries {
            guard let first = e[keyPath: words].first else { continue }
            out[first, default: []].append(e)
        }
        return out.mapValues { $0.sorted { $0[keyPath: words].count > $1[keyPath: words].count } }
    }

    init(tokens: [SubjectToken], isProse: Bool, citationsApply: Bool) {
        self.tokens = tokens
        self.isProse = isProse
        self.citationsApply = citationsApply
        inCitation = Array(repeating: false, count: tokens.count)
        if citationsApply { markCitations() }
    }

    private mutating func markCitations() {
        var i = 0
        while i < tokens.count {
            guard SubjectVocabulary.regulationWords.contains(tokens[i].key) else { i += 1; continue }
            let horizon = min(tokens.count, i + 13)
            let hasMarker = (i + 1 < horizon) && tokens[(i + 1)..<horizon].contains {
                SubjectVocabulary.regulationMarkers.contains($0.key)
            }
            guard hasMarker else { i += 1; continue }
            var j = i
            while j < tokens.count {
                inCitation[j] = true
                if tokens[j].endsClause { break }
                j += 1
            }
            i = j + 1
        }
    }

    private func matches(_ words: [String], at i: Int) -> Bool {
        guard i + words.count <= tokens.count else { return false }
        for (k, w) in words.enumerated() where tokens[i + k].key != w { return false }
        return true
    }

    func kindPhrase(at i: Int) -> (kind: Subject.Kind, length: Int)? {
        guard i < tokens.count, let candidates = Self.kindPhrases[tokens[i].key] else { return nil }
        for p in candidates where matches(p.words, at: i) { return (p.kind, p.words.count) }
        return nil
    }

    private func unitWord(at i: Int) -> SubjectUnitWord? {
        guard i < tokens.count, let candidates = Self.unitWords[tokens[i].key] else { return nil }
        return candidates.first { matches($0.words, at: i) }
    }

    private func regionWord(at i: Int) -> SubjectRegionWord? {
        guard i < tokens.count, let candidates = Self.regionWords[tokens[i].key] else { return nil }
        return candidates.first { matches($0.words, at: i) }
    }

    /// Whether a name may not continue with the token at `i`.
    private func stopsName(at i: Int) -> Bool {
        let t = tokens[i]
        if SubjectVocabulary.nameStopWords.contains(t.key) || SubjectVocabulary.months.contains(t.key) { return true }
        if SubjectVocabulary.regulationWords.contains(t.key) || SubjectVocabulary.planDocuments.contains(t.key) { return true }
        if kindPhrase(at: i) != nil || unitWord(at: i) != nil || regionWord(at: i) != nil { return true }
        if t.opensGroup || t.key == "-" { return true }
        if t.key.contains(where: { $0.isNumber }) { return true }
        if !t.key.contains(where: { $0.isLetter }) { return true }
        if isProse && !t.isCapitalized { return true }
        return false
    }

    /// The proper name after a unit or region word: capitalised words up to a stop word, another
    /// unit or region word, a number or punctuation. Returns the words and the index after them.
    private func name(from start: Int, connectors: Bool, maxWords: Int) -> (words: [String], end: Int) {
        var words: [String] = []
        var i = start
        while i < tokens.count, words.count < maxWords {
            let t = tokens[i]
            if SubjectVocabulary.nameConnectors.contains(t.key) {
                // Only between two name words of a unit that allows them ("Dinas Pendidikan dan Kebudayaan").
                guard connectors, !words.isEmpty, t.breakAfter == .none, i + 1 < tokens.count,
                      !stopsName(at: i + 1), tokens[i + 1].isCapitalized else { break }
                words.append(t.text.lowercased())
                i += 1
                continue
            }
            if stopsName(at: i) {
                // "Kecamatan Kota Masohi": a name may start with the word Kota.
                guard words.isEmpty, t.key == "KOTA", i + 1 < tokens.count, !stopsName(at: i + 1) else { break }
            }
            words.append(t.text)
            i += 1
            if t.breakAfter == .hard { break }
            if t.breakAfter == .comma {
                // "Dinas Perumahan, Kawasan Permukiman dan Pertanahan" keeps its comma.
                guard connectors, i < tokens.count, !stopsName(at: i) else { break }
                words[words.count - 1] += ","
            }
        }
        while let last = words.last, SubjectVocabulary.nameConnectors.contains(last.uppercased()) {
            words.removeLast()
            i -= 1
        }
        return (words, i)
    }

    func scan() -> SubjectLineMentions {
        var m = SubjectLineMentions()
        var consumed = Array(repeating: false, count: tokens.count)

        // Kinds, and the period that follows a Renstra's name.
        var i = 0
        while i < tokens.count {
            guard let (kind, length) = kindPhrase(at: i) else { i += 1; continue }
            if !inCitation[i] {
                if m.kinds.isEmpty { m.firstKindIsTitled = isTitled(after: i + length) }
                m.kinds.append(kind)
            }
            if kind == .renstra, let range = rangeAfterRenstra(from: i + length) { m.renstraRanges.append(range) }
            i += length
        }

        for phrase in SubjectVocabulary.renstraPeriodPhrases {
            var k = 0
            while k < tokens.count {
                if matches(phrase.words, at: k), k == 0 || !phrase.notAfter.contains(tokens[k - 1].key),
                   let range = rangeAfterRenstra(from: k + phrase.words.count) {
                    m.renstraRanges.append(range)
                }
                k += 1
            }
        }

        // Units.
        i = 0
        while i < tokens.count {
            guard let word = unitWord(at: i) else { i += 1; continue }
            let after = i + word.words.count
            let head = tokens[i]
            if inCitation[i] || (isProse && word.needsCapital && !head.isCapitalized) || head.opensGroup && word.name == .none && word.words.count == 1 {
                i = after
                continue
            }
            var mention = SubjectNamedMention(canonical: word.canonical, name: [], weight: word.weight)
            var end = after
            if word.name != .none, tokens[after - 1].breakAfter != .hard {
                let found = name(from: after, connectors: word.connectors, maxWords: word.connectors ? 12 : 5)
                mention.name = found.words
                end = found.end
            }
            if word.name == .required && mention.name.isEmpty {
                i = after
                continue
            }
            for k in i..<end { consumed[k] = true }
            m.units.append(mention)
            i = end
        }

        // Regions.
        i = 0
        while i < tokens.count {
            guard !consumed[i], let word = regionWord(at: i) else { i += 1; continue }
            let after = i + word.words.count
            let head = tokens[i]
            let previous = i > 0 ? tokens[i - 1].key : ""
            if inCitation[i] || (isProse && word.needsCapital && !head.isCapitalized)
                || word.notAfter.contains(previous) || tokens[after - 1].breakAfter == .hard {
                i = after
                continue
            }
            let found = name(from: after, connectors: false, maxWords: 4)
            if !found.words.isEmpty {
                m.regions.append(SubjectNamedMention(canonical: word.canonical, name: found.words, weight: word.weight * word.rank))
            }
            i = max(found.end, after)
        }

        // Years and ranges.
        i = 0
        while i < tokens.count {
            guard let year = tokens[i].year else { i += 1; continue }
            if let (end, next) = rangeEnd(after: i) {
                if let end, !inCitation[i] { m.ranges.append(SubjectYearRange(start: year, end: end)) }
                i = next
                continue
            }
            // A year already part of a range or a date "20 - 09 - 2023" written backwards.
            if i >= 2, tokens[i - 1].key == "-", tokens[i - 2].isDigits { i += 1; continue }
            if !inCitation[i], !isRegulationNumberYear(i),
               !(i > 0 && SubjectVocabulary.months.contains(tokens[i - 1].key)) {
                let marked = i > 0 && SubjectVocabulary.yearMarkers.contains(tokens[i - 1].key)
                m.years.append((year, marked))
            }
            i += 1
        }
        return m
    }

    private func isTitled(after start: Int) -> Bool {
        var j = start
        while j < tokens.count, j < start + 6 {
            let t = tokens[j]
            if t.year != nil || t.key == "INI" || unitWord(at: j) != nil || regionWord(at: j) != nil { return true }
            if t.endsClause { return false }
            j += 1
        }
        return false
    }

    /// If a range separator follows the year at `i`: the end year (nil when the range is broken,
    /// "2021 - 20216", or implausible, "2005–2025"), and the index after the range.
    private func rangeEnd(after i: Int) -> (end: Int?, next: Int)? {
        guard let start = tokens[i].year, tokens[i].breakAfter != .hard else { return nil }
        for sep in SubjectVocabulary.rangeSeparators where matches(sep, at: i + 1) {
            let j = i + 1 + sep.count
            guard j < tokens.count, tokens[j].isDigits else { return nil }
            if let end = tokens[j].year, (1...SubjectVocabulary.maxPeriodSpan).contains(end - start) {
                return (end, j + 1)
            }
            return (nil, j + 1)
        }
        return nil
    }

    private func rangeAfterRenstra(from start: Int) -> SubjectYearRange? {
        var j = start
        while j < tokens.count, j < start + 8 {
            let t = tokens[j]
            if SubjectVocabulary.planDocuments.contains(t.key) || kindPhrase(at: j) != nil { return nil }
            if let year = t.year {
                if let (end, _) = rangeEnd(after: j), let end { return SubjectYearRange(start: year, end: end) }
                return nil
            }
            if t.endsClause { return nil }
            j += 1
        }
        return nil
    }

    /// "Nomor 14 Tahun 2023", "Nomor: 032 TAHUN 2023": the year of a decree's number.
    private func isRegulationNumberYear(_ i: Int) -> Bool {
        guard i >= 2, SubjectVocabulary.yearMarkers.contains(tokens[i - 1].key) else { return false }
        let from = max(0, i - 6)
        return tokens[from..<(i - 1)].contains { SubjectVocabulary.numberWords.contains($0.key) }
    }
}

// MARK: - Weighing

/// Weighted votes per tier (0 cover, 1 title-like lines, 2 running text).
struct SubjectTally<Value: Hashable> {
    private var weights: [Value: [Double]] = [:]
    private var order: [Value: Int] = [:]

    mutating func add(_ value: Value, tier: Int, weight: Double) {
        if weights[value] == nil {
            weights[value] = [0, 0, 0]
            order[value] = order.count
        }
        weights[value]?[tier] += weight
    }

    var isEmpty: Bool { weights.isEmpty }

    /// Every value with its weight per tier, in the order first seen.
    var all: [(value: Value, weights: [Double])] {
        weights.map { (value: $0.key, weights: $0.value) }.sorted { (order[$0.value] ?? 0) < (order[$1.value] ?? 0) }
    }

    /// When the cover names candidates, only they compete, the rest of the document counting as
    /// support (`support` factors per tier); otherwise every candidate competes with `fallback`
    /// factors. Ties go to the candidate seen first.
    func ranked(support: [Double] = [1, 0.25, 0.05], fallback: [Double] = [0, 1, 0.4],
                where include: (Value) -> Bool = { _ in true }) -> [(value: Value, score: Double, fromCover: Bool)] {
        let pool = weights.filter { include($0.key) }
        let cover = pool.filter { $0.value[0] > 0 }
        let fromCover = !cover.isEmpty
        let factors = fromCover ? support : fallback
        let scored = (fromCover ? cover : pool).map { entry in
            (value: entry.key, score: zip(entry.value, factors).reduce(0) { $0 + $1.0 * $1.1 }, fromCover: fromCover)
        }
        return scored.filter { $0.score > 0 }.sorted {
            $0.score != $1.score ? $0.score > $1.score : (order[$0.value] ?? 0) < (order[$1.value] ?? 0)
        }
    }
}

/// Whether an upper-case word is an acronym: the document's own running text shows it.
struct SubjectWordCase {
    /// Upper-cased words the document writes with lower-case letters somewhere ("Towuti").
    private(set) var seenLower: Set<String> = []
    /// Upper-cased words the document writes upper-case inside running text ("BPKAD").
    private(set) var capsInProse: Set<String> = []

    mutating func observe(_ tokens: [SubjectToken], isProse: Bool) {
        for t in tokens {
            if SubjectText.isSingleByte(t.text) {
                // `key` is `text` upper-cased: as many characters as bytes. ASCII lower-case
                // letters are a–z, letters A–Z and a–z.
                guard t.key.utf8.count >= 2 else { continue }
                if t.text.utf8.contains(where: { $0 &- 0x61 < 26 }) {
                    seenLower.insert(t.key)
                } else if isProse, t.text.utf8.contains(where: { ($0 | 0x20) &- 0x61 < 26 }) {
                    capsInProse.insert(t.key)
                }
                continue
            }
            guard t.key.count >= 2 else { continue }
            if t.text.contains(where: { $0.isLowercase }) {
                seenLower.insert(t.key)
            } else if isProse, t.text.contains(where: { $0.isLetter }) {
                capsInProse.insert(t.key)
            }
        }
    }

    func isAcronym(_ key: String) -> Bool {
        if SubjectVocabulary.acronyms.contains(key) { return true }
        let letters = key.filter(\.isLetter)
        if !letters.isEmpty, letters.allSatisfy({ "IVX".contains($0) }) { return true }
        if letters.count >= 2, !letters.contains(where: { "AIUEO".contains($0) }) { return true }
        return capsInProse.contains(key) && !seenLower.contains(key)
    }

    /// "RAWA JITU TIMUR" → "Rawa Jitu Timur"; acronyms stay upper-case, connectors lower-case.
    func titleCase(_ word: String) -> String {
        if word.count > 1, word.hasSuffix(",") { return titleCase(String(word.dropLast())) + "," }
        let key = word.uppercased()
        if SubjectVocabulary.nameConnectors.contains(key) { return word.lowercased() }
        let hasUpper = word.contains { $0.isUppercase }
        let hasLower = word.contains { $0.isLowercase }
        if hasUpper && hasLower { return word }
        if hasUpper && isAcronym(key) { return word }
        var out = ""
        var startOfPart = true
        for c in word.lowercased() {
            out += startOfPart ? c.uppercased() : String(c)
            startOfPart = c == "-" || c == "'" || c == "’" || c == "/"
        }
        return out
    }
}

// MARK: - Collecting

struct SubjectCollector {
    var kinds = SubjectTally<Subject.Kind>()
    var units = SubjectTally<String>()
    var regions = SubjectTally<String>()
    var ranges = SubjectTally<SubjectYearRange>()
    var renstraRanges = SubjectTally<SubjectYearRange>()
    var years = SubjectTally<Int>()
    var markedYears = SubjectTally<Int>()
    var coverYears = SubjectTally<Int>()
    var displays: [String: SubjectNamedMention] = [:]
    var wordCase = SubjectWordCase()

    /// Cover lines read so far; the cover ends at front matter, a decree's body or prose.
    private var coverOpen = true
    private var coverLines = 0
    /// Lines read after the cover (for the position weight of later evidence).
    private var bodyLines = 0

    /// Evidence after the cover: the document kind is told early (the foreword names the report),
    /// so its weight falls off fast; names and periods are counted, so theirs falls off slowly.
    private var kindWeight: Double { 1.0 / (1.0 + Double(bodyLines) / 50.0) }
    private var bodyWeight: Double { 1.0 / (1.0 + Double(bodyLines) / 500.0) }

    /// Whether the opening sentence after the cover was seen, and what naming the document there weighs.
    private var openingSeen = false
    private var underRenstraHeading = false
    static let openingWeight = 2.0

    static let maxCoverLines = 25
    static let maxTitleLikeLength = 200

    mutating func collect(_ document: Document) {
        if let title = document.properties.title {
            add(line: SubjectText.normalize(SubjectText.normalizeTitle(title)), tier: 0, weight: 1.0, isProse: false)
        }
        if let subject = document.properties.subject {
            add(line: SubjectText.normalize(SubjectText.normalizeTitle(subject)), tier: 0, weight: 0.5, isProse: false)
        }
        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                guard !p.isTOCEntry else { continue }
                let styled = p.headingLevel != nil || p.isBold || p.pseudoHeading != nil
                for raw in p.text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" }) {
                    addBodyLine(SubjectText.normalize(String(raw)), styled: styled)
                }
            case .table(let t):
                addTable(t)
            }
        }
    }

    private mutating func addBodyLine(_ line: String, styled: Bool) {
        guard !line.isEmpty else { return }
        let singleByte = SubjectText.isSingleByte(line)
        let share = SubjectText.upperShare(line)
        let upper = share ?? 0
        let length = singleByte ? line.utf8.count : line.count
        let wordCount = singleByte ? SubjectText.singleByteWordCount(line) : line.split(separator: " ").count
        // `upperShare` is nil exactly when the line has no letter.
        let isProse = share.map { $0 < 0.5 } ?? false
        let tokens = SubjectText.tokenize(line)
        if coverOpen {
            let endsCover = Self.startsCoverEnd(tokens) || (isProse && wordCount >= 12)
                || length > 300 || coverLines >= Self.maxCoverLines
            if !endsCover {
                add(line: line, tier: 0, weight: 2.0 / (1.0 + 0.1 * Double(coverLines)), isProse: isProse, tokens: tokens)
                coverLines += 1
                return
            }
            coverOpen = false
        }
        // A numbered or lettered heading ("A. RENCANA STRATEGIS", "2.1 Perjanjian Kinerja") names a
        // part of the document, not the document.
        let titleLike = length <= Self.maxTitleLikeLength && (upper >= 0.7 || styled)
            && !Self.startsWithSectionMarker(tokens)
        let m = add(line: line, tier: titleLike ? 1 : 2, weight: bodyWeight, kindWeight: kindWeight,
                    isProse: isProse, tokens: tokens)
        // Under a heading that names the Renstra ("A. RENCANA STRATEGIS"), the periods the text
        // states are the Renstra's.
        let headingLike = titleLike || (Self.startsWithSectionMarker(tokens) && wordCount <= 12)
        if headingLike {
            underRenstraHeading = m.kinds.first == .renstra
        } else if underRenstraHeading {
            for range in m.ranges { renstraRanges.add(range, tier: 2, weight: 0.5 * bodyWeight) }
        }
        // The first prose sentence after the cover that names a document by kind, unit or year
        // names this one ("… penyusunan Laporan Kinerja Kecamatan X Tahun 2023 dapat diselesaikan").
        if isProse, !openingSeen, m.firstKindIsTitled, let first = m.kinds.first {
            kinds.add(first, tier: 1, weight: Self.openingWeight)
            openingSeen = true
        }
        bodyLines += 1
    }

    private static func startsWithSectionMarker(_ tokens: [SubjectToken]) -> Bool {
        guard let first = tokens.first, tokens.count > 1 else { return false }
        let key = first.key
        if key.first?.isNumber == true, key.count <= 8, key.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        guard first.markerPunctuation else { return false }
        if key.count == 1, key.first?.isLetter == true { return true }
        return key.count <= 4 && key.allSatisfy { "IVX".contains($0) }
    }

    private mutating func addTable(_ table: Table) {
        // A small table at the start can hold the cover.
        if coverOpen && table.rows.count <= 8 {
            for row in table.rows {
                for cell in row.cells where cell.kind == .origin {
                    for raw in cell.text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                        addBodyLine(SubjectText.normalize(String(raw)), styled: false)
                    }
                }
            }
            return
        }
        coverOpen = false
        let weight = bodyWeight
        let headerCount = table.headerRowCount > 0 ? table.headerRowCount : min(3, table.rows.count)
        var headerYears: Set<Int> = []
        for (r, row) in table.rows.enumerated() {
            for cell in row.cells where cell.kind == .origin && !cell.text.isEmpty {
                for raw in cell.text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                    let line = SubjectText.normalize(String(raw))
                    guard !line.isEmpty else { continue }
                    let share = SubjectText.upperShare(line)
                    add(line: line, tier: 2, weight: weight, kindWeight: kindWeight,
                        isProse: share.map { $0 < 0.5 } ?? false)
                    if r < headerCount, let year = SubjectToken(text: line, key: line).year { headerYears.insert(year) }
                }
            }
        }
        bodyLines += 1
        // Year columns under a header ("Target 2023 2024 2025 2026") span the plan period.
        if headerYears.count >= 3, let first = headerYears.min(), let last = headerYears.max(),
           last - first + 1 == headerYears.count, last - first <= SubjectVocabulary.maxPeriodSpan {
            ranges.add(SubjectYearRange(start: first, end: last), tier: 2, weight: weight)
        }
    }

    private static func startsCoverEnd(_ tokens: [SubjectToken]) -> Bool {
        SubjectVocabulary.coverEnd.contains { words in
            words.count <= tokens.count && zip(words, tokens).allSatisfy { $0 == $1.key }
        }
    }

    /// `weight` counts for units, regions, periods and years; `kindWeight` (default: the same)
    /// for the document kind, which later lines should hardly move.
    @discardableResult
    private mutating func add(line: String, tier: Int, weight: Double, kindWeight: Double? = nil, isProse: Bool,
                              tokens given: [SubjectToken]? = nil) -> SubjectLineMentions {
        guard !line.isEmpty else { return SubjectLineMentions() }
        let tokens = given ?? SubjectText.tokenize(line)
        wordCase.observe(tokens, isProse: isProse && tokens.count >= 6)
        let scanner = SubjectLineScanner(tokens: tokens, isProse: isProse, citationsApply: tier > 0)
        let m = scanner.scan()

        // Earlier mentions in a line are the line's head; later ones count less.
        for (k, kind) in m.kinds.enumerated() {
            kinds.add(kind, tier: tier, weight: (kindWeight ?? weight) * (k == 0 ? 1 : 0.25))
        }
        for (k, unit) in m.units.enumerated() {
            let key = unit.key
            if displays[key] == nil { displays[key] = unit }
            units.add(key, tier: tier, weight: weight * unit.weight * (k == 0 ? 1 : 0.5))
        }
        for (k, region) in m.regions.enumerated() {
            let key = region.key
            if displays[key] == nil { displays[key] = region }
            regions.add(key, tier: tier, weight: weight * region.weight * (k == 0 ? 1 : 0.5))
        }
        for range in m.ranges { ranges.add(range, tier: tier, weight: weight) }
        for range in m.renstraRanges { renstraRanges.add(range, tier: tier, weight: weight) }
        for y in m.years {
            if tier == 0 { coverYears.add(y.year, tier: 0, weight: weight) }
            if y.marked || tier == 0 { markedYears.add(y.year, tier: tier, weight: weight) }
        }
        return m
    }

    // MARK: Deciding

    func decide() -> Subject {
        var subject = Subject()
        subject.kind = decideKind()
        subject.unit = units.ranked().first.flatMap { display($0.value) }
        subject.region = regions.ranked().first.flatMap { display($0.value) }

        let reportKind = subject.kind == .lakip || subject.kind == .pk
        var year: Int?
        if reportKind {
            year = markedYears.ranked(fallback: [0, 1, 0.5]).first?.value
        }
        if let period = decidePeriod(reportKind: reportKind, year: year) {
            subject.periodStart = period.start
            subject.periodEnd = period.end
        }
        if !reportKind, subject.periodStart == nil {
            // A single-year document of another kind ("IKU Tahun 2024"): the cover's year.
            year = coverYears.ranked().first?.value
        }
        subject.year = year
        return subject
    }

    private func decideKind() -> Subject.Kind {
        let ranked = kinds.ranked(support: [1, 0, 0], fallback: [0, 1, 0.5])
        guard let best = ranked.first else { return .unknown }
        if best.fromCover { return best.value }
        // Without a cover the body must agree clearly: a LAKIP's body also speaks of its IKU and
        // Renstra, an IKU's of the LAKIP it feeds.
        let runnerUp = ranked.count > 1 ? ranked[1].score : 0
        return best.score >= 1.0 && best.score >= 1.5 * runnerUp ? best.value : .unknown
    }

    /// Plans (IKU, Renstra): the cover's period, else the Renstra's or the most-cited one. Reports
    /// (LAKIP, PK): the Renstra period the report belongs to, holding the report year.
    private func decidePeriod(reportKind: Bool, year: Int?) -> SubjectYearRange? {
        var combined = SubjectTally<SubjectYearRange>()
        for r in ranges.all {
            if r.weights[0] > 0 { combined.add(r.value, tier: 0, weight: r.weights[0]) }
            let later = r.weights[1] + 0.4 * r.weights[2]
            if !reportKind && later > 0 { combined.add(r.value, tier: 1, weight: later) }
        }
        for r in renstraRanges.all {
            if r.weights[0] > 0 { combined.add(r.value, tier: 0, weight: r.weights[0]) }
            let later = r.weights[1] + r.weights[2]
            if later > 0 { combined.add(r.value, tier: 1, weight: 2 * later) }
        }
        let holdsYear: (SubjectYearRange) -> Bool = { range in year.map { range.start <= $0 && $0 <= range.end } ?? true }
        let ranked = combined.ranked(support: [1, 0.25, 0], fallback: [0, 1, 0], where: holdsYear)
        return ranked.first?.value
    }

    private func display(_ key: String) -> String? {
        guard let mention = displays[key] else { return nil }
        let name = mention.name.map { wordCase.titleCase($0) }
        return ([mention.canonical] + name).joined(separator: " ")
    }
}
