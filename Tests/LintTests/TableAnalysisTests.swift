import Foundation
import Testing
@testable import Lint

// MARK: - Helpers

/// Builds a table from a written grid: "<" is a cell covered by the gridSpan of the cell to its left,
/// "^" a vMerge continuation of the cell above; any other string is a cell of its own.
private func makeTable(_ grid: [[String]], index: Int = 1, paragraphsBefore: Int = 0,
                       repeatedHeaderRows: Set<Int> = []) -> Table {
    var rows: [Row] = []
    for (rowIndex, texts) in grid.enumerated() {
        var cells: [Cell] = []
        for (column, text) in texts.enumerated() {
            switch text {
            case "<":
                cells.append(Cell(text: "", kind: .spanned))
                if let origin = cells.lastIndex(where: { $0.kind == .origin }) { cells[origin].span += 1 }
            case "^":
                cells.append(Cell(text: "", kind: .mergedAbove))
            default:
                let below = grid.indices.contains(rowIndex + 1) && grid[rowIndex + 1].indices.contains(column)
                    ? grid[rowIndex + 1][column] : ""
                cells.append(Cell(text: text, startsVerticalMerge: below == "^"))
            }
        }
        rows.append(Row(index: rowIndex + 1, cells: cells, repeatsAsHeader: repeatedHeaderRows.contains(rowIndex)))
    }
    return Table(index: index, paragraphsBefore: paragraphsBefore, rows: rows)
}

/// The table with its header analysed, as the caller of `TableJoiner.join` prepares it.
private func analysed(_ table: Table, _ vocabulary: Vocabulary = .standard) -> Table {
    var table = table
    (table.headerRowCount, table.columns) = TableHeaders.analyze(table, vocabulary: vocabulary)
    return table
}

/// "no sasaran - target": roles by raw value, "-" for a column with no role.
private func roles(_ text: String) -> [ColumnRole?] {
    text.split(separator: " ").map { $0 == "-" ? nil : ColumnRole(rawValue: String($0)) }
}

private func roleNames(_ columns: [Column]) -> String {
    columns.map { $0.role?.rawValue ?? "-" }.joined(separator: " ")
}

// MARK: - Vocabulary

@Suite("Vocabulary")
struct VocabularyTests {
    @Test func embeddedFileLoads() throws {
        #expect(Vocabulary.standardLoadError == nil, "\(String(describing: Vocabulary.standardLoadError))")
        let named = Set(Vocabulary.standard.columns.compactMap(\.role))
        for role in ColumnRole.allCases {
            #expect(named.contains(role), "no header words for \(role.rawValue)")
        }
    }

    @Test(arguments: [
        ("PENANGGUNG JAWAB", ColumnRole.penanggungJawab, nil),
        ("Penanggungjawab", .penanggungJawab, nil),
        ("PJ", .penanggungJawab, nil),
        ("Formula Perhitungan", .formula, nil),
        ("FORMULASI PERHITUNGAN IKU", .formula, nil),
        ("Penjelasan/Formulasi", .formula, nil),
        ("Formula Indikator Kinerja Utama", .formula, nil),
        ("Cara Perhitungan", .formula, nil),
        ("JUMLAH ANGGARAN", .pagu, nil),
        ("Pagu Anggaran (Rp)", .pagu, nil),
        ("Anggaran", .pagu, nil),
        ("Jumlah Pagu Anggaran", .pagu, nil),
        ("Realisasi Anggaran", .realisasiAnggaran, nil),
        ("REALISASI (Rp)", .realisasiAnggaran, nil),
        ("REALISASI", .realisasi, nil),
        ("Target Kinerja Sasaran Pada Tahun / 2023", .target, 2023),
        ("Target Tahun 2023", .target, 2023),
        ("Tahun 2024 / Target", .target, 2024),
        ("Kondisi Akhir Renstra", .kondisiAkhir, nil),
        ("Kondisi Kinerja pada Akhir Periode Renstra", .kondisiAkhir, nil),
        ("Kondisi Awal", .kondisiAwal, nil),
        ("Kondisi", .kondisiAwal, nil),
        ("Indikator Kinerja Utama", .indikator, nil),
        ("Indikator Sasaran", .indikator, nil),
        ("Indikator Sasaran Perangkat Daerah", .indikator, nil),
        ("DEFINISI OPERATIONAL", .definisiOperasional, nil),
        ("Capaian (%)", .capaian, nil),
        ("% CAPAIAN", .capaian, nil),
        ("Rata-rata % Capaian Kinerja", .capaian, nil),
        ("%", .persentase, nil),
        ("Persentase Realisasi", .persentase, nil),
        ("% Serapan Anggaran", .persentase, nil),
        ("Predikat Kinerja", .predikat, nil),
        ("KET", .keterangan, nil),
        ("No.", .number, nil),
        ("Kode Rekening", .code, nil),
        ("Sasaran Strategis", .sasaran, nil),
        ("KINERJA UTAMA", .sasaran, nil),
        ("Tujuan Perangkat Daerah", .tujuan, nil),
        ("Satuan", .satuan, nil),
        ("Sumber Data", .sumberData, nil),
        ("Jenis Kegiatan", .kegiatan, nil),
        ("PROGRAM", .program, nil),
        ("SUB. KEGIATAN", .subKegiatan, nil),
        ("Uraian Program/Kegiatan dan Sub Kegiatan", .uraian, nil),
        ("PROGRAM KEGIATAN", .uraian, nil),
    ] as [(String, ColumnRole, Int?)])
    func headerWords(header: String, role: ColumnRole, year: Int?) {
        let found = Vocabulary.standard.role(forHeader: header)
        #expect(found?.role == role, "\(header)")
        #expect(found?.year == year, "\(header)")
    }

    @Test(arguments: [
        ("SATUA N", ColumnRole.satuan), ("INDIKAT OR KINERJA", .indikator), ("% CAPAIA N", .capaian),
        ("TARGE T TW IV", .target), ("REALISA SI", .realisasi), ("KE T", .keterangan),
    ])
    func wordsBrokenByPDFConversion(header: String, role: ColumnRole) {
        #expect(Vocabulary.standard.role(forHeader: header)?.role == role, "\(header)")
    }

    @Test(arguments: [
        ("Capaian / %", ColumnRole.capaian),
        ("Kinerja / %", .capaian),
        ("REALISASI ANGGARAN S.D 31 DESEMBER 2023 / (%)", .persentase),
        ("REALISASI ANGGARAN S.D 31 DESEMBER 2023 / (Rp.)", .realisasiAnggaran),
        ("Anggaran / Realisasi", .realisasiAnggaran),
        ("Realisasi / Anggaran", .realisasiAnggaran),
        ("Kinerja / Realisasi", .realisasi),
        ("Target Kinerja Program dan Kerangka Pendanaan / Tahun 2024 / Rp", .pagu),
        ("Realisasi / (Rp)", .realisasiAnggaran),
        ("SUB. KEGIATAN / INDIKATOR KINERJA", .indikator),
        ("SUB. KEGIATAN / SATUAN", .satuan),
    ])
    func labelsAboveRefineTheRole(header: String, role: ColumnRole) {
        #expect(Vocabulary.standard.role(forHeader: header)?.role == role, "\(header)")
    }

    @Test(arguments: ["Sumber Dana", "GOLONGAN", "Nilai Persepsi", "JUMLAH PEGAWAI KUALIFIKASI PENDIDIKAN / S3 / S2 / L",
                      "Visi RPJMD Tahun 2021-2026", "2023"])
    func headersNamingNoRole(header: String) {
        #expect(Vocabulary.standard.role(forHeader: header) == nil, "\(header)")
    }

    @Test func aYearRangeIsNoYear() {
        #expect(Vocabulary.standard.role(forHeader: "Target 2021-2026")?.year == nil)
        #expect(Vocabulary.standard.role(forHeader: "Target 2021-2026 / 2022")?.year == 2022)
    }

    @Test func errorsNameTheKey() {
        #expect(throws: VocabularyError.invalid(key: "columns[1].role",
                                                 reason: "unknown role \"targat\" (known: \(ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")), none)")) {
            try Vocabulary(yaml: "columns:\n  - role: target\n    phrases: [TARGET]\n  - role: targat\n    phrases: [X]\n")
        }
        do throws(VocabularyError) {
            _ = try Vocabulary(yaml: "header:\n  max_label_words: many\n")
            Issue.record("accepted a word for a number")
        } catch {
            guard case .invalid(let key, _) = error else { Issue.record("\(error)"); return }
            #expect(key == "header.max_label_words")
        }
        do throws(VocabularyError) {
            _ = try Vocabulary(yaml: "columns:\n  - role: target\n    phrase: [TARGET]\n")
            Issue.record("accepted a misspelt key")
        } catch {
            guard case .invalid(let key, _) = error else { Issue.record("\(error)"); return }
            #expect(key == "columns[0].phrase")
        }
        do throws(VocabularyError) {
            _ = try Vocabulary(yaml: "columns:\n  - role: target\n    phrases: [\"* TARGET\"]\n")
            Issue.record("accepted a leading wildcard")
        } catch {
            guard case .invalid(let key, _) = error else { Issue.record("\(error)"); return }
            #expect(key == "columns[0].phrases[0]")
        }
        do throws(VocabularyError) {
            _ = try Vocabulary(yaml: "columns: [unclosed\n")
            Issue.record("accepted broken YAML")
        } catch {
            guard case .syntax = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func unknownTopLevelKeysAreIgnored() throws {
        let vocabulary = try Vocabulary(yaml: "polarity:\n  negative: [KEMISKINAN]\ncolumns:\n  - role: no\n    phrases: [NO]\n")
        #expect(vocabulary.role(forHeader: "No")?.role == .number)
        #expect(try Vocabulary(yaml: "").columns.isEmpty)
    }

    @Test func aLaterFileAddsAndMovesPhrases() throws {
        let province = try Vocabulary(yaml: """
            columns:
              - role: realisasi_anggaran
                phrases: [ANGGARAN]
              - role: target
                phrases: [SASARAN ANGKA]
            header:
              max_label_words: 20
            continuation:
              connectives: [NAMUN]
            """)
        let merged = Vocabulary.standard.merging(province)
        #expect(merged.role(forHeader: "Anggaran")?.role == .realisasiAnggaran)
        #expect(merged.role(forHeader: "Sasaran Angka")?.role == .target)
        #expect(merged.role(forHeader: "Jumlah Anggaran")?.role == .pagu, "other pagu phrases stay")
        #expect(merged.role(forHeader: "Sasaran")?.role == .sasaran)
        #expect(merged.maxLabelWords == 20)
        #expect(merged.maxHeaderRows == Vocabulary.standard.maxHeaderRows)
        #expect(merged.continuation.connectives.contains("NAMUN") && merged.continuation.connectives.contains("YANG"))
        #expect(Vocabulary.standard.role(forHeader: "Anggaran")?.role == .pagu, "the standard vocabulary is unchanged")
    }
}

// MARK: - Header detection on hand-built tables

@Suite("Table headers")
struct TableHeaderTests {
    @Test func twoLevelMergedHeader() {
        let table = makeTable([
            ["No", "Indikator", "Target", "<", "<", "Penanggung Jawab"],
            ["^", "^", "2024", "2025", "2026", "^"],
            ["1", "Indeks Kepuasan Masyarakat", "80", "82", "85", "Camat"],
        ])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 2)
        #expect(columns.map(\.header) == ["No", "Indikator", "Target / 2024", "Target / 2025", "Target / 2026",
                                          "Penanggung Jawab"])
        #expect(columns.map(\.role) == roles("no indikator target target target penanggung_jawab"))
        #expect(columns.map(\.year) == [nil, nil, 2024, 2025, 2026, nil])
    }

    @Test func threeLevelHeader() {
        let table = makeTable([
            ["No", "Uraian", "Realisasi", "<", "<", "<"],
            ["^", "^", "Kinerja", "<", "Anggaran", "<"],
            ["^", "^", "Realisasi", "%", "Realisasi", "%"],
            ["1", "Program A", "10", "100", "5.000.000", "98,5"],
        ])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 3)
        #expect(columns[4].header == "Realisasi / Anggaran / Realisasi")
        #expect(columns.map(\.role) == roles("no uraian realisasi capaian realisasi_anggaran persentase"))
    }

    @Test func columnNumberRow() {
        let table = makeTable([
            ["No", "Uraian", "Pagu", "Realisasi Anggaran"],
            ["1", "2", "3", "4"],
            ["1", "Belanja", "3.813.748.600", "3.668.505.868"],
        ])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 2)
        #expect(columns.map(\.header) == ["No", "Uraian", "Pagu", "Realisasi Anggaran"])
        #expect(columns.map(\.role) == roles("no uraian pagu realisasi_anggaran"))
    }

    @Test func bracketedColumnNumbersWithAGapAndARepeat() {
        let parenthesised = makeTable([
            ["No", "Tujuan", "Sasaran Strategis", "Indikator Kinerja Utama"],
            ["(1)", "", "(2)", "(3)"],
            ["1.", "Meningkatnya pelayanan", "", "Indeks Kepuasan Masyarakat"],
        ])
        #expect(TableHeaders.analyze(parenthesised, vocabulary: .standard).headerRowCount == 2)
        let bracketed = makeTable([
            ["No", "Eselon", "Diklat", "<", "Total", "<"],
            ["^", "^", "L", "P", "L", "P"],
            ["[1]", "[2]", "[3]", "[3]", "[5]", "[6]"],
            ["1", "IIIa", "1", "", "1", ""],
        ])
        #expect(TableHeaders.analyze(bracketed, vocabulary: .standard).headerRowCount == 3)
    }

    @Test func labelRowsWithoutMergedCellsAboveAColumnNumberRow() {
        // Drawn as one header but written as plain cells: the column-number row vouches for the rows above.
        let table = makeTable([
            ["NO", "GOLONGAN", "PENDIDIKAN", "", "", ""],
            ["", "", "S1", "", "SLTA", ""],
            ["[1]", "[2]", "L", "P", "L", "P"],
            ["", "", "[3]", "[4]", "[5]", "[6]"],
            ["1", "IV", "1", "", "", ""],
        ], repeatedHeaderRows: [0])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 4)
        #expect(columns[0].header == "NO" && columns[0].role == .number)
        #expect(columns[2].header == "PENDIDIKAN / S1 / L")
    }

    @Test func keyValueTablesHaveNoHeader() {
        let sentence = makeTable([
            ["Sasaran I", "Meningkatnya Kemampuan pelayanan publik Penyelenggaraan Urusan Pemerintahan"],
            ["Indikator", "Indeks Kepuasan Masyarakat"],
        ], repeatedHeaderRows: [0])
        let result = TableHeaders.analyze(sentence, vocabulary: .standard)
        #expect(result.headerRowCount == 0)
        #expect(result.columns.count == 2 && result.columns.allSatisfy { $0.role == nil && $0.header.isEmpty })

        let short = makeTable([["Indikator", "IKM"], ["Target", "80"], ["Realisasi", "84"]])
        #expect(TableHeaders.analyze(short, vocabulary: .standard).headerRowCount == 0)
        // A narrow list whose first column names the same thing as its header is not key/value.
        let programs = makeTable([["Program", "Pagu Anggaran"], ["Program Peningkatan Pelayanan", "5.000.000"]])
        #expect(TableHeaders.analyze(programs, vocabulary: .standard).headerRowCount == 1)

        let visi = makeTable([
            ["Visi RPJMD Tahun 2021-2026 : Kabupaten Luwu Timur yang Maju dan Sejahtera", "<", "<"],
            ["NO", "TUJUAN", "SASARAN"],
            ["1", "Meningkatkan kapasitas pelayanan", "Meningkatnya kemampuan pelayanan"],
        ], repeatedHeaderRows: [0])
        #expect(TableHeaders.analyze(visi, vocabulary: .standard).headerRowCount == 0)
    }

    @Test func dataWithoutNumbersIsNotAHeader() {
        // An IKU table holds no numbers at all; its rows of text must stop the header.
        let table = makeTable([
            ["Kinerja Utama", "Indikator Kinerja Utama", "Penanggung Jawab", "Sumber Data"],
            ["Tersedianya Gaji ASN", "Jumlah Orang", "Kasubbag Umum", "Data primer"],
            ["Meningkatnya Kualitas Pelayanan", "Indeks Kepuasan", "Camat", "Survei"],
        ])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 1)
        #expect(columns.map(\.role) == roles("sasaran indikator penanggung_jawab sumber_data"))
        // A first row of short data with no header words is not taken for a header.
        let plain = makeTable([["Camat", "Drs. Andi"], ["Sekretaris", "Budi, S.E."]])
        #expect(TableHeaders.analyze(plain, vocabulary: .standard).headerRowCount == 0)
    }

    @Test func aRepeatedHeaderRowNeedsNoVocabulary() {
        let table = makeTable([
            ["Nilai Persepsi", "Nilai Interval", "Mutu Pelayanan"],
            ["1", "1,00 – 1,75", "D"],
        ], repeatedHeaderRows: [0])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 1)
        #expect(columns.allSatisfy { $0.role == nil })
        // Without the flag nothing vouches for it.
        let unflagged = makeTable([["Nilai Persepsi", "Nilai Interval", "Mutu Pelayanan"], ["1", "1,00 – 1,75", "D"]])
        #expect(TableHeaders.analyze(unflagged, vocabulary: .standard).headerRowCount == 0)
    }

    @Test func aCaptionRowAloneIsNoHeader() {
        let table = makeTable([
            ["Sasaran Strategis Tahun 2023", "<", "<"],
            ["Meningkatnya pelayanan", "Indeks Kepuasan Masyarakat", "Camat"],
        ], repeatedHeaderRows: [0])
        #expect(TableHeaders.analyze(table, vocabulary: .standard).headerRowCount == 0)
    }

    @Test func aSpanDoesNotCrossTheLabelAbove() {
        // "(%)" spans under "KETERANGAN" by mistake: that column stays "KETERANGAN".
        let table = makeTable([
            ["No.", "PROGRAM KEGIATAN", "JUMLAH ANGGARAN", "REALISASI ANGGARAN", "<", "KETERANGAN"],
            ["^", "^", "^", "(Rp.)", "(%)", "<"],
            ["01", "Program Penunjang", "3.596.481.306,00", "3.452.818.934,00", "96,01", ""],
        ])
        let (count, columns) = TableHeaders.analyze(table, vocabulary: .standard)
        #expect(count == 2)
        #expect(columns[5].header == "KETERANGAN" && columns[5].role == .keterangan)
        #expect(columns[3].role == .realisasiAnggaran && columns[4].role == .persentase)
    }

    @Test func emptyTable() {
        let (count, columns) = TableHeaders.analyze(Table(index: 1, paragraphsBefore: 0, rows: []), vocabulary: .standard)
        #expect(count == 0 && columns.isEmpty)
    }
}

// MARK: - Joining and continuation rows on hand-built tables

@Suite("Table joiner")
struct TableJoinerTests {
    private let ikuHeader = ["Kinerja Utama", "Indikator Kinerja Utama", "Definisi Operasional", "Penanggung Jawab",
                             "Sumber Data"]

    @Test func aContinuationRowIsFoldedIntoTheRowAbove() throws {
        let table = analysed(makeTable([
            ikuHeader,
            ["Meningkatnya jumlah BMD yang baik dan", "Persentase BMD", "Realisasi pengadaan BMD", "Sekcam", "Data primer"],
            ["siap pakai", "yang diadakan", "", "", ""],
            ["", "Persentase BMD yang terpelihara", "Realisasi pemeliharaan BMD", "Sekcam", "Data primer"],
        ]))
        let logical = TableJoiner.join([table], vocabulary: .standard)
        let rows = try #require(logical.first?.rows)
        #expect(rows.count == 2)
        #expect(rows[0][1] == "Meningkatnya jumlah BMD yang baik dan siap pakai")
        #expect(rows[0][2] == "Persentase BMD yang diadakan")
        #expect(rows[0][3] == "Realisasi pengadaan BMD")
        #expect(rows[0].location == Location(table: 1, row: 2))
        #expect(rows[0].continuations == [Location(table: 1, row: 3)])
        #expect(rows[1].location == Location(table: 1, row: 4) && rows[1].continuations.isEmpty)
    }

    @Test func genuineRowsWithAnEmptyFirstCellStayRows() throws {
        let table = analysed(makeTable([
            ikuHeader,
            ["Meningkatnya pengelolaan keuangan", "Persentase gaji terbayar", "Cakupan pembayaran gaji", "Sekcam", "Data primer"],
            // Same PJ and source: a second indicator of the same sasaran, not a continuation.
            ["", "Jumlah Laporan Keuangan", "Laporan keuangan tahunan", "Sekcam", "Data primer"],
            // A sub-row merged with the sasaran above, even though it starts in lower case.
            ["^", "persentase laporan tepat waktu", "laporan yang disusun", "Kasubag", "Data sekunder"],
            // No textual clue inside a table: kept.
            ["", "Indeks Kepuasan", "Hasil survei", "", ""],
        ]))
        let rows = try #require(TableJoiner.join([table], vocabulary: .standard).first?.rows)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.continuations.isEmpty })
    }

    @Test func aNewStatementInLowerCaseIsNotAContinuation() throws {
        let table = analysed(makeTable([
            ikuHeader,
            ["Meningkatnya pelayanan publik", "Indeks Kepuasan", "Hasil survei", "Camat", "Survei"],
            // "…nya" opens a new sasaran; typed in lower case it still does not continue the row above.
            ["meningkatnya akuntabilitas kinerja", "nilai sakip", "hasil evaluasi", "sekcam", "data primer"],
        ]))
        let rows = try #require(TableJoiner.join([table], vocabulary: .standard).first?.rows)
        #expect(rows.count == 2)
    }

    @Test func aRowWithNumbersIsNeverAContinuation() throws {
        let table = analysed(makeTable([
            ["No", "Uraian", "Pagu", "Realisasi Anggaran", "%"],
            ["01", "Penyediaan Gaji dan", "100.000", "90.000", "90"],
            ["", "tunjangan ASN", "5.000", "", ""],
            ["", "Belanja Alat Tulis Kantor", "", "", "0"],
        ]))
        let rows = try #require(TableJoiner.join([table], vocabulary: .standard).first?.rows)
        #expect(rows.count == 3)
    }

    @Test func aPageSplitTableWithTheSameHeaderIsJoined() throws {
        let header = [["No.", "PROGRAM KEGIATAN", "JUMLAH ANGGARAN", "REALISASI ANGGARAN", "<"],
                      ["^", "^", "^", "(Rp.)", "(%)"]]
        let first = analysed(makeTable(header + [
            ["1", "2", "3", "4", "5"],
            ["01", "Pendataan dan Pengolahan Administrasi", "15.791.300,00", "15.384.400,00", "97,42"],
        ], index: 4, paragraphsBefore: 10, repeatedHeaderRows: [0, 1]))
        let second = analysed(makeTable([
            ["No.", "PROGRAM  KEGIATAN", "Jumlah Anggaran", "REALISASI ANGGARAN", "<"],
            ["^", "^", "^", "(Rp.)", "(%)"],
            ["", "Kepegawaian", "", "", ""],
            ["", "Belanja Alat Tulis Kantor", "293.000", "197.500", "67,40"],
        ], index: 5, paragraphsBefore: 11, repeatedHeaderRows: [0, 1]))
        #expect(first.headerRowCount == 3 && second.headerRowCount == 2)
        let logical = TableJoiner.join([first, second], vocabulary: .standard)
        #expect(logical.count == 1)
        let table = try #require(logical.first)
        #expect(table.physicalTables == [4, 5])
        #expect(table.headerRows.count == 3)
        #expect(table.rows.map(\.location) == [Location(table: 4, row: 4), Location(table: 5, row: 4)])
        #expect(table.rows[0][2] == "Pendataan dan Pengolahan Administrasi Kepegawaian")
        #expect(table.rows[0].continuations == [Location(table: 5, row: 3)])
    }

    @Test func aHeaderlessPartThatFitsTheColumnsIsJoined() throws {
        let first = analysed(makeTable([
            ["No", "Uraian", "Pagu", "Realisasi Anggaran"],
            ["1", "Belanja Pegawai", "1.000.000", "900.000"],
        ], index: 1, paragraphsBefore: 3))
        let rest = analysed(makeTable([
            ["2", "Belanja Barang dan Jasa", "2.000.000", "1.500.000"],
            ["3", "Belanja Modal", "500.000", "500.000"],
        ], index: 2, paragraphsBefore: 4))
        #expect(rest.headerRowCount == 0)
        let logical = TableJoiner.join([first, rest], vocabulary: .standard)
        #expect(logical.count == 1)
        #expect(logical.first?.rows.map(\.location) == [Location(table: 1, row: 2), Location(table: 2, row: 1),
                                                       Location(table: 2, row: 2)])
        // A headerless table whose first row does not fit (words where the table had numbers) stands alone.
        let other = analysed(makeTable([["Catatan", "Dokumen", "Lengkap", "Ada"]], index: 2, paragraphsBefore: 4))
        #expect(TableJoiner.join([first, other], vocabulary: .standard).count == 2)
    }

    @Test func tablesWithTextBetweenAreNotJoined() {
        let header = ["No", "Kegiatan", "Capaian Kinerja", "Predikat Kinerja"]
        let first = analysed(makeTable([header, ["1", "Koordinasi", "100", "Sangat Baik"]], index: 1, paragraphsBefore: 5))
        let second = analysed(makeTable([header, ["1", "Pembinaan", "90", "Baik"]], index: 2, paragraphsBefore: 8))
        #expect(TableJoiner.join([first, second], vocabulary: .standard).count == 2)
        // One caption paragraph between: without the paragraphs the joiner cannot see it…
        let captioned = analysed(makeTable([header, ["1", "Pembinaan", "90", "Baik"]], index: 2, paragraphsBefore: 6))
        #expect(TableJoiner.join([first, captioned], vocabulary: .standard).count == 1)
        // …with them it can; blank paragraphs between still join.
        let caption = [Paragraph(location: Location(paragraph: 6), text: "Tabel 3.7")]
        #expect(TableJoiner.join([first, captioned], paragraphs: caption, vocabulary: .standard).count == 2)
        let blanks = [Paragraph(location: Location(paragraph: 6), text: " "), Paragraph(location: Location(paragraph: 7), text: ""),
                      Paragraph(location: Location(paragraph: 8), text: "\u{200B}")]
        #expect(TableJoiner.join([first, second], paragraphs: blanks, vocabulary: .standard).count == 1)
    }
}

// MARK: - The corpus

/// Corpus files, read in place from the project root's sibling folder.
private enum TableCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardized

    /// The Word file, the same file saved by LibreOffice, and the Word XML form: the tables must come out
    /// the same from each.
    static let forms = ["docx/%@.docx", "docx-lo/%@.docx", "xml/%@.xml"]

    static func tables(_ name: String, form: String = "docx/%@.docx") throws -> (tables: [Table], paragraphs: [Paragraph]) {
        let path = root.appendingPathComponent(form.replacingOccurrences(of: "%@", with: name)).path
        let document = try DocumentReader.read(path: path)
        return (document.tables.map { analysed($0) }, document.paragraphs)
    }
}

/// What each corpus table's header is, checked by hand against `docxgrid.py` output.
private struct ExpectedHeader {
    var rows: Int
    var roles: String
    var years: [Int: Int] = [:]
}

@Suite("Corpus tables")
struct CorpusTableTests {
    private let iku = "sasaran indikator definisi_operasional formula penanggung_jawab sumber_data"
    private let subKegiatan = "uraian indikator satuan target realisasi capaian keterangan"
    private let kegiatan = "no kegiatan capaian predikat keterangan"
    private let programTable = "no uraian indikator target realisasi capaian"
    private let budget = "no uraian pagu realisasi_anggaran persentase keterangan"

    private func check(_ name: String, _ expected: [Int: ExpectedHeader]) throws {
        for form in TableCorpus.forms {
            try check(name, form: form, expected)
        }
    }

    private func check(_ file: String, form: String, _ expected: [Int: ExpectedHeader]) throws {
        let tables = try TableCorpus.tables(file, form: form).tables
        let name = form.replacingOccurrences(of: "%@", with: file)
        #expect(tables.count == expected.count, "\(name): \(tables.count) tables")
        for table in tables {
            guard let want = expected[table.index] else {
                Issue.record("\(name) table \(table.index): no expectation")
                continue
            }
            #expect(table.headerRowCount == want.rows, "\(name) table \(table.index)")
            if want.rows == 0 {
                #expect(table.columns.allSatisfy { $0.role == nil }, "\(name) table \(table.index)")
            } else {
                #expect(roleNames(table.columns) == want.roles, "\(name) table \(table.index): \(table.columns.map(\.header))")
                for (column, year) in want.years {
                    #expect(table.columns[column - 1].year == year, "\(name) table \(table.index) column \(column)")
                }
            }
        }
    }

    @Test func wotu() throws {
        try check("wotu-iku-2021-2026", [
            1: ExpectedHeader(rows: 2, roles: "no sasaran indikator target target target target target target formula penanggung_jawab",
                              years: [4: 2021, 5: 2022, 6: 2023, 7: 2024, 8: 2025, 9: 2026]),
        ])
    }

    @Test func setda() throws {
        try check("setda-luwutimur-iku-2021-2026", [
            1: ExpectedHeader(rows: 2, roles: "no tujuan sasaran indikator formula penanggung_jawab"),
        ])
    }

    @Test func rawaJituTimur() throws {
        try check("rawajitutimur-iku-2023-2026", [
            1: ExpectedHeader(rows: 3, roles: "tujuan sasaran tujuan indikator sasaran indikator formula target target target target",
                              years: [8: 2023, 9: 2024, 10: 2025, 11: 2026]),
            2: ExpectedHeader(rows: 3, roles: "no sasaran indikator satuan kondisi_awal target target target target",
                              years: [6: 2023, 9: 2026]),
        ])
    }

    @Test func wanaraya() throws {
        try check("wanaraya-iku-2023-2026", Dictionary(uniqueKeysWithValues: (1...8).map {
            ($0, ExpectedHeader(rows: 1, roles: iku))
        }))
    }

    @Test func towuti() throws {
        var expected: [Int: ExpectedHeader] = [
            1: ExpectedHeader(rows: 4, roles: "no" + String(repeating: " -", count: 15)),
            2: ExpectedHeader(rows: 4, roles: "no" + String(repeating: " -", count: 15)),
            3: ExpectedHeader(rows: 3, roles: "no" + String(repeating: " -", count: 11)),
            4: ExpectedHeader(rows: 0, roles: ""),
            5: ExpectedHeader(rows: 3, roles: "no tujuan indikator sasaran indikator kondisi_awal target target target target target kondisi_akhir",
                              years: [7: 2022, 8: 2023, 11: 2026]),
            6: ExpectedHeader(rows: 1, roles: "- tujuan sasaran indikator"),
            7: ExpectedHeader(rows: 2, roles: "no sasaran indikator target", years: [4: 2023]),
            8: ExpectedHeader(rows: 1, roles: "no sasaran indikator target realisasi capaian"),
            9: ExpectedHeader(rows: 1, roles: "- - - - -"),
            10: ExpectedHeader(rows: 0, roles: ""), 11: ExpectedHeader(rows: 0, roles: ""),
            12: ExpectedHeader(rows: 0, roles: ""),
            13: ExpectedHeader(rows: 2, roles: programTable),
            14: ExpectedHeader(rows: 1, roles: programTable), 15: ExpectedHeader(rows: 1, roles: programTable),
            27: ExpectedHeader(rows: 1, roles: programTable), 28: ExpectedHeader(rows: 1, roles: programTable),
            31: ExpectedHeader(rows: 0, roles: ""), 32: ExpectedHeader(rows: 0, roles: ""),
            33: ExpectedHeader(rows: 1, roles: kegiatan),
            34: ExpectedHeader(rows: 1, roles: "no program target realisasi capaian"),
            58: ExpectedHeader(rows: 2, roles: "capaian persentase predikat", years: [1: 2023, 2: 2023, 3: 2023]),
            59: ExpectedHeader(rows: 2, roles: "no uraian pagu realisasi_anggaran persentase"),
            60: ExpectedHeader(rows: 1, roles: "kegiatan pagu realisasi_anggaran persentase"),
            61: ExpectedHeader(rows: 1, roles: "sasaran indikator pagu realisasi_anggaran capaian"),
            62: ExpectedHeader(rows: 3, roles: budget, years: [4: 2023, 5: 2023]),
        ]
        for index in [16, 18, 21, 23] { expected[index] = ExpectedHeader(rows: 1, roles: kegiatan) }
        for index in [17, 19, 20, 22, 24, 25, 26, 29, 30] + Array(35...57) {
            expected[index] = ExpectedHeader(rows: 2, roles: subKegiatan)
        }
        for index in 63...82 { expected[index] = ExpectedHeader(rows: 2, roles: budget, years: [4: 2023]) }
        try check("towuti-lakip-2023", expected)
    }

    @Test(arguments: TableCorpus.forms)
    func wanarayaContinuationRows(form: String) throws {
        let (tables, paragraphs) = try TableCorpus.tables("wanaraya-iku-2023-2026", form: form)
        let logical = TableJoiner.join(tables, paragraphs: paragraphs, vocabulary: .standard)
        #expect(logical.map(\.physicalTables) == (1...8).map { [$0] })
        func row(_ table: Int, _ row: Int) -> LogicalRow? {
            logical[table - 1].rows.first { $0.location == Location(table: table, row: row) }
        }
        let bmd = try #require(row(2, 8))
        #expect(bmd.continuations == [Location(table: 2, row: 9)])
        #expect(bmd[1] == "Meningkatnya jumlah BMD yang baik dan siap pakai")
        #expect(bmd[2] == "Persentase BMD yang diadakan")
        let building = try #require(row(7, 19))
        #expect(building.continuations == [Location(table: 7, row: 20)])
        #expect(building[1] == "Terlaksananya Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya")
        #expect(building[2] == "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi")
        #expect(row(7, 10)?.continuations == [Location(table: 7, row: 11)])
        #expect(row(8, 5)?.continuations == [Location(table: 8, row: 6)])
        // Second indicators of a sasaran, written with an empty sasaran cell, stay rows of their own.
        #expect(row(2, 4)?.continuations == [])
        #expect(row(2, 10)?.continuations == [])
        #expect(logical[1].rows.count == 8 && logical[6].rows.count == 18 && logical[7].rows.count == 7)
        let folded = logical.flatMap(\.rows).flatMap(\.continuations)
        #expect(folded.count == 4, "\(folded)")
    }

    @Test(arguments: TableCorpus.forms)
    func towutiBudgetTablesFormOneLogicalTable(form: String) throws {
        let (tables, paragraphs) = try TableCorpus.tables("towuti-lakip-2023", form: form)
        for logical in [TableJoiner.join(tables, paragraphs: paragraphs, vocabulary: .standard),
                        TableJoiner.join(tables, vocabulary: .standard)] {
            let budget = try #require(logical.first { $0.physicalTables.first == 62 })
            #expect(budget.physicalTables == Array(62...82))
            #expect(budget.columns.map(\.role) == roles("no uraian pagu realisasi_anggaran persentase keterangan"))
            #expect(budget.headerRows.count == 3)
            // 211 physical body rows, six of them the rest of a row cut by a page break.
            #expect(budget.rows.count == 205)
            let continued = budget.rows.filter { !$0.continuations.isEmpty }
            #expect(continued.map(\.location) == [Location(table: 64, row: 13), Location(table: 66, row: 8),
                                                  Location(table: 68, row: 15), Location(table: 73, row: 11),
                                                  Location(table: 75, row: 14), Location(table: 76, row: 16)])
            #expect(continued.map(\.continuations) == [[Location(table: 65, row: 3)], [Location(table: 67, row: 3)],
                                                       [Location(table: 69, row: 3)], [Location(table: 74, row: 3)],
                                                       [Location(table: 76, row: 3)], [Location(table: 77, row: 3)]])
            let pendataan = try #require(budget.rows.first { $0.location == Location(table: 68, row: 15) })
            #expect(pendataan[2] == "Pendataan dan Pengolahan Administrasi Kepegawaian")
            #expect(pendataan[3] == "15.791.300,00")
            // Every physical row is accounted for, in document order.
            let all = budget.rows.flatMap { [$0.location] + $0.continuations }
            #expect(all.count == 211 && all == all.sorted())
            #expect(budget.rows.first?.location == Location(table: 62, row: 4))

            // Tables 13–15 (program analysis) are one table too; 15's first row ends 14's last.
            let programs = try #require(logical.first { $0.physicalTables.first == 13 })
            #expect(programs.physicalTables == [13, 14, 15])
            #expect(programs.rows.count == 20)
            let last = try #require(programs.rows.first { $0.location == Location(table: 14, row: 9) })
            #expect(last.continuations == [Location(table: 15, row: 2)])
            #expect(last[2].hasSuffix("Peraturan Kepala Daerah"))

            // Nothing else is joined: tables separated by text stay apart.
            #expect(logical.count == 82 - 20 - 2)
        }
    }
}

