import Foundation

/// Limits for reading one untrusted file.
public struct ReadLimits: Sendable, Equatable {
    public var zip: ZipLimits
    /// Largest file accepted at all (a Flat OPC or text file is parsed from memory).
    public var maxFileSize: Int

    public init(zip: ZipLimits = .default, maxFileSize: Int = 512 << 20) {
        self.zip = zip
        self.maxFileSize = maxFileSize
    }

    public static let `default` = ReadLimits()
}

/// Reads a file in any supported form into a `Document` (blocks with styles and list labels resolved;
/// no analysis yet). Chooses the reader by content first, extension second.
public enum DocumentReader {
    public static func read(path: String, limits: ReadLimits = .default) throws(InputError) -> Document {
        try read(data: readFile(path, limit: limits.maxFileSize), path: path, limits: limits)
    }

    /// Reads a whole file with plain POSIX calls: one open, one fstat, reads up to the size limit.
    /// (Foundation's attribute lookup would also resolve the file's owner through /etc/passwd.)
    static func readFile(_ path: String, limit: Int) throws(InputError) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError.unreadable(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError.unreadable(reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError.unreadable(reason: "it is a folder") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw InputError.unreadable(reason: "not a regular file") }
        let size = Int(info.st_size)
        if size > limit { throw InputError.fileTooLarge(size: size, limit: limit) }
        var data = Data(count: size)
        var total = 0
        let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            while total < size {
                let count = Foundation.read(descriptor, base.advanced(by: total), size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }
                total += count
            }
            return nil
        }
        if let failure { throw InputError.unreadable(reason: String(cString: strerror(failure))) }
        // A file that shrank while being read is read as it now is.
        if total < size { data.removeSubrange(total..<size) }
        return data
    }

    public static func read(data: Data, path: String, limits: ReadLimits = .default) throws(InputError) -> Document {
        if data.count > limits.maxFileSize { throw InputError.fileTooLarge(size: data.count, limit: limits.maxFileSize) }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B]) || ["docx", "docm", "dotx", "dotm"].contains(ext) {
            return try WordPackageReader.readZip(data: data, path: path, limits: limits)
        }
        switch ext {
        case "xml":
            return try WordPackageReader.readFlatOPC(data: data, path: path)
        case "md", "markdown":
            return TextReader.read(text: String(decoding: data, as: UTF8.self), path: path, markdown: true)
        case "txt", "text", "":
            if data.isEmpty { throw InputError.empty }
            return TextReader.read(text: String(decoding: data, as: UTF8.self), path: path, markdown: false)
        default:
            throw InputError.unsupportedFormat("files ending in .\(ext) (iku-lint reads .docx, .docm, Word XML .xml, .md and .txt)")
        }
    }
}

/// DOCX (zip) and Word XML Document (Flat OPC): the same part handlers, fed from either container.
enum WordPackageReader {
    static func readZip(data: Data, path: String, limits: ReadLimits) throws(InputError) -> Document {
        let archive = try ZipArchive(data: data, limits: limits.zip)
        var names: [PartRole: String] = [:]
        if let types = archive.entry(named: "[Content_Types].xml") {
            let handler = ContentTypesHandler()
            try parse(archive: archive, entry: types, handler: handler)
            for (part, type) in handler.overrides {
                guard let role = PartRole(contentType: type), names[role] == nil else { continue }
                names[role] = part.hasPrefix("/") ? String(part.dropFirst()) : part
            }
        }
        func entry(_ role: PartRole) -> ZipEntry? {
            if let name = names[role], let found = archive.entry(named: name) { return found }
            return archive.entry(named: role.conventionalName)
        }
        guard let main = entry(.mainDocument) else { throw InputError.missingPart("word/document.xml") }
        let parts = PartHandlers()
        for role in [PartRole.styles, .numbering, .comments, .coreProperties] {
            guard let found = entry(role), let handler = parts.handlers[role] else { continue }
            // Styles, numbering and comments are optional: a damaged one loses formatting, not the document.
            do {
                try parse(archive: archive, entry: found, handler: handler)
            } catch let error where error.isLimit {
                throw error
            } catch {
                parts.damaged(role)
            }
        }
        try parse(archive: archive, entry: main, handler: parts.document)
        return parts.document(path: path, format: .docx)
    }

    static func readFlatOPC(data: Data, path: String) throws(InputError) -> Document {
        if data.isEmpty { throw InputError.empty }
        let parts = PartHandlers()
        let router = FlatOPCHandler(handlers: parts.handlers)
        do {
            try XMLStream.parse(part: "the Word XML package", data: data, handler: router)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError.malformedXML(part: "the Word XML package", line: nil, reason: "\(error)")
        }
        guard router.isPackage else {
            throw InputError.unsupportedFormat("an XML file that is not a Word XML Document (no pkg:package)")
        }
        guard router.readMainDocument else { throw InputError.missingPart("/word/document.xml part") }
        return parts.document(path: path, format: .flatOPC)
    }

    private static func parse(archive: ZipArchive, entry: ZipEntry, handler: XMLEventHandler) throws(InputError) {
        do {
            try XMLStream.parse(part: entry.name, handler: handler) { feed in
                try archive.stream(entry) { chunk in try feed(chunk) }
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError.malformedXML(part: entry.name, line: nil, reason: "\(error)")
        }
    }
}

extension InputError {
    /// Limits protect the process; passing one is never tolerated, even in an optional part.
    var isLimit: Bool {
        if case .limitExceeded = self { return true }
        return false
    }
}

/// The handlers of one package and the assembly of their results into a `Document`.
final class PartHandlers {
    let document = DocumentPartHandler()
    let styles = StylesPartHandler()
    let numbering = NumberingPartHandler()
    let comments = CommentsHandler()
    let core = CorePropertiesHandler()
    private var damagedParts: Set<PartRole> = []

    var handlers: [PartRole: XMLEventHandler] {
        [.mainDocument: document, .styles: styles, .numbering: numbering, .comments: comments, .coreProperties: core]
    }

    func damaged(_ role: PartRole) { damagedParts.insert(role) }

    func document(path: String, format: InputFormat) -> Document {
        let sheet = damagedParts.contains(.styles) ? StyleSheet.empty : styles.styleSheet
        let definitions = damagedParts.contains(.numbering) ? NumberingDefinitions() : numbering.definitions
        var blocks = document.blocks
        FormattingResolver.apply(slots: document.paragraphSlots, to: &blocks, styles: sheet, numbering: definitions)
        return Document(path: path, format: format, blocks: blocks,
                        comments: damagedParts.contains(.comments) ? [] : comments.comments,
                        properties: core.properties)
    }
}
