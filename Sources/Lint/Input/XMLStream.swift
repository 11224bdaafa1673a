import CLibXML2
import Foundation

/// The namespaces a reader cares about; strict OOXML URIs map to the same cases as transitional ones.
enum XMLNamespace: Sendable, Equatable {
    case w, m, mc, pkg, r, relationships, contentTypes, coreProperties, dc, other

    init(uri: String) {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            self = .w
        case "http://schemas.openxmlformats.org/officeDocument/2006/math",
             "http://purl.oclc.org/ooxml/officeDocument/math":
            self = .m
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": self = .mc
        case "http://schemas.microsoft.com/office/2006/xmlPackage": self = .pkg
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            self = .r
        case "http://schemas.openxmlformats.org/package/2006/relationships": self = .relationships
        case "http://schemas.openxmlformats.org/package/2006/content-types": self = .contentTypes
        case "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": self = .coreProperties
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/": self = .dc
        default: self = .other
        }
    }
}

/// An element name: its namespace class and local name.
struct XMLName: Sendable, Equatable {
    var namespace: XMLNamespace
    var local: String
}

/// The attributes of one start tag, read lazily from libxml2's buffers (valid only during the callback).
struct XMLAttributes {
    fileprivate let count: Int
    fileprivate let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// Value of the attribute with this local name (any namespace: OOXML attributes are `w:val`, `r:id` …).
    subscript(_ local: String) -> String? {
        guard let raw else { return nil }
        for index in 0..<count {
            let base = index * 5
            guard let name = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { continue }
            if equals(name, local) {
                let length = end - start
                guard length >= 0 else { return nil }
                return String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
            }
        }
        return nil
    }

    private func equals(_ cName: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var index = 0
        for byte in name.utf8 {
            if cName[index] != byte { return false }
            index += 1
        }
        return cName[index] == 0
    }
}

/// Receives the events of one XML part (or of the subtree of a Flat OPC package routed to it).
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes)
    func endElement(_ name: XMLName)
    func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// Set when the handler has found a problem of its own and parsing should stop.
    var failure: InputError? { get }
}

/// A streaming (SAX2 push) parse with libxml2, configured for untrusted input: a DOCTYPE stops the
/// parse (OOXML parts never carry one, and refusing it removes external entities and entity bombs),
/// no network, libxml2's own depth and text-size limits in force (no XML_PARSE_HUGE).
enum XMLStream {
    /// libxml2 must be initialised once before threads use it.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses one part fed in chunks by `produce`, which calls its argument with each chunk.
    static func parse(
        part: String,
        handler: XMLEventHandler,
        produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        _ = initialised
        let session = Session(part: part, handler: handler)
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localname, _, uri, _, _, attributeCount, _, attributes in
            guard let context, let localname else { return }
            let session = Unmanaged<Session>.fromOpaque(context).takeUnretainedValue()
            guard session.error == nil else { return }
            let name = session.name(local: localname, uri: uri)
            session.handler.startElement(name, attributes: XMLAttributes(count: Int(attributeCount), raw: attributes))
            session.checkHandler()
        }
        sax.endElementNs = { context, localname, _, uri in
            guard let context, let localname else { return }
            let session = Unmanaged<Session>.fromOpaque(context).takeUnretainedValue()
            guard session.error == nil else { return }
            session.handler.endElement(session.name(local: localname, uri: uri))
            session.checkHandler()
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            let session = Unmanaged<Session>.fromOpaque(context).takeUnretainedValue()
            guard session.error == nil else { return }
            session.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { context, _, _, _ in
            guard let context else { return }
            let session = Unmanaged<Session>.fromOpaque(context).takeUnretainedValue()
            session.fail(.malformedXML(part: session.part, line: session.line,
                                       reason: "a DOCTYPE declaration is not allowed in an OOXML part (entities are never expanded)"))
        }
        sax.externalSubset = sax.internalSubset
        sax.serror = { context, error in
            guard let context, let error else { return }
            let session = Unmanaged<Session>.fromOpaque(context).takeUnretainedValue()
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
            guard session.error == nil else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            // libxml2 messages may span lines (e.g. the offending bytes): keep the one-line contract.
            let trimmed = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: "; ")
            let line = Int(error.pointee.line)
            if error.pointee.code == XML_ERR_INTERNAL_ERROR.rawValue, trimmed.contains("depth") {
                session.fail(.tooDeep(part: session.part, limit: 256))
            } else {
                session.fail(.malformedXML(part: session.part, line: line > 0 ? line : nil, reason: trimmed))
            }
        }

        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }
        guard let context = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, nil) else {
            throw InputError.malformedXML(part: part, line: nil, reason: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        // No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities stay unexpanded, no DTD is fetched.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        session.context = context

        try produce { chunk in
            if let failure = session.error { throw failure }
            guard let base = chunk.baseAddress, chunk.count > 0 else { return }
            // xmlParseChunk takes an Int32 length: feed large buffers in slices.
            var offset = 0
            while offset < chunk.count {
                let length = min(chunk.count - offset, 1 << 20)
                _ = xmlParseChunk(context, base.advanced(by: offset).assumingMemoryBound(to: CChar.self), Int32(length), 0)
                if let failure = session.error { throw failure }
                offset += length
            }
        }
        if let failure = session.error { throw failure }
        xmlParseChunk(context, nil, 0, 1)
        if let failure = session.error { throw failure }
        if context.pointee.wellFormed == 0 {
            throw InputError.malformedXML(part: part, line: session.line, reason: "the XML is not well-formed")
        }
    }

    /// Parses a whole part held in memory.
    static func parse(part: String, data: Data, handler: XMLEventHandler) throws {
        try parse(part: part, handler: handler) { feed in
            try data.withUnsafeBytes { try feed($0) }
        }
    }

    /// State shared with the C callbacks.
    private final class Session {
        let part: String
        let handler: XMLEventHandler
        var context: xmlParserCtxtPtr?
        var error: InputError?
        /// libxml2 interns names in its dictionary, so a pointer identifies a name: decode each once.
        private var localNames: [UnsafeRawPointer: String] = [:]
        private var namespaces: [UnsafeRawPointer: XMLNamespace] = [:]

        init(part: String, handler: XMLEventHandler) {
            self.part = part
            self.handler = handler
        }

        var line: Int? {
            guard let context else { return nil }
            let line = Int(xmlSAX2GetLineNumber(context))
            return line > 0 ? line : nil
        }

        func name(local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) -> XMLName {
            let localKey = UnsafeRawPointer(local)
            let localName: String
            if let known = localNames[localKey] {
                localName = known
            } else {
                localName = String(cString: local)
                localNames[localKey] = localName
            }
            guard let uri else { return XMLName(namespace: .other, local: localName) }
            let uriKey = UnsafeRawPointer(uri)
            if let known = namespaces[uriKey] { return XMLName(namespace: known, local: localName) }
            let namespace = XMLNamespace(uri: String(cString: uri))
            namespaces[uriKey] = namespace
            return XMLName(namespace: namespace, local: localName)
        }

        func checkHandler() {
            if let failure = handler.failure { fail(failure) }
        }

        func fail(_ failure: InputError) {
            guard error == nil else { return }
            error = failure
            if let context { xmlStopParser(context) }
        }
    }
}
