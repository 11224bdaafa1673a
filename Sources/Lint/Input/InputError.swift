/// Why a file could not be read. Every case says what went wrong and where, in one line.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read from disk.
    case unreadable(reason: String)
    /// Zero bytes.
    case empty
    /// The file is larger than the configured input limit.
    case fileTooLarge(size: Int, limit: Int)
    /// Not a zip archive; `detected` names what it is when recognisable (a PDF, an OLE file …).
    case notAZip(detected: String?)
    /// An OLE compound file: how Word stores a password-protected document (or a legacy .doc).
    case encryptedOrLegacy
    /// The zip structure is damaged or cut short.
    case corruptZip(reason: String)
    /// An entry uses an unsupported feature (encryption, an unknown compression method …).
    case unsupportedZip(entry: String, reason: String)
    /// A limit on the archive was passed: too many entries, too large, or an implausible ratio.
    case limitExceeded(entry: String?, reason: String)
    /// A required part is missing (e.g. `word/document.xml`).
    case missingPart(String)
    /// XML that is not well-formed, or that uses what an OOXML part never may (a DOCTYPE).
    case malformedXML(part: String, line: Int?, reason: String)
    /// The document nests deeper than the reader allows.
    case tooDeep(part: String, limit: Int)
    /// A file whose type iku-lint does not read.
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .empty: return "the file is empty (0 bytes)"
        case .fileTooLarge(let size, let limit):
            return "the file is \(size) bytes, past the \(Self.mib(limit)) limit"
        case .notAZip(let detected):
            if let detected { return "not a Word document (.docx is a zip archive): the file is \(detected)" }
            return "not a Word document: the file is not a zip archive"
        case .encryptedOrLegacy:
            return "the file is an OLE compound file, not OOXML: a password-protected (encrypted) Word document or a legacy .doc; save it unprotected as .docx"
        case .corruptZip(let reason): return "damaged zip archive: \(reason)"
        case .unsupportedZip(let entry, let reason): return "\(entry): \(reason)"
        case .limitExceeded(let entry, let reason):
            if let entry { return "\(entry): \(reason)" }
            return reason
        case .missingPart(let part): return "the archive has no \(part): not a Word document"
        case .malformedXML(let part, let line, let reason):
            if let line { return "\(part) line \(line): malformed XML: \(reason)" }
            return "\(part): malformed XML: \(reason)"
        case .tooDeep(let part, let limit): return "\(part): content nested deeper than \(limit) levels"
        case .unsupportedFormat(let what): return "unsupported input: \(what)"
        }
    }

    static func mib(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
