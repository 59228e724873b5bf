// What every .docx tebiki writes shares: XML text escaping, the package parts around the body
// (content types, relationships, page-number footer, font table with the fallback fonts, core
// properties with the creation date) and the output step that zips the parts into a file.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "documents/wareki.h"

namespace tebiki::documents::docx {

// XML 1.0 text: the five specials escaped, characters XML cannot hold dropped.
std::string xml_text(const std::string& text);
// One run; line breaks inside the text become <w:br/>. `underline` draws 傍線.
std::string run(const std::string& text, bool underline = false);

// <w:rPrDefault>/<w:pPrDefault> and the font declaration every tebiki document uses: ＭＳ 明朝
// 10.5 pt, exact line pitch `line_twips` (so another Mincho gives the same lines per page).
std::string doc_defaults(int line_twips);
// A paragraph style `id` shown to Word users as `name`, based on Normal.
std::string paragraph_style(const char* id, const char* name, const std::string& ppr, const std::string& rpr = "");
// word/styles.xml: the defaults (line pitch `line_twips`), Normal, then `styles`.
std::string styles_part(int line_twips, const std::string& styles);
// The page-number footer's relationship id in word/_rels/document.xml.rels.
constexpr const char* kFooterId = "rIdFooter";
// word/document.xml: `body`, then the section with the page-number footer and `page` (its
// <w:pgSz/> and <w:pgMar/>).
std::string document_part(const std::string& body, const std::string& page);

struct Part {
    std::string name;
    std::string data;
};
// The parts of a package whose body is `document_xml` and styles `styles_xml`.
std::vector<Part> package(const std::string& document_xml, const std::string& styles_xml, const std::string& title, const Date& created);

// The output step: `parts` zipped in memory (nullopt and a Japanese `error` on failure) …
std::optional<std::string> package_bytes(const std::vector<Part>& parts, std::string* error);
// … and written with write_file_atomic (temp file, fsync, rename; a full disk is reported).
bool write_package(const std::filesystem::path& file, const std::vector<Part>& parts, std::string* error);

}  // namespace tebiki::documents::docx
