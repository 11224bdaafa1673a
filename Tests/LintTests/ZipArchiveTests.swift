import Foundation
import Testing
@testable import Lint

// MARK: - Corpus helpers

private enum ZipCorpus {
    /// /work/main/Tests/LintTests/ZipArchiveTests.swift → /work/main → ../shared/corpus
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus")
        .standardizedFileURL

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// Regular files under `folder`, recursively, sorted.
    static func files(under folder: String) -> [URL] {
        let base = url(folder)
        guard let walker = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var result: [URL] = []
        for case let file as URL in walker {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                result.append(file)
            }
        }
        return result.sorted { $0.path < $1.path }
    }
}

// MARK: - Building zips by hand

private struct TestEntry {
    var name: String
    /// Raw name bytes; the UTF-8 of `name` when nil.
    var nameBytes: [UInt8]? = nil
    var method: UInt16 = 0
    /// The bytes stored in the archive (already compressed for method 8).
    var payload: [UInt8]
    /// Declared inflated size; `payload.count` when nil.
    var uncompressedSize: Int? = nil
    /// Declared CRC; computed from `payload` (stored) when nil.
    var crc: UInt32? = nil
    var flags: UInt16 = 0
}

private func testCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        crc ^= UInt32(b)
        for _ in 0 ..< 8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
}

private extension Array where Element == UInt8 {
    mutating func le16(_ v: Int) { append(UInt8(v & 0xFF)); append(UInt8((v >> 8) & 0xFF)) }
    mutating func le32(_ v: Int) { for i in 0 ..< 4 { append(UInt8((v >> (8 * i)) & 0xFF)) } }
    mutating func le32(_ v: UInt32) { le32(Int(v)) }
    mutating func le64(_ v: Int) { for i in 0 ..< 8 { append(UInt8((v >> (8 * i)) & 0xFF)) } }
}

/// A zip with `entries`; with `zip64`, every size and offset goes through ZIP64 fields.
private func makeZip(_ entries: [TestEntry], zip64: Bool = false, comment: [UInt8] = []) -> Data {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for e in entries {
        let name = e.nameBytes ?? Array(e.name.utf8)
        let size = e.uncompressedSize ?? e.payload.count
        let crc = e.crc ?? testCRC32(e.payload)
        let offset = out.count
        // Local header (sizes in the central directory are what the reader uses).
        out.le32(0x0403_4b50); out.le16(20); out.le16(Int(e.flags)); out.le16(Int(e.method))
        out.le16(0); out.le16(0); out.le32(crc); out.le32(e.payload.count); out.le32(size)
        out.le16(name.count); out.le16(3)
        out += name
        out += [0xAA, 0xBB, 0xCC]  // a local extra field the central directory does not have
        out += e.payload

        var extra: [UInt8] = []
        if zip64 {
            extra.le16(0x0001); extra.le16(24)
            extra.le64(size); extra.le64(e.payload.count); extra.le64(offset)
        }
        central.le32(0x0201_4b50); central.le16(45); central.le16(45)
        central.le16(Int(e.flags)); central.le16(Int(e.method)); central.le16(0); central.le16(0)
        central.le32(crc)
        central.le32(zip64 ? 0xFFFF_FFFF : e.payload.count)
        central.le32(zip64 ? 0xFFFF_FFFF : size)
        central.le16(name.count); central.le16(extra.count); central.le16(0)
        central.le16(0); central.le16(0); central.le32(0)
        central.le32(zip64 ? 0xFFFF_FFFF : offset)
        central += name
        central += extra
    }
    let cdOffset = out.count
    out += central
    if zip64 {
        let recordOffset = out.count
        out.le32(0x0606_4b50); out.le64(44); out.le16(45); out.le16(45); out.le32(0); out.le32(0)
        out.le64(entries.count); out.le64(entries.count); out.le64(central.count); out.le64(cdOffset)
        out.le32(0x0706_4b50); out.le32(0); out.le64(recordOffset); out.le32(1)
    }
    out.le32(0x0605_4b50); out.le16(0); out.le16(0)
    out.le16(zip64 ? 0xFFFF : entries.count); out.le16(zip64 ? 0xFFFF : entries.count)
    out.le32(zip64 ? 0xFFFF_FFFF : central.count); out.le32(zip64 ? 0xFFFF_FFFF : cdOffset)
    out.le16(comment.count)
    out += comment
    return Data(out)
}

/// Raw deflate of 4096 × "a" (22 bytes).
private let deflatedAs: [UInt8] = [
    0xed, 0xc1, 0x01, 0x0d, 0x00, 0x00, 0x00, 0xc2, 0xa0, 0xac, 0xef, 0x5f, 0xc2, 0x1e, 0x0e, 0x28,
    0x00, 0x00, 0x00, 0xe0, 0xdd, 0x00,
]
private let inflatedAs = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)

/// Raw deflate of `<?xml version="1.0"?><w:document/>` three times (39 bytes → 102).
private let deflatedXML: [UInt8] = [
    0xb3, 0xb1, 0xaf, 0xc8, 0xcd, 0x51, 0x28, 0x4b, 0x2d, 0x2a, 0xce, 0xcc, 0xcf, 0xb3, 0x55, 0x32,
    0xd4, 0x33, 0x50, 0xb2, 0xb7, 0xb3, 0x29, 0xb7, 0x4a, 0xc9, 0x4f, 0x2e, 0xcd, 0x4d, 0xcd, 0x2b,
    0xd1, 0xb7, 0xb3, 0xa1, 0x82, 0x0a, 0x00,
]
private let inflatedXML = Array(String(repeating: #"<?xml version="1.0"?><w:document/>"#, count: 3).utf8)

private func deflateEntry(_ name: String, _ payload: [UInt8], _ inflated: [UInt8]) -> TestEntry {
    TestEntry(name: name, method: 8, payload: payload, uncompressedSize: inflated.count, crc: testCRC32(inflated))
}

/// The error thrown by `body`, if it is an `InputError`.
private func inputError(_ body: () throws -> Void) -> InputError? {
    do {
        try body()
        return nil
    } catch let error as InputError {
        return error
    } catch {
        Issue.record("not an InputError: \(error)")
        return nil
    }
}

private struct BodyError: Error, Equatable { let tag: Int }

// MARK: - Tests

@Suite("ZipArchive")
struct ZipArchiveTests {

    // MARK: Corpus

    @Test("every corpus .docx opens and word/document.xml starts with <?xml")
    func corpusDocx() throws {
        let files = ZipCorpus.files(under: "docx").filter { $0.pathExtension == "docx" }
        #expect(files.count == 5)
        for file in files {
            let archive = try ZipArchive(data: try Data(contentsOf: file))
            let entry = try #require(archive.entry(named: "word/document.xml"), "\(file.lastPathComponent)")
            let xml = try archive.read(entry)
            #expect(xml.count == entry.uncompressedSize)
            #expect(xml.starts(with: Array("<?xml".utf8)), "\(file.lastPathComponent)")
        }
    }

    @Test("zip-bomb.docx: word/document.xml passes the size limit before inflating")
    func zipBomb() throws {
        let archive = try ZipArchive(data: try ZipCorpus.data("hostile/zip-bomb.docx"))
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: InputError.limitExceeded(entry: "word/document.xml", reason: "would inflate past the 256 MiB limit")) {
            _ = try archive.read(entry)
        }
        var chunks = 0
        #expect(throws: InputError.self) { try archive.stream(entry) { _ in chunks += 1 } }
        #expect(chunks == 0)
        #expect(clock.now - start < .seconds(2))
        // With the declared size ignored (a lying header), the ratio check still stops it early.
        var lenient = ZipLimits()
        lenient.maxEntrySize = Int.max
        lenient.maxTotalSize = Int.max
        let bomb = try ZipArchive(data: try ZipCorpus.data("hostile/zip-bomb.docx"), limits: lenient)
        let bombEntry = try #require(bomb.entry(named: "word/document.xml"))
        var seen = 0
        let error = inputError { try bomb.stream(bombEntry) { seen += $0.count } }
        #expect(error == .limitExceeded(entry: "word/document.xml", reason: "inflates more than 100 times its compressed size (possible zip bomb)"))
        #expect(seen <= lenient.ratioThreshold + (64 << 10))
    }

    @Test("many-entries.docx: more entries than allowed")
    func manyEntries() throws {
        let data = try ZipCorpus.data("hostile/many-entries.docx")
        #expect(throws: InputError.limitExceeded(entry: nil, reason: "the archive has 20017 entries, more than the 10000 allowed")) {
            _ = try ZipArchive(data: data)
        }
        // With a higher limit it reads, and fast.
        let archive = try ZipArchive(data: data, limits: ZipLimits(maxEntries: 30_000))
        #expect(archive.entries.count == 20_017)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(try archive.read(entry).starts(with: Array("<?xml".utf8)))
    }

    @Test("not-a-zip, empty, OLE and truncated files say what they are")
    func notZips() throws {
        #expect(throws: InputError.notAZip(detected: "a PDF")) {
            _ = try ZipArchive(data: try ZipCorpus.data("hostile/not-a-zip.docx"))
        }
        #expect(throws: InputError.empty) {
            _ = try ZipArchive(data: try ZipCorpus.data("hostile/empty.docx"))
        }
        #expect(throws: InputError.encryptedOrLegacy) {
            _ = try ZipArchive(data: try ZipCorpus.data("hostile/encrypted-ole.docx"))
        }
        #expect(throws: InputError.corruptZip(reason: "no end of central directory record: the file is truncated or not a zip archive")) {
            _ = try ZipArchive(data: try ZipCorpus.data("hostile/truncated.docx"))
        }
        #expect(throws: InputError.notAZip(detected: "an XML file (try the Word XML reader)")) {
            _ = try ZipArchive(data: Data("<?xml version=\"1.0\"?><pkg:package/>".utf8))
        }
        #expect(throws: InputError.notAZip(detected: "an XML file (try the Word XML reader)")) {
            _ = try ZipArchive(data: Data([0xEF, 0xBB, 0xBF]) + Data("\n  <w:document/>".utf8))
        }
        #expect(throws: InputError.notAZip(detected: "an RTF file")) {
            _ = try ZipArchive(data: Data("{\\rtf1\\ansi hello}".utf8))
        }
        #expect(throws: InputError.notAZip(detected: nil)) {
            _ = try ZipArchive(data: Data("just some text, long enough to search for an end record".utf8))
        }
        #expect(throws: InputError.notAZip(detected: nil)) { _ = try ZipArchive(data: Data([0x01])) }
    }

    @Test("zip-slip.docx opens, lists its ../ names, and its document reads")
    func zipSlip() throws {
        let archive = try ZipArchive(data: try ZipCorpus.data("hostile/zip-slip.docx"))
        let names = archive.entries.map(\.name)
        #expect(names.contains("../../../../tmp/iku-lint-zip-slip.txt"))
        #expect(names.contains("/etc/iku-lint-abs.txt"))
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(try archive.read(entry).starts(with: Array("<?xml".utf8)))
        for entry in archive.entries { _ = try archive.read(entry) }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/iku-lint-zip-slip.txt"))
    }

    @Test("missing-document-part.docx opens without word/document.xml")
    func missingDocumentPart() throws {
        let archive = try ZipArchive(data: try ZipCorpus.data("hostile/missing-document-part.docx"))
        #expect(!archive.entries.isEmpty)
        #expect(archive.entry(named: "word/document.xml") == nil)
    }

    @Test("every wild and hostile file opens and reads, or throws an InputError, quickly")
    func robustness() throws {
        let files = ZipCorpus.files(under: "wild") + ZipCorpus.files(under: "hostile")
        #expect(files.count >= 321 + 14)
        let clock = ContinuousClock()
        let start = clock.now
        var failures: [String: [String]] = [:]
        for file in files {
            let data = try Data(contentsOf: file)
            do {
                let archive = try ZipArchive(data: data)
                for entry in archive.entries {
                    do {
                        _ = try archive.read(entry)
                    } catch {
                        failures["read: \(error)", default: []].append(file.lastPathComponent)
                    }
                }
            } catch {
                failures["open: \(error)", default: []].append(file.lastPathComponent)
            }
        }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        if ProcessInfo.processInfo.environment["ZIP_REPORT"] != nil {
            for (message, names) in failures.sorted(by: { $0.key < $1.key }) {
                print("[\(names.count)] \(message)\n      \(names.joined(separator: ", "))")
            }
            print("robustness: \(files.count) files in \(elapsed)")
        }
    }

    // MARK: Hand-built archives

    @Test("stored entries read, stream in chunks, and are found by name")
    func storedEntries() throws {
        let hello = Array("Hello, zip!".utf8)
        let data = makeZip([
            TestEntry(name: "[Content_Types].xml", payload: Array("<Types/>".utf8)),
            TestEntry(name: "word/Document.xml", payload: hello),
            TestEntry(name: "empty.txt", payload: []),
            TestEntry(name: "folder/", payload: []),
        ], comment: Array("a comment".utf8))
        let archive = try ZipArchive(data: data)
        #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "word/Document.xml", "empty.txt", "folder/"])
        let entry = try #require(archive.entry(named: "word/Document.xml"))
        #expect(entry.method == 0)
        #expect(entry.compressedSize == hello.count && entry.uncompressedSize == hello.count)
        #expect(try archive.read(entry) == Data(hello))
        #expect(archive.entry(named: "/word/Document.xml")?.name == "word/Document.xml")
        #expect(archive.entry(named: "word/document.xml")?.name == "word/Document.xml")
        #expect(archive.entry(named: "/WORD/DOCUMENT.XML")?.name == "word/Document.xml")
        #expect(archive.entry(named: "word/missing.xml") == nil)
        #expect(try archive.read(#require(archive.entry(named: "empty.txt"))).isEmpty)
        #expect(try #require(archive.entry(named: "folder/")).isDirectory)

        var chunks: [[UInt8]] = []
        try archive.stream(entry, chunkSize: 3) { chunks.append(Array($0)) }
        #expect(chunks.allSatisfy { $0.count <= 3 })
        #expect(chunks.flatMap { $0 } == hello)
        #expect(archive.inflatedTotal == hello.count * 2)

        // A Data slice (non-zero startIndex) works the same.
        let padded = Data([1, 2, 3]) + data
        let slice = padded[padded.startIndex + 3 ..< padded.endIndex]
        let sliced = try ZipArchive(data: slice)
        #expect(try sliced.read(#require(sliced.entry(named: "word/Document.xml"))) == Data(hello))
    }

    @Test("deflated entries read and stream")
    func deflatedEntries() throws {
        let archive = try ZipArchive(data: makeZip([
            deflateEntry("word/document.xml", deflatedXML, inflatedXML),
            deflateEntry("a.txt", deflatedAs, inflatedAs),
        ]))
        let xml = try #require(archive.entry(named: "word/document.xml"))
        #expect(try archive.read(xml) == Data(inflatedXML))
        let a = try #require(archive.entry(named: "a.txt"))
        var collected: [UInt8] = []
        var largest = 0
        try archive.stream(a, chunkSize: 1000) { collected += $0; largest = max(largest, $0.count) }
        #expect(collected == inflatedAs)
        #expect(largest <= 1000)
    }

    @Test("ZIP64 sizes and end records are read")
    func zip64() throws {
        let archive = try ZipArchive(data: makeZip([
            TestEntry(name: "stored.txt", payload: Array("stored".utf8)),
            deflateEntry("word/document.xml", deflatedXML, inflatedXML),
        ], zip64: true))
        #expect(archive.entries.count == 2)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(entry.compressedSize == deflatedXML.count)
        #expect(entry.uncompressedSize == inflatedXML.count)
        #expect(try archive.read(entry) == Data(inflatedXML))
        #expect(try archive.read(#require(archive.entry(named: "stored.txt"))) == Data("stored".utf8))
    }

    @Test("the ratio check stops a highly compressed entry")
    func ratioLimit() throws {
        let data = makeZip([deflateEntry("word/document.xml", deflatedAs, inflatedAs)])
        let strict = try ZipArchive(data: data, limits: ZipLimits(maxRatio: 2, ratioThreshold: 10))
        let entry = try #require(strict.entry(named: "word/document.xml"))
        var seen = 0
        let error = inputError { try strict.stream(entry, chunkSize: 64) { seen += $0.count } }
        #expect(error == .limitExceeded(entry: "word/document.xml", reason: "inflates more than 2 times its compressed size (possible zip bomb)"))
        #expect(seen <= 64)
        // Under the default threshold the same entry is harmless.
        let normal = try ZipArchive(data: data)
        #expect(try normal.read(entry) == Data(inflatedAs))
        // Stored entries never trip the ratio.
        let stored = try ZipArchive(
            data: makeZip([TestEntry(name: "s", payload: inflatedAs)]),
            limits: ZipLimits(maxRatio: 2, ratioThreshold: 10))
        #expect(try stored.read(#require(stored.entry(named: "s"))).count == 4096)
    }

    @Test("entry size limits: declared before inflating, actual while inflating")
    func entrySizeLimits() throws {
        let limits = ZipLimits(maxEntrySize: 100)
        // Declared too large: fails before any output.
        let declared = try ZipArchive(data: makeZip([deflateEntry("big.xml", deflatedAs, inflatedAs)]), limits: limits)
        var calls = 0
        let error1 = inputError { try declared.stream(declared.entries[0]) { _ in calls += 1 } }
        #expect(error1 == .limitExceeded(entry: "big.xml", reason: "would inflate past the 100 bytes limit"))
        #expect(calls == 0)
        // Declared small (a lying header): stops once the output passes the limit.
        var lying = deflateEntry("liar.xml", deflatedAs, inflatedAs)
        lying.uncompressedSize = 10
        let archive = try ZipArchive(data: makeZip([lying]), limits: limits)
        var seen = 0
        let error2 = inputError { try archive.stream(archive.entries[0], chunkSize: 32) { seen += $0.count } }
        #expect(error2 == .limitExceeded(entry: "liar.xml", reason: "would inflate past the 100 bytes limit"))
        #expect(seen <= 100)
        #expect(throws: InputError.self) { _ = try archive.read(archive.entries[0]) }
        // Stored, declared small but physically larger.
        var storedLiar = TestEntry(name: "s", payload: inflatedAs)
        storedLiar.uncompressedSize = 5
        let stored = try ZipArchive(data: makeZip([storedLiar]), limits: limits)
        #expect(throws: InputError.limitExceeded(entry: "s", reason: "would inflate past the 100 bytes limit")) {
            _ = try stored.read(stored.entries[0])
        }
        #expect(ZipLimits.default.maxEntrySize == 256 << 20)
    }

    @Test("the total limit counts every read of one archive")
    func totalLimit() throws {
        let archive = try ZipArchive(
            data: makeZip([deflateEntry("a", deflatedAs, inflatedAs), deflateEntry("b", deflatedAs, inflatedAs)]),
            limits: ZipLimits(maxTotalSize: 6000))
        #expect(try archive.read(archive.entries[0]).count == 4096)
        let copy = archive  // copies share the count
        #expect(throws: InputError.limitExceeded(entry: "b", reason: "the archive would inflate past its 6000 bytes total limit")) {
            _ = try copy.read(copy.entries[1])
        }
        #expect(archive.inflatedTotal == 4096)
    }

    @Test("too many entries fail before the entries are stored")
    func entryLimit() throws {
        let data = makeZip((0 ..< 3).map { TestEntry(name: "e\($0)", payload: [UInt8($0)]) })
        #expect(throws: InputError.limitExceeded(entry: nil, reason: "the archive has 3 entries, more than the 2 allowed")) {
            _ = try ZipArchive(data: data, limits: ZipLimits(maxEntries: 2))
        }
        #expect(try ZipArchive(data: data, limits: ZipLimits(maxEntries: 3)).entries.count == 3)
        // ZIP64 count: also checked before iterating.
        let data64 = makeZip((0 ..< 3).map { TestEntry(name: "e\($0)", payload: [UInt8($0)]) }, zip64: true)
        #expect(throws: InputError.limitExceeded(entry: nil, reason: "the archive has 3 entries, more than the 2 allowed")) {
            _ = try ZipArchive(data: data64, limits: ZipLimits(maxEntries: 2))
        }
    }

    @Test("encrypted entries and unknown methods are unsupported")
    func unsupported() throws {
        let archive = try ZipArchive(data: makeZip([
            TestEntry(name: "secret.xml", payload: [1, 2, 3], flags: 0x0001),
            TestEntry(name: "bzip.xml", method: 12, payload: [1, 2, 3]),
            TestEntry(name: "aes.xml", method: 99, payload: [1, 2, 3], flags: 0x0001),
        ]))
        #expect(throws: InputError.unsupportedZip(entry: "secret.xml", reason: "the entry is encrypted")) {
            _ = try archive.read(archive.entries[0])
        }
        #expect(throws: InputError.unsupportedZip(entry: "bzip.xml", reason: "compression method 12 is not supported")) {
            _ = try archive.read(archive.entries[1])
        }
        #expect(throws: InputError.unsupportedZip(entry: "aes.xml", reason: "the entry is encrypted")) {
            _ = try archive.read(archive.entries[2])
        }
    }

    @Test("damaged entries: CRC, truncated deflate data, garbage, bad offsets")
    func damagedEntries() throws {
        var badCRC = TestEntry(name: "word/document.xml", payload: Array("hello".utf8))
        badCRC.crc = 0x1234_5678
        var truncated = deflateEntry("cut.xml", Array(deflatedXML.prefix(10)), inflatedXML)
        truncated.crc = testCRC32(inflatedXML)
        let garbage = TestEntry(name: "garbage.xml", method: 8, payload: [0xFF, 0xFF, 0xFF, 0xFF], uncompressedSize: 10, crc: 0)
        let archive = try ZipArchive(data: makeZip([badCRC, truncated, garbage]))
        #expect(throws: InputError.corruptZip(reason: "word/document.xml: CRC mismatch")) {
            _ = try archive.read(archive.entries[0])
        }
        #expect(throws: InputError.corruptZip(reason: "cut.xml: the compressed data ends before the deflate stream does (truncated entry)")) {
            _ = try archive.read(archive.entries[1])
        }
        let error = inputError { _ = try archive.read(archive.entries[2]) }
        guard case .corruptZip(let reason)? = error else {
            Issue.record("expected corruptZip, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("garbage.xml: invalid compressed data"))

        // Declared sizes that do not match.
        var short = deflateEntry("short.xml", deflatedXML, inflatedXML)
        short.uncompressedSize = 50
        let shortArchive = try ZipArchive(data: makeZip([short]))
        #expect(throws: InputError.corruptZip(reason: "short.xml: inflated to 102 bytes, not the 50 the central directory declares")) {
            _ = try shortArchive.read(shortArchive.entries[0])
        }
    }

    @Test("offsets past the data are corruptZip naming the entry")
    func badOffsets() throws {
        var bytes = [UInt8](makeZip([TestEntry(name: "a.xml", payload: Array("hello".utf8))]))
        // The central directory starts at 30 + 5 + 3 + 5 = 43; its local header offset is at +42.
        let cd = 43
        #expect(bytes[cd] == 0x50 && bytes[cd + 1] == 0x4B)
        // Local header offset → far away.
        var farOffset = bytes
        farOffset[cd + 42] = 0xFF; farOffset[cd + 43] = 0xFF; farOffset[cd + 44] = 0xFF; farOffset[cd + 45] = 0x7F
        let far = try ZipArchive(data: Data(farOffset))
        #expect(throws: InputError.corruptZip(reason: "a.xml: the local header offset 2147483647 is past the end of the file (\(farOffset.count) bytes)")) {
            _ = try far.read(far.entries[0])
        }
        // Compressed size → past the end of the file.
        bytes[cd + 20] = 0xFF; bytes[cd + 21] = 0xFF
        let long = try ZipArchive(data: Data(bytes))
        let error = inputError { _ = try long.read(long.entries[0]) }
        guard case .corruptZip(let reason)? = error else {
            Issue.record("expected corruptZip, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("a.xml: the entry's data"))
        // Central directory offset → past the end.
        var badCD = [UInt8](makeZip([TestEntry(name: "a.xml", payload: [1])]))
        let eocd = badCD.count - 22
        badCD[eocd + 16] = 0xFF; badCD[eocd + 17] = 0xFF
        let cdError = inputError { _ = try ZipArchive(data: Data(badCD)) }
        guard case .corruptZip(let cdReason)? = cdError else {
            Issue.record("expected corruptZip, got \(String(describing: cdError))")
            return
        }
        #expect(cdReason.hasPrefix("the central directory"))
    }

    @Test("names: UTF-8 flag, unflagged UTF-8, CP437, invalid bytes")
    func names() throws {
        #expect(ZipArchive.cp437High.count == 128)
        let archive = try ZipArchive(data: makeZip([
            TestEntry(name: "flagged", nameBytes: Array("dokumen/ringkasan-é.xml".utf8), payload: [1], flags: 0x0800),
            TestEntry(name: "unflagged", nameBytes: Array("dokumen/ñ.xml".utf8), payload: [2]),
            TestEntry(name: "cp437", nameBytes: [0x80, 0x81, 0x2E, 0x78], payload: [3]),
            TestEntry(name: "invalid", nameBytes: [0x61, 0xFF, 0xFE, 0x62], payload: [4], flags: 0x0800),
        ]))
        #expect(archive.entries.map(\.name) == ["dokumen/ringkasan-é.xml", "dokumen/ñ.xml", "Çü.x", "a\u{FFFD}\u{FFFD}b"])
        #expect(try archive.read(archive.entries[3]) == Data([4]))
    }

    @Test("errors thrown by the stream body propagate unchanged")
    func bodyErrors() throws {
        let archive = try ZipArchive(data: makeZip([
            deflateEntry("a", deflatedAs, inflatedAs), TestEntry(name: "s", payload: inflatedAs),
        ]))
        for entry in archive.entries {
            #expect(throws: BodyError(tag: 7)) {
                try archive.stream(entry, chunkSize: 100) { _ in throw BodyError(tag: 7) }
            }
        }
    }

    @Test("mutated and truncated archives never crash")
    func mutations() throws {
        let original = [UInt8](makeZip([
            TestEntry(name: "[Content_Types].xml", payload: Array("<Types/>".utf8)),
            deflateEntry("word/document.xml", deflatedXML, inflatedXML),
            deflateEntry("a.txt", deflatedAs, inflatedAs),
        ]))
        let zip64 = [UInt8](makeZip([deflateEntry("word/document.xml", deflatedXML, inflatedXML)], zip64: true))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(truncatingIfNeeded: state & 0x7FFF_FFFF)
        }
        func exercise(_ bytes: [UInt8]) {
            guard let archive = try? ZipArchive(data: Data(bytes), limits: ZipLimits(maxEntrySize: 1 << 20)) else { return }
            for entry in archive.entries { _ = try? archive.read(entry) }
        }
        for base in [original, zip64] {
            for length in 0 ..< base.count { exercise(Array(base.prefix(length))) }
            for _ in 0 ..< 3000 {
                var bytes = base
                for _ in 0 ... next() % 4 {
                    let i = next() % bytes.count
                    bytes[i] = [0x00, 0xFF, 0x7F, 0x80, UInt8(truncatingIfNeeded: next())][next() % 5]
                }
                exercise(bytes)
            }
        }
    }
}
