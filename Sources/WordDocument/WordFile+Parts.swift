import Foundation

extension WordFile {
    static let pageNumberHeaderRelationship = "rIdHeaderPageNumber"
    static let firstPageHeaderRelationship = "rIdHeaderFirstPage"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let wordprocessingML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    /// [Content_Types].xml: the media type of every part.
    func contentTypesPart() -> String {
        var xml = XMLWriter()
        xml.element("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]) { xml in
            xml.empty("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            xml.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
            var overrides = [
                ("/word/document.xml", "\(Self.wordprocessingML).document.main+xml"),
                ("/word/styles.xml", "\(Self.wordprocessingML).styles+xml"),
                ("/word/settings.xml", "\(Self.wordprocessingML).settings+xml"),
                ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ]
            if !lists.isEmpty { overrides.append(("/word/numbering.xml", "\(Self.wordprocessingML).numbering+xml")) }
            if page.pageNumbers != nil {
                overrides.append(("/word/\(Self.pageNumberHeader)", "\(Self.wordprocessingML).header+xml"))
                overrides.append(("/word/\(Self.firstPageHeader)", "\(Self.wordprocessingML).header+xml"))
            }
            for (part, type) in overrides { xml.empty("Override", ["PartName": part, "ContentType": type]) }
        }
        return xml.output
    }

    /// _rels/.rels: the main document and the two property parts.
    func packageRelationshipsPart() -> String {
        relationships([
            ("rIdDocument", "\(Self.officeRelationships)/officeDocument", "word/document.xml"),
            ("rIdCore", "\(Self.packageRelationships)/metadata/core-properties", "docProps/core.xml"),
            ("rIdApp", "\(Self.officeRelationships)/extended-properties", "docProps/app.xml"),
        ])
    }

    /// word/_rels/document.xml.rels: styles, settings, numbering and headers.
    func documentRelationshipsPart() -> String {
        var list = [
            ("rIdStyles", "\(Self.officeRelationships)/styles", "styles.xml"),
            ("rIdSettings", "\(Self.officeRelationships)/settings", "settings.xml"),
        ]
        if !lists.isEmpty { list.append(("rIdNumbering", "\(Self.officeRelationships)/numbering", "numbering.xml")) }
        if page.pageNumbers != nil {
            list.append((Self.pageNumberHeaderRelationship, "\(Self.officeRelationships)/header", Self.pageNumberHeader))
            list.append((Self.firstPageHeaderRelationship, "\(Self.officeRelationships)/header", Self.firstPageHeader))
        }
        return relationships(list)
    }

    private func relationships(_ list: [(id: String, type: String, target: String)]) -> String {
        var xml = XMLWriter()
        xml.element("Relationships", ["xmlns": Self.packageRelationships]) { xml in
            for r in list { xml.empty("Relationship", ["Id": r.id, "Type": r.type, "Target": r.target]) }
        }
        return xml.output
    }

    /// docProps/core.xml: title, creator, language and dates (Dublin Core).
    func corePropertiesPart() -> String {
        let date = metadata.created.formatted(.iso8601)
        var xml = XMLWriter()
        xml.element("cp:coreProperties", [
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        ]) { xml in
            xml.text("dc:title", metadata.title)
            xml.text("dc:creator", metadata.creator)
            xml.text("dc:language", metadata.language)
            xml.text("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], date)
            xml.text("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], date)
        }
        return xml.output
    }

    /// docProps/app.xml: the program that wrote the file.
    func appPropertiesPart() -> String {
        var xml = XMLWriter()
        xml.element("Properties", ["xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"]) { xml in
            xml.text("Application", metadata.application)
        }
        return xml.output
    }

    /// word/settings.xml, in schema order: zoom, defaultTabStop, characterSpacingControl, compat.
    func settingsPart() -> String {
        var xml = XMLWriter()
        xml.element("w:settings", ["xmlns:w": Self.wordNamespace]) { xml in
            xml.empty("w:zoom", ["w:percent": "100"])
            xml.empty("w:defaultTabStop", ["w:val": "720"])
            xml.empty("w:characterSpacingControl", ["w:val": "doNotCompress"])
            xml.element("w:compat") { xml in
                // Word 2013+ layout rules, so Word does not open the file in compatibility mode.
                xml.empty("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
            }
        }
        return xml.output
    }

    /// word/numbering.xml: one single-level bulleted list per `WordList`; abstractNums before nums.
    func numberingPart() -> String {
        var xml = XMLWriter()
        xml.element("w:numbering", ["xmlns:w": Self.wordNamespace]) { xml in
            for (index, list) in lists.enumerated() {
                xml.element("w:abstractNum", ["w:abstractNumId": "\(index)"]) { xml in
                    xml.empty("w:multiLevelType", ["w:val": "singleLevel"])
                    // lvl in schema order: start, numFmt, suff, lvlText, lvlJc, pPr, rPr.
                    xml.element("w:lvl", ["w:ilvl": "0"]) { xml in
                        xml.empty("w:start", ["w:val": "1"])
                        xml.empty("w:numFmt", ["w:val": "bullet"])
                        xml.empty("w:suff", ["w:val": "space"])
                        xml.empty("w:lvlText", ["w:val": list.marker])
                        xml.empty("w:lvlJc", ["w:val": "left"])
                        Self.writeProperties(style: nil, WordParagraphFormat(indentation: list.indentation), to: &xml)
                        Self.writeProperties(list.markerFormat, to: &xml)
                    }
                }
            }
            for index in lists.indices {
                xml.element("w:num", ["w:numId": "\(index + 1)"]) { xml in
                    xml.empty("w:abstractNumId", ["w:val": "\(index)"])
                }
            }
        }
        return xml.output
    }

    /// A header part: the centred page number (a PAGE field), or an empty paragraph for the first page.
    func headerPart(numbered: Bool, style: String) -> String {
        var xml = XMLWriter()
        xml.element("w:hdr", ["xmlns:w": Self.wordNamespace, "xmlns:r": Self.relationshipNamespace]) { xml in
            xml.element("w:p") { xml in
                Self.writeProperties(style: style, WordParagraphFormat(), to: &xml)
                guard numbered else { return }
                xml.element("w:r") { xml in xml.empty("w:fldChar", ["w:fldCharType": "begin"]) }
                xml.element("w:r") { xml in xml.text("w:instrText", ["xml:space": "preserve"], " PAGE ") }
                xml.element("w:r") { xml in xml.empty("w:fldChar", ["w:fldCharType": "separate"]) }
                xml.element("w:r") { xml in xml.text("w:t", "2") }
                xml.element("w:r") { xml in xml.empty("w:fldChar", ["w:fldCharType": "end"]) }
            }
        }
        return xml.output
    }
}
