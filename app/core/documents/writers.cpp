#include "documents/writers.h"

#include "util/file_io.h"

namespace tebiki::documents {

bool write_draft(const Draft& draft, const std::filesystem::path& file, std::string* error) {
    if (!draft.errors.empty()) {
        if (error) *error = draft.errors.front();
        return false;
    }
    const std::string ext = file.extension().string();
    if (ext == ".md") return write_file_atomic(file, to_markdown(draft), error);
    if (ext == ".docx") return write_docx(draft, file, error);
    if (ext == ".pdf") return write_pdf(draft, file, error);
    if (error) *error = "出力の形式は .docx, .pdf, .md のいずれかです（" + file.filename().string() + "）。";
    return false;
}

}  // namespace tebiki::documents
