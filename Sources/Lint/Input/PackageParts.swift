/// `[Content_Types].xml`: which part is the main document, the styles, the numbering …
/// (OPC identifies parts by content type; the conventional names are only a fallback).
final class ContentTypesHandler: XMLEventHandler {
    private(set) var overrides: [(part: String, contentType: String)] = []
    let failure: InputError? = nil

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        guard name.local == "Override", let part = attributes["PartName"], let type = attributes["ContentType"],
              overrides.count < 100_000 else { return }
        overrides.append((part, type))
    }
    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// The parts of a WordprocessingML package iku-lint reads.
enum PartRole: CaseIterable {
    case mainDocument, styles, numbering, comments, coreProperties

    var conventionalName: String {
        switch self {
        case .mainDocument: "word/document.xml"
        case .styles: "word/styles.xml"
        case .numbering: "word/numbering.xml"
        case .comments: "word/comments.xml"
        case .coreProperties: "docProps/core.xml"
        }
    }

    init?(contentType: String) {
        let type = contentType.lowercased()
        if type.hasSuffix(".main+xml") && type.contains("wordprocessingml") || type.hasPrefix("application/vnd.ms-word.") && type.hasSuffix(".main+xml") {
            self = .mainDocument
        } else if type == "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" {
            self = .styles
        } else if type == "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" {
            self = .numbering
        } else if type == "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" {
            self = .comments
        } else if type == "application/vnd.openxmlformats-package.core-properties+xml" {
            self = .coreProperties
        } else {
            return nil
        }
    }
}

/// `docProps/core.xml`: title, subject, creator.
final class CorePropertiesHandler: XMLEventHandler {
    private(set) var properties = CoreProperties()
    let failure: InputError? = nil
    private var field: String?
    private var buffer: [UInt8] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        guard name.namespace == .dc, ["title", "subject", "creator"].contains(name.local) else { return }
        field = name.local
        buffer.removeAll()
    }
    func endElement(_ name: XMLName) {
        guard let current = field, name.local == current else { return }
        let text = String(decoding: buffer, as: UTF8.self).trimmingWhitespace
        let value = text.isEmpty ? nil : text
        switch current {
        case "title": properties.title = value
        case "subject": properties.subject = value
        default: properties.creator = value
        }
        field = nil
    }
    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if field != nil, buffer.count < 65_536 { buffer.append(contentsOf: text) }
    }
}

/// `word/comments.xml`: kept for rules that may want reviewers' remarks.
final class CommentsHandler: XMLEventHandler {
    private(set) var comments: [Comment] = []
    let failure: InputError? = nil
    private var current: Comment?
    private var paragraphs: [String] = []
    private var buffer: [UInt8] = []
    private var inText = false

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        guard name.namespace == .w else { return }
        switch name.local {
        case "comment":
            current = Comment(id: attributes["id"] ?? "", author: attributes["author"] ?? "", text: "")
            paragraphs.removeAll()
        case "p": buffer.removeAll()
        case "t": inText = current != nil
        default: break
        }
    }
    func endElement(_ name: XMLName) {
        guard name.namespace == .w else { return }
        switch name.local {
        case "t": inText = false
        case "p": if current != nil { paragraphs.append(String(decoding: buffer, as: UTF8.self)) }
        case "comment":
            if var comment = current, comments.count < 100_000 {
                comment.text = paragraphs.joined(separator: "\n")
                comments.append(comment)
            }
            current = nil
        default: break
        }
    }
    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inText, buffer.count < 1 << 20 { buffer.append(contentsOf: text) }
    }
}

/// Routes the events of a Flat OPC file (`pkg:package` of `pkg:part`s with `pkg:xmlData`) to the
/// handler of each part iku-lint reads, so the one file is parsed once, streaming.
final class FlatOPCHandler: XMLEventHandler {
    private let handlers: [PartRole: XMLEventHandler]
    private var depth = 0
    private var sawPackage = false
    private var partRole: PartRole?
    private var partName: String?
    /// Depth of the `pkg:xmlData` element whose children go to `target`.
    private var dataDepth: Int?
    private var target: XMLEventHandler?
    private(set) var partsSeen: Set<String> = []
    private var ownFailure: InputError?

    init(handlers: [PartRole: XMLEventHandler]) {
        self.handlers = handlers
    }

    var failure: InputError? {
        ownFailure ?? handlers.values.lazy.compactMap(\.failure).first
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        depth += 1
        if let target { target.startElement(name, attributes: attributes); return }
        if depth == 1 {
            if name.namespace == .pkg && name.local == "package" { sawPackage = true } else {
                ownFailure = .unsupportedFormat("an XML file that is not a Word XML Document (expected a pkg:package root, found \(name.local))")
            }
            return
        }
        guard name.namespace == .pkg else { return }
        if name.local == "part" {
            let partPath = attributes["name"] ?? ""
            partName = partPath.hasPrefix("/") ? String(partPath.dropFirst()) : partPath
            partRole = attributes["contentType"].flatMap(PartRole.init(contentType:))
                ?? PartRole.allCases.first { $0.conventionalName == partName }
        } else if name.local == "xmlData", let role = partRole, let handler = handlers[role] {
            if let partName { partsSeen.insert(partName) }
            // A second part with the same role (e.g. a glossary document) is not read.
            if role == .mainDocument, partsSeen.contains("#main") { return }
            if role == .mainDocument { partsSeen.insert("#main") }
            dataDepth = depth
            target = handler
        }
    }

    func endElement(_ name: XMLName) {
        defer { depth -= 1 }
        if let dataDepth, depth == dataDepth {
            self.dataDepth = nil
            target = nil
            return
        }
        if let target { target.endElement(name); return }
        if name.namespace == .pkg, name.local == "part" {
            partRole = nil
            partName = nil
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        target?.characters(text)
    }

    var readMainDocument: Bool { partsSeen.contains("#main") }
    var isPackage: Bool { sawPackage }
}

extension String {
    /// Trimmed of spaces, tabs and line breaks (including U+00A0, which Word uses for fixed spaces).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
