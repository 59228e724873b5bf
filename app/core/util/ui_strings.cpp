#include "util/ui_strings.h"

#include <toml++/toml.h>

#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki {

static void flatten(const toml::table& table, const std::string& prefix, std::unordered_map<std::string, std::string>& out) {
    for (auto&& [key, node] : table) {
        const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table()) flatten(*sub, name, out);
        else if (auto s = node.value<std::string>()) out[name] = *s;
    }
}

bool UiStrings::load(const std::filesystem::path& file, Diagnostics& diagnostics) {
    std::string error;
    auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return false;
    }
    try {
        flatten(parse_toml(*text, file.string()), "", strings_);
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({file.string(), int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
        return false;
    }
    return true;
}

bool UiStrings::load_first(const std::vector<std::filesystem::path>& asset_dirs, Diagnostics& diagnostics) {
    for (const auto& dir : asset_dirs)
        if (std::filesystem::exists(dir / "strings" / "ja.toml")) return load(dir / "strings" / "ja.toml", diagnostics);
    return false;
}

const char* UiStrings::get(std::string_view key) const {
    if (auto it = strings_.find(std::string(key)); it != strings_.end()) return it->second.c_str();
    auto [it, fresh] = missing_.emplace(std::string(key), std::string(key));
    return it->second.c_str();
}

std::string UiStrings::format(std::string_view key, std::initializer_list<std::string> args) const {
    std::string out = get(key);
    int index = 1;
    for (const std::string& arg : args) {
        const std::string marker = "{" + std::to_string(index++) + "}";
        for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at + arg.size())) out.replace(at, marker.size(), arg);
    }
    return out;
}

std::string UiStrings::all_text() const {
    std::string out;
    for (const auto& [key, value] : strings_) out += value;
    return out;
}

}  // namespace tebiki
