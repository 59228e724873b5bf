// A minimal, valid WordprocessingML package: [Content_Types].xml, the relationships, styles
// (題名, 見出し, 条, 項, 号, 附則, 様式の表) and the document body, zipped with libzip. A4, 明朝.
#include <zip.h>

#include <cstdio>

#include "documents/writers.h"
#include "util/file_io.h"
#include "util/utf8.h"

namespace tebiki::documents {

namespace {

// XML 1.0 text: escape the five specials and drop characters XML cannot hold at all.
std::string xml_text(const std::string& text) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t start = pos;
        const char32_t c = utf8_next(text, pos);
        if (c == U'&') out += "&amp;";
        else if (c == U'<') out += "&lt;";
        else if (c == U'>') out += "&gt;";
        else if (c == U'"') out += "&quot;";
        else if (c == U'\'') out += "&apos;";
        else if ((c < 0x20 && c != U'\t' && c != U'\n') || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFD)
            continue;  // not allowed in XML 1.0 (or a broken UTF-8 sequence)
        else out.append(text, start, pos - start);
    }
    return out;
}

// Runs of a paragraph: line breaks inside the text become <w:br/>.
std::string runs(const std::string& text) {
    std::string out = "<w:r><w:t xml:space=\"preserve\">";
    for (size_t i = 0, start = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            out += xml_text(text.substr(start, i - start));
            if (i < text.size()) out += "</w:t><w:br/><w:t xml:space=\"preserve\">";
            start = i + 1;
        }
    }
    return out + "</w:t></w:r>";
}

std::string paragraph(const char* style, const std::string& text, const char* jc = nullptr) {
    std::string out = std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style + "\"/>";
    if (jc) out += std::string("<w:jc w:val=\"") + jc + "\"/>";
    return out + "</w:pPr>" + runs(text) + "</w:p>";
}

const char* jc_of(FormLine::Align a) { return a == FormLine::Align::Right ? "right" : a == FormLine::Align::Center ? "center" : nullptr; }

// The form's boxed table: label column 2,400 twips, value column the rest of the text width.
std::string table(const std::vector<FormRow>& rows) {
    std::string out =
        "<w:tbl><w:tblPr><w:tblW w:w=\"9072\" w:type=\"dxa\"/><w:tblBorders>"
        "<w:top w:val=\"single\" w:sz=\"8\"/><w:left w:val=\"single\" w:sz=\"8\"/><w:bottom w:val=\"single\" w:sz=\"8\"/>"
        "<w:right w:val=\"single\" w:sz=\"8\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/>"
        "</w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"2400\"/><w:gridCol w:w=\"6672\"/></w:tblGrid>";
    for (const FormRow& r : rows) {
        // 1 line of 10.5 pt at 1.5 spacing ≈ 320 twips, plus the cell's padding.
        out += "<w:tr><w:trPr><w:trHeight w:val=\"" + std::to_string(r.lines * 360 + 120) + "\"/></w:trPr>";
        out += "<w:tc><w:tcPr><w:tcW w:w=\"2400\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>" + paragraph("FormLabel", r.label) + "</w:tc>";
        out += "<w:tc><w:tcPr><w:tcW w:w=\"6672\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>" + paragraph("FormValue", r.value) + "</w:tc>";
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

std::string document_xml(const Draft& draft) {
    std::string body;
    for (const Block& b : draft.blocks) {
        const std::string labelled = b.label.empty() ? b.text : b.label + "　" + b.text;
        switch (b.kind) {
        case Block::Kind::Title: body += paragraph("Title", b.text, "center"); break;
        case Block::Kind::Line: body += paragraph("Line", b.text, jc_of(b.align)); break;
        case Block::Kind::Note: body += paragraph("Note", b.text, jc_of(b.align)); break;
        case Block::Kind::Heading: body += paragraph("ArticleHeading", b.text); break;
        case Block::Kind::Article: body += paragraph("Article", labelled); break;
        case Block::Kind::Paragraph: body += paragraph("Article", labelled); break;
        case Block::Kind::Item: body += paragraph("Item", labelled); break;
        case Block::Kind::Supplementary: body += paragraph("Supplementary", b.text); break;
        case Block::Kind::Table: body += table(b.rows); break;
        }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           body +
           // A4, margins 30 mm top, 25 mm elsewhere.
           "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1701\" w:right=\"1417\" w:bottom=\"1417\" "
           "w:left=\"1417\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

// One character of 10.5 pt is 210 twips: indents are whole characters, as 例規集 set them.
const char* kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"ＭＳ 明朝\" w:eastAsia=\"ＭＳ 明朝\" w:hAnsi=\"ＭＳ 明朝\" w:cs=\"ＭＳ 明朝\"/>"
    "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"ja-JP\" w:eastAsia=\"ja-JP\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"240\" w:after=\"240\"/></w:pPr><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Line\"><w:name w:val=\"Line\"/><w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"120\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ArticleHeading\"><w:name w:val=\"Article Heading\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:keepNext/><w:spacing w:before=\"120\"/><w:ind w:left=\"210\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Article\"><w:name w:val=\"Article\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:ind w:left=\"210\" w:hanging=\"210\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Item\"><w:name w:val=\"Item\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:ind w:left=\"420\" w:hanging=\"210\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Supplementary\"><w:name w:val=\"Supplementary\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:ind w:left=\"630\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"FormLabel\"><w:name w:val=\"Form Label\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"FormValue\"><w:name w:val=\"Form Value\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:style>"
    "</w:styles>";

const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

const char* kPackageRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

const char* kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

std::string core_xml(const Draft& draft) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
           xml_text(draft.title) + "</dc:title><dc:creator>tebiki</dc:creator></cp:coreProperties>";
}

}  // namespace

// The package is built in memory and handed to write_file_atomic as a whole, so a failed
// write (a full disk) never leaves a half-written .docx and never follows a planted link.
std::optional<std::string> docx_bytes(const Draft& draft, std::string* error) {
    auto fail = [&]() -> std::optional<std::string> {
        if (error) *error = "Word ファイルを作成できません（" + draft.title + "）。";
        return std::nullopt;
    };
    zip_error_t zip_error;
    zip_error_init(&zip_error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &zip_error);
    if (!memory) return fail();
    zip_source_keep(memory);  // still ours after zip_close: the finished archive is read from it
    zip_t* zip = zip_open_from_source(memory, ZIP_TRUNCATE, &zip_error);
    zip_error_fini(&zip_error);
    if (!zip) {
        zip_source_free(memory);
        zip_source_free(memory);
        return fail();
    }
    // libzip reads the buffers when the archive is closed: keep them alive until then.
    const std::vector<std::pair<const char*, std::string>> parts = {
        {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kPackageRels},       {"word/_rels/document.xml.rels", kDocumentRels},
        {"word/document.xml", document_xml(draft)}, {"word/styles.xml", kStyles}, {"docProps/core.xml", core_xml(draft)}};
    bool ok = true;
    for (const auto& [name, data] : parts) {
        zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
        if (!source || zip_file_add(zip, name, source, ZIP_FL_ENC_UTF_8) < 0) {
            if (source) zip_source_free(source);
            ok = false;
            break;
        }
    }
    if (!ok || zip_close(zip) != 0) {
        zip_discard(zip);  // after a failed close the archive is still open
        zip_source_free(memory);
        return fail();
    }
    std::string bytes;
    zip_stat_t stat;
    if (zip_source_stat(memory, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) && zip_source_open(memory) == 0) {
        bytes.resize(size_t(stat.size));
        const zip_int64_t read = zip_source_read(memory, bytes.data(), stat.size);
        zip_source_close(memory);
        ok = read == zip_int64_t(stat.size);
    } else {
        ok = false;
    }
    zip_source_free(memory);
    if (!ok) return fail();
    return bytes;
}

bool write_docx(const Draft& draft, const std::filesystem::path& file, std::string* error) {
    const auto bytes = docx_bytes(draft, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

}  // namespace tebiki::documents
