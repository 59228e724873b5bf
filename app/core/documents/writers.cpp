#include "documents/writers.h"

#include "util/file_io.h"

namespace tebiki::documents {

std::optional<std::string> draft_bytes(const Draft& draft, const std::string& ext, std::string* error) {
    if (!draft.errors.empty()) {
        if (error) *error = draft.errors.front();
        return std::nullopt;
    }
    if (ext == ".md") return to_markdown(draft);
    if (ext == ".docx") return docx_bytes(draft, error);
    if (ext == ".pdf") return pdf_bytes(draft, error);
    if (error) *error = "出力の形式は .docx, .pdf, .md のいずれかです（" + ext + "）。";
    return std::nullopt;
}

bool write_draft(const Draft& draft, const std::filesystem::path& file, std::string* error) {
    const std::string ext = file.extension().string();
    if (draft.errors.empty() && ext != ".md" && ext != ".docx" && ext != ".pdf") {
        if (error) *error = "出力の形式は .docx, .pdf, .md のいずれかです（" + file.filename().string() + "）。";
        return false;
    }
    const auto bytes = draft_bytes(draft, ext, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

}  // namespace tebiki::documents
