extension WordFile {
    /// word/styles.xml: document defaults, the default character and table styles, then the paragraph styles.
    func stylesPart() -> String {
        var xml = XMLWriter()
        xml.element("w:styles", ["xmlns:w": Self.wordNamespace]) { xml in
            xml.element("w:docDefaults") { xml in
                xml.element("w:rPrDefault") { xml in Self.writeProperties(defaultRun, to: &xml) }
                xml.element("w:pPrDefault") { xml in
                    Self.writeProperties(style: nil, WordParagraphFormat(spacing: .init()), to: &xml)
                }
            }
            for style in styles {
                // style children in schema order: name, basedOn, next, uiPriority, qFormat, pPr, rPr.
                var attributes: KeyValuePairs<String, String> = ["w:type": "paragraph", "w:styleId": style.id]
                if style.id == "Normal" { attributes = ["w:type": "paragraph", "w:default": "1", "w:styleId": style.id] }
                xml.element("w:style", attributes) { xml in
                    xml.empty("w:name", ["w:val": style.name])
                    if let basedOn = style.basedOn { xml.empty("w:basedOn", ["w:val": basedOn]) }
                    if let next = style.next { xml.empty("w:next", ["w:val": next]) }
                    xml.empty("w:qFormat")
                    Self.writeProperties(style: nil, style.paragraph, to: &xml)
                    Self.writeProperties(style.run, to: &xml)
                }
            }
            xml.element("w:style", ["w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont"]) { xml in
                xml.empty("w:name", ["w:val": "Default Paragraph Font"])
                xml.empty("w:uiPriority", ["w:val": "1"])
                xml.empty("w:semiHidden")
                xml.empty("w:unhideWhenUsed")
            }
            xml.element("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"]) { xml in
                xml.empty("w:name", ["w:val": "Normal Table"])
                xml.empty("w:uiPriority", ["w:val": "99"])
                xml.empty("w:semiHidden")
                xml.empty("w:unhideWhenUsed")
                xml.element("w:tblPr") { xml in
                    xml.empty("w:tblInd", ["w:w": "0", "w:type": "dxa"])
                    xml.element("w:tblCellMar") { xml in
                        xml.empty("w:top", ["w:w": "0", "w:type": "dxa"])
                        xml.empty("w:left", ["w:w": "108", "w:type": "dxa"])
                        xml.empty("w:bottom", ["w:w": "0", "w:type": "dxa"])
                        xml.empty("w:right", ["w:w": "108", "w:type": "dxa"])
                    }
                }
            }
        }
        return xml.output
    }
}
