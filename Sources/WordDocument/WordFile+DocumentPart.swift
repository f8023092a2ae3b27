extension WordFile {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// word/document.xml: the body, then the section's page setup.
    func documentPart() -> String {
        var xml = XMLWriter()
        xml.element("w:document", ["xmlns:w": Self.wordNamespace, "xmlns:r": Self.relationshipNamespace]) { xml in
            xml.element("w:body") { xml in
                for (index, block) in body.enumerated() {
                    switch block {
                    case .paragraph(let paragraph): Self.write(paragraph, to: &xml)
                    case .table(let table):
                        Self.write(table, to: &xml)
                        // Word merges two tables in a row into one and always ends the body with a paragraph.
                        let next = index + 1 < body.count ? body[index + 1] : nil
                        if case .paragraph? = next {} else { Self.write(WordParagraph(), to: &xml) }
                    }
                }
                writeSection(to: &xml)
            }
        }
        return xml.output
    }

    /// `w:sectPr` in schema order: headerReference*, pgSz, pgMar, titlePg.
    private func writeSection(to xml: inout XMLWriter) {
        xml.element("w:sectPr") { xml in
            if page.pageNumbers != nil {
                xml.empty("w:headerReference", ["w:type": "default", "r:id": Self.pageNumberHeaderRelationship])
                xml.empty("w:headerReference", ["w:type": "first", "r:id": Self.firstPageHeaderRelationship])
            }
            xml.empty("w:pgSz", ["w:w": "\(page.width)", "w:h": "\(page.height)"])
            let m = page.margins
            xml.empty("w:pgMar", ["w:top": "\(m.top)", "w:right": "\(m.right)", "w:bottom": "\(m.bottom)", "w:left": "\(m.left)",
                                  "w:header": "\(m.header)", "w:footer": "\(m.footer)", "w:gutter": "0"])
            if page.pageNumbers != nil { xml.empty("w:titlePg") }
        }
    }

    /// `w:p`: `w:pPr`, then the runs.
    static func write(_ paragraph: WordParagraph, to xml: inout XMLWriter) {
        xml.element("w:p") { xml in
            writeProperties(style: paragraph.style, paragraph.format, mark: paragraph.markFormat, to: &xml)
            for run in paragraph.runs { write(run, to: &xml) }
        }
    }

    /// `w:pPr` in schema order: pStyle, keepNext, keepLines, numPr, pBdr, spacing, ind, jc, outlineLvl, rPr.
    static func writeProperties(style: String?, _ format: WordParagraphFormat, mark: WordRunFormat = WordRunFormat(),
                                to xml: inout XMLWriter) {
        guard style != nil || !format.isEmpty || !mark.isEmpty else { return }
        xml.element("w:pPr") { xml in
            if let style { xml.empty("w:pStyle", ["w:val": style]) }
            writeToggle("w:keepNext", format.keepNext, to: &xml)
            writeToggle("w:keepLines", format.keepLines, to: &xml)
            if let list = format.list {
                xml.element("w:numPr") { xml in
                    xml.empty("w:ilvl", ["w:val": "0"])
                    xml.empty("w:numId", ["w:val": "\(list + 1)"])
                }
            }
            if let rule = format.rule {
                xml.element("w:pBdr") { xml in
                    xml.empty("w:top", ["w:val": "single", "w:sz": "\(rule.width)", "w:space": "1", "w:color": "000000"])
                }
            }
            if let spacing = format.spacing {
                xml.empty("w:spacing", ["w:before": "\(spacing.before)", "w:after": "\(spacing.after)",
                                        "w:line": "\(Int((spacing.line * 240).rounded()))", "w:lineRule": "auto"])
            }
            if let ind = format.indentation {
                let first: (String, String) = ind.firstLine < 0 ? ("w:hanging", "\(-ind.firstLine)") : ("w:firstLine", "\(ind.firstLine)")
                xml.empty("w:ind", ["w:left": "\(ind.left)", "w:right": "\(ind.right)", first.0: first.1])
            }
            if let alignment = format.alignment { xml.empty("w:jc", ["w:val": alignment.rawValue]) }
            if let level = format.outlineLevel { xml.empty("w:outlineLvl", ["w:val": "\(min(max(level, 0), 8))"]) }
            if !mark.isEmpty { writeProperties(mark, to: &xml) }
        }
    }

    /// `w:rPr` in schema order: rFonts, b, bCs, i, iCs, sz, szCs, u, lang.
    static func writeProperties(_ format: WordRunFormat, to xml: inout XMLWriter) {
        guard !format.isEmpty else { return }
        xml.element("w:rPr") { xml in
            if let font = format.font {
                xml.empty("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font])
            }
            writeToggle("w:b", format.bold, to: &xml)
            writeToggle("w:bCs", format.bold, to: &xml)
            writeToggle("w:i", format.italic, to: &xml)
            writeToggle("w:iCs", format.italic, to: &xml)
            if let size = format.size {
                let halfPoints = "\(Int((size * 2).rounded()))"
                xml.empty("w:sz", ["w:val": halfPoints])
                xml.empty("w:szCs", ["w:val": halfPoints])
            }
            if let underline = format.underline { xml.empty("w:u", ["w:val": underline ? "single" : "none"]) }
            if let language = format.language { xml.empty("w:lang", ["w:val": language]) }
        }
    }

    /// An on/off property: `<w:b/>` for on, `<w:b w:val="0"/>` for off, nothing when unset.
    private static func writeToggle(_ name: String, _ value: Bool?, to xml: inout XMLWriter) {
        switch value {
        case true?: xml.empty(name)
        case false?: xml.empty(name, ["w:val": "0"])
        case nil: break
        }
    }

    /// `w:r`: `w:rPr`, then text, with line breaks as `w:br` and tabs as `w:tab`.
    static func write(_ run: WordRun, to xml: inout XMLWriter) {
        xml.element("w:r") { xml in
            writeProperties(run.format, to: &xml)
            var pending = ""
            func flush(_ xml: inout XMLWriter) {
                if !pending.isEmpty { xml.text("w:t", ["xml:space": "preserve"], pending) }
                pending = ""
            }
            var previousWasCarriageReturn = false
            for scalar in run.text.unicodeScalars {
                switch scalar {
                case "\r":
                    flush(&xml)
                    xml.empty("w:br")
                case "\n":
                    // "\r\n" is one break.
                    if !previousWasCarriageReturn {
                        flush(&xml)
                        xml.empty("w:br")
                    }
                case "\t":
                    flush(&xml)
                    xml.empty("w:tab")
                default:
                    pending.unicodeScalars.append(scalar)
                }
                previousWasCarriageReturn = scalar == "\r"
            }
            flush(&xml)
        }
    }

    /// `w:tbl`: `w:tblPr` (tblW, tblBorders, tblLayout, tblCellMar), `w:tblGrid`, then rows.
    static func write(_ table: WordTable, to xml: inout XMLWriter) {
        let columns = max(table.columnWidths.count, 1)
        xml.element("w:tbl") { xml in
            xml.element("w:tblPr") { xml in
                xml.empty("w:tblW", ["w:w": "\(table.columnWidths.reduce(0, +))", "w:type": "dxa"])
                xml.element("w:tblBorders") { xml in
                    for edge in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                        if table.hasBorders {
                            xml.empty(edge, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
                        } else {
                            xml.empty(edge, ["w:val": "nil"])
                        }
                    }
                }
                xml.empty("w:tblLayout", ["w:type": "fixed"])
                xml.element("w:tblCellMar") { xml in
                    xml.empty("w:left", ["w:w": table.hasBorders ? "85" : "0", "w:type": "dxa"])
                    xml.empty("w:right", ["w:w": table.hasBorders ? "85" : "0", "w:type": "dxa"])
                }
            }
            xml.element("w:tblGrid") { xml in
                for width in table.columnWidths { xml.empty("w:gridCol", ["w:w": "\(width)"]) }
            }
            for row in table.rows {
                xml.element("w:tr") { xml in
                    xml.element("w:trPr") { xml in
                        xml.empty("w:cantSplit")
                        if row.isHeader { xml.empty("w:tblHeader") }
                    }
                    // The grid fixes the column count: short rows are padded, long ones cut.
                    let cells = (row.cells + Array(repeating: WordTable.Cell([]), count: max(0, columns - row.cells.count))).prefix(columns)
                    for (index, cell) in cells.enumerated() {
                        xml.element("w:tc") { xml in
                            xml.element("w:tcPr") { xml in
                                let width = index < table.columnWidths.count ? table.columnWidths[index] : 0
                                xml.empty("w:tcW", ["w:w": "\(width)", "w:type": "dxa"])
                                if let v = cell.verticalAlignment { xml.empty("w:vAlign", ["w:val": v.rawValue]) }
                            }
                            // A cell must end with a paragraph.
                            for paragraph in cell.paragraphs.isEmpty ? [WordParagraph()] : cell.paragraphs {
                                write(paragraph, to: &xml)
                            }
                        }
                    }
                }
            }
        }
    }
}
