import Lint

/// `average-mismatch`: a capaian stated as the mean of the rows under it that is not that mean.
///
/// Many LKjIP compute a program's capaian as the mean of its kegiatan capaian, and a kegiatan's as the
/// mean of its sub kegiatan (DOMAIN.md: Towuti (135,71 + 93,33) / 2 = 114,52 → 114,5). In tables with a
/// capaian column and a program/kegiatan hierarchy (`BudgetHierarchy`), every parent row is compared
/// with the mean of its children. Because a document may give parents capaian of their own indicators,
/// parents are reported only when the document evidently uses means: at least `min_evidence` parents
/// with two or more children match their mean, and more match than not. A row labelled as a mean
/// (`RATA-RATA`) is always checked against the rows above it.
public struct AverageMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "average-mismatch",
            title: Message(id: "Rata-rata capaian salah hitung", en: "A stated mean capaian is not the mean"),
            description: Message(
                id: "Capaian program (atau kegiatan) yang dihitung sebagai rata-rata capaian kegiatan (atau sub "
                    + "kegiatan) di bawahnya harus sama dengan rata-rata itu; begitu pula baris RATA-RATA.",
                en: "A program's (or kegiatan's) capaian computed as the mean of its kegiatan (or sub kegiatan) "
                    + "capaian must equal that mean; so must a RATA-RATA row."),
            rationale: Message(
                id: "Capaian program dan kegiatan dalam LKjIP menjadi dasar penilaian kinerja (PermenPAN-RB 53/2014, "
                    + "PermenPAN-RB 88/2021). Jika dokumen menyatakan capaian sebagai rata-rata, angka yang bukan "
                    + "rata-rata berarti salah hitung atau tidak diperbarui.",
                en: "Program and kegiatan capaian in an LKjIP are the basis of its performance evaluation (PermenPAN-RB "
                    + "53/2014, PermenPAN-RB 88/2021). When the document states capaian as a mean, a figure that is "
                    + "not the mean is a miscalculation or a stale value."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "levels", defaultValue: "{root: [BELANJA], program: [PROGRAM], kegiatan: [KEGIATAN], sub_kegiatan: [SUB KEGIATAN]}",
                              description: Message(id: "Nama tingkat program, kegiatan, sub kegiatan (awal nama).",
                                                   en: "Words that open a program, kegiatan or sub kegiatan name.")),
                RuleParameter(name: "mean_rows", defaultValue: "[RATA-RATA, RERATA]",
                              description: Message(id: "Label baris rata-rata.", en: "Labels of mean rows.")),
                RuleParameter(name: "min_evidence", defaultValue: "2",
                              description: Message(
                                id: "Jumlah induk (dengan dua anak atau lebih) yang sama dengan rata-rata anaknya sebelum selisih dilaporkan.",
                                en: "How many parents (with two or more children) must equal their children's mean before differences are reported.")),
                RuleParameter(name: "tolerance.extra", defaultValue: "0",
                              description: Message(id: "Toleransi tambahan (dari terms).", en: "Extra tolerance (from terms).")),
            ],
            triggering: [
                RuleExample("""
                | No | Program/Kegiatan/Sub Kegiatan | Target | Realisasi | Capaian (%) |
                |---|---|---|---|---|
                | 01 | Program Pemberdayaan Masyarakat Desa | 100 | 114,5 | 114,5 |
                | 01 | Koordinasi Kegiatan Pemberdayaan Desa | 100 | 114,5 | 114,5 |
                | 01 | Peningkatan Partisipasi Masyarakat | 126 | 171 | 135,71 |
                | 02 | Peningkatan Efektifitas Kegiatan Pemberdayaan | 90 | 84 | 93,33 |
                | 02 | Program Koordinasi Ketentraman | 100 | 95 | 95 |
                | 01 | Koordinasi Upaya Ketentraman | 100 | 80 | 80 |
                | 01 | Sinergitas dengan Kepolisian | 10 | 6 | 60 |
                | 02 | Harmonisasi dengan Tokoh Agama | 4 | 4 | 100 |
                | 02 | Koordinasi Penegakan Perda | 100 | 100 | 100 |
                | 01 | Koordinasi dengan Satpol PP | 4 | 4 | 100 |
                | 02 | Sosialisasi Perda | 5 | 5 | 100 |
                """, caption: "Kegiatan capaian 80 and 100 average 90, not the 95 written for the program.", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                | No | Program/Kegiatan/Sub Kegiatan | Target | Realisasi | Capaian (%) |
                |---|---|---|---|---|
                | 01 | Program Pemberdayaan Masyarakat Desa | 100 | 114,5 | 114,5 |
                | 01 | Koordinasi Kegiatan Pemberdayaan Desa | 100 | 114,5 | 114,5 |
                | 01 | Peningkatan Partisipasi Masyarakat | 126 | 171 | 135,71 |
                | 02 | Peningkatan Efektifitas Kegiatan Pemberdayaan | 90 | 84 | 93,33 |
                | 02 | Program Koordinasi Ketentraman | 100 | 90 | 90 |
                | 01 | Koordinasi Upaya Ketentraman | 100 | 80 | 80 |
                | 01 | Sinergitas dengan Kepolisian | 10 | 6 | 60 |
                | 02 | Harmonisasi dengan Tokoh Agama | 4 | 4 | 100 |
                | 02 | Koordinasi Penegakan Perda | 100 | 100 | 100 |
                | 01 | Koordinasi dengan Satpol PP | 4 | 4 | 100 |
                | 02 | Sosialisasi Perda | 5 | 5 | 100 |
                """, caption: "(135,71 + 93,33) / 2 = 114,52, written 114,5: the one decimal shown allows it.", kind: .lakip),
                RuleExample("""
                | No | Program/Kegiatan | Target | Realisasi | Capaian (%) |
                |---|---|---|---|---|
                | 01 | Program Pelayanan Publik | 80 | 84 | 105 |
                | 01 | Pelayanan Administrasi Terpadu | 100 | 90 | 90 |
                | 02 | Penyelenggaraan Urusan Pemerintahan | 100 | 70 | 70 |
                """, caption: "One program with its own indicator: no evidence the document uses means.", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let words = BudgetWords(context)
        let extra = max(0, context.number("tolerance.extra", default: 0))
        let minimumEvidence = Int(max(1, context.number("min_evidence", default: 2)))
        var parentFindings: [Finding] = []
        var meanRowFindings: [Finding] = []
        var agreeing = 0
        var disagreeing = 0
        for table in context.document.logicalTables {
            guard let capaian = table.column(.capaian), let layout = BudgetLayout(table) else { continue }
            let hierarchy = BudgetHierarchy(table: table, layout: layout, valueColumns: [capaian.index], words: words)
            struct Check {
                var written: ParsedNumber
                var values: [ParsedNumber]
                var children: [Int]
                var agrees: Bool
            }
            var checks: [Int: Check] = [:]
            for (index, node) in hierarchy.nodes.enumerated() where !node.children.isEmpty {
                guard let rowIndex = node.row else { continue }
                let children = node.children.map { hierarchy.nodes[$0] }
                guard children.allSatisfy({ $0.row != nil }) else { continue }
                guard case .number(let written) = BudgetNumber.amount(table.rows[rowIndex][capaian.index], lenient: false)
                else { continue }
                let values = children.compactMap { child -> ParsedNumber? in
                    guard let childRow = child.row,
                          case .number(let value) = BudgetNumber.amount(table.rows[childRow][capaian.index], lenient: false)
                    else { return nil }
                    return value
                }
                guard values.count == children.count else { continue }
                checks[index] = Check(written: written, values: values, children: node.children,
                                      agrees: Self.agrees(written: written, values: values, extra: extra))
            }
            for (index, check) in checks.sorted(by: { $0.key < $1.key }) {
                var agrees = check.agrees
                // A wrong kegiatan capaian also breaks its program's mean; when the program agrees once each
                // failing child is read as its own children's mean, only the child is wrong.
                if !agrees, check.children.contains(where: { checks[$0]?.agrees == false }) {
                    let corrected = zip(check.children, check.values).map { child, value -> ParsedNumber in
                        guard let childCheck = checks[child], !childCheck.agrees else { return value }
                        let mean = childCheck.values.reduce(0) { $0 + $1.value } / Double(childCheck.values.count)
                        // The implied mean, at the decimals its row shows.
                        let scaled = (mean * IndonesianNumber.powerOfTen(childCheck.written.decimals)).rounded()
                        guard scaled.isFinite, abs(scaled) < 9e18 else { return value }
                        return ParsedNumber(mantissa: Int64(scaled), decimals: childCheck.written.decimals)
                    }
                    agrees = Self.agrees(written: check.written, values: corrected, extra: extra)
                }
                if check.children.count >= 2 {
                    if agrees { agreeing += 1 } else { disagreeing += 1 }
                }
                if agrees { continue }
                let node = hierarchy.nodes[index]
                guard let rowIndex = node.row else { continue }
                let childLevel = hierarchy.nodes[check.children[0]].level
                parentFindings.append(finding(context, row: table.rows[rowIndex], column: capaian, written: check.written,
                                              values: check.values, subject: (node.level.names, childLevel.names, node.name)))
            }
            meanRowFindings.append(contentsOf: meanRows(context, table: table, capaian: capaian, hierarchy: hierarchy,
                                                        words: words, extra: extra))
        }
        let evident = agreeing >= minimumEvidence && agreeing > disagreeing
        return (evident ? parentFindings : []) + meanRowFindings
    }

    /// Rows labelled as a mean ("RATA-RATA") against the rows above them: all of them, the top-level
    /// rows of the hierarchy, or its leaves — whichever the table means, one has to agree.
    private func meanRows(_ context: RuleContext, table: LogicalTable, capaian: Column, hierarchy: BudgetHierarchy,
                          words: BudgetWords, extra: Double) -> [Finding] {
        var findings: [Finding] = []
        var start = 0
        for (index, row) in table.rows.enumerated() {
            guard let kind = words.summaryKind(of: row, codeColumn: nil) else { continue }
            defer { start = index + 1 }
            guard kind == .mean, case .number(let written) = BudgetNumber.amount(row[capaian.index], lenient: false) else {
                continue
            }
            let range = Array(start..<index)
            let inRange = Set(range)
            func values(_ rows: [Int]) -> [ParsedNumber] {
                rows.compactMap { rowIndex in
                    if case .number(let value) = BudgetNumber.amount(table.rows[rowIndex][capaian.index], lenient: false) {
                        return value
                    }
                    return nil
                }
            }
            let top = hierarchy.nodes.compactMap { node -> Int? in
                guard let rowIndex = node.row, inRange.contains(rowIndex) else { return nil }
                let parentRow = node.parent.flatMap { hierarchy.nodes[$0].row }
                return parentRow.map { inRange.contains($0) } == true ? nil : rowIndex
            }
            let leaves = hierarchy.nodes.compactMap { node -> Int? in
                guard let rowIndex = node.row, inRange.contains(rowIndex), node.children.isEmpty else { return nil }
                return rowIndex
            }
            let candidates = [values(range), values(top), values(leaves)].filter { !$0.isEmpty }
            guard let first = candidates.first else { continue }
            if candidates.contains(where: { Self.agrees(written: written, values: $0, extra: extra) }) { continue }
            findings.append(finding(context, row: row, column: capaian, written: written, values: first,
                                    subject: nil))
        }
        return findings
    }

    private func finding(_ context: RuleContext, row: LogicalRow, column: Column, written: ParsedNumber,
                         values: [ParsedNumber],
                         subject: (parent: (id: String, en: String), child: (id: String, en: String), name: String)?) -> Finding {
        let mean = values.reduce(0) { $0 + $1.value } / Double(values.count)
        let decimals = BudgetNumber.displayDecimals(mean, shown: max(written.decimals, 2))
        let expected = BudgetNumber.indonesian(mean, decimals: decimals)
        let actual = BudgetNumber.indonesian(written.value, decimals: written.decimals)
        let listed = values.prefix(8).map { BudgetNumber.indonesian($0.value, decimals: $0.decimals) }
        let list = listed.joined(separator: " + ") + (values.count > 8 ? " + …" : "")
        var location = row.location
        location.column = column.index
        let message: Message
        if let subject {
            let name = BudgetText.short(subject.name)
            message = Message(
                id: "Capaian \(subject.parent.id) \"\(name)\" tertulis \(actual), padahal rata-rata capaian \(subject.child.id) di bawahnya (\(list)) / \(values.count) = \(expected).",
                en: "The capaian of \(subject.parent.en) \"\(name)\" is written \(actual), but the mean of its \(subject.child.en) capaian (\(list)) / \(values.count) = \(expected).")
        } else {
            message = Message(
                id: "Baris rata-rata tertulis \(actual), padahal rata-rata baris di atasnya (\(list)) / \(values.count) = \(expected).",
                en: "The mean row is written \(actual), but the mean of the rows above it (\(list)) / \(values.count) = \(expected).")
        }
        return context.finding(message, at: location, evidence: row[column.index], expected: expected, actual: actual)
    }

    /// The written value stands for the mean of written values: the mean is known within the average of
    /// the children's half units; the parent may round or truncate it to the decimals it shows.
    static func agrees(written: ParsedNumber, values: [ParsedNumber], extra: Double) -> Bool {
        guard !values.isEmpty else { return true }
        let count = Double(values.count)
        let mean = values.reduce(0) { $0 + $1.value } / count
        let spread = values.reduce(0) { $0 + $1.halfUnit } / count + extra
        let half = written.halfUnit
        return mean + spread >= written.value - half - 1e-9 && mean - spread < written.value + 2 * half
    }
}
