import Lint

/// `code-sequence`: program/kegiatan/sub kegiatan codes repeated or skipped under one parent, or one
/// program carrying different codes in different tables.
///
/// The hierarchy of each table with a code column comes from `BudgetHierarchy` (codes, names and the rows
/// themselves). Under one parent, the codes of the children of one level must not repeat or run
/// backwards, and kegiatan and sub kegiatan codes must not skip (07 then 09). Program codes may skip in
/// performance tables, which often list only the programs behind one sasaran; in a budget table (one
/// with pagu or realisasi anggaran: the complete budget) they must not. The first code under a parent
/// may be any (a table may print national codes). Plain row numbers (`1`, `2` in a No column) are not
/// codes. Across tables, a program name written with a budget code (`01`, `7.01.02`) must keep the same
/// code; the occurrences that disagree with the code most tables (or the fullest table) give are reported.
public struct CodeSequenceRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "code-sequence",
            title: Message(id: "Kode program/kegiatan berulang atau melompat", en: "Program or kegiatan codes repeated or skipped"),
            description: Message(
                id: "Kode program, kegiatan dan sub kegiatan di bawah satu induk harus berurutan tanpa berulang atau "
                    + "melompat (kode program boleh melompat di luar tabel anggaran); satu program harus memakai kode "
                    + "yang sama di semua tabel.",
                en: "Program, kegiatan and sub kegiatan codes under one parent must run in order without repeats or "
                    + "gaps (program codes may skip outside budget tables); one program must carry the same code in "
                    + "every table."),
            rationale: Message(
                id: "Kode program, kegiatan dan sub kegiatan mengikuti klasifikasi dan kodefikasi perencanaan "
                    + "pembangunan daerah (Permendagri 86/2017 dan pemutakhirannya). Kode ganda atau melompat "
                    + "menandakan baris yang salah salin atau hilang, sehingga anggaran tidak dapat ditelusuri ke DPA.",
                en: "Program, kegiatan and sub kegiatan codes follow the national classification of regional "
                    + "development planning (Permendagri 86/2017 and its updates). A repeated or skipped code marks a "
                    + "row copied wrongly or missing, so the budget cannot be traced to the DPA."),
            defaultSeverity: .warning,
            parameters: [
                RuleParameter(name: "levels", defaultValue: "{root: [BELANJA], program: [PROGRAM], kegiatan: [KEGIATAN], sub_kegiatan: [SUB KEGIATAN]}",
                              description: Message(id: "Nama tingkat program, kegiatan, sub kegiatan (awal nama).",
                                                   en: "Words that open a program, kegiatan or sub kegiatan name.")),
                RuleParameter(name: "total_rows", defaultValue: "[JUMLAH, TOTAL]",
                              description: Message(id: "Label baris jumlah (bukan bagian hierarki).",
                                                   en: "Labels of total rows (not part of the hierarchy).")),
            ],
            triggering: [
                RuleExample("""
                | No | Program/Kegiatan/Sub Kegiatan | Pagu (Rp) | Realisasi (Rp) |
                |---|---|---|---|
                | 09 | Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah | 16.200.000 | 15.230.000 |
                | 01 | Penyediaan Jasa Pemeliharaan Kendaraan Dinas | 0 | 0 |
                |  | Belanja Pemeliharaan Alat Angkutan | 0 | 0 |
                | 02 | Pemeliharaan Mebel | 900.000 | 870.000 |
                |  | Belanja Pemeliharaan Alat Rumah Tangga | 900.000 | 870.000 |
                | 02 | Pemeliharaan Peralatan dan Mesin Lainnya | 15.300.000 | 14.360.000 |
                |  | Belanja Pemeliharaan Komputer | 15.300.000 | 14.360.000 |
                """, caption: "Sub kegiatan code 02 is used twice under one kegiatan.", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                | No | Program/Kegiatan/Sub Kegiatan | Pagu (Rp) | Realisasi (Rp) |
                |---|---|---|---|
                | 09 | Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah | 16.200.000 | 15.230.000 |
                | 01 | Pemeliharaan Mebel | 900.000 | 870.000 |
                |  | Belanja Pemeliharaan Alat Rumah Tangga | 900.000 | 870.000 |
                | 02 | Pemeliharaan Peralatan dan Mesin Lainnya | 15.300.000 | 14.360.000 |
                |  | Belanja Pemeliharaan Komputer | 15.300.000 | 14.360.000 |
                """, caption: "Codes 01, 02 under kegiatan 09.", kind: .lakip),
            ]
        )
    }

    /// One program row with a budget code, for the comparison across tables.
    private struct ProgramMention {
        var code: BudgetCode
        var location: Location
        var evidence: String
        var name: String
        /// Programs listed in the same table: the fuller list decides a tie.
        var tableProgramCount: Int
        var order: Int
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let words = BudgetWords(context)
        var findings: [Finding] = []
        var mentions: [String: [ProgramMention]] = [:]
        var order = 0
        for table in context.document.logicalTables {
            guard let layout = BudgetLayout(table), let codeColumn = layout.codeColumn else { continue }
            let valueRoles: Set<ColumnRole> = [.pagu, .realisasiAnggaran, .capaian, .target, .realisasi, .persentase]
            let valueColumns = table.columns.filter { $0.role.map(valueRoles.contains) ?? false }.map(\.index)
            let isBudget = table.columns.contains { $0.role == .pagu || $0.role == .realisasiAnggaran }
            let isCodeColumn = table.columns.first { $0.index == codeColumn }?.role == .code
            let hierarchy = BudgetHierarchy(table: table, layout: layout, valueColumns: valueColumns, words: words)

            var families: [(parent: Int?, children: [Int])] = [(nil, hierarchy.roots)]
            for (index, node) in hierarchy.nodes.enumerated() where !node.children.isEmpty {
                families.append((index, node.children))
            }
            for family in families {
                findings.append(contentsOf: siblingFindings(context, table: table, hierarchy: hierarchy, family: family,
                                                            codeColumn: codeColumn, isCodeColumn: isCodeColumn,
                                                            checkGaps: isBudget))
            }

            let programs = hierarchy.nodes.filter { $0.level == .program && $0.row != nil && $0.code?.isPadded == true }
            for node in programs {
                guard let rowIndex = node.row, let code = node.code else { continue }
                let key = programKey(node.name, words: words)
                guard !key.isEmpty else { continue }
                let row = table.rows[rowIndex]
                var location = row.location
                location.column = codeColumn
                mentions[key, default: []].append(ProgramMention(code: code, location: location, evidence: row[codeColumn],
                                                                 name: node.name, tableProgramCount: programs.count,
                                                                 order: order))
                order += 1
            }
        }
        findings.append(contentsOf: programCodeFindings(context, mentions: mentions, words: words))
        return findings
    }

    /// Repeats (and, in budget tables, gaps) among the coded children of one level under one parent.
    private func siblingFindings(_ context: RuleContext, table: LogicalTable, hierarchy: BudgetHierarchy,
                                 family: (parent: Int?, children: [Int]), codeColumn: Int, isCodeColumn: Bool,
                                 checkGaps: Bool) -> [Finding] {
        var findings: [Finding] = []
        var byLevel: [BudgetHierarchy.Level: [Int]] = [:]
        for child in family.children {
            let node = hierarchy.nodes[child]
            // Plain 1, 2, 3 in a No column number rows; only budget codes (01, 7.01.02) are checked here.
            guard node.row != nil, let code = node.code, code.isPadded || isCodeColumn, node.level <= .subKegiatan
            else { continue }
            byLevel[node.level, default: []].append(child)
        }
        let parent = family.parent.map { hierarchy.nodes[$0] }
        // Codes of the national form under an inferred parent or at the top carry their own prefix; a
        // numbering restart there was already read as a missing parent row.
        if let parent, parent.row == nil { return [] }
        for level in byLevel.keys.sorted() {
            guard let siblings = byLevel[level] else { continue }
            var seen: [Int: Int] = [:]
            var previous: BudgetCode?
            for sibling in siblings {
                let node = hierarchy.nodes[sibling]
                guard let code = node.code, let rowIndex = node.row else { continue }
                let row = table.rows[rowIndex]
                var location = row.location
                location.column = codeColumn
                let under = parentPhrase(parent)
                let levelName = level.names
                if let first = seen[code.last], let firstRow = hierarchy.nodes[first].row {
                    let firstLocation = table.rows[firstRow].location
                    let firstName = BudgetText.short(hierarchy.nodes[first].name)
                    findings.append(context.finding(
                        Message(
                            id: "Kode \(levelName.id) \(code.text) dipakai dua kali \(under.id): \"\(firstName)\" (tabel \(firstLocation.table ?? 0) baris \(firstLocation.row ?? 0)) dan \"\(BudgetText.short(node.name))\".",
                            en: "The \(levelName.en) code \(code.text) is used twice \(under.en): \"\(firstName)\" (table \(firstLocation.table ?? 0) row \(firstLocation.row ?? 0)) and \"\(BudgetText.short(node.name))\"."),
                        at: location, evidence: row[codeColumn], expected: previous.map { String(format2($0.last + 1)) },
                        actual: code.text))
                } else if let previous, previous.groups.count == code.groups.count, code.last < previous.last {
                    findings.append(context.finding(
                        Message(
                            id: "Kode \(levelName.id) \(code.text) datang sesudah \(previous.text) \(under.id): urutan kode terbalik atau salah ketik.",
                            en: "The \(levelName.en) code \(code.text) comes after \(previous.text) \(under.en): the codes are out of order or mistyped."),
                        at: location, evidence: row[codeColumn], expected: format2(previous.last + 1), actual: code.text))
                } else if checkGaps || level > .program, let previous, previous.groups.count == code.groups.count,
                          code.last > previous.last + 1 {
                    let missing = (previous.last + 1..<code.last).map(format2).joined(separator: ", ")
                    findings.append(context.finding(
                        Message(
                            id: "Kode \(levelName.id) melompat dari \(previous.text) ke \(code.text) \(under.id): kode \(missing) tidak ada.",
                            en: "The \(levelName.en) codes skip from \(previous.text) to \(code.text) \(under.en): \(missing) is missing."),
                        at: location, evidence: row[codeColumn], expected: format2(previous.last + 1), actual: code.text))
                }
                if seen[code.last] == nil { seen[code.last] = sibling }
                if previous == nil || code.last > (previous?.last ?? 0) { previous = code }
            }
        }
        return findings
    }

    private func parentPhrase(_ parent: BudgetHierarchy.Node?) -> (id: String, en: String) {
        guard let parent else { return ("di tingkat teratas tabel", "at the top of the table") }
        let names = parent.level.names
        let name = BudgetText.short(parent.name)
        return ("di bawah \(names.id) \"\(name)\"", "under \(names.en) \"\(name)\"")
    }

    /// Codes as documents write them: two digits (`08`).
    private func format2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// A program's name without its "Program" word, normalised, for matching across tables.
    private func programKey(_ name: String, words: BudgetWords) -> String {
        var key = BudgetText.normalized(name)
        for prefix in words.programPrefixes where BudgetText.startsWithPhrase(key, prefix) {
            key = String(key.dropFirst(prefix.count)).trimmingPrefixSpaces
            break
        }
        return key
    }

    /// A program named in several tables with different codes: the code most mentions agree on (ties go
    /// to the table listing the most programs) is taken as right; the others are reported.
    private func programCodeFindings(_ context: RuleContext, mentions: [String: [ProgramMention]], words: BudgetWords) -> [Finding] {
        var findings: [Finding] = []
        for list in mentions.values.sorted(by: { ($0.first?.order ?? 0) < ($1.first?.order ?? 0) }) {
            let distinct = Set(list.map(\.code.groups))
            guard distinct.count > 1 else { continue }
            var votes: [[Int]: (count: Int, fullest: Int)] = [:]
            for mention in list {
                let current = votes[mention.code.groups] ?? (0, 0)
                votes[mention.code.groups] = (current.count + 1, max(current.fullest, mention.tableProgramCount))
            }
            guard let reference = votes.max(by: { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.value.fullest < b.value.fullest
            })?.key, let referenceMention = list.first(where: { $0.code.groups == reference }) else { continue }
            // A tie on both counts: no side can be called wrong.
            let best = votes[reference] ?? (0, 0)
            if votes.contains(where: { $0.key != reference && $0.value.count == best.count && $0.value.fullest == best.fullest }) {
                continue
            }
            for mention in list where mention.code.groups != reference {
                let name = BudgetText.short(mention.name)
                let named = programKey(mention.name, words: words) == BudgetText.normalized(mention.name)
                    ? "Program \"\(name)\"" : "\"\(name)\""
                let other = referenceMention.location
                findings.append(context.finding(
                    Message(
                        id: "\(named) berkode \(mention.code.text) di sini, tetapi \(referenceMention.code.text) di tabel \(other.table ?? 0) baris \(other.row ?? 0).",
                        en: "\(named) has code \(mention.code.text) here but \(referenceMention.code.text) in table \(other.table ?? 0) row \(other.row ?? 0)."),
                    at: mention.location, evidence: mention.evidence, expected: referenceMention.code.text,
                    actual: mention.code.text))
            }
        }
        return findings
    }
}

private extension String {
    var trimmingPrefixSpaces: String { String(drop(while: { $0 == " " })) }
}
