import Foundation
import Testing
@testable import Lint

/// The corpus, read in place from the project root's sibling folder.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardized
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let documents = ["rawajitutimur-iku-2023-2026", "setda-luwutimur-iku-2021-2026", "towuti-lakip-2023",
                            "wanaraya-iku-2023-2026", "wotu-iku-2021-2026"]
    /// The three Word forms of a corpus document.
    static func forms(_ name: String) -> [String] {
        [path("docx/\(name).docx"), path("docx-lo/\(name).docx"), path("xml/\(name).xml")]
    }
}

/// A Word XML (Flat OPC) package around a body, so reader behaviour is tested on XML written in the test.
func flatPackage(body: String, styles: String? = nil, numbering: String? = nil) -> Data {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
    func part(_ name: String, _ type: String, _ xml: String) -> String {
        "<pkg:part pkg:name=\"\(name)\" pkg:contentType=\"\(type)\"><pkg:xmlData>\(xml)</pkg:xmlData></pkg:part>"
    }
    var xml = "<?xml version=\"1.0\"?><pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
    xml += part("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "<w:document \(w)><w:body>\(body)</w:body></w:document>")
    if let styles {
        xml += part("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
                    "<w:styles \(w)>\(styles)</w:styles>")
    }
    if let numbering {
        xml += part("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                    "<w:numbering \(w)>\(numbering)</w:numbering>")
    }
    return Data((xml + "</pkg:package>").utf8)
}

func read(body: String, styles: String? = nil, numbering: String? = nil) throws -> Document {
    try DocumentReader.read(data: flatPackage(body: body, styles: styles, numbering: numbering), path: "test.xml")
}

func texts(_ document: Document) -> [String] { document.paragraphs.map(\.text) }

@Suite("Reading Word XML")
struct ReaderTests {
    @Test func runsAreJoinedAndSpecialCharactersShown() throws {
        let document = try read(body: """
            <w:p><w:r><w:t xml:space="preserve">Rencana </w:t></w:r><w:proofErr/><w:r><w:t>Strategis</w:t></w:r></w:p>
            <w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>
            <w:p><w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>stop</w:t><w:softHyphen/><w:t>per</w:t></w:r></w:p>
            <w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> item</w:t></w:r></w:p>
            """)
        #expect(texts(document) == ["Rencana Strategis", "a\tb\nc\nd", "non-stopper", "• item"])
        #expect(document.paragraphs.map { $0.location.paragraph } == [1, 2, 3, 4])
    }

    @Test func trackedChangesAreAccepted() throws {
        let document = try read(body: """
            <w:p><w:r><w:t xml:space="preserve">Target </w:t></w:r>
            <w:del w:id="1" w:author="x"><w:r><w:delText>75</w:delText></w:r></w:del>
            <w:ins w:id="2" w:author="x"><w:r><w:t>80</w:t></w:r></w:ins></w:p>
            <w:p><w:moveFrom w:id="3" w:author="x"><w:r><w:t>moved away</w:t></w:r></w:moveFrom></w:p>
            <w:p><w:moveTo w:id="4" w:author="x"><w:r><w:t>moved here</w:t></w:r></w:moveTo></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="5" w:author="x"><w:pPr><w:pStyle w:val="Old"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>x</w:t></w:r></w:p>
            """)
        #expect(texts(document) == ["Target 80", "", "moved here", "x"])
        #expect(document.paragraphs[3].styleID == "Heading1")
    }

    @Test func fieldsShowTheirResultAndTOCEntriesAreMarked() throws {
        let document = try read(body: """
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>BAB I PENDAHULUAN</w:t></w:r><w:r><w:tab/></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:r><w:t>1.1 Latar Belakang</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>BAB I PENDAHULUAN</w:t></w:r></w:p>
            <w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>30/11/2026</w:t></w:r></w:fldSimple></w:p>
            """)
        #expect(texts(document) == ["BAB I PENDAHULUAN\t1", "1.1 Latar Belakang\t2", "", "BAB I PENDAHULUAN", "30/11/2026"])
        #expect(document.paragraphs.map(\.isTOCEntry) == [true, true, true, false, false])
    }

    @Test func contentControlsAlternateContentAndTextBoxes() throws {
        let document = try read(body: """
            <w:sdt><w:sdtPr><w:alias w:val="judul"/></w:sdtPr><w:sdtContent>
              <w:p><w:r><w:t>inside a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>box text</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box text</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> continues</w:t></w:r></w:p>
            <w:p><w:r><w:t>after</w:t></w:r></w:p>
            """)
        #expect(texts(document) == ["inside a content control", "anchor continues", "box text", "after"])
        #expect(document.paragraphs.map(\.container) == [.body, .body, .textBox, .body])
        #expect(document.paragraphs.map { $0.location.paragraph } == [1, 2, 2, 3])
    }

    @Test func equationsGiveTheirText() throws {
        let document = try read(body: """
            <w:p><w:r><w:t xml:space="preserve">Capaian = </w:t></w:r><m:oMath><m:f><m:num><m:r><m:t>Realisasi</m:t></m:r></m:num>
            <m:den><m:r><m:t>Target</m:t></m:r></m:den></m:f><m:r><m:t>×100%</m:t></m:r></m:oMath></w:p>
            """)
        #expect(texts(document) == ["Capaian = RealisasiTarget×100%"])
    }

    @Test func mergedCellsGiveTheLogicalGrid() throws {
        let document = try read(body: """
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:trPr><w:tblHeader/></w:trPr>
              <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>No</w:t></w:r></w:p></w:tc>
              <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>Target</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
              <w:tc><w:p><w:r><w:t>2024</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>2026</w:t></w:r></w:p><w:p><w:r><w:t>(akhir)</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>
              <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>
              <w:tc><w:p/></w:tc></w:tr>
            </w:tbl><w:p/>
            """)
        let table = try #require(document.tables.first)
        #expect(table.grid == [["No", "Target", "", ""], ["", "2024", "2025", "2026\n(akhir)"], ["", "x", "", ""]])
        #expect(table.rows[0].repeatsAsHeader)
        #expect(table.rows[1].cells[0].kind == .mergedAbove)
        #expect(table.rows[2].cells[0].kind == .absent)
        #expect(table.rows[0].cells[1].span == 3)
        #expect(document.paragraphs.count == 1)
    }

    @Test func nestedTablesStayInTheirCell() throws {
        let document = try read(body: """
            <w:p><w:r><w:t>before</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>
              <w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>second</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """)
        #expect(document.tables.map(\.index) == [1, 2])
        #expect(document.tables[0].grid == [["outer\ninner"]])
        #expect(document.tables[0].rows[0].cells[0].nestedTables.first?.grid == [["inner"]])
        #expect(document.tables[0].paragraphsBefore == 1)
    }

    @Test func absurdSpansAreClamped() throws {
        let document = try read(body: """
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr><w:p/></w:tc>
            <w:tc><w:tcPr><w:gridSpan w:val="99999999999999999999"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
            """)
        #expect(document.tables[0].columnCount == DocumentPartHandler.maxColumns)
    }

    @Test func aDoctypeIsRefused() {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">&e;</pkg:package>
            """
        #expect(throws: InputError.self) { try DocumentReader.read(data: Data(xml.utf8), path: "x.xml") }
    }

    @Test func anXMLFileThatIsNotAPackageIsNamed() {
        let xml = "<?xml version=\"1.0\"?><w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"/>"
        #expect(throws: InputError.self) { try DocumentReader.read(data: Data(xml.utf8), path: "old.xml") }
    }
}

@Suite("Reading the corpus")
struct CorpusReadingTests {
    /// The three forms of each document must give the same tables and the same body paragraph texts.
    @Test(arguments: Corpus.documents)
    func theThreeFormsAgree(name: String) throws {
        let documents = try Corpus.forms(name).map { try DocumentReader.read(path: $0) }
        let grids = documents.map { $0.tables.map { $0.grid.map { $0.map(Self.normalise) } } }
        #expect(grids[0] == grids[1])
        #expect(grids[0] == grids[2])
        let paragraphs = documents.map { $0.paragraphs.map { Self.normalise($0.text) }.filter { !$0.isEmpty } }
        #expect(paragraphs[0] == paragraphs[2])
    }

    @Test func towutiHas82TablesAndItsBudgetTableIsRead() throws {
        let document = try DocumentReader.read(path: Corpus.path("docx/towuti-lakip-2023.docx"))
        #expect(document.tables.count == 82)
        #expect(document.tables.map(\.index) == Array(1...82))
    }

    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

@Suite("Hostile and broken files")
struct HostileTests {
    static func error(_ name: String) -> InputError? {
        do {
            _ = try DocumentReader.read(path: Corpus.path("hostile/\(name)"))
            return nil
        } catch {
            return error
        }
    }

    @Test func entitiesAreNeverExpanded() {
        for name in ["xxe-external-entity.docx", "billion-laughs.docx"] {
            guard case .malformedXML(let part, _, let reason) = Self.error(name) else {
                Issue.record("\(name) should be refused as malformed XML")
                continue
            }
            #expect(part == "word/document.xml")
            #expect(reason.contains("DOCTYPE"))
        }
    }

    @Test func limitsStopBombsAndFloods() {
        #expect(Self.error("zip-bomb.docx") == .limitExceeded(entry: "word/document.xml", reason: "would inflate past the 256 MiB limit"))
        guard case .limitExceeded(nil, let reason) = Self.error("many-entries.docx") else {
            Issue.record("many-entries.docx should pass the entry limit")
            return
        }
        #expect(reason.contains("entries"))
    }

    @Test func brokenFilesSayWhatIsWrong() {
        #expect(Self.error("empty.docx") == .empty)
        #expect(Self.error("not-a-zip.docx") == .notAZip(detected: "a PDF"))
        #expect(Self.error("encrypted-ole.docx") == .encryptedOrLegacy)
        #expect(Self.error("missing-document-part.docx") == .missingPart("word/document.xml"))
        if case .corruptZip = Self.error("truncated.docx") {} else { Issue.record("truncated.docx: corrupt zip expected") }
        if case .malformedXML(let part, _, _) = Self.error("malformed-xml.docx") {
            #expect(part == "word/document.xml")
        } else {
            Issue.record("malformed-xml.docx: malformed XML expected")
        }
        if case .malformedXML(let part, _, _) = Self.error("invalid-utf8.docx") {
            #expect(part == "word/document.xml")
        } else {
            Issue.record("invalid-utf8.docx: malformed XML expected")
        }
    }

    @Test func deepNestingIsBoundedByTheParser() throws {
        // 20,000 nested tables: refused once past the nesting limit, before any deep value is built.
        do {
            _ = try DocumentReader.read(path: Corpus.path("hostile/deep-nesting.docx"))
            Issue.record("deep-nesting.docx should not read")
        } catch .tooDeep(let part, _) {
            #expect(part == "word/document.xml")
        } catch {
            Issue.record("deep-nesting.docx: \(error)")
        }
    }

    @Test func hugeSpansAreClampedNotAllocated() throws {
        let document = try DocumentReader.read(path: Corpus.path("hostile/huge-gridspan.docx"))
        #expect(document.tables.allSatisfy { $0.columnCount <= DocumentPartHandler.maxColumns })
    }

    @Test func zipSlipNamesAreNeverUsedAsPaths() throws {
        let document = try DocumentReader.read(path: Corpus.path("hostile/zip-slip.docx"))
        #expect(!document.paragraphs.isEmpty)
    }
}
