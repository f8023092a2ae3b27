"""Reads a .docx with python-docx and prints what a test checks, as JSON.

Usage: python read_docx.py FILE.docx

Prints page setup per section, the effective font, size, weight, slant, alignment and spacing of
every paragraph style used (following base styles to the document defaults), the paragraphs, the
tables' cells and the headers' text.
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def mm(length):
    return None if length is None else round(length.mm, 2)


def doc_default(document, tag):
    rpr = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return None
    element = rpr.find(qn(tag))
    return element


def effective(style, get):
    while style is not None:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def style_facts(document, style):
    default_font = doc_default(document, "w:rFonts")
    default_size = doc_default(document, "w:sz")
    font = effective(style, lambda s: s.font.name) or (default_font.get(qn("w:ascii")) if default_font is not None else None)
    size = effective(style, lambda s: s.font.size)
    size = size.pt if size is not None else (int(default_size.get(qn("w:val"))) / 2 if default_size is not None else None)
    first = effective(style, lambda s: s.paragraph_format.first_line_indent)
    after = effective(style, lambda s: s.paragraph_format.space_after)
    line = effective(style, lambda s: s.paragraph_format.line_spacing)
    alignment = effective(style, lambda s: s.paragraph_format.alignment)
    return {
        "font": font,
        "size": size,
        "bold": bool(effective(style, lambda s: s.font.bold)),
        "italic": bool(effective(style, lambda s: s.font.italic)),
        "alignment": None if alignment is None else str(alignment).split(".")[-1].split(" ")[0],
        "first_line_indent_cm": None if first is None else round(first.cm, 3),
        "space_after_pt": None if after is None else after.pt,
        "line_spacing": line if isinstance(line, (float, int)) or line is None else line.pt,
    }


def header_text(header):
    xml = header._element.xml
    return {
        "text": "\n".join(p.text for p in header.paragraphs),
        "page_field": "PAGE" in "".join(t.text or "" for t in header._element.iter(qn("w:instrText"))),
        "linked": header.is_linked_to_previous,
        "xml_length": len(xml),
    }


def main(path):
    document = docx.Document(path)
    sections = []
    for section in document.sections:
        sections.append({
            "page_width_mm": mm(section.page_width),
            "page_height_mm": mm(section.page_height),
            "top_mm": mm(section.top_margin),
            "bottom_mm": mm(section.bottom_margin),
            "left_mm": mm(section.left_margin),
            "right_mm": mm(section.right_margin),
            "different_first_page": section.different_first_page_header_footer,
            "header": header_text(section.header),
            "first_page_header": header_text(section.first_page_header),
        })
    paragraphs = [{"style": p.style.name, "text": p.text} for p in document.paragraphs]
    used = {p.style.name: p.style for p in document.paragraphs}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    used[p.style.name] = p.style
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    table_paragraphs = [[[[{"style": p.style.name, "text": p.text} for p in cell.paragraphs] for cell in row.cells]
                         for row in table.rows] for table in document.tables]
    print(json.dumps({
        "sections": sections,
        "styles": {name: style_facts(document, style) for name, style in used.items()},
        "paragraphs": paragraphs,
        "tables": tables,
        "table_paragraphs": table_paragraphs,
        "core": {"title": document.core_properties.title, "language": document.core_properties.language},
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
