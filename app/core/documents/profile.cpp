#include "documents/profile.h"

#include "assessment/toml_reader.h"
#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki::documents {

bool load_profile(const std::filesystem::path& file, Profile& out, Diagnostics& diagnostics) {
    std::string error;
    const auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return false;
    }
    try {
        const toml::table root = parse_toml(*text, file.string());
        assessment::TomlReader r(root, file.string(), diagnostics);
        out.municipality = r.text("municipality", true);
        out.department = r.text("department", true);
        out.head_title = r.text("head_title");
        out.head_name = r.text("head_name");
        if (const auto n = r.number("staff_count")) out.staff_count = std::to_string(long(*n));
        out.contact = r.text("contact");
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({file.string(), int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
        return false;
    }
    return true;
}

}  // namespace tebiki::documents
