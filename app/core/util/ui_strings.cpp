#include "util/ui_strings.h"

#include <toml++/toml.h>

#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki {

static void flatten(const toml::table& table, const std::string& prefix, std::unordered_map<std::string, std::string>& out,
                    std::unordered_map<std::string, int>& table_lines) {
    for (auto&& [key, node] : table) {
        const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table()) {
            table_lines[name] = int(sub->source().begin.line);
            flatten(*sub, name, out, table_lines);
        } else if (auto s = node.value<std::string>()) {
            out[name] = *s;
        }
    }
}

bool UiStrings::load(const std::filesystem::path& file, Diagnostics& diagnostics) {
    std::string error;
    auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return false;
    }
    file_ = file.string();
    try {
        flatten(parse_toml(*text, file.string()), "", strings_, table_lines_);
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
    if (!has(key)) return get(key);  // the key alone, as before
    return text(Message{std::string(key), std::vector<std::string>(args)});
}

std::string UiStrings::text(const Message& message) const {
    if (!has(message.id)) return message.fallback();
    std::string out = get(message.id);
    for (size_t i = 0; i < message.args.size(); ++i) {
        const std::string marker = "{" + std::to_string(i + 1) + "}";
        const std::string& arg = message.args[i];
        for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at + arg.size())) out.replace(at, marker.size(), arg);
    }
    return out;
}

std::string UiStrings::text(const std::vector<Message>& sentences) const {
    std::string out;
    for (const Message& m : sentences) out += text(m);
    return out;
}

void UiStrings::word(Diagnostics& diagnostics) const {
    for (Diagnostic& d : diagnostics)
        if (d.message.empty() && !d.said.empty()) d.message = text(d.said);
}

void UiStrings::check_keys(const std::vector<std::string_view>& ids, Diagnostics& out) const {
    for (std::string_view id : ids) {
        if (has(id)) continue;
        const std::string section(id.substr(0, id.rfind('.')));
        const auto line = table_lines_.find(section);
        out.push_back({file_.empty() ? std::string("strings/ja.toml") : file_, line == table_lines_.end() ? 1 : line->second, 0,
                       "文言「" + std::string(id) + "」がありません（[" + section + "] に書いてください）。"});
    }
}

std::string UiStrings::all_text() const {
    std::string out;
    for (const auto& [key, value] : strings_) out += value;
    return out;
}

}  // namespace tebiki
