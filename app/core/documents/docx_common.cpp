#include "documents/docx_common.h"

#include "util/file_io.h"

#include <zip.h>

#include <cstdio>

#include "util/utf8.h"

namespace tebiki::documents::docx {

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

std::string run(const std::string& text, bool underline) {
    std::string out = underline ? "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">" : "<w:r><w:t xml:space=\"preserve\">";
    for (size_t i = 0, start = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            out += xml_text(text.substr(start, i - start));
            if (i < text.size()) out += "</w:t><w:br/><w:t xml:space=\"preserve\">";
            start = i + 1;
        }
    }
    return out + "</w:t></w:r>";
}

std::string doc_defaults(int line_twips) {
    return "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"ＭＳ 明朝\" w:eastAsia=\"ＭＳ 明朝\" w:hAnsi=\"ＭＳ 明朝\" w:cs=\"ＭＳ 明朝\"/>"
           "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"ja-JP\" w:eastAsia=\"ja-JP\"/></w:rPr></w:rPrDefault>"
           "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" +
           std::to_string(line_twips) + "\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>";
}

std::string paragraph_style(const char* id, const char* name, const std::string& ppr, const std::string& rpr) {
    return std::string("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"") + id + "\"><w:name w:val=\"" + name +
           "\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>" + ppr + "</w:pPr>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
           "</w:style>";
}

std::string styles_part(int line_twips, const std::string& styles) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
           doc_defaults(line_twips) +
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>" + styles +
           "</w:styles>";
}

std::string document_part(const std::string& body, const std::string& page) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
           body + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"" + kFooterId + "\"/>" + page +
           "</w:sectPr></w:body></w:document>";
}

namespace {

const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
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
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
    "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    "</Relationships>";

// 「- 3 -」 centred: the PAGE field, updated by Word and LibreOffice on every page.
const char* kFooter =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:t xml:space=\"preserve\">- </w:t></w:r>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:t>1</w:t></w:r>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "<w:r><w:rPr><w:sz w:val=\"19\"/></w:rPr><w:t xml:space=\"preserve\"> -</w:t></w:r></w:p></w:ftr>";

// ＭＳ 明朝 as Word knows it (Shift_JIS charset, roman family, fixed pitch, PANOSE of a Mincho),
// with its alternative names: where it is missing (LibreOffice on Linux) another Japanese Mincho
// such as IPAex明朝 is chosen, and the exact line pitch keeps the lines per page.
const char* kFontTable =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:font w:name=\"ＭＳ 明朝\"><w:altName w:val=\"MS Mincho\"/><w:panose1 w:val=\"02020609040205080304\"/>"
    "<w:charset w:val=\"80\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"fixed\"/>"
    "<w:sig w:usb0=\"E00002FF\" w:usb1=\"6AC7FDFB\" w:usb2=\"08000012\" w:usb3=\"00000000\" w:csb0=\"0002009F\" w:csb1=\"00000000\"/></w:font>"
    "<w:font w:name=\"IPAex明朝\"><w:altName w:val=\"IPAexMincho\"/><w:panose1 w:val=\"02020609040205080304\"/>"
    "<w:charset w:val=\"80\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "</w:fonts>";

std::string core_xml(const std::string& title, const Date& created) {
    std::string date;
    if (created.year > 0) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", created.year, created.month, created.day);
        date = std::string("<dcterms:created xsi:type=\"dcterms:W3CDTF\">") + buffer + "</dcterms:created>";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
           xml_text(title) + "</dc:title><dc:creator>tebiki</dc:creator>" + date + "</cp:coreProperties>";
}

}  // namespace

std::vector<Part> package(const std::string& document_xml, const std::string& styles_xml, const std::string& title, const Date& created) {
    return {{"[Content_Types].xml", kContentTypes},  {"_rels/.rels", kPackageRels},        {"word/_rels/document.xml.rels", kDocumentRels},
            {"word/document.xml", document_xml},    {"word/styles.xml", styles_xml},      {"word/fontTable.xml", kFontTable},
            {"word/footer1.xml", kFooter},          {"docProps/core.xml", core_xml(title, created)}};
}

// The archive is built in memory and handed to write_file_atomic as a whole, so a failed write
// (a full disk) never leaves a half-written .docx and never follows a planted link.
std::optional<std::string> package_bytes(const std::vector<Part>& parts, std::string* error) {
    auto fail = [&]() -> std::optional<std::string> {
        if (error) *error = "Word ファイルを作成できません。";
        return std::nullopt;
    };
    zip_error_t zip_error;
    zip_error_init(&zip_error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &zip_error);
    if (!memory) {
        zip_error_fini(&zip_error);
        return fail();
    }
    zip_source_keep(memory);  // still ours after zip_close: the finished archive is read from it
    zip_t* zip = zip_open_from_source(memory, ZIP_TRUNCATE, &zip_error);
    zip_error_fini(&zip_error);
    if (!zip) {
        zip_source_free(memory);  // the reference zip_open_from_source did not take
        zip_source_free(memory);  // ours
        return fail();
    }
    // libzip reads the buffers when the archive is closed: `parts` outlives zip_close.
    bool ok = true;
    for (const Part& part : parts) {
        zip_source_t* source = zip_source_buffer(zip, part.data.data(), part.data.size(), 0);
        if (!source || zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
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

bool write_package(const std::filesystem::path& file, const std::vector<Part>& parts, std::string* error) {
    const auto bytes = package_bytes(parts, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

}  // namespace tebiki::documents::docx
