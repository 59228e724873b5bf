// A WordprocessingML package of a Draft: styles a Word user can read (題名, 見出し, 条, 項, 号,
// 附則, 注, 様式の欄名, 様式の記入欄) with indents in character units (w:leftChars /
// w:hangingChars, so a change of font keeps them), exact line pitch, page numbers in the footer,
// and the forms as tables. A4 portrait, ＭＳ 明朝 with a declared fallback (docx_common.cpp).
#include "documents/docx_common.h"
#include "documents/writers.h"
#include "util/file_io.h"
#include "util/utf8.h"

namespace tebiki::documents {

using docx::run;
using docx::xml_text;

namespace {

// Indent of `text` in hundredths of a character: full-width characters 100, ASCII 50.
int chars_width(const std::string& text) {
    int width = 0;
    size_t pos = 0;
    while (pos < text.size()) width += utf8_next(text, pos) < 0x80 ? 50 : 100;
    return width;
}

std::string paragraph(const char* style, const std::string& text, const char* jc = nullptr, bool page_break = false,
                      int hanging_chars = 0) {
    std::string out = std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style + "\"/>";
    if (page_break) out += "<w:pageBreakBefore/>";
    if (hanging_chars > 0) {
        const std::string chars = std::to_string(hanging_chars), twips = std::to_string(hanging_chars * 210 / 100);
        out += "<w:ind w:left=\"" + twips + "\" w:leftChars=\"" + chars + "\" w:hanging=\"" + twips + "\" w:hangingChars=\"" + chars + "\"/>";
    }
    if (jc) out += std::string("<w:jc w:val=\"") + jc + "\"/>";
    return out + "</w:pPr>" + run(text) + "</w:p>";
}

const char* jc_of(FormLine::Align a) { return a == FormLine::Align::Right ? "right" : a == FormLine::Align::Center ? "center" : nullptr; }

// The form's boxed table: label column 2,400 twips, value column the rest of the text width; 5 pt
// inside every cell above and below, as the PDF writer pads its cells, so rows are as tall in both.
std::string table(const std::vector<FormRow>& rows) {
    std::string out =
        "<w:tbl><w:tblPr><w:tblW w:w=\"9072\" w:type=\"dxa\"/><w:tblBorders>"
        "<w:top w:val=\"single\" w:sz=\"8\"/><w:left w:val=\"single\" w:sz=\"8\"/><w:bottom w:val=\"single\" w:sz=\"8\"/>"
        "<w:right w:val=\"single\" w:sz=\"8\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"100\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/>"
        "<w:bottom w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"2400\"/><w:gridCol w:w=\"6672\"/></w:tblGrid>";
    for (const FormRow& r : rows) {
        // 1 line of 10.5 pt on a 16.8 pt pitch ≈ 336 twips, plus the cell's padding.
        out += "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"" + std::to_string(r.lines * 353 + 200) + "\"/></w:trPr>";
        out += "<w:tc><w:tcPr><w:tcW w:w=\"2400\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>" + paragraph("FormLabel", r.label) + "</w:tc>";
        out += "<w:tc><w:tcPr><w:tcW w:w=\"6672\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>" + paragraph("FormValue", r.value) + "</w:tc>";
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

std::string document_xml(const Draft& draft) {
    std::string body;
    bool page_break = false;  // the next paragraph starts a page (the 別記様式)
    for (const Block& b : draft.blocks) {
        const std::string labelled = b.label.empty() ? b.text : b.label + "　" + b.text;
        const bool brk = page_break;
        page_break = false;
        switch (b.kind) {
        case Block::Kind::Title: body += paragraph("RegTitle", b.text, "center", brk); break;
        case Block::Kind::Line: body += paragraph("RegLine", b.text, jc_of(b.align), brk); break;
        case Block::Kind::Note:
            body += paragraph("RegNote", labelled, jc_of(b.align), brk, b.label.empty() ? 0 : chars_width(b.label + "　"));
            break;
        case Block::Kind::Heading: body += paragraph("RegHeading", b.text, nullptr, brk); break;
        case Block::Kind::Article: body += paragraph("RegArticle", labelled, nullptr, brk); break;
        case Block::Kind::Paragraph: body += paragraph("RegParagraph", labelled, nullptr, brk); break;
        case Block::Kind::Item: body += paragraph("RegItem", labelled, nullptr, brk); break;
        case Block::Kind::Supplementary: body += paragraph("RegSupplementary", b.text, nullptr, brk); break;
        case Block::Kind::Table: body += table(b.rows); break;
        case Block::Kind::PageBreak: page_break = true; break;
        }
    }
    // A4, margins 30 mm top, 25 mm elsewhere; the page number in the footer.
    return docx::document_part(body,
                               "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1701\" w:right=\"1417\" w:bottom=\"1417\" "
                               "w:left=\"1417\" w:header=\"851\" w:footer=\"567\" w:gutter=\"0\"/>");
}

// Spacing mirrors the PDF writer (write_pdf.cpp): 題名 10.5 pt before on a 22.4 pt pitch, 見出し
// 4.2 pt, lines and notes 3.15 pt, 附則 10.5 pt. One character of 10.5 pt is 210 twips.
std::string styles_xml() {
    using docx::paragraph_style;
    return docx::styles_part(
        336, paragraph_style("RegTitle", "題名", "<w:keepNext/><w:spacing w:before=\"210\" w:line=\"448\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
                             "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>") +
                 paragraph_style("RegLine", "本文", "<w:spacing w:before=\"63\"/>") + paragraph_style("RegNote", "注", "<w:spacing w:before=\"63\"/>") +
                 paragraph_style("RegHeading", "見出し", "<w:keepNext/><w:spacing w:before=\"84\"/><w:ind w:left=\"210\" w:leftChars=\"100\"/>") +
                 paragraph_style("RegArticle", "条", "<w:ind w:left=\"210\" w:leftChars=\"100\" w:hanging=\"210\" w:hangingChars=\"100\"/>") +
                 paragraph_style("RegParagraph", "項", "<w:ind w:left=\"210\" w:leftChars=\"100\" w:hanging=\"210\" w:hangingChars=\"100\"/>") +
                 paragraph_style("RegItem", "号", "<w:ind w:left=\"420\" w:leftChars=\"200\" w:hanging=\"210\" w:hangingChars=\"100\"/>") +
                 paragraph_style("RegSupplementary", "附則", "<w:keepNext/><w:spacing w:before=\"210\"/><w:ind w:left=\"630\" w:leftChars=\"300\"/>") +
                 paragraph_style("FormLabel", "様式の欄名", "<w:jc w:val=\"center\"/>") +
                 paragraph_style("FormValue", "様式の記入欄", "<w:jc w:val=\"left\"/>"));
}

}  // namespace

std::optional<std::string> docx_bytes(const Draft& draft, std::string* error) {
    return docx::package_bytes(docx::package(document_xml(draft), styles_xml(), draft.title, draft.date), error);
}

bool write_docx(const Draft& draft, const std::filesystem::path& file, std::string* error) {
    const auto bytes = docx_bytes(draft, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

}  // namespace tebiki::documents
