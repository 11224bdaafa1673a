import Lint

/// `sum-mismatch`: a total that is not the sum of its parts.
///
/// Four kinds of totals are held against their parts:
/// 1. the budget hierarchy of a realisation table (Belanja > Program > Kegiatan > Sub Kegiatan > rekening
///    lines), inferred by `BudgetHierarchy` from codes, names and the rows themselves, for every money column;
/// 2. rows labelled as totals (`JUMLAH`, `TOTAL` …) against the rows above them;
/// 3. total columns: `L | P | Jumlah`, columns grouped under one merged header with a `Total` column, and a
///    `TOTAL` group of `L | P` columns against the `L | P` groups beside it;
/// 4. `sisa` = pagu − realisasi.
///
/// Whole amounts (rupiah, counts) must add exactly; a value shown with decimals that is not money stands
/// for ± half a unit of its last decimal (XBRL calculation 1.1). `tolerance.extra` widens both.
///
/// One wrong figure is reported once: a parent that adds up once each failing child is read as the sum
/// of its own parts is not reported (the child is), and a cell that fails both its row and its column
/// check is reported once. A subtree that runs to the end of a table followed at once by a table of the
/// same width, whose parts fall short of the total, is left alone: the rest is probably in that table.
public struct SumMismatchRule: Rule {
    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: "sum-mismatch",
            title: Message(id: "Jumlah tidak sama dengan penjumlahan rinciannya", en: "A total is not the sum of its parts"),
            description: Message(
                id: "Memeriksa setiap jumlah dalam tabel terhadap rinciannya: pagu dan realisasi program, kegiatan dan "
                    + "sub kegiatan terhadap rincian di bawahnya, baris JUMLAH/TOTAL terhadap baris di atasnya, kolom "
                    + "jumlah (L + P = jumlah) terhadap kolom rinciannya, dan sisa = pagu − realisasi.",
                en: "Checks every total in a table against its parts: the pagu and realisasi of each program, kegiatan "
                    + "and sub kegiatan against the rows under it, JUMLAH/TOTAL rows against the rows above, total "
                    + "columns (L + P = total) against their part columns, and sisa = pagu − realisasi."),
            rationale: Message(
                id: "Laporan kinerja wajib menyajikan realisasi anggaran yang dapat dipertanggungjawabkan "
                    + "(PermenPAN-RB 53/2014; Permendagri 86/2017 untuk susunan program, kegiatan dan sub kegiatan). "
                    + "Jumlah yang tidak sama dengan rinciannya berarti salah satu angka salah ketik atau tidak "
                    + "diperbarui, dan pembaca tidak tahu angka mana yang benar.",
                en: "A performance report must present a budget realisation that can be accounted for (PermenPAN-RB "
                    + "53/2014; Permendagri 86/2017 for the program, kegiatan and sub kegiatan structure). A total "
                    + "that differs from its parts means one of the figures is mistyped or stale, and the reader "
                    + "cannot tell which one is right."),
            defaultSeverity: .error,
            parameters: [
                RuleParameter(name: "levels", defaultValue: "{root: [BELANJA], program: [PROGRAM], kegiatan: [KEGIATAN], sub_kegiatan: [SUB KEGIATAN]}",
                              description: Message(
                                id: "Nama tingkat anggaran: nama induk (root, seluruhnya) dan awal nama program, kegiatan, sub kegiatan.",
                                en: "Budget level names: the root's whole name and the words that open a program, kegiatan or sub kegiatan name.")),
                RuleParameter(name: "total_rows", defaultValue: "[JUMLAH, TOTAL, …]",
                              description: Message(id: "Label baris jumlah (seluruh isi sel).",
                                                   en: "Labels of total rows (the whole cell).")),
                RuleParameter(name: "subtotal_rows", defaultValue: "[SUB TOTAL, SUBTOTAL, …]",
                              description: Message(id: "Label baris sub jumlah.", en: "Labels of subtotal rows.")),
                RuleParameter(name: "total_columns", defaultValue: "[JUMLAH, TOTAL, JML, L P]",
                              description: Message(id: "Label kolom jumlah.", en: "Labels of total columns.")),
                RuleParameter(name: "male_columns", defaultValue: "[L, LK, LAKI LAKI]",
                              description: Message(id: "Label kolom laki-laki.", en: "Labels of male columns.")),
                RuleParameter(name: "female_columns", defaultValue: "[P, PR, PEREMPUAN]",
                              description: Message(id: "Label kolom perempuan.", en: "Labels of female columns.")),
                RuleParameter(name: "remainder_columns", defaultValue: "[SISA, SISA ANGGARAN, SELISIH, EFISIENSI]",
                              description: Message(id: "Label kolom sisa anggaran (pagu − realisasi).",
                                                   en: "Labels of remainder columns (pagu − realisasi).")),
                RuleParameter(name: "scaled_amounts", defaultValue: "[JUTA, RIBU, MILIAR, MILYAR]",
                              description: Message(id: "Kata pada judul kolom uang yang dibulatkan; jumlahnya diberi toleransi pembulatan.",
                                                   en: "Header words of rounded money columns; their sums get a rounding tolerance.")),
                RuleParameter(name: "mean_rows", defaultValue: "[RATA-RATA, RERATA]",
                              description: Message(id: "Label baris rata-rata (bukan jumlah, tidak dijumlahkan).",
                                                   en: "Labels of mean rows (not totals, not added).")),
                RuleParameter(name: "non_additive_columns", defaultValue: "[PERSENTASE, RASIO, INDEKS, NILAI, …]",
                              description: Message(id: "Kata pada judul kolom yang nilainya tidak dijumlahkan (persen, rasio, indeks, rata-rata).",
                                                   en: "Header words of columns whose values do not add up (percentages, ratios, indices, means).")),
                RuleParameter(name: "tolerance.extra", defaultValue: "0",
                              description: Message(id: "Toleransi tambahan (dari terms).", en: "Extra tolerance (from terms).")),
            ],
            triggering: [
                RuleExample("""
                | No | Program/Kegiatan/Sub Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |
                |---|---|---|---|---|
                | 01 | Penyediaan Gaji dan Tunjangan ASN | 1.500.000 | 1.400.000 | 93,33 |
                |  | Belanja Gaji Pokok ASN | 1.000.000 | 950.000 | 95,00 |
                |  | Belanja Tunjangan Keluarga ASN | 500.003 | 450.000 | 90,00 |
                """, caption: "The rekening lines add up to 1.500.003, the sub kegiatan says 1.500.000.", kind: .lakip),
                RuleExample("""
                | No | Golongan | L | P | Jumlah |
                |---|---|---|---|---|
                | 1 | III | 2 | 3 | 5 |
                | 2 | II | 1 | 1 | 3 |
                | JUMLAH |  | 3 | 4 | 8 |
                """, caption: "L + P: 1 + 1 is not 3, and 3 + 4 is not 8.", kind: .lakip),
            ],
            nonTriggering: [
                RuleExample("""
                | No | Program/Kegiatan/Sub Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |
                |---|---|---|---|---|
                | 5.2 | Belanja | 1.500.000,00 | 1.400.000,00 | 93,33 |
                | 01 | Program Penunjang Urusan Pemerintahan Daerah | 1.500.000,00 | 1.400.000,00 | 93,33 |
                | 01 | Administrasi Keuangan Perangkat Daerah | 1.500.000,00 | 1.400.000,00 | 93,33 |
                | 01 | Penyediaan Gaji dan Tunjangan ASN | 1.500.000,00 | 1.400.000,00 | 93,33 |
                |  | Belanja Gaji Pokok ASN | 1.000.000 | 950.000 | 95,00 |
                |  | Belanja Tunjangan Keluarga ASN | 500.000 | 450.000 | 90,00 |
                """, caption: "Every level adds up.", kind: .lakip),
                RuleExample("""
                | No | Golongan | L | P | Jumlah |
                |---|---|---|---|---|
                | 1 | III | 2 | 3 | 5 |
                | 2 | II | 1 | 1 | 2 |
                | JUMLAH |  | 3 | 4 | 7 |
                """, caption: "Rows and columns add up.", kind: .lakip),
            ]
        )
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let words = BudgetWords(context)
        let extra = max(0, context.number("tolerance.extra", default: 0))
        var findings: [Finding] = []
        // `Document.tables` is computed from the blocks on every call: take it once.
        let physicalTables = context.document.tables
        for table in context.document.logicalTables {
            let checker = TableSumChecker(table: table, physicalTables: physicalTables, words: words, extra: extra,
                                          context: context)
            findings.append(contentsOf: checker.hierarchyFindings())
            findings.append(contentsOf: checker.totalRowFindings())
            findings.append(contentsOf: checker.totalColumnFindings())
            findings.append(contentsOf: checker.remainderFindings())
        }
        // One wrong cell can fail two checks (its JUMLAH row and its L + P column): report it once.
        var reported = Set<Location>()
        return findings.filter { reported.insert($0.location).inserted }
    }
}

// MARK: - The four checks on one table

private struct TableSumChecker {
    let table: LogicalTable
    let physicalTables: [Table]
    let words: BudgetWords
    let extra: Double
    let context: RuleContext

    /// Money columns: pagu and realisasi anggaran (also several years of pagu in a Renstra).
    var moneyColumns: [Column] { table.columns.filter { $0.role == .pagu || $0.role == .realisasiAnggaran } }

    /// A money column whose header says it is rounded to thousands or millions.
    func isScaled(_ column: Column) -> Bool {
        let header = BudgetText.normalized(column.header)
        return words.scaledAmounts.contains { BudgetText.containsPhrase(header, $0) }
    }

    // MARK: 1. Budget hierarchy

    func hierarchyFindings() -> [Finding] {
        let money = moneyColumns
        guard !money.isEmpty, let layout = BudgetLayout(table) else { return [] }
        let hierarchy = BudgetHierarchy(table: table, layout: layout, valueColumns: money.map(\.index), words: words)
        var findings: [Finding] = []
        for column in money {
            // Every parent against its parts, as written.
            struct Check {
                var written: ParsedNumber
                var parts: [ParsedNumber]
                /// Children by node index, in order, with their written values.
                var children: [Int]
                var tolerance: Double
                var agrees: Bool
            }
            var checks: [Int: Check] = [:]
            for (index, node) in hierarchy.nodes.enumerated() where node.row != nil && !node.children.isEmpty {
                guard let rowIndex = node.row,
                      case .number(let written) = BudgetNumber.amount(table.rows[rowIndex][column.index], lenient: true)
                else { continue }
                let children = node.children.map { hierarchy.nodes[$0] }
                // A child the table does not show (numbering restarts without its parent row): parts unknown.
                guard let parts = childAmounts(children, column: column) else { continue }
                let tolerance = toleranceFor(written: written, parts: parts, exact: !isScaled(column))
                var agrees = BudgetNumber.difference(written, parts) <= tolerance + 1e-9
                // Lines that are themselves the sum of the lines after them (a rekening with its details
                // written flat): read them as subtotals before calling the parent wrong.
                if !agrees, children.allSatisfy({ $0.level >= .line }),
                   let regrouped = BudgetNumber.sumSkippingSubtotals(parts.map(\.value)),
                   BudgetNumber.agrees(written.value, regrouped, tolerance: tolerance) {
                    agrees = true
                }
                checks[index] = Check(written: written, parts: parts, children: node.children, tolerance: tolerance,
                                      agrees: agrees)
            }
            for (index, check) in checks.sorted(by: { $0.key < $1.key }) where !check.agrees {
                // Parts short of the total in a subtree that runs to the end of the table, with another table
                // right after it: the rest is probably in that table (a page split the joiner did not join).
                if isCutShort(node: index, in: hierarchy),
                   check.parts.reduce(0, { $0 + $1.value }) < check.written.value { continue }
                // One wrong figure fails two checks: its own (against its parts) and its parent's. When the
                // parent adds up once each failing child is read as the sum of its own parts, the fault is
                // the child's alone; report it there only.
                let corrected = zip(check.children, check.parts).map { child, part -> ParsedNumber in
                    guard let childCheck = checks[child], !childCheck.agrees,
                          let implied = BudgetNumber.exactSum(childCheck.parts) else { return part }
                    return implied
                }
                let childFailed = check.children.contains { checks[$0]?.agrees == false }
                if childFailed, BudgetNumber.difference(check.written, corrected) <= check.tolerance + 1e-9 { continue }
                let node = hierarchy.nodes[index]
                guard let rowIndex = node.row else { continue }
                findings.append(hierarchyFinding(node: node, row: table.rows[rowIndex], column: column,
                                                 written: check.written, sum: check.parts.reduce(0) { $0 + $1.value },
                                                 partCount: check.parts.count))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }

    /// The node's subtree reaches the table's last row and a table of the same width follows within a
    /// few paragraphs (a page number, a blank line).
    private func isCutShort(node: Int, in hierarchy: BudgetHierarchy) -> Bool {
        // physicalTables[n - 1] is table n: `last` indexes the table after the last one.
        guard let last = table.physicalTables.last, last >= 1, physicalTables.indices.contains(last) else { return false }
        let this = physicalTables[last - 1]
        let next = physicalTables[last]
        guard next.paragraphsBefore - this.paragraphsBefore <= 3, next.columnCount == this.columnCount else { return false }
        var current = node
        while let child = hierarchy.nodes[current].children.last { current = child }
        return hierarchy.nodes[current].row == table.rows.count - 1
    }

    /// The children's amounts in a column (blank = 0); nil when a child is inferred or holds text.
    private func childAmounts(_ children: [BudgetHierarchy.Node], column: Column) -> [ParsedNumber]? {
        var parts: [ParsedNumber] = []
        var anyValue = false
        for child in children {
            guard let childRow = child.row else { return nil }
            switch BudgetNumber.amount(table.rows[childRow][column.index], lenient: true) {
            case .number(let value):
                parts.append(value)
                anyValue = true
            case .blank:
                parts.append(ParsedNumber(mantissa: 0))
            case .invalid:
                return nil
            }
        }
        return anyValue ? parts : nil
    }

    private func hierarchyFinding(node: BudgetHierarchy.Node, row: LogicalRow, column: Column, written: ParsedNumber,
                                  sum: Double, partCount: Int) -> Finding {
        let decimals = BudgetNumber.displayDecimals(sum, shown: written.decimals)
        let expected = BudgetNumber.indonesian(sum, decimals: decimals)
        let actual = BudgetNumber.indonesian(written.value, decimals: BudgetNumber.displayDecimals(written.value, shown: written.decimals))
        let difference = BudgetNumber.indonesian(abs(written.value - sum), decimals: decimals)
        let what = column.role == .realisasiAnggaran
            ? (id: "Realisasi", en: "The realisasi")
            : (id: "Pagu", en: "The pagu")
        let level = node.level.names
        let name = BudgetText.short(node.name)
        var location = row.location
        location.column = column.index
        return context.finding(
            Message(
                id: "\(what.id) \(level.id) \"\(name)\" tertulis \(actual), padahal \(partCount) rinciannya berjumlah \(expected) (selisih \(difference)).",
                en: "\(what.en) of \(level.en) \"\(name)\" is written \(actual), but its \(partCount) parts add up to \(expected) (a difference of \(difference))."),
            at: location, evidence: row[column.index], expected: expected, actual: actual)
    }

    /// Money and whole counts add exactly; rounded values (decimals shown on a non-money value, or a
    /// money column in thousands/millions) stand for ± half a unit of their last decimal.
    func toleranceFor(written: ParsedNumber, parts: [ParsedNumber], exact: Bool) -> Double {
        if exact { return extra }
        return extra + written.halfUnit + parts.reduce(0) { $0 + ($1.mantissa == 0 ? 0 : $1.halfUnit) }
    }

    // MARK: 2. Total rows

    func totalRowFindings() -> [Finding] {
        let summaryRows = table.rows.indices.compactMap { index -> (index: Int, isSubtotal: Bool)? in
            guard let kind = words.summaryKind(of: table.rows[index], codeColumn: nil) else { return nil }
            switch kind {
            case .total: return (index, false)
            case .subtotal: return (index, true)
            case .mean: return nil
            }
        }
        guard !summaryRows.isEmpty else { return [] }
        let isSummary = Set(summaryRows.map(\.index))
        let isSubtotal = Set(summaryRows.filter(\.isSubtotal).map(\.index))
        let isMean = Set(table.rows.indices.filter { words.summaryKind(of: table.rows[$0], codeColumn: nil) == .mean })
        // The hierarchy, when the table has one, tells which rows are parts and which are already sums.
        let layout = BudgetLayout(table)
        let valueColumns = table.columns.map(\.index)
        let hierarchy = layout.map { BudgetHierarchy(table: table, layout: $0, valueColumns: valueColumns, words: words) }
        let isHierarchical = hierarchy?.nodes.contains { !$0.children.isEmpty && $0.row != nil } ?? false

        var findings: [Finding] = []
        var blockStart = 0  // first row after the last grand total
        var segmentStart = 0  // first row after the last total of any kind
        for summary in summaryRows {
            let row = table.rows[summary.index]
            let dataRows = (segmentStart..<summary.index).filter { !isSummary.contains($0) && !isMean.contains($0) }
            let blockRows = (blockStart..<summary.index).filter { !isSummary.contains($0) && !isMean.contains($0) }
            let subtotalRows = (blockStart..<summary.index).filter(isSubtotal.contains)
            for column in table.columns where summable(column) {
                guard case .number(let written) = BudgetNumber.amount(row[column.index], lenient: isMoney(column)),
                      !written.isPercent else { continue }
                var candidates: [(sum: Double, parts: [ParsedNumber])] = []
                let rowSets: [[Int]] = summary.isSubtotal || subtotalRows.isEmpty
                    ? [dataRows, blockRows] : [blockRows, subtotalRows, dataRows]
                var primary: [ParsedNumber]?
                var usable = true
                for rows in rowSets {
                    guard let parts = values(in: column, rows: rows) else { usable = false; break }
                    if primary == nil { primary = parts }
                    candidates.append((parts.reduce(0) { $0 + $1.value }, parts))
                }
                guard usable, var parts = primary, parts.contains(where: { $0.mantissa != 0 }) else { continue }
                var expectedSum = candidates[0].sum
                if isHierarchical, let hierarchy {
                    let inRange = Set(summary.isSubtotal || subtotalRows.isEmpty ? dataRows : blockRows)
                    let top = hierarchy.nodes.compactMap { node -> Int? in
                        guard let index = node.row, inRange.contains(index) else { return nil }
                        let parentRow = node.parent.flatMap { hierarchy.nodes[$0].row }
                        return parentRow.map { inRange.contains($0) } == true ? nil : index
                    }
                    let leaves = hierarchy.nodes.compactMap { node -> Int? in
                        guard let index = node.row, inRange.contains(index), node.children.isEmpty else { return nil }
                        return index
                    }
                    for rows in [top, leaves] {
                        if let values = values(in: column, rows: rows) {
                            candidates.append((values.reduce(0) { $0 + $1.value }, values))
                        }
                    }
                    if let first = candidates.dropFirst(rowSets.count).first {
                        expectedSum = first.sum
                        parts = first.parts
                    }
                }
                let exact = isExactColumn(column, values: parts + [written])
                let matches = candidates.contains { candidate in
                    let tolerance = toleranceFor(written: written, parts: candidate.parts, exact: exact)
                    if BudgetNumber.difference(written, candidate.parts) <= tolerance + 1e-9 { return true }
                    // A "Jumlah" row that carries a mean (an average capaian) is not a sum to check here.
                    let count = Double(candidate.parts.count)
                    return count > 1 && BudgetNumber.agrees(written.value, candidate.sum / count,
                                                            tolerance: written.halfUnit + extra)
                }
                if matches { continue }
                findings.append(totalFinding(row: row, column: column, written: written, sum: expectedSum,
                                             partCount: parts.count, label: words.label(of: row) ?? ""))
            }
            segmentStart = summary.index + 1
            if !summary.isSubtotal { blockStart = summary.index + 1 }
        }
        return findings
    }

    private func totalFinding(row: LogicalRow, column: Column, written: ParsedNumber, sum: Double, partCount: Int,
                              label: String) -> Finding {
        let decimals = BudgetNumber.displayDecimals(sum, shown: written.decimals)
        let expected = BudgetNumber.indonesian(sum, decimals: decimals)
        let actual = BudgetNumber.indonesian(written.value, decimals: BudgetNumber.displayDecimals(written.value, shown: written.decimals))
        let header = column.header.isEmpty ? "kolom \(column.index)" : column.header
        let headerEN = column.header.isEmpty ? "column \(column.index)" : column.header
        var location = row.location
        location.column = column.index
        return context.finding(
            Message(
                id: "Baris \"\(BudgetText.short(label))\" pada \(header) tertulis \(actual), padahal \(partCount) baris di atasnya berjumlah \(expected).",
                en: "The \"\(BudgetText.short(label))\" row under \(headerEN) is written \(actual), but the \(partCount) rows above it add up to \(expected)."),
            at: location, evidence: row[column.index], expected: expected, actual: actual)
    }

    /// Values of a column over rows; blank cells count as 0; nil when a cell is text or malformed.
    private func values(in column: Column, rows: [Int]) -> [ParsedNumber]? {
        var result: [ParsedNumber] = []
        for index in rows {
            switch BudgetNumber.amount(table.rows[index][column.index], lenient: isMoney(column)) {
            case .number(let value):
                if value.isPercent { return nil }
                result.append(value)
            case .blank: continue
            case .invalid:
                // A name or label column: not summable. A stray word in a number column ("nihil") ends the check too.
                return nil
            }
        }
        return result
    }

    private func isMoney(_ column: Column) -> Bool { column.role == .pagu || column.role == .realisasiAnggaran }

    /// Columns a total row adds up: not numbering, codes, units, percentages or ratings.
    private func summable(_ column: Column) -> Bool {
        switch column.role {
        case .number, .code, .satuan, .capaian, .persentase, .predikat, .kondisiAwal, .kondisiAkhir: return false
        case .pagu, .realisasiAnggaran: return true
        default:
            // Percentages, ratios, indices and means do not add up, whatever the column is called.
            let header = BudgetText.normalized(column.header)
            return !header.contains("%") && !words.nonAdditiveColumns.contains { BudgetText.containsPhrase(header, $0) }
        }
    }

    private func isExactColumn(_ column: Column, values: [ParsedNumber]) -> Bool {
        if isMoney(column) { return !isScaled(column) }
        return values.allSatisfy { $0.decimals == 0 }
    }

    // MARK: 3. Total columns

    func totalColumnFindings() -> [Finding] {
        let grid = HeaderGrid(table: table, physicalTables: physicalTables)
        var groups: [(total: Int, parts: [Int])] = []
        var seen = Set<Int>()
        func add(_ total: Int, _ parts: [Int]) {
            guard parts.count >= 2, !parts.contains(total), seen.insert(total).inserted else { return }
            groups.append((total, parts.sorted()))
        }
        let width = grid.width
        let leaf = (0..<width).map { BudgetText.normalized(grid.leafLabel($0)) }
        let isTotal = leaf.map { words.totalColumns.contains($0) }
        let isMale = leaf.map { words.maleColumns.contains($0) }
        let isFemale = leaf.map { words.femaleColumns.contains($0) }

        // L | P pairs and the label over each pair.
        var pairs: [(male: Int, female: Int, group: String)] = []
        // How a message names a column: its group and its own label ("S1 L", "TOTAL P").
        var displayName = (0..<width).map { column in
            [grid.groupLabel(column), grid.leafLabel(column)].filter { !$0.isEmpty }.joined(separator: " ")
        }
        var column = 0
        while column + 1 < width {
            if isMale[column] && isFemale[column + 1] {
                let group = grid.groupLabel(column).isEmpty ? grid.groupLabel(column + 1) : grid.groupLabel(column)
                pairs.append((column, column + 1, BudgetText.normalized(group)))
                if !group.isEmpty {
                    displayName[column] = group + " " + grid.leafLabel(column)
                    displayName[column + 1] = group + " " + grid.leafLabel(column + 1)
                }
                column += 2
            } else {
                column += 1
            }
        }
        // L | P | Jumlah: the total right after the pair.
        for pair in pairs where pair.female + 1 < width && isTotal[pair.female + 1] {
            add(pair.female + 1, [pair.male, pair.female])
        }
        // A TOTAL group of L | P beside the L | P groups it adds up.
        for (index, pair) in pairs.enumerated() where words.totalColumns.contains(pair.group) {
            var maleParts: [Int] = []
            var femaleParts: [Int] = []
            var previous = index - 1
            var nextStart = pair.male
            while previous >= 0, pairs[previous].female + 1 == nextStart, !pairs[previous].group.isEmpty,
                  !words.totalColumns.contains(pairs[previous].group) {
                maleParts.append(pairs[previous].male)
                femaleParts.append(pairs[previous].female)
                nextStart = pairs[previous].male
                previous -= 1
            }
            add(pair.male, maleParts)
            add(pair.female, femaleParts)
        }
        // A "Total" column under a merged label, with the other columns under that label as its parts.
        // Only when the total closes its group and the group is not a title over the whole table.
        for column in 0..<width where isTotal[column] {
            guard let owner = grid.groupOwner(column) else { continue }
            let members = (0..<width).filter { grid.groupOwner($0) == owner }
            guard members.last == column, members.count < width else { continue }
            let parts = members.filter { $0 != column && !isTotal[$0] }
            if parts.contains(where: { part in words.nonAdditiveColumns.contains { BudgetText.containsPhrase(leaf[part], $0) } }) {
                continue
            }
            add(column, parts)
        }

        var findings: [Finding] = []
        for group in groups {
            let totalColumn = group.total + 1
            guard let column = table.columns.first(where: { $0.index == totalColumn }) else { continue }
            for row in table.rows {
                guard case .number(let written) = BudgetNumber.amount(row[totalColumn], lenient: false),
                      !written.isPercent else { continue }
                var parts: [ParsedNumber] = []
                var readable = true
                for part in group.parts {
                    switch BudgetNumber.amount(row[part + 1], lenient: false) {
                    case .number(let value) where !value.isPercent: parts.append(value)
                    case .blank: continue
                    default: readable = false
                    }
                }
                guard readable, !parts.isEmpty else { continue }
                let sum = parts.reduce(0) { $0 + $1.value }
                let exact = (parts + [written]).allSatisfy { $0.decimals == 0 }
                if BudgetNumber.difference(written, parts) <= toleranceFor(written: written, parts: parts, exact: exact) + 1e-9 {
                    continue
                }
                let decimals = BudgetNumber.displayDecimals(sum, shown: written.decimals)
                let expected = BudgetNumber.indonesian(sum, decimals: decimals)
                let actual = BudgetNumber.indonesian(written.value, decimals: BudgetNumber.displayDecimals(written.value, shown: written.decimals))
                let partNames = group.parts.map { displayName[$0].isEmpty ? "kolom \($0 + 1)" : displayName[$0] }
                    .joined(separator: " + ")
                let totalName = displayName[group.total].isEmpty ? "\(group.total + 1)" : displayName[group.total]
                var location = row.location
                location.column = column.index
                findings.append(context.finding(
                    Message(
                        id: "Kolom \(totalName) tertulis \(actual), padahal \(partNames) berjumlah \(expected).",
                        en: "The \(totalName) column is written \(actual), but \(partNames) add up to \(expected)."),
                    at: location, evidence: row[totalColumn], expected: expected, actual: actual))
            }
        }
        return findings
    }

    // MARK: 4. Sisa = pagu − realisasi

    func remainderFindings() -> [Finding] {
        guard let pagu = table.column(.pagu), let spent = table.column(.realisasiAnggaran) else { return [] }
        let remainders = table.columns.filter { column in
            guard column.role != .persentase, column.index != pagu.index, column.index != spent.index else { return false }
            let labels = column.header.split(separator: "/").map { BudgetText.normalized(String($0)) }
            guard let last = labels.last(where: { !$0.isEmpty }), !last.contains("%") else { return false }
            return labels.contains { label in words.remainderColumns.contains { BudgetText.startsWithPhrase(label, $0) } }
        }
        var findings: [Finding] = []
        for column in remainders {
            let exact = !isScaled(column) && !isScaled(pagu)
            for row in table.rows {
                guard case .number(let written) = BudgetNumber.amount(row[column.index], lenient: true),
                      case .number(let budget) = BudgetNumber.amount(row[pagu.index], lenient: true),
                      case .number(let used) = BudgetNumber.amount(row[spent.index], lenient: true),
                      !written.isPercent else { continue }
                let remainder = budget.value - used.value
                let tolerance = exact ? extra : extra + written.halfUnit + budget.halfUnit + used.halfUnit
                let negatedUsed = ParsedNumber(mantissa: -used.mantissa, decimals: used.decimals)
                let negatedBudget = ParsedNumber(mantissa: -budget.mantissa, decimals: budget.decimals)
                // Some tables write the remainder without its sign.
                if BudgetNumber.difference(written, [budget, negatedUsed]) <= tolerance + 1e-9
                    || BudgetNumber.difference(written, [negatedBudget, used]) <= tolerance + 1e-9 { continue }
                let decimals = BudgetNumber.displayDecimals(remainder, shown: written.decimals)
                let expected = BudgetNumber.indonesian(remainder, decimals: decimals)
                let actual = BudgetNumber.indonesian(written.value, decimals: BudgetNumber.displayDecimals(written.value, shown: written.decimals))
                var location = row.location
                location.column = column.index
                findings.append(context.finding(
                    Message(
                        id: "Sisa anggaran tertulis \(actual), padahal pagu − realisasi = \(BudgetNumber.indonesian(budget.value, decimals: 0)) − \(BudgetNumber.indonesian(used.value, decimals: 0)) = \(expected).",
                        en: "The remainder is written \(actual), but pagu − realisasi = \(BudgetNumber.indonesian(budget.value, decimals: 0)) − \(BudgetNumber.indonesian(used.value, decimals: 0)) = \(expected)."),
                    at: location, evidence: row[column.index], expected: expected, actual: actual))
            }
        }
        return findings
    }
}

// MARK: - Shared by the budget rules (sum-mismatch, serapan-mismatch, average-mismatch, code-sequence)

/// Words of a budget rule's entry in the rule set, normalised (`BudgetText.normalized`).
struct BudgetWords: Sendable {
    var rootNames: [String] = []
    var programPrefixes: [String] = []
    var kegiatanPrefixes: [String] = []
    var subKegiatanPrefixes: [String] = []
    var totalRows: [String] = []
    var subtotalRows: [String] = []
    var meanRows: [String] = []
    var totalColumns: [String] = []
    var maleColumns: [String] = []
    var femaleColumns: [String] = []
    var remainderColumns: [String] = []
    var scaledAmounts: [String] = []
    var nonAdditiveColumns: [String] = []

    init() {}

    init(_ context: RuleContext) {
        func list(_ key: String) -> [String] {
            let raw = context.parameters[path: key]?.strings ?? context.terms[path: key]?.strings ?? []
            return raw.map(BudgetText.normalized).filter { !$0.isEmpty }
        }
        rootNames = list("levels.root")
        programPrefixes = list("levels.program")
        kegiatanPrefixes = list("levels.kegiatan")
        subKegiatanPrefixes = list("levels.sub_kegiatan")
        totalRows = list("total_rows")
        subtotalRows = list("subtotal_rows")
        meanRows = list("mean_rows")
        totalColumns = list("total_columns")
        maleColumns = list("male_columns")
        femaleColumns = list("female_columns")
        remainderColumns = list("remainder_columns")
        scaledAmounts = list("scaled_amounts")
        nonAdditiveColumns = list("non_additive_columns")
    }

    enum SummaryKind: Equatable { case total, subtotal, mean }

    /// The row's label: the first filled cell when it is text (not a number or a code).
    func label(of row: LogicalRow) -> String? {
        for cell in row.cells {
            let text = RuleText.trimmed(cell)
            if text.isEmpty { continue }
            if BudgetCode(text) != nil { return nil }
            switch IndonesianNumber.read(text) {
            case .number, .malformed: return nil
            case .blank: continue
            case .notANumber: return text
            }
        }
        return nil
    }

    /// A name that opens with a total or subtotal label ("Jumlah Belanja Program X").
    func opensWithTotal(_ name: String) -> Bool {
        let normalized = BudgetText.normalized(name)
        guard !normalized.isEmpty else { return false }
        return (totalRows + subtotalRows).contains { BudgetText.startsWithPhrase(normalized, $0) }
    }

    /// A row whose label is a total, subtotal or mean label (the whole label, normalised).
    func summaryKind(of row: LogicalRow, codeColumn: Int?) -> SummaryKind? {
        if let codeColumn, BudgetCode(row[codeColumn]) != nil { return nil }
        guard let label = label(of: row) else { return nil }
        let normalized = BudgetText.normalized(label)
        if subtotalRows.contains(normalized) { return .subtotal }
        if totalRows.contains(normalized) { return .total }
        if meanRows.contains(normalized) { return .mean }
        return nil
    }
}

/// Text helpers shared by the budget rules.
enum BudgetText {
    /// Upper case, every run of characters that are not letters, digits or "%" as one space.
    static func normalized(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.uppercased() {
            if character.isLetter || character.isNumber || character == "%" {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// `phrase` occurs in `text` as whole words (both normalised).
    static func containsPhrase(_ text: String, _ phrase: String) -> Bool {
        text == phrase || text.hasPrefix(phrase + " ") || text.hasSuffix(" " + phrase) || text.contains(" " + phrase + " ")
    }

    /// `text` opens with `phrase` as whole words (both normalised).
    static func startsWithPhrase(_ text: String, _ phrase: String) -> Bool {
        text == phrase || text.hasPrefix(phrase + " ")
    }

    /// A name cut for a message: first line, at most 80 characters.
    static func short(_ text: String) -> String {
        let line = RuleText.trimmed(String(text.split(whereSeparator: \.isNewline).first ?? ""))
        let collapsed = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count <= 80 ? collapsed : String(collapsed.prefix(77)) + "…"
    }

    /// A rekening detail drawn as a list item under a line ("- Lods", "• Kios", "a. …", "1) …").
    static func startsWithItemMarker(_ text: String) -> Bool {
        let trimmed = RuleText.trimmed(text)
        guard let first = trimmed.first else { return false }
        if "-–—•·*▪►".contains(first) { return true }
        let token = trimmed.prefix { !$0.isWhitespace }
        guard token.count >= 2, token.count <= 4, let last = token.last, last == ")" || last == "." else { return false }
        let body = token.dropLast()
        return body.allSatisfy(\.isNumber) ? last == ")" : (body.count == 1 && body.allSatisfy(\.isLetter))
    }
}

/// A cell's value for arithmetic.
enum BudgetAmount: Equatable {
    case number(ParsedNumber)
    case blank
    case invalid
}

/// Number reading and writing for the budget rules, on top of `IndonesianNumber`.
enum BudgetNumber {
    /// The cell as a number. `lenient` (money columns) also reads a grouping the parser calls malformed
    /// when its digits are plain: `11680.000` is 11.680.000 rupiah for a sum, while `number-format`
    /// reports the form itself.
    static func amount(_ text: String, lenient: Bool) -> BudgetAmount {
        switch IndonesianNumber.read(text) {
        case .number(let parsed): return .number(parsed)
        case .blank: return .blank
        case .notANumber: return .invalid
        case .malformed:
            guard lenient, let parsed = looseAmount(text) else { return .invalid }
            return .number(parsed)
        }
    }

    /// `Rp 11680.000`, `1.2345.000,00`: digits grouped badly with dots, an optional decimal comma.
    private static func looseAmount(_ text: String) -> ParsedNumber? {
        var body = Substring(RuleText.trimmed(text))
        if body.lowercased().hasPrefix("rp.") { body = body.dropFirst(3) } else if body.lowercased().hasPrefix("rp") { body = body.dropFirst(2) }
        let compact = body.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              compact.first?.isNumber == true, compact.last?.isNumber == true else { return nil }
        let pieces = compact.split(separator: ",", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return nil }
        let integerDigits = pieces[0].filter(\.isNumber)
        let decimalDigits = pieces.count == 2 ? String(pieces[1]) : ""
        guard decimalDigits.count <= 2, decimalDigits.allSatisfy(\.isNumber),
              let mantissa = Int64(integerDigits + decimalDigits) else { return nil }
        return ParsedNumber(mantissa: mantissa, decimals: decimalDigits.count)
    }

    /// Two values agree within a tolerance (a hair more, for binary rounding of non-exact values).
    static func agrees(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        abs(a - b) <= tolerance + 1e-12 * max(1, abs(a), abs(b))
    }

    /// The exact sum of written numbers (decimal arithmetic on their mantissas), as a Double for display.
    /// Exact where it matters: whole rupiah compared with whole rupiah never meet binary rounding.
    static func exactSum(_ parts: [ParsedNumber]) -> ParsedNumber? {
        let scale = parts.map(\.decimals).max() ?? 0
        guard scale <= 6 else { return nil }
        var total: Int64 = 0
        for part in parts {
            var mantissa = part.mantissa
            for _ in part.decimals..<scale {
                let (next, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                mantissa = next
            }
            let (next, overflow) = total.addingReportingOverflow(mantissa)
            if overflow { return nil }
            total = next
        }
        return ParsedNumber(mantissa: total, decimals: scale)
    }

    /// |written − Σ parts|, exactly when the numbers allow it.
    static func difference(_ written: ParsedNumber, _ parts: [ParsedNumber]) -> Double {
        let negated = ParsedNumber(mantissa: -written.mantissa, decimals: written.decimals)
        if let exact = exactSum(parts + [negated]) { return abs(exact.value) }
        return abs(written.value - parts.reduce(0) { $0 + $1.value })
    }

    /// Decimals to show for a value: the written number's when the value needs them, none for whole values.
    static func displayDecimals(_ value: Double, shown: Int) -> Int {
        guard shown > 0 else { return 0 }
        let scale = IndonesianNumber.powerOfTen(shown)
        let scaled = (value * scale).rounded()
        return scaled.truncatingRemainder(dividingBy: scale) == 0 ? 0 : shown
    }

    /// The value written the Indonesian way: `2.294.120.184`, `99,98`, `-1.500,5`.
    /// Shows at most 6 decimals, as the budget rules always have.
    static func indonesian(_ value: Double, decimals: Int) -> String {
        IndonesianNumber.format(value, decimals: min(decimals, 6))
    }

    /// The sum of lines when a line that equals the sum of two or more lines right after it is read as
    /// their subtotal (its details counted once); nil when no line is such a subtotal.
    static func sumSkippingSubtotals(_ values: [Double]) -> Double? {
        var total = 0.0
        var index = 0
        var regrouped = false
        while index < values.count {
            total += values[index]
            var running = 0.0
            var end: Int?
            var next = index + 1
            while next < values.count, running < values[index] || abs(running - values[index]) < 1e-6 {
                running += values[next]
                if next >= index + 2, abs(running - values[index]) < 1e-6 * max(1, abs(values[index])) {
                    end = next
                    break
                }
                next += 1
            }
            if let end {
                index = end + 1
                regrouped = true
            } else {
                index += 1
            }
        }
        return regrouped ? total : nil
    }
}

/// 10^n for the small exponents the budget rules format with.
/// A program/kegiatan code as tables print it: `01`, `1`, `5.2`, `5,2`, `7.01.02.2.01.0001`, `01.`.
struct BudgetCode: Equatable, Sendable {
    var groups: [Int]
    /// Zero-padded (`01`) or dotted: a budget code, not a row number.
    var isPadded: Bool
    /// The national form, urusan then a two-digit bidang (`7.01`, `1.02.01.2.01.0001`), unlike a
    /// heading-style number (`1.1`, `2.3.1`).
    var isNational: Bool
    var text: String

    init?(_ raw: String) {
        var text = RuleText.trimmed(raw)
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty, text.count <= 30 else { return nil }
        let pieces = text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard (1...7).contains(pieces.count) else { return nil }
        var groups: [Int] = []
        for piece in pieces {
            guard (1...4).contains(piece.count), piece.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(piece) else {
                return nil
            }
            groups.append(value)
        }
        self.groups = groups
        self.isPadded = pieces.count > 1 || (pieces[0].count > 1 && pieces[0].hasPrefix("0"))
        self.isNational = pieces.count >= 2 && pieces[1].count == 2
        self.text = text
    }

    /// The number among its siblings: the last group.
    var last: Int { groups.last ?? 0 }
}

/// Which columns of a table hold the codes and the names of a program/kegiatan hierarchy.
struct BudgetLayout: Sendable {
    var codeColumn: Int?
    /// Name columns: one `uraian` column (level from the rows), or one column per level.
    var nameColumns: [(column: Int, level: BudgetHierarchy.Level?)]

    init?(_ table: LogicalTable) {
        let levelColumns: [(Int, BudgetHierarchy.Level?)] = table.columns.compactMap { column in
            switch column.role {
            case .program: (column.index, .program)
            case .kegiatan: (column.index, .kegiatan)
            case .subKegiatan: (column.index, .subKegiatan)
            default: nil
            }
        }
        if let uraian = table.column(.uraian) {
            nameColumns = [(uraian.index, nil)]
        } else if levelColumns.count >= 2 {
            nameColumns = levelColumns
        } else if let only = levelColumns.first {
            nameColumns = [(only.0, nil)]
        } else {
            return nil
        }
        codeColumn = table.column(.code)?.index ?? table.column(.number)?.index
    }

    /// The row's name and the level its column fixes, from the rightmost filled name column.
    func name(of row: LogicalRow) -> (text: String, level: BudgetHierarchy.Level?) {
        for entry in nameColumns.reversed() {
            let text = RuleText.trimmed(row[entry.column])
            if !text.isEmpty { return (text, entry.level) }
        }
        return ("", nil)
    }
}

/// The Belanja > Program > Kegiatan > Sub Kegiatan > rekening tree of a table (APPROACH.md, "Budget hierarchy").
///
/// Documents often print only the last two digits of a code, so the level of a row comes from, in order:
/// its name ("Program …", "Kegiatan …", "Sub Kegiatan …", the root's name) or a name column of its own;
/// a dotted national code (`X.XX.PP` program, `X.XX.PP.K.KK` kegiatan, six groups a sub kegiatan) or a
/// two-group account code (`5.2`, the root); otherwise its position: an uncoded row with values is a
/// rekening line (a list item under a plain line is a detail of that line); a coded row directly followed
/// by lines is a sub kegiatan; a coded row followed by a coded `01` row is one level above that row; a coded
/// row whose amount is the sum of the sub kegiatan right under it heads them (a table that lists only
/// some sub kegiatan, not starting at 01); a coded row with no children takes the level of the sibling
/// whose numbering it continues, else sub kegiatan. A fresh `01` after a higher code under the same
/// parent (`02` then `01`) means the parent of the second run is missing from the table: an inferred node
/// (no row) stands in for it, so no sum or mean is checked against parts the table does not show.
struct BudgetHierarchy {
    enum Level: Int, Comparable, Sendable {
        case root, program, kegiatan, subKegiatan, line, detail
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        var names: (id: String, en: String) {
            switch self {
            case .root: ("belanja", "the budget")
            case .program: ("program", "program")
            case .kegiatan: ("kegiatan", "kegiatan")
            case .subKegiatan: ("sub kegiatan", "sub kegiatan")
            case .line, .detail: ("rincian belanja", "the line")
            }
        }
    }

    struct Node: Sendable {
        /// Index into the logical table's rows; nil for an inferred parent the table does not show.
        var row: Int?
        var level: Level
        var code: BudgetCode?
        var name: String
        var parent: Int?
        var children: [Int] = []
    }

    private(set) var nodes: [Node] = []
    /// The table has rekening lines (uncoded rows with values).
    private(set) var hasLines = false

    init(table: LogicalTable, layout: BudgetLayout, valueColumns: [Int], words: BudgetWords) {
        // 1. The rows that take part, with what their own text says.
        struct Candidate {
            var row: Int
            var code: BudgetCode?
            var name: String
            var level: Level?
            var childless = false
            var isItem = false
            /// The first value column's amount, to recognise a parent by the sum of the rows under it.
            var amount: ParsedNumber?
        }
        var candidates: [Candidate] = []
        for (index, row) in table.rows.enumerated() {
            if words.summaryKind(of: row, codeColumn: layout.codeColumn) != nil { continue }
            let code = layout.codeColumn.flatMap { BudgetCode(row[$0]) }
            let (name, columnLevel) = layout.name(of: row)
            // "Jumlah Sub Kegiatan …", "Total Program …": a total written under its parts, not a part.
            if code == nil, words.opensWithTotal(name) { continue }
            let hasValue = valueColumns.contains { column in
                if case .number = BudgetNumber.amount(row[column], lenient: true) { return true }
                return false
            }
            // Column-number rows left in the body ("1 | 2 | 3"), and rows with neither name nor value.
            if name.isEmpty && !hasValue { continue }
            if !name.isEmpty, case .number = IndonesianNumber.read(name) { continue }
            var level = columnLevel ?? Self.levelFromName(name, words: words)
            if level == nil, let code, code.groups.count >= 2 { level = Self.levelFromCode(code) }
            if code == nil && level == nil {
                guard hasValue, !name.isEmpty else { continue }
                level = .line
            }
            let amount = valueColumns.lazy.compactMap { column -> ParsedNumber? in
                if case .number(let value) = BudgetNumber.amount(row[column], lenient: true) { return value }
                return nil
            }.first
            candidates.append(Candidate(row: index, code: code, name: name, level: level,
                                        isItem: BudgetText.startsWithItemMarker(name), amount: amount))
        }

        // 2. Lines and details: a list item under a plain line details that line.
        var lastLineIsPlain: Bool?
        for index in candidates.indices {
            if candidates[index].code != nil || (candidates[index].level ?? .line) < .line {
                lastLineIsPlain = nil
                continue
            }
            guard candidates[index].level == .line else { continue }
            if candidates[index].isItem, lastLineIsPlain == true {
                candidates[index].level = .detail
            } else {
                lastLineIsPlain = !candidates[index].isItem
            }
        }
        hasLines = candidates.contains { $0.level == .line }

        // A coded row whose amount is the sum of the sub kegiatan right under it heads them, even when
        // their numbering does not start at 01 (a table listing only some of them).
        func headsSubKegiatan(from start: Int, total: ParsedNumber) -> Bool {
            var parts: [ParsedNumber] = []
            for candidate in candidates[start...] {
                guard let level = candidate.level else { return false }
                if level >= .line { continue }
                guard level == .subKegiatan, candidate.code != nil, !candidate.childless, let amount = candidate.amount
                else { return false }
                parts.append(amount)
                let difference = BudgetNumber.difference(total, parts)
                if difference < 1e-9 { return true }
                if parts.reduce(0, { $0 + $1.value }) > total.value { return false }
            }
            return false
        }

        // 3. Coded rows without a level, from the row after them (so backwards).
        for index in candidates.indices.reversed() where candidates[index].level == nil {
            let next = index + 1 < candidates.count ? candidates[index + 1] : nil
            if let next, let nextLevel = next.level, nextLevel >= .line, next.code == nil {
                candidates[index].level = .subKegiatan
            } else if let next, let nextLevel = next.level, nextLevel > .root, nextLevel <= .subKegiatan,
                      next.code.map({ $0.last == 1 }) ?? true {
                candidates[index].level = Level(rawValue: nextLevel.rawValue - 1)
            } else if hasLines, let total = candidates[index].amount, total.mantissa > 0, let next, next.code != nil,
                      next.level == .subKegiatan, !next.childless, headsSubKegiatan(from: index + 1, total: total) {
                candidates[index].level = .kegiatan
            } else {
                candidates[index].level = .subKegiatan
                candidates[index].childless = true
            }
        }

        // 4. Childless rows continue the numbering of their siblings: 02 after kegiatan 01 is kegiatan 02.
        var lastCode: [Level: Int] = [:]
        for index in candidates.indices {
            guard let level = candidates[index].level else { continue }
            if candidates[index].childless, let code = candidates[index].code, code.last > 1,
               lastCode[.subKegiatan] != code.last - 1, lastCode[.subKegiatan] != code.last,
               lastCode[.kegiatan] == code.last - 1 {
                candidates[index].level = .kegiatan
            }
            let settled = candidates[index].level ?? level
            if let code = candidates[index].code { lastCode[settled] = code.last }
            for deeper in lastCode.keys where deeper > settled { lastCode[deeper] = nil }
        }

        // 5. The tree.
        var stack: [Int] = []
        var roots: [Int] = []
        for candidate in candidates {
            guard let level = candidate.level else { continue }
            while let top = stack.last, nodes[top].level >= level { stack.removeLast() }
            var parent = stack.last
            if let code = candidate.code, level > .program, level <= .subKegiatan {
                let siblings = parent.map { nodes[$0].children } ?? roots
                // Only a fresh 01 counts: a lower code that is not 01 is a typo for code-sequence to report.
                if code.last == 1,
                   let previous = siblings.last(where: { nodes[$0].level == level && nodes[$0].code != nil }),
                   let previousCode = nodes[previous].code, previousCode.last > 1,
                   let parentLevel = Level(rawValue: level.rawValue - 1) {
                    // Numbering restarts: the row that heads this run is missing. It would be a sibling of
                    // the current parent, so it hangs under that parent's own parent.
                    while let top = stack.last, nodes[top].level >= parentLevel { stack.removeLast() }
                    parent = stack.last
                    let inferred = nodes.count
                    nodes.append(Node(row: nil, level: parentLevel, code: nil, name: "", parent: parent))
                    if let parent { nodes[parent].children.append(inferred) } else { roots.append(inferred) }
                    stack.append(inferred)
                    parent = inferred
                }
            }
            let index = nodes.count
            nodes.append(Node(row: candidate.row, level: level, code: candidate.code, name: candidate.name, parent: parent))
            if let parent { nodes[parent].children.append(index) } else { roots.append(index) }
            stack.append(index)
        }
        self.roots = roots
    }

    /// Top-level nodes in order.
    private(set) var roots: [Int] = []

    private static func levelFromName(_ name: String, words: BudgetWords) -> Level? {
        let normalized = BudgetText.normalized(name)
        if normalized.isEmpty { return nil }
        if words.rootNames.contains(normalized) { return .root }
        if words.subKegiatanPrefixes.contains(where: { BudgetText.startsWithPhrase(normalized, $0) }) { return .subKegiatan }
        if words.kegiatanPrefixes.contains(where: { BudgetText.startsWithPhrase(normalized, $0) }) { return .kegiatan }
        if words.programPrefixes.contains(where: { BudgetText.startsWithPhrase(normalized, $0) }) { return .program }
        return nil
    }

    /// `5.2` (an account group: 4 pendapatan, 5 belanja, 6 pembiayaan) or `X.XX` (urusan and bidang): the
    /// root; `X.XX.PP`: program; `X.XX.PP.K.KK`: kegiatan; longer: sub kegiatan. Heading-style numbers
    /// (`1.1`, `2.3.1`) say nothing about the budget level.
    private static func levelFromCode(_ code: BudgetCode) -> Level? {
        if code.groups.count == 2, !code.isNational, let first = code.groups.first, (4...6).contains(first) { return .root }
        guard code.isNational else { return nil }
        switch code.groups.count {
        case 2: return .root
        case 3: return .program
        case 4, 5: return .kegiatan
        default: return .subKegiatan
        }
    }
}

/// Header labels per column from the first physical table's header rows, with merged cells filled in.
struct HeaderGrid {
    /// labels[headerRow][column]: the text of the cell covering that column ("" when none).
    private var labels: [[String]] = []
    /// owners[headerRow][column]: the origin column of the cell covering that column.
    private var owners: [[Int]] = []
    let width: Int

    init(table: LogicalTable, physicalTables: [Table]) {
        width = table.columns.count
        guard let first = table.physicalTables.first, physicalTables.indices.contains(first - 1) else { return }
        let physical = physicalTables[first - 1]
        for rowIndex in 0..<min(physical.headerRowCount, physical.rows.count) {
            let cells = physical.rows[rowIndex].cells
            var rowLabels = Array(repeating: "", count: width)
            var rowOwners = Array(0..<width)
            for column in 0..<width {
                let cell = cells.indices.contains(column) ? cells[column] : Cell.empty
                switch cell.kind {
                case .origin:
                    rowLabels[column] = Self.isColumnNumber(cell.text) ? "" : RuleText.trimmed(cell.text)
                case .spanned:
                    if column > 0 {
                        rowLabels[column] = rowLabels[column - 1]
                        rowOwners[column] = rowOwners[column - 1]
                    }
                case .mergedAbove:
                    if let above = labels.last {
                        rowLabels[column] = above[column]
                        rowOwners[column] = owners[owners.count - 1][column]
                    }
                case .absent:
                    break
                }
            }
            labels.append(rowLabels)
            owners.append(rowOwners)
        }
    }

    /// `[3]`, `(3)`, `3`, `Kol. 3`: a column number, not a label.
    private static func isColumnNumber(_ text: String) -> Bool {
        let core = BudgetText.normalized(text).replacingOccurrences(of: "KOLOM", with: "").replacingOccurrences(of: "KOL", with: "")
        let digits = core.filter { !$0.isWhitespace }
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    private func leafRow(_ column: Int) -> Int? {
        labels.indices.last { !labels[$0][column].isEmpty }
    }

    /// The lowest label over the column.
    func leafLabel(_ column: Int) -> String {
        guard let row = leafRow(column) else { return "" }
        return labels[row][column]
    }

    /// The label right above the lowest one (written over this very column, or merged over it).
    func groupLabel(_ column: Int) -> String {
        guard let row = leafRow(column), row > 0 else { return "" }
        return labels[row - 1][column]
    }

    /// The cell that covers the column right above its lowest label, when it is a merged cell spanning
    /// more than this column: (header row, origin column).
    func groupOwner(_ column: Int) -> [Int]? {
        guard let row = leafRow(column), row > 0, !labels[row - 1][column].isEmpty else { return nil }
        let owner = owners[row - 1][column]
        let spansOthers = (0..<width).contains { $0 != column && owners[row - 1][$0] == owner && !labels[row - 1][$0].isEmpty }
        return spansOthers ? [row - 1, owner] : nil
    }
}
