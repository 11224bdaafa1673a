import Lint

/// `foreign-entity`: the text names another kecamatan, kabupaten/kota or OPD than the document's own.
///
/// The document's own unit and region come from its subject ("Kecamatan Towuti", "Kabupaten Luwu Timur").
/// Every "Kecamatan X" / "Kec. X" (when the document is a kecamatan's), "Kabupaten Y" / "Kab. Y" / "Kota Y" /
/// "Bupati Y" / "Walikota Y", read in paragraphs and table cells, must name the own unit or region; the name
/// is the capitalised words after the keyword up to a stop word, punctuation or another keyword, and the own
/// name is matched first, case-insensitively ("kecamatan towuti", "Kec.Rawa jitu Timur"). A name that begins
/// the own name, or a misspelling of it, is the own name. Not candidates:
/// - generic uses with no name ("tingkat kecamatan", "Kabupaten/Kota", "Kabupaten Kota", "ibu kota");
/// - the province (Provinsi/Gubernur …): a kecamatan's documents name it legitimately;
/// - regions in a regulation's title ("UU Nomor 7 Tahun 2003 tentang Pembentukan Kabupaten Luwu Timur dan
///   Mamuju Utara"); the issuer of a regional regulation ("Peraturan Bupati Y") must still be the own region;
/// - sentences that describe neighbours or comparisons (`exempt_context`: berbatasan, sebelah utara,
///   dibandingkan …).
/// OPDs ("Dinas …", "Badan …") work with each other, so they are candidates only where the document speaks
/// of itself: a sentence that starts with the OPD and describes it (`self_description_words`: dibentuk
/// berdasarkan, mempunyai tugas …), or the title of a regulation on an organisation's structure and duties
/// (`organisation_regulation_words`: Kedudukan, Susunan Organisasi, Tugas dan Fungsi …), which the document
/// cites for its own unit. One finding per paragraph or cell and foreign name.
public struct ForeignEntityRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "foreign-entity",
            title: Message(id: "Menyebut instansi atau wilayah lain", en: "Names another unit or region than the document's own"),
            description: Message(
                id: "Teks menyebut kecamatan, kabupaten/kota atau perangkat daerah lain sebagai pemilik dokumen (Laporan "
                    + "Kecamatan Towuti yang menyebut \"Kantor Kecamatan Wotu\"), biasanya sisa dokumen contoh.",
                en: "The text names another kecamatan, regency/city or regional office as the document's owner (a Kecamatan "
                    + "Towuti report speaking of \"Kantor Kecamatan Wotu\"), usually left over from a template."),
            rationale: Message(
                id: "Dokumen SAKIP adalah pertanggungjawaban satu instansi (Perpres 29/2014; PermenPAN-RB 53/2014): IKU, "
                    + "Renstra dan LKjIP yang menyebut instansi atau daerah lain tidak dapat dipertanggungjawabkan dan "
                    + "menurunkan nilai evaluasi AKIP (PermenPAN-RB 88/2021).",
                en: "A SAKIP document is one office's account of its performance (Perpres 29/2014; PermenPAN-RB 53/2014): an "
                    + "IKU, Renstra or LKjIP naming another office or region cannot stand as that account and lowers the "
                    + "AKIP evaluation (PermenPAN-RB 88/2021)."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "district_words", defaultValue: "[kecamatan, kec]",
                              description: Message(id: "Kata sebelum nama kecamatan.", en: "Words before a kecamatan's name.")),
                RuleParameter(name: "district_head_words", defaultValue: "[camat]",
                              description: Message(id: "Jabatan kepala kecamatan (hanya dalam huruf besar: CAMAT TOWUTI).",
                                                   en: "Title of a kecamatan's head (only in capitals: CAMAT TOWUTI).")),
                RuleParameter(name: "region_words", defaultValue: "[kabupaten, kab, kota, kotamadya, bupati, walikota, wali kota]",
                              description: Message(id: "Kata sebelum nama kabupaten/kota (juga jabatan kepala daerah).",
                                                   en: "Words before a regency's or city's name (also its head's title).")),
                RuleParameter(name: "province_words", defaultValue: "[provinsi, propinsi, prov, gubernur]",
                              description: Message(id: "Kata sebelum nama provinsi (tidak diperiksa).",
                                                   en: "Words before a province's name (not checked).")),
                RuleParameter(name: "agency_words", defaultValue: "[dinas, badan]",
                              description: Message(id: "Kata sebelum nama perangkat daerah.", en: "Words before a regional office's name.")),
                RuleParameter(name: "name_stop_words", defaultValue: "[tahun, nomor, tentang, yang, di, …]",
                              description: Message(id: "Kata yang mengakhiri sebuah nama.", en: "Words that end a name.")),
                RuleParameter(name: "name_prefixes", defaultValue: "[daerah tingkat ii]",
                              description: Message(id: "Sebutan di depan nama yang diabaikan.", en: "Titles before a name that are skipped.")),
                RuleParameter(name: "exempt_context", defaultValue: "[berbatasan, sebelah utara, dibandingkan, …]",
                              description: Message(id: "Kalimat dengan kata ini boleh menyebut wilayah lain.",
                                                   en: "A sentence with these words may name other regions.")),
                RuleParameter(name: "self_description_words", defaultValue: "[dibentuk berdasarkan, mempunyai tugas, …]",
                              description: Message(id: "Kalimat yang dimulai dengan perangkat daerah dan kata ini menggambarkan pemilik dokumen.",
                                                   en: "A sentence starting with an office and holding these describes the document's owner.")),
                RuleParameter(name: "max_names_listed", defaultValue: "2",
                              description: Message(id: "Lebih banyak nama sejenis dalam satu kalimat atau kolom tabel adalah daftar.",
                                                   en: "More names of one kind in one sentence or table column make a list.")),
                RuleParameter(name: "organisation_regulation_words", defaultValue: "[susunan organisasi, tata kerja, …]",
                              description: Message(id: "Judul peraturan susunan organisasi dan tugas: instansi di dalamnya harus pemilik dokumen.",
                                                   en: "Titles of regulations on structure and duties: the office they name must be the document's.")),
            ],
            triggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Kabupaten Sejahtera Tahun 2023

                    Laporan Kinerja Kecamatan Maju Tahun 2023 disusun sebagai pertanggungjawaban Camat Maju.

                    Dalam upaya mewujudkan akuntabilitas, pada Kantor Kecamatan Lestari juga ditemukan permasalahan.
                    """, caption: "Another kecamatan's name left in the text", kind: .lakip),
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Kabupaten Sejahtera Tahun 2023-2026

                    Susunan Organisasi Kecamatan Maju Kota Pariaman terdiri atas Camat, Sekretariat dan Seksi.
                    """, caption: "The kecamatan placed in another city", kind: .iku),
                RuleExample("""
                    # Indikator Kinerja Utama Kecamatan Maju Kabupaten Sejahtera Tahun 2021-2026

                    Dinas Perdagangan dan Perindustrian Kabupaten Sejahtera dibentuk berdasarkan Peraturan Daerah Nomor 5 Tahun 2020, dengan tugas membantu Bupati.
                    """, caption: "Another office's description copied into the kecamatan's document", kind: .iku),
            ],
            nonTriggering: [
                RuleExample("""
                    # Laporan Kinerja Kecamatan Maju Kabupaten Sejahtera Tahun 2023

                    1. Undang-Undang Nomor 7 Tahun 2003 tentang Pembentukan Kabupaten Sejahtera dan Kabupaten Lestari di Provinsi Makmur;

                    Kecamatan Maju di sebelah utara berbatasan dengan Kecamatan Lestari dan Provinsi Jaya.

                    Retribusi perizinan kini menjadi tugas Dinas PTSP, sedangkan kecamatan melayani pelaporan di tingkat kecamatan dan Kabupaten/Kota.

                    Laporan disampaikan kepada Bupati Sejahtera dan Ketua DPRD Kab. Sejahtera.
                    """, caption: "A law's title, neighbours, another office at work, generic words, the own region", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let words = ForeignEntityWords(context)
        let grammar = ConsistencyCitationGrammar(context)
        let places = ConsistencyPlace.all(in: context.document)
        // The own kecamatan and region are the ones the document names most often: when a wrong name sits on the
        // cover, the subject takes it, but the odd one out is still the wrong one.
        let memo = ConsistencyTokenMemo.shared(context)
        let subject = ForeignEntityScanner.majoritySubject(context.document.subject, places: places, words: words,
                                                           grammar: grammar, memo: memo)
        let own = OwnEntity(subject, words: words)
        guard own.district != nil || own.region != nil || own.agency != nil else { return [] }
        let scanner = ForeignEntityScanner(words: words, own: own, grammar: grammar, memo: memo)

        // Mentions per place; a table column naming many places of one kind is a list of them.
        var found: [(place: ConsistencyPlace, mention: ForeignEntityMention)] = []
        for place in places {
            for mention in scanner.foreignMentions(in: place.text) { found.append((place, mention)) }
        }
        var columnNames: [String: Set<String>] = [:]
        func columnKey(_ entry: (place: ConsistencyPlace, mention: ForeignEntityMention)) -> String? {
            guard let table = entry.place.location.table, let column = entry.place.location.column else { return nil }
            return "\(table)|\(column)|\(entry.mention.category)"
        }
        for entry in found { if let key = columnKey(entry) { columnNames[key, default: []].insert(entry.mention.key) } }

        var findings: [Finding] = []
        var reported = Set<String>()
        for (place, mention) in found {
            if let key = columnKey((place, mention)), (columnNames[key]?.count ?? 0) > words.maxListed { continue }
            guard reported.insert("\(place.location)|\(mention.key)").inserted else { continue }
            let ownName = mention.category == .region ? (own.regionDisplay ?? own.display) : own.display
            findings.append(context.finding(
                Message(id: "Menyebut \(mention.text), padahal dokumen ini milik \(own.display): nama instansi atau "
                            + "wilayah lain biasanya tertinggal dari dokumen yang dijadikan contoh.",
                        en: "Names \(mention.text), but this document belongs to \(own.display); another office's or "
                            + "region's name is usually left over from the document used as a template."),
                at: place.location, evidence: place.text, expected: ownName, actual: mention.text))
        }
        return findings
    }
}

// MARK: - Words

/// What a keyword introduces.
enum ForeignEntityCategory: Sendable {
    case district, region, province, agency
}

/// The foreign-entity rule's word lists, upper-cased once.
struct ForeignEntityWords: Sendable {
    /// Keyword phrases with their category and whether the keyword is a head's title (CAMAT, BUPATI).
    let keywords: [(words: [String], category: ForeignEntityCategory, isHead: Bool)]
    let allKeywordWords: Set<String>
    let stopWords: Set<String>
    let namePrefixes: [[String]]
    let exemptContext: [[String]]
    let selfDescription: [[String]]
    let organisationRegulation: [[String]]
    /// More different names of one kind than this in one sentence or table column make a list, not a slip.
    let maxListed: Int
    static let connectors: Set<String> = ["DAN", "SERTA", "&"]
    static let maxPlaceNameWords = 4
    static let maxAgencyNameWords = 12

    init(_ context: RuleContext) {
        self.init(
            district: context.words("district_words"), districtHeads: context.words("district_head_words"),
            region: context.words("region_words"), province: context.words("province_words"),
            agency: context.words("agency_words"), stop: context.words("name_stop_words"),
            prefixes: context.words("name_prefixes"), exempt: context.words("exempt_context"),
            selfDescription: context.words("self_description_words"),
            organisation: context.words("organisation_regulation_words"),
            maxListed: Int(context.number("max_names_listed", default: 2)))
    }

    init(district: [String], districtHeads: [String], region: [String], province: [String], agency: [String],
         stop: [String], prefixes: [String], exempt: [String], selfDescription: [String], organisation: [String],
         maxListed: Int = 2) {
        self.maxListed = maxListed
        let heads: Set<String> = ["BUPATI", "WALIKOTA", "WALI KOTA", "GUBERNUR"]
        var keywords: [(words: [String], category: ForeignEntityCategory, isHead: Bool)] = []
        for phrase in ConsistencyText.phrases(district) { keywords.append((phrase, .district, false)) }
        for phrase in ConsistencyText.phrases(districtHeads) { keywords.append((phrase, .district, true)) }
        for phrase in ConsistencyText.phrases(region) {
            keywords.append((phrase, .region, heads.contains(phrase.joined(separator: " "))))
        }
        for phrase in ConsistencyText.phrases(province) { keywords.append((phrase, .province, false)) }
        for phrase in ConsistencyText.phrases(agency) { keywords.append((phrase, .agency, false)) }
        // Longer phrases first ("WALI KOTA" before "KOTA").
        self.keywords = keywords.sorted { $0.words.count > $1.words.count }
        allKeywordWords = Set(keywords.flatMap(\.words))
        stopWords = Set(stop.map { $0.uppercased() })
        namePrefixes = ConsistencyText.phrases(prefixes)
        exemptContext = ConsistencyText.phrases(exempt)
        self.selfDescription = ConsistencyText.phrases(selfDescription)
        organisationRegulation = ConsistencyText.phrases(organisation)
    }

    func keyword(at index: Int, in tokens: [ConsistencyToken]) -> (category: ForeignEntityCategory, isHead: Bool, length: Int)? {
        for keyword in keywords where index + keyword.words.count <= tokens.count {
            if keyword.words.indices.allSatisfy({ tokens[index + $0].key == keyword.words[$0] }) {
                return (keyword.category, keyword.isHead, keyword.words.count)
            }
        }
        return nil
    }
}

// MARK: - The document's own unit and region

/// The subject's unit and region as word lists to compare names with.
struct OwnEntity: Sendable {
    /// The kecamatan's name words when the unit is a kecamatan ("RAWA JITU TIMUR").
    let district: [String]?
    /// The office's name words when the unit is a Dinas or Badan ("PERDAGANGAN").
    let agency: [String]?
    /// The region's name words ("LUWU TIMUR").
    let region: [String]?
    /// "Kecamatan Towuti, Kabupaten Luwu Timur".
    let display: String
    let regionDisplay: String?
    /// The subject names a unit at all.
    let hasUnit: Bool
    /// The unit's name when it starts with a keyword ("KOTA BARU" of Kecamatan Kota Baru).
    let keywordLedName: [String]?

    init(_ subject: Subject, words: ForeignEntityWords) {
        var district: [String]?
        var agency: [String]?
        if let unit = subject.unit {
            let tokens = ConsistencyText.tokenize(unit)
            if let keyword = words.keyword(at: 0, in: tokens), tokens.count > keyword.length {
                let name = tokens[keyword.length...].map(\.key)
                switch keyword.category {
                case .district: district = name
                case .agency: agency = name
                case .region, .province: break
                }
            }
        }
        var region: [String]?
        if let text = subject.region {
            let tokens = ConsistencyText.tokenize(text)
            if let keyword = words.keyword(at: 0, in: tokens), keyword.category == .region, tokens.count > keyword.length {
                region = tokens[keyword.length...].map(\.key)
            }
        }
        self.district = district
        self.agency = agency
        self.region = region
        display = [subject.unit, subject.region].compactMap { $0 }.joined(separator: ", ")
        regionDisplay = subject.region
        hasUnit = subject.unit != nil
        let unitName = district ?? agency
        keywordLedName = unitName.flatMap { name in name.first.map { words.allKeywordWords.contains($0) } == true ? name : nil }
    }

    func name(for category: ForeignEntityCategory) -> [String]? {
        switch category {
        case .district: district
        case .agency: agency
        case .region: region
        case .province: nil
        }
    }
}

// MARK: - Scanning

struct ForeignEntityMention: Sendable {
    let category: ForeignEntityCategory
    /// As written: "Kecamatan Wotu", "Kota Pariaman".
    let text: String
    /// Category and upper-cased name, to report each name once per place.
    let key: String
    /// Token index of the sentence's start (mentions of one sentence share it).
    var sentence: Int = 0
}

struct ForeignEntityScanner: Sendable {
    let words: ForeignEntityWords
    let own: OwnEntity
    let grammar: ConsistencyCitationGrammar
    let memo: ConsistencyTokenMemo

    func foreignMentions(in text: String) -> [ForeignEntityMention] {
        let tokens = memo.tokenize(text)
        guard !tokens.isEmpty else { return [] }
        let citations = grammar.citations(in: tokens)
        let sentences = ConsistencyText.sentences(tokens)
        var mentions: [ForeignEntityMention] = []
        var index = 0
        while index < tokens.count {
            if let length = ownKeywordLedName(at: index, in: tokens) {
                index += length
                continue
            }
            guard let keyword = acceptedKeyword(at: index, in: tokens) else {
                index += 1
                continue
            }
            let nameStart = index + keyword.length
            let name = self.name(after: nameStart, category: keyword.category, in: tokens)
            defer { index = max(name.end, index + 1) }
            guard !name.isOwn, !name.words.isEmpty else { continue }
            switch keyword.category {
            case .province:
                continue
            case .district, .region:
                // A kecamatan is foreign only to another kecamatan: a regency's offices work in all of them.
                guard let ownName = own.name(for: keyword.category), !Self.isSame(name.words, ownName) else { continue }
            case .agency:
                // Any office other than the document's own unit (which may be no office at all).
                guard own.hasUnit else { continue }
                if let ownName = own.agency, Self.isSame(name.words, ownName) { continue }
            }
            guard let sentence = sentences.first(where: { $0.contains(index) }) else { continue }
            if words.exemptContext.contains(where: { ConsistencyText.contains($0, in: tokens, range: sentence) }) { continue }
            guard isInOwnerPosition(index, category: keyword.category, tokens: tokens, sentence: sentence,
                                    citations: citations) else { continue }
            var written: [String] = []
            for position in index..<name.end {
                let token = tokens[position]
                written.append(token.text + (token.breakAfter == .comma && position < name.end - 1 ? "," : ""))
            }
            mentions.append(ForeignEntityMention(
                category: keyword.category, text: written.joined(separator: " "),
                key: "\(keyword.category)|\(name.words.joined(separator: " "))", sentence: sentence.lowerBound))
        }
        // A sentence naming many of one kind lists them ("11 kecamatan, yaitu Kecamatan Malili, Kecamatan Wotu, …").
        return Self.withoutLists(mentions, maxListed: words.maxListed) { $0.sentence }
    }

    /// The mentions without those of a group (a sentence, a table column) that names more than `maxListed`
    /// different places of one kind.
    static func withoutLists(_ mentions: [ForeignEntityMention], maxListed: Int,
                             group: (ForeignEntityMention) -> Int) -> [ForeignEntityMention] {
        var names: [String: Set<String>] = [:]
        for mention in mentions { names["\(group(mention))|\(mention.category)", default: []].insert(mention.key) }
        return mentions.filter { (names["\(group($0))|\($0.category)"]?.count ?? 0) <= maxListed }
    }

    /// The length of the document's own unit name at `index` when that name starts with a keyword
    /// ("Kecamatan Kota Baru": "Camat Kota Baru"), so the keyword is not read as another region.
    private func ownKeywordLedName(at index: Int, in tokens: [ConsistencyToken]) -> Int? {
        guard let ownName = own.keywordLedName, index + ownName.count <= tokens.count,
              ownName.indices.allSatisfy({ tokens[index + $0].key == ownName[$0] }) else { return nil }
        return ownName.count
    }

    /// Every kecamatan and region name written after its keyword, without judging it (for the majority vote).
    func mentionedNames(in text: String) -> [(category: ForeignEntityCategory, words: [String], written: String)] {
        let tokens = memo.tokenize(text)
        var names: [(category: ForeignEntityCategory, words: [String], written: String)] = []
        var index = 0
        while index < tokens.count {
            if let length = ownKeywordLedName(at: index, in: tokens) {
                index += length
                continue
            }
            guard let keyword = acceptedKeyword(at: index, in: tokens) else {
                index += 1
                continue
            }
            let name = self.name(after: index + keyword.length, category: keyword.category, in: tokens, generic: true)
            if !name.words.isEmpty, keyword.category == .district || keyword.category == .region {
                let written = tokens[(name.end - name.words.count)..<name.end].map(\.text).joined(separator: " ")
                names.append((keyword.category, name.words, written))
            }
            index = max(name.end, index + 1)
        }
        return names
    }

    /// The subject with its kecamatan and region replaced by the names the document uses most, when another
    /// name is used more often than the subject's.
    static func majoritySubject(_ subject: Subject, places: [ConsistencyPlace], words: ForeignEntityWords,
                                grammar: ConsistencyCitationGrammar, memo: ConsistencyTokenMemo) -> Subject {
        let own = OwnEntity(subject, words: words)
        let counter = ForeignEntityScanner(words: words, own: own, grammar: grammar, memo: memo)
        var counts: [String: (category: ForeignEntityCategory, words: [String], written: String, count: Int)] = [:]
        for place in places {
            for name in counter.mentionedNames(in: place.text) {
                let key = "\(name.category)|\(name.words.joined(separator: " "))"
                counts[key, default: (name.category, name.words, name.written, 0)].count += 1
            }
        }
        var adjusted = subject
        for category in [ForeignEntityCategory.district, .region] {
            guard let ownName = own.name(for: category) else { continue }
            let entries = counts.values.filter { $0.category == category }
            let ownCount = entries.filter { isSame($0.words, ownName) }.reduce(0) { $0 + $1.count }
            guard let best = entries.filter({ !isSame($0.words, ownName) }).max(by: { $0.count < $1.count }),
                  best.count > ownCount, best.count >= 2 else { continue }
            let titled = best.written.split(separator: " ").map { word in word.prefix(1).uppercased() + word.dropFirst().lowercased() }
                .joined(separator: " ")
            if category == .district {
                adjusted.unit = "Kecamatan " + titled
            } else {
                let kind = subject.region.flatMap { $0.split(separator: " ").first.map(String.init) } ?? "Kabupaten"
                adjusted.region = kind + " " + titled
            }
        }
        return adjusted
    }

    /// A keyword that introduces a name here: "Kota" only capitalised and not in "ibu kota", heads' titles
    /// capitalised (a kecamatan's head only in capitals, since "Camat" starts many sentences as a subject).
    private func acceptedKeyword(at index: Int, in tokens: [ConsistencyToken]) -> (category: ForeignEntityCategory, length: Int)? {
        guard let keyword = words.keyword(at: index, in: tokens) else { return nil }
        let token = tokens[index]
        let previous = index > 0 ? tokens[index - 1].key : ""
        // "… di tingkat kecamatan. Harapan …": punctuation after the keyword means no name follows.
        if tokens[index + keyword.length - 1].breakAfter != .none { return nil }
        switch keyword.category {
        case .district:
            // A lower-case "kecamatan" is the common noun ("musrenbang kecamatan Tahun …").
            if !token.isCapitalized { return nil }
            if keyword.isHead && !token.isAllCaps { return nil }
        case .region:
            if !token.isCapitalized { return nil }
            if previous == "IBU" || previous == "WAKIL" { return nil }
        case .agency:
            if !token.isCapitalized { return nil }
        case .province:
            break
        }
        return (keyword.category, keyword.length)
    }

    /// The name after a keyword: the own name when it is written there (in any case), else the capitalised
    /// words up to a stop word, a keyword, a number or punctuation.
    private func name(after start: Int, category: ForeignEntityCategory, in tokens: [ConsistencyToken],
                      generic: Bool = false) -> (words: [String], end: Int, isOwn: Bool) {
        var index = start
        for prefix in words.namePrefixes where ConsistencyText.firstOccurrence(of: prefix, in: tokens, range: index..<min(tokens.count, index + prefix.count)) == index {
            index += prefix.count
        }
        if !generic, let ownName = own.name(for: category), !ownName.isEmpty, index + ownName.count <= tokens.count {
            let lastIndex = ownName.count - 1
            let matches = ownName.indices.allSatisfy { position in
                let token = tokens[index + position]
                if token.key == ownName[position] { return true }
                // "WotuTahun": the own name run into the next word by a missing space.
                guard position == lastIndex, token.key.hasPrefix(ownName[position]) else { return false }
                let rest = token.text.dropFirst(ownName[position].count)
                return rest.first?.isUppercase == true || rest.first?.isNumber == true
            }
            if matches { return (ownName, index + ownName.count, true) }
        }
        let limit = category == .agency ? ForeignEntityWords.maxAgencyNameWords : ForeignEntityWords.maxPlaceNameWords
        var name: [String] = []
        while index < tokens.count, name.count < limit {
            let token = tokens[index]
            if token.opensParenthesis { break }
            if category == .agency, !name.isEmpty, ForeignEntityWords.connectors.contains(token.key),
               index + 1 < tokens.count, isNameWord(tokens[index + 1]) {
                name.append(token.key)
                index += 1
                continue
            }
            guard isNameWord(token) else { break }
            name.append(token.key)
            index += 1
            if token.breakAfter >= .clause || token.closesParenthesis { break }
            if token.breakAfter == .comma {
                // An office's name may list its fields ("Dinas Perdagangan, Koperasi dan UKM").
                guard category == .agency, index < tokens.count, isNameWord(tokens[index]) else { break }
            }
        }
        return (name, index, false)
    }

    private func isNameWord(_ token: ConsistencyToken) -> Bool {
        token.hasLetters && token.isCapitalized && !token.isDigits && !words.stopWords.contains(token.key)
            && !words.allKeywordWords.contains(token.key)
    }

    /// Whether the mention stands where the document names its owner.
    private func isInOwnerPosition(_ index: Int, category: ForeignEntityCategory, tokens: [ConsistencyToken],
                                   sentence: Range<Int>, citations: [ConsistencyCitation]) -> Bool {
        if let citation = citations.first(where: { $0.start <= index && index < $0.end }) {
            if citation.inTitle(index) {
                // Laws name other regions; a regulation on an organisation's structure names the document's own unit.
                guard category != .region, let title = citation.titleRange else { return false }
                return words.organisationRegulation.contains { ConsistencyText.contains($0, in: tokens, range: title) }
            }
            // The issuer: a regional regulation is the own region's; other offices' decrees may be cited.
            return category != .agency
        }
        if category == .agency {
            guard index == sentence.lowerBound else { return false }
            return words.selfDescription.contains { ConsistencyText.contains($0, in: tokens, range: sentence) }
        }
        return true
    }

    /// The own name, a shorter or longer form of it ("Rawa" for "Rawa Jitu Timur"), or a misspelling of it.
    static func isSame(_ name: [String], _ own: [String]) -> Bool {
        guard !own.isEmpty else { return true }
        let common = min(name.count, own.count)
        if Array(name.prefix(common)) == Array(own.prefix(common)) { return true }
        let a = name.joined(separator: " ")
        let b = own.joined(separator: " ")
        return ConsistencyText.editDistance(a, b) <= max(1, b.count / 6)
    }
}
