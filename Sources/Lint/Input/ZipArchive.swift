import CZlib
import Foundation

// A small, read-only zip reader over bytes already in memory.
//
// Safety rules this file keeps:
// - every offset and length read from the file is checked against the buffer before use, with
//   overflow-free arithmetic; a bad one is a `corruptZip` naming the entry and the field;
// - nothing trusts a declared size for allocation: the entry count is checked against
//   `ZipLimits.maxEntries` before any per-entry storage is reserved, and `read` reserves at most
//   `min(declared, maxEntrySize, plausible size for the compressed bytes)`;
// - inflating is bounded by `maxEntrySize`, `maxRatio` and `maxTotalSize` while it happens,
//   so a zip bomb stops after at most one chunk past the limit;
// - entry names are only strings for lookup: nothing is ever written to disk.

/// Limits on what a `ZipArchive` will inflate.
public struct ZipLimits: Sendable, Equatable {
    /// Central directory entries allowed in one archive.
    public var maxEntries: Int = 10_000
    /// Inflated bytes allowed for one entry (declared or actual, whichever is met first).
    public var maxEntrySize: Int = 256 << 20
    /// Inflated bytes allowed across every `read` and `stream` call made on one archive.
    /// The count is kept by the `ZipArchive` value (copies of it share the count), see
    /// `ZipArchive.inflatedTotal`.
    public var maxTotalSize: Int = 512 << 20
    /// Largest allowed ratio of inflated bytes to compressed bytes consumed, checked once
    /// an entry has inflated past `ratioThreshold` bytes.
    public var maxRatio: Int = 100
    /// Inflated bytes of an entry below which the ratio is not checked (small, highly
    /// repetitive XML parts compress very well and are harmless).
    public var ratioThreshold: Int = 1 << 20

    public static let `default` = ZipLimits()

    public init(
        maxEntries: Int = 10_000,
        maxEntrySize: Int = 256 << 20,
        maxTotalSize: Int = 512 << 20,
        maxRatio: Int = 100,
        ratioThreshold: Int = 1 << 20
    ) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxRatio = maxRatio
        self.ratioThreshold = ratioThreshold
    }
}

/// One entry of the central directory.
public struct ZipEntry: Sendable, Equatable {
    /// The entry's name as stored (UTF-8 when flag bit 11 is set, otherwise UTF-8 if valid,
    /// else CP437). Never used as a file path.
    public let name: String
    /// Compressed bytes, from the central directory (ZIP64 extra field when saturated).
    public let compressedSize: Int
    /// Declared inflated bytes, from the central directory (ZIP64 extra field when saturated).
    public let uncompressedSize: Int
    /// Compression method: 0 stored, 8 deflate; anything else cannot be read.
    public let method: UInt16
    /// General purpose bit flags.
    public let flags: UInt16
    /// CRC-32 of the inflated bytes, from the central directory.
    public let crc32: UInt32
    /// Offset of the entry's local file header in the archive.
    public let localHeaderOffset: Int
    /// Position of the entry in the central directory, 0-based.
    public let index: Int

    /// Flag bit 0: the entry is encrypted.
    public var isEncrypted: Bool { flags & 0x0001 != 0 }
    /// Flag bit 3: sizes and CRC follow the data in a data descriptor (the central
    /// directory still holds them; this reader relies on the central directory).
    public var hasDataDescriptor: Bool { flags & 0x0008 != 0 }
    /// A directory entry (name ends with "/").
    public var isDirectory: Bool { name.hasSuffix("/") }
}

/// A read-only zip archive over in-memory bytes.
///
/// `init` parses the end of central directory record (ZIP64 too) and the central directory;
/// entry data is located and inflated only when `read` or `stream` asks for it.
/// All failures are `InputError`s.
///
/// Total-size accounting: every byte inflated by `read` or `stream` is counted against
/// `ZipLimits.maxTotalSize` by the archive itself. The count is shared by copies of the
/// value (it lives in a small locked box), so it covers everything read from one opened file.
public struct ZipArchive: Sendable {
    public let limits: ZipLimits
    public let entries: [ZipEntry]

    private let data: Data
    /// Offset of the central directory: no entry's data may run past it.
    private let centralDirectoryOffset: Int
    private let exactIndex: [String: Int]
    private let foldedIndex: [String: Int]
    private let budget: InflateBudget

    // MARK: Signatures

    private static let localHeaderSignature: UInt32 = 0x0403_4b50
    private static let centralHeaderSignature: UInt32 = 0x0201_4b50
    private static let endSignature: UInt32 = 0x0605_4b50
    private static let zip64EndSignature: UInt32 = 0x0606_4b50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    /// 22-byte record + the longest possible comment.
    private static let endSearchWindow = 22 + 0xFFFF

    // MARK: Opening

    public init(data: Data, limits: ZipLimits = .default) throws(InputError) {
        let parsed = data.withUnsafeBytes { raw in
            Result { () throws(InputError) -> Parsed in try Self.parse(raw, limits: limits) }
        }
        let result = try parsed.get()
        self.data = data
        self.limits = limits
        self.entries = result.entries
        self.centralDirectoryOffset = result.centralDirectoryOffset
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        exact.reserveCapacity(result.entries.count)
        folded.reserveCapacity(result.entries.count)
        for (i, entry) in result.entries.enumerated() {
            if exact[entry.name] == nil { exact[entry.name] = i }
            let key = Self.fold(entry.name)
            if folded[key] == nil { folded[key] = i }
        }
        self.exactIndex = exact
        self.foldedIndex = folded
        self.budget = InflateBudget()
    }

    /// Bytes inflated so far by `read` and `stream` on this archive (and its copies).
    public var inflatedTotal: Int { budget.used }

    /// The entry with exactly this name; failing that, the same name without a leading "/"
    /// compared case-insensitively (Word treats part names case-insensitively).
    public func entry(named name: String) -> ZipEntry? {
        if let i = exactIndex[name] { return entries[i] }
        if let i = foldedIndex[Self.fold(name)] { return entries[i] }
        return nil
    }

    private static func fold(_ name: String) -> String {
        var s = Substring(name)
        while s.first == "/" { s = s.dropFirst() }
        return s.lowercased()
    }

    private struct Parsed {
        var entries: [ZipEntry]
        var centralDirectoryOffset: Int
    }

    private static func parse(_ buf: UnsafeRawBufferPointer, limits: ZipLimits) throws(InputError) -> Parsed {
        let size = buf.count
        if size == 0 { throw .empty }
        try sniff(buf)

        guard let endOffset = findEnd(buf) else {
            if size >= 2, buf[0] == 0x50, buf[1] == 0x4B {
                throw .corruptZip(reason: "no end of central directory record: the file is truncated or not a zip archive")
            }
            throw .notAZip(detected: nil)
        }
        let r = Reader(buf)
        // findEnd guarantees 22 bytes at endOffset.
        var declaredCount = Int(r.u16(endOffset + 10) ?? 0)
        var cdSize = Int(r.u32(endOffset + 12) ?? 0)
        var cdOffset = Int(r.u32(endOffset + 16) ?? 0)
        var countIsExact = declaredCount != 0xFFFF
        var cdLimit = endOffset  // the central directory must end before this

        // ZIP64: a locator right before the EOCD points at the ZIP64 EOCD record.
        let saturated = declaredCount == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF
        if endOffset >= 20, r.u32(endOffset - 20) == zip64LocatorSignature {
            let recordOffset = Int(clamping: r.u64(endOffset - 20 + 8) ?? UInt64.max)
            if r.has(recordOffset, 56), r.u32(recordOffset) == zip64EndSignature,
               let count64 = r.u64(recordOffset + 32),
               let size64 = r.u64(recordOffset + 40),
               let offset64 = r.u64(recordOffset + 48) {
                if declaredCount == 0xFFFF {
                    declaredCount = Int(clamping: count64)
                    countIsExact = true
                }
                if cdSize == 0xFFFF_FFFF { cdSize = Int(clamping: size64) }
                if cdOffset == 0xFFFF_FFFF { cdOffset = Int(clamping: offset64) }
                cdLimit = recordOffset
            } else if saturated {
                throw .corruptZip(reason: "the ZIP64 end of central directory record (offset \(recordOffset)) is missing or damaged")
            }
        } else if cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            throw .corruptZip(reason: "the end of central directory record needs a ZIP64 record, and there is none")
        }

        if countIsExact, declaredCount > limits.maxEntries {
            throw .limitExceeded(entry: nil, reason: "the archive has \(declaredCount) entries, more than the \(limits.maxEntries) allowed")
        }
        guard inBounds(cdOffset, cdSize, cdLimit) else {
            throw .corruptZip(reason: "the central directory (\(cdSize) bytes at offset \(cdOffset)) runs past its end record at offset \(cdLimit)")
        }
        let cdEnd = cdOffset + cdSize

        var entries: [ZipEntry] = []
        // Never more than the limit, never more than the directory can physically hold.
        entries.reserveCapacity(max(0, min(declaredCount, limits.maxEntries, cdSize / 46)))
        var pos = cdOffset
        while pos < cdEnd {
            let number = entries.count + 1
            guard inBounds(pos, 46, cdEnd), r.u32(pos) == centralHeaderSignature else {
                if countIsExact, entries.count >= declaredCount { break }  // trailing bytes: ignore
                throw .corruptZip(reason: "central directory entry \(number): no header at offset \(pos)")
            }
            if entries.count >= limits.maxEntries {
                let count = max(countIsExact ? declaredCount : 0, limits.maxEntries + 1)
                throw .limitExceeded(entry: nil, reason: "the archive has \(count) entries, more than the \(limits.maxEntries) allowed")
            }
            let entry = try centralEntry(r, at: pos, end: cdEnd, index: entries.count)
            entries.append(entry.entry)
            pos = entry.next
        }
        if countIsExact, entries.count < declaredCount {
            throw .corruptZip(reason: "the central directory lists \(declaredCount) entries but holds only \(entries.count)")
        }
        return Parsed(entries: entries, centralDirectoryOffset: cdOffset)
    }

    /// Recognises what a non-zip file is, from its first bytes.
    private static func sniff(_ buf: UnsafeRawBufferPointer) throws(InputError) {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            guard buf.count - offset >= magic.count else { return false }
            for (i, b) in magic.enumerated() where buf[offset + i] != b { return false }
            return true
        }
        if starts(Array("%PDF".utf8)) { throw .notAZip(detected: "a PDF") }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .encryptedOrLegacy }
        if starts(Array("{\\rtf".utf8)) { throw .notAZip(detected: "an RTF file") }
        // XML: optional UTF-8 byte order mark, optional whitespace, then "<".
        var i = starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < buf.count, i < 4096, [0x20, 0x09, 0x0A, 0x0D].contains(buf[i]) { i += 1 }
        if i < buf.count, buf[i] == UInt8(ascii: "<") {
            throw .notAZip(detected: "an XML file (try the Word XML reader)")
        }
        // UTF-16 XML ("<?" with a byte order mark).
        if starts([0xFF, 0xFE, 0x3C, 0x00]) || starts([0xFE, 0xFF, 0x00, 0x3C]) {
            throw .notAZip(detected: "an XML file (try the Word XML reader)")
        }
    }

    /// Offset of the end of central directory record, searching backwards over the last
    /// 65,557 bytes. The first candidate (from the end) whose comment fits the file wins.
    private static func findEnd(_ buf: UnsafeRawBufferPointer) -> Int? {
        let size = buf.count
        guard size >= 22 else { return nil }
        let r = Reader(buf)
        let lowest = max(0, size - endSearchWindow)
        var pos = size - 22
        while pos >= lowest {
            if buf[pos] == 0x50, r.u32(pos) == endSignature,
               let commentLength = r.u16(pos + 20), Int(commentLength) <= size - pos - 22 {
                return pos
            }
            pos -= 1
        }
        return nil
    }

    private static func centralEntry(
        _ r: Reader, at pos: Int, end: Int, index: Int
    ) throws(InputError) -> (entry: ZipEntry, next: Int) {
        let number = index + 1
        // The 46 fixed bytes were checked by the caller.
        let flags = r.u16(pos + 8) ?? 0
        let method = r.u16(pos + 10) ?? 0
        let crc = r.u32(pos + 16) ?? 0
        var compressed = Int(r.u32(pos + 20) ?? 0)
        var uncompressed = Int(r.u32(pos + 24) ?? 0)
        let nameLength = Int(r.u16(pos + 28) ?? 0)
        let extraLength = Int(r.u16(pos + 30) ?? 0)
        let commentLength = Int(r.u16(pos + 32) ?? 0)
        var localOffset = Int(r.u32(pos + 42) ?? 0)

        let variable = nameLength + extraLength + commentLength
        guard inBounds(pos + 46, variable, end) else {
            throw .corruptZip(reason: "central directory entry \(number): its name, extra field and comment (\(variable) bytes at offset \(pos + 46)) run past the central directory")
        }
        let name = decodeName(r.bytes(pos + 46, nameLength), utf8: flags & 0x0800 != 0)

        let needsUncompressed = uncompressed == 0xFFFF_FFFF
        let needsCompressed = compressed == 0xFFFF_FFFF
        let needsOffset = localOffset == 0xFFFF_FFFF
        if needsUncompressed || needsCompressed || needsOffset {
            // ZIP64 extended information extra field (0x0001): only the saturated fields, in order.
            var found = false
            var e = pos + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd, let id = r.u16(e), let length = r.u16(e + 2) {
                let body = e + 4
                guard inBounds(body, Int(length), extraEnd) else { break }
                if id == 0x0001 {
                    var f = body
                    let fieldEnd = body + Int(length)
                    func next() -> Int? {
                        guard f + 8 <= fieldEnd, let v = r.u64(f) else { return nil }
                        f += 8
                        return Int(clamping: v)
                    }
                    var ok = true
                    if needsUncompressed { if let v = next() { uncompressed = v } else { ok = false } }
                    if ok, needsCompressed { if let v = next() { compressed = v } else { ok = false } }
                    if ok, needsOffset { if let v = next() { localOffset = v } else { ok = false } }
                    guard ok else {
                        throw .corruptZip(reason: "\(name): the ZIP64 extra field is too short for its 0xFFFFFFFF sizes")
                    }
                    found = true
                    break
                }
                e = body + Int(length)
            }
            if !found {
                throw .corruptZip(reason: "\(name): sizes or offset are 0xFFFFFFFF but there is no ZIP64 extra field")
            }
        }

        let entry = ZipEntry(
            name: name, compressedSize: compressed, uncompressedSize: uncompressed,
            method: method, flags: flags, crc32: crc, localHeaderOffset: localOffset, index: index)
        return (entry, pos + 46 + variable)
    }

    /// UTF-8 when flagged (invalid bytes become U+FFFD); otherwise UTF-8 if it is valid
    /// (many writers forget the flag), else CP437, the zip default.
    static func decodeName(_ bytes: UnsafeRawBufferPointer, utf8 flagged: Bool) -> String {
        let units = bytes.bindMemory(to: UInt8.self)
        if flagged { return String(decoding: units, as: UTF8.self) }
        if !units.contains(where: { $0 >= 0x80 }) { return String(decoding: units, as: UTF8.self) }
        if let s = String(bytes: units, encoding: .utf8) { return s }
        var scalars = String.UnicodeScalarView()
        for b in units {
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else {
                let i = Int(b) - 0x80
                scalars.append(i < cp437High.count ? cp437High[i] : Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    /// Code page 437, bytes 0x80–0xFF.
    static let cp437High: [Unicode.Scalar] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}"
            .unicodeScalars)

    // MARK: Reading

    /// The whole inflated entry. The buffer grows as data arrives; at most
    /// `min(declared size, maxEntrySize, what the compressed bytes can plausibly give)` is
    /// reserved up front.
    public func read(_ entry: ZipEntry) throws(InputError) -> Data {
        let plausible = Self.saturatingAdd(
            Self.saturatingMultiply(max(entry.compressedSize, 0), max(limits.maxRatio, 1)),
            max(limits.ratioThreshold, 0))
        let reserve = max(0, min(entry.uncompressedSize, limits.maxEntrySize, plausible, 64 << 20))
        var out = Data()
        out.reserveCapacity(reserve)
        do {
            try inflate(entry, chunkSize: 64 << 10) { chunk in
                if let base = chunk.baseAddress {
                    out.append(base.assumingMemoryBound(to: UInt8.self), count: chunk.count)
                }
            }
        } catch let error as InputError {
            throw error
        } catch {
            // Unreachable: the body above does not throw. Kept so no error escapes untyped.
            throw .corruptZip(reason: "\(entry.name): \(error)")
        }
        return out
    }

    /// Inflates the entry in chunks of at most `chunkSize` bytes, handing each to `body`.
    /// Only one chunk of output is ever held. Limits are enforced while inflating and
    /// throw `InputError`; errors thrown by `body` propagate unchanged.
    public func stream(
        _ entry: ZipEntry, chunkSize: Int = 64 << 10, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try inflate(entry, chunkSize: chunkSize, body)
    }

    private func inflate(
        _ entry: ZipEntry, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let name = entry.name
        if entry.isEncrypted {
            throw InputError.unsupportedZip(entry: name, reason: "the entry is encrypted")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw InputError.unsupportedZip(entry: name, reason: "compression method \(entry.method) is not supported")
        }
        if entry.uncompressedSize > limits.maxEntrySize {
            throw tooLarge(name)
        }
        if Self.saturatingAdd(budget.used, entry.uncompressedSize) > limits.maxTotalSize {
            throw totalExceeded(name)
        }
        let chunk = max(1, min(chunkSize, 16 << 20))
        // Rare writers put 0 in every central directory size of a data-descriptor entry;
        // then the deflate stream's own end marks the end of the data.
        let sizesUnknown = entry.hasDataDescriptor && entry.compressedSize == 0 && entry.uncompressedSize == 0
            && entry.crc32 == 0

        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
            let input = try dataRange(entry, raw, sizesUnknown: sizesUnknown && entry.method == 8)
            var crc = CZlib.crc32(0, nil, 0)
            var produced = 0

            if entry.method == 0 {
                if input.count > limits.maxEntrySize { throw tooLarge(name) }
                var offset = 0
                while offset < input.count {
                    let n = min(chunk, input.count - offset)
                    let piece = UnsafeRawBufferPointer(rebasing: input[offset ..< offset + n])
                    produced += n
                    guard budget.charge(n, limit: limits.maxTotalSize) else { throw totalExceeded(name) }
                    crc = Self.updateCRC(crc, piece)
                    try body(piece)
                    offset += n
                }
            } else if input.count == 0 && entry.uncompressedSize == 0 && !sizesUnknown {
                // An empty entry stored with method 8 and no data: nothing to inflate.
            } else {
                produced = try inflateDeflate(entry, input: input, chunk: chunk, crc: &crc, body)
            }

            if !sizesUnknown {
                if produced != entry.uncompressedSize {
                    throw InputError.corruptZip(reason: "\(name): inflated to \(produced) bytes, not the \(entry.uncompressedSize) the central directory declares")
                }
                if UInt32(truncatingIfNeeded: crc) != entry.crc32 {
                    throw InputError.corruptZip(reason: "\(name): CRC mismatch")
                }
            }
        }
    }

    /// Raw-inflates `input`, returning the number of bytes produced.
    private func inflateDeflate(
        _ entry: ZipEntry, input: UnsafeRawBufferPointer, chunk: Int, crc: inout uLong,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        let name = entry.name
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw InputError.corruptZip(reason: "\(name): zlib could not start inflating (code \(initStatus))")
        }
        defer { inflateEnd(&stream) }

        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
        defer { output.deallocate() }
        guard let outBase = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            throw InputError.corruptZip(reason: "\(name): no output buffer")
        }
        let inBase = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: UInt8.self)) }

        var fed = 0        // input bytes handed to zlib so far
        var produced = 0
        let maxFeed = 1 << 30  // avail_in is 32-bit
        while true {
            if stream.avail_in == 0, fed < input.count, let inBase {
                let n = min(maxFeed, input.count - fed)
                stream.next_in = inBase + fed
                stream.avail_in = UInt32(n)
                fed += n
            }
            stream.next_out = outBase
            stream.avail_out = UInt32(chunk)
            let inBefore = stream.avail_in
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let have = chunk - Int(stream.avail_out)
            let consumed = fed - Int(stream.avail_in)

            if status == Z_DATA_ERROR || status == Z_NEED_DICT || status == Z_STREAM_ERROR || status == Z_MEM_ERROR {
                let detail = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                throw InputError.corruptZip(reason: "\(name): invalid compressed data (\(detail))")
            }
            if have > 0 {
                produced += have
                if produced > limits.maxEntrySize { throw tooLarge(name) }
                if produced > limits.ratioThreshold,
                   produced > Self.saturatingMultiply(limits.maxRatio, consumed + 1) {
                    throw InputError.limitExceeded(entry: name, reason: "inflates more than \(limits.maxRatio) times its compressed size (possible zip bomb)")
                }
                guard budget.charge(have, limit: limits.maxTotalSize) else { throw totalExceeded(name) }
                let piece = UnsafeRawBufferPointer(start: outBase, count: have)
                crc = Self.updateCRC(crc, piece)
                try body(piece)
            }
            if status == Z_STREAM_END { break }
            // Z_OK or Z_BUF_ERROR. zlib reports progress with Z_OK; guard against none at all
            // so no input can make this loop spin.
            let progressed = have > 0 || stream.avail_in < inBefore
            if !progressed {
                if stream.avail_in == 0 && fed >= input.count {
                    throw InputError.corruptZip(reason: "\(name): the compressed data ends before the deflate stream does (truncated entry)")
                }
                throw InputError.corruptZip(reason: "\(name): inflating makes no progress (code \(status))")
            }
        }
        return produced
    }

    /// The entry's compressed bytes, located through its local file header.
    private func dataRange(
        _ entry: ZipEntry, _ raw: UnsafeRawBufferPointer, sizesUnknown: Bool
    ) throws(InputError) -> UnsafeRawBufferPointer {
        let r = Reader(raw)
        let name = entry.name
        let header = entry.localHeaderOffset
        guard Self.inBounds(header, 30, raw.count) else {
            throw .corruptZip(reason: "\(name): the local header offset \(header) is past the end of the file (\(raw.count) bytes)")
        }
        guard r.u32(header) == Self.localHeaderSignature else {
            throw .corruptZip(reason: "\(name): no local file header at offset \(header)")
        }
        // The local name and extra lengths may differ from the central directory's.
        let nameLength = Int(r.u16(header + 26) ?? 0)
        let extraLength = Int(r.u16(header + 28) ?? 0)
        let start = header + 30 + nameLength + extraLength
        guard start <= raw.count else {
            throw .corruptZip(reason: "\(name): the local header's name and extra field run past the end of the file")
        }
        if sizesUnknown {
            // Up to the central directory (or the end of the file); the deflate stream ends itself.
            let end = centralDirectoryOffset >= start && centralDirectoryOffset <= raw.count
                ? centralDirectoryOffset : raw.count
            return UnsafeRawBufferPointer(rebasing: raw[start ..< end])
        }
        let length = entry.compressedSize
        guard length >= 0, Self.inBounds(start, length, raw.count) else {
            throw .corruptZip(reason: "\(name): the entry's data (\(length) bytes at offset \(start)) runs past the end of the file (\(raw.count) bytes): the file is truncated")
        }
        return UnsafeRawBufferPointer(rebasing: raw[start ..< start + length])
    }

    // MARK: Helpers

    private func tooLarge(_ name: String) -> InputError {
        .limitExceeded(entry: name, reason: "would inflate past the \(InputError.mib(limits.maxEntrySize)) limit")
    }

    private func totalExceeded(_ name: String) -> InputError {
        .limitExceeded(entry: name, reason: "the archive would inflate past its \(InputError.mib(limits.maxTotalSize)) total limit")
    }

    private static func updateCRC(_ crc: uLong, _ bytes: UnsafeRawBufferPointer) -> uLong {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return crc }
        var crc = crc
        var offset = 0
        while offset < bytes.count {
            let n = min(bytes.count - offset, 1 << 30)
            crc = CZlib.crc32(crc, base + offset, uInt(n))
            offset += n
        }
        return crc
    }

    /// `offset ..< offset + length` lies within `0 ..< limit`, without overflow.
    static func inBounds(_ offset: Int, _ length: Int, _ limit: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= limit && length <= limit - offset
    }

    private static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
        let (v, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : v
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (v, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : v
    }
}

/// Bounds-checked little-endian reads.
private struct Reader {
    let buf: UnsafeRawBufferPointer
    init(_ buf: UnsafeRawBufferPointer) { self.buf = buf }

    func has(_ offset: Int, _ length: Int) -> Bool { ZipArchive.inBounds(offset, length, buf.count) }

    func u16(_ o: Int) -> UInt16? {
        guard has(o, 2) else { return nil }
        return UInt16(buf[o]) | UInt16(buf[o + 1]) << 8
    }

    func u32(_ o: Int) -> UInt32? {
        guard has(o, 4) else { return nil }
        var v: UInt32 = 0
        for i in 0 ..< 4 { v |= UInt32(buf[o + i]) << (8 * UInt32(i)) }
        return v
    }

    func u64(_ o: Int) -> UInt64? {
        guard has(o, 8) else { return nil }
        var v: UInt64 = 0
        for i in 0 ..< 8 { v |= UInt64(buf[o + i]) << (8 * UInt64(i)) }
        return v
    }

    /// Bytes at `o ..< o + n`, or an empty buffer when out of range.
    func bytes(_ o: Int, _ n: Int) -> UnsafeRawBufferPointer {
        guard has(o, n) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: buf[o ..< o + n])
    }
}

/// Inflated bytes counted across every read of one archive (shared by its copies).
private final class InflateBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    var used: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    /// Adds `bytes`; false when the total is now past `limit`.
    func charge(_ bytes: Int, limit: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let (v, overflow) = total.addingReportingOverflow(bytes)
        total = overflow ? Int.max : v
        return total <= limit
    }
}
