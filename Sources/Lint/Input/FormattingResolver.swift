/// Applies what needs every part: style names, heading levels from the style chain, boldness,
/// table-of-contents styles, and the list labels Word shows for automatic numbering.
enum FormattingResolver {
    static func apply(slots: [DocumentPartHandler.ParagraphSlot], to blocks: inout [Block],
                      styles: StyleSheet, numbering: NumberingDefinitions) {
        var resolver = NumberingResolver(definitions: numbering, styles: styles)
        for slot in slots {
            let styleID = slot.styleID ?? styles.defaultParagraphStyleID
            // Counters advance for every numbered paragraph, in cells and text boxes too.
            let reference = resolver.reference(numID: slot.numID, level: slot.numLevel, paragraphStyle: styleID)
            let label = reference.flatMap { resolver.label(for: $0) }
            guard let index = slot.blockIndex, case .paragraph(var paragraph) = blocks[index] else { continue }
            paragraph.styleName = styleID.flatMap { styles.name(of: $0) }
            if paragraph.headingLevel == nil { paragraph.headingLevel = styles.headingLevel(paragraphStyle: styleID) }
            paragraph.list = label
            paragraph.numbering = reference
            paragraph.isBold = !slot.runFormats.isEmpty && slot.runFormats.allSatisfy { format in
                format.bold ?? styles.isBold(paragraphStyle: styleID, runStyle: format.runStyle)
            }
            if let name = paragraph.styleName?.lowercased(), name == "toc" || name.hasPrefix("toc ") {
                paragraph.isTOCEntry = true
            }
            if paragraph.isTOCEntry { paragraph.headingLevel = nil }
            blocks[index] = .paragraph(paragraph)
        }
    }
}
