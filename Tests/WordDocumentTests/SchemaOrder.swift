import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The order ECMA-376 Part 1 (WordprocessingML, transitional schema wml.xsd) requires of the
/// children of the elements kiemke writes, and a check of a part against it.
///
/// Word refuses a file, or silently drops properties, when children come out of this order;
/// LibreOffice forgives it, so only a check like this one catches the mistake.
enum SchemaOrder {
    /// How an element's children are ordered.
    struct Rule {
        /// The children the schema names, in its order; a name may repeat as a group of equals.
        var sequence: [[String]]
        /// Where children not in `sequence` may stand: nowhere, only after it, or only before it.
        var others: Others

        enum Others { case forbidden, after, before }

        func rank(_ name: String) -> Int? { sequence.firstIndex { $0.contains(name) } }
    }

    static func strict(_ names: [String]) -> Rule { Rule(sequence: names.map { [$0] }, others: .forbidden) }

    /// The elements checked; the sequences are the schema's own (CT_PPrBase + CT_PPr, CT_RPr,
    /// CT_SectPr, CT_TblPr, CT_TcPr, CT_TblBorders, CT_PBdr, CT_Style, CT_Lvl ...), complete for
    /// the properties listed, so a property kiemke starts writing must be placed here too.
    static let rules: [String: Rule] = [
        "w:pPr": strict([
            "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
            "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
            "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
            "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
            "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        ]),
        "w:rPr": strict([
            "w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps",
            "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
            "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight",
            "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
            "w:specVanish", "w:oMath", "w:rPrChange",
        ]),
        "w:sectPr": Rule(sequence: [["w:headerReference", "w:footerReference"]] + [
            "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
            "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
            "w:printerSettings", "w:sectPrChange",
        ].map { [$0] }, others: .forbidden),
        "w:tblPr": strict([
            "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
            "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
            "w:tblCaption", "w:tblDescription", "w:tblPrChange",
        ]),
        "w:tcPr": strict([
            "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
            "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge",
            "w:tcPrChange",
        ]),
        // CT_TrPrBase is a choice repeated in any order; only its members are checked.
        "w:trPr": Rule(sequence: [["w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
                                   "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"], ["w:ins", "w:del", "w:trPrChange"]],
                       others: .forbidden),
        "w:tblBorders": strict(["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"]),
        "w:tblCellMar": strict(["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"]),
        "w:pBdr": strict(["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"]),
        "w:numPr": strict(["w:ilvl", "w:numId", "w:numberingChange", "w:ins"]),
        "w:tbl": Rule(sequence: [["w:tblPr"], ["w:tblGrid"]], others: .after),
        "w:tr": Rule(sequence: [["w:tblPrEx"], ["w:trPr"]], others: .after),
        "w:tc": Rule(sequence: [["w:tcPr"]], others: .after),
        "w:p": Rule(sequence: [["w:pPr"]], others: .after),
        "w:r": Rule(sequence: [["w:rPr"]], others: .after),
        "w:body": Rule(sequence: [["w:sectPr"]], others: .before),
        "w:styles": strict(["w:docDefaults", "w:latentStyles", "w:style"]),
        "w:docDefaults": strict(["w:rPrDefault", "w:pPrDefault"]),
        "w:style": strict([
            "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority", "w:semiHidden",
            "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr",
            "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
        ]),
        "w:numbering": strict(["w:numPicBullet", "w:abstractNum", "w:num", "w:numIdMacAtCleanup"]),
        "w:abstractNum": strict(["w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:styleLink", "w:numStyleLink", "w:lvl"]),
        "w:lvl": strict([
            "w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:isLgl", "w:suff", "w:lvlText", "w:lvlPicBulletId", "w:legacy",
            "w:lvlJc", "w:pPr", "w:rPr",
        ]),
        "w:num": strict(["w:abstractNumId", "w:lvlOverride"]),
        // CT_Settings, the members kiemke writes and their neighbours, in the schema's order.
        "w:settings": strict([
            "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:proofState", "w:defaultTabStop",
            "w:autoHyphenation", "w:evenAndOddHeaders", "w:characterSpacingControl", "w:compat", "w:rsids", "w:themeFontLang",
        ]),
    ]

    /// One place where a part breaks the order.
    struct Violation: CustomStringConvertible, Equatable {
        var parent: String
        var child: String
        var problem: String
        var description: String { "<\(parent)>: <\(child)> \(problem)" }
    }

    /// Every violation of `rules` in an XML document.
    static func violations(in xml: String) throws -> [Violation] {
        let collector = ChildCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw SchemaOrderError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        var found: [Violation] = []
        for (parent, children) in collector.elements {
            guard let rule = rules[parent] else { continue }
            var last = -1
            var seenOther = false
            for child in children {
                if let rank = rule.rank(child) {
                    if rank < last { found.append(Violation(parent: parent, child: child, problem: "comes after a child the schema puts after it")) }
                    if rule.others == .after && seenOther {
                        found.append(Violation(parent: parent, child: child, problem: "must come before the content"))
                    }
                    last = max(last, rank)
                } else {
                    switch rule.others {
                    case .forbidden: found.append(Violation(parent: parent, child: child, problem: "is not a child the table knows"))
                    case .after: seenOther = true
                    case .before:
                        if last >= 0 { found.append(Violation(parent: parent, child: child, problem: "must come before \(rule.sequence.flatMap { $0 })")) }
                    }
                }
            }
        }
        return found
    }
}

struct SchemaOrderError: Error, CustomStringConvertible {
    var description: String
}

/// Collects, for every element, the qualified names of its children in document order.
private final class ChildCollector: NSObject, XMLParserDelegate {
    var elements: [(String, [String])] = []
    private var stack: [(String, [String])] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if !stack.isEmpty { stack[stack.count - 1].1.append(elementName) }
        stack.append((elementName, []))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if let done = stack.popLast() { elements.append(done) }
    }
}
