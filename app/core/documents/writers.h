// Writing a Draft: Markdown (for review), WordprocessingML .docx (for editing in Word or
// LibreOffice) and A4 PDF through cairo + pango (for printing), plus page images of the same
// PDF layout for the app's preview. Writers return false with a Japanese `error`.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "documents/assemble.h"

namespace tebiki::documents {

std::string to_markdown(const Draft& draft);
// `text` as Markdown shows it literally (markup characters escaped); in a table cell, line
// breaks become <br>.
std::string markdown_text(const std::string& text, bool in_table = false);
// The file's bytes, built in memory; nullopt and `error` when the writer fails.
std::optional<std::string> docx_bytes(const Draft& draft, std::string* error);
std::optional<std::string> pdf_bytes(const Draft& draft, std::string* error);
// The bytes handed to write_file_atomic (util/file_io.h): temp file, fsync, rename.
bool write_docx(const Draft& draft, const std::filesystem::path& file, std::string* error);
bool write_pdf(const Draft& draft, const std::filesystem::path& file, std::string* error);

struct PageImage {
    int width = 0, height = 0;           // pixels
    std::vector<unsigned char> rgba;     // width × height × 4, straight alpha
    int pages = 0;                       // how many pages the draft has
};
// Page `page` (0-based) as the PDF prints it, `px_per_pt` pixels per point (1 pt = 1/72 inch).
PageImage render_page(const Draft& draft, int page, double px_per_pt);

// The text of every line the PDF draws, page by page (tests check page breaks with it).
std::vector<std::vector<std::string>> pdf_page_lines(const Draft& draft);

// The bytes of the draft in the format of `ext` (".md", ".docx", ".pdf"); anything else is refused.
std::optional<std::string> draft_bytes(const Draft& draft, const std::string& ext, std::string* error);
// Writes by extension (.md, .docx, .pdf); anything else is refused.
bool write_draft(const Draft& draft, const std::filesystem::path& file, std::string* error);

}  // namespace tebiki::documents
