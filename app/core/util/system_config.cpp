#include "util/system_config.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaults = "（この値は使わず、既定値を使います）";

struct Reader {
    SystemConfig& config;
    std::string file;
    std::vector<std::pair<int, std::string>> found;  // by line: toml++ tables iterate by key

    void problem(const toml::node& at, const std::string& message) {
        const int line = int(at.source().begin.line);
        found.emplace_back(line, file + ":" + std::to_string(line) + ": " + message + kDefaults);
    }

    std::optional<std::string> text(const toml::node& n, const std::string& key) {
        if (auto s = n.value<std::string>(); s && !s->empty()) return *s;
        problem(n, key + " には空でない文字列を指定してください");
        return std::nullopt;
    }
    std::optional<fs::path> folder(const toml::node& n, const std::string& key) {
        auto s = text(n, key);
        if (!s) return std::nullopt;
        if (fs::path(*s).is_relative()) {
            problem(n, key + " には / から始まるフォルダを指定してください（「" + *s + "」）");
            return std::nullopt;
        }
        return fs::path(*s);
    }
    std::optional<int> integer(const toml::node& n, const std::string& key, int min, int max) {
        if (auto v = n.value_exact<int64_t>(); v && *v >= min && *v <= max) return int(*v);
        problem(n, key + " には " + std::to_string(min) + "〜" + std::to_string(max) + " の整数を指定してください");
        return std::nullopt;
    }
    std::optional<bool> boolean(const toml::node& n, const std::string& key) {
        if (auto v = n.value_exact<bool>()) return *v;
        problem(n, key + " には true か false を指定してください");
        return std::nullopt;
    }
};

}  // namespace

fs::path system_config_path() {
    if (const char* env = std::getenv("TEBIKI_SYSTEM_CONFIG"); env && *env) return env;
    return kSystemConfigPath;
}

SystemConfig parse_system_config(std::string_view text, const fs::path& path) {
    SystemConfig config;
    config.file = path;
    Reader r{config, path.string(), {}};
    toml::table root;
    try {
        root = parse_toml(text, r.file);
    } catch (const toml::parse_error& e) {
        config.problems.push_back(r.file + ":" + std::to_string(e.source().begin.line) + ": 設定ファイルを読めません（" +
                                  std::string(e.description()) + "）。このファイルの設定はすべて使わず、既定値を使います");
        return config;
    }
    for (const auto& [key, node] : root) {
        const std::string k(key.str());
        if (k == "store") {
            config.store = r.text(node, k);
            config.store_origin = r.file + ":" + std::to_string(node.source().begin.line) + ": store";
        }
        else if (k == "content") config.content = r.folder(node, k);
        else if (k == "assessment") config.assessment = r.folder(node, k);
        else if (k == "kiosk" && node.is_table()) {
            for (const auto& [sub, value] : *node.as_table()) {
                const std::string s(sub.str()), name = "kiosk." + s;
                if (s == "enabled") config.kiosk = r.boolean(value, name);
                else if (s == "idle_seconds") config.idle_seconds = r.integer(value, name, 1, 86400);
                else if (s == "monitor") config.monitor = r.integer(value, name, 1, 16);
                else if (s == "export_dir") config.export_dir = r.folder(value, name);
                else if (s == "zoom") {
                    const auto z = value.value<double>();  // 1 and 1.25 alike
                    if (z && std::isfinite(*z) && *z >= 0.5 && *z <= 3.0) config.zoom = float(*z);
                    else r.problem(value, name + " には 0.5〜3 の数を指定してください");
                } else if (s == "theme") {
                    const auto t = value.value<std::string>();
                    if (t == "normal" || t == "dark") config.high_contrast = *t == "dark";
                    else r.problem(value, name + " には \"normal\" か \"dark\" を指定してください");
                } else {
                    r.problem(value, "[kiosk] に「" + s + "」という設定はありません。使えるのは enabled, idle_seconds, zoom, monitor, theme, export_dir です");
                }
            }
        } else if (k == "kiosk") {
            r.problem(node, "kiosk は [kiosk] の表として書いてください");
        } else {
            r.problem(node, "「" + k + "」という設定はありません。使えるのは store, content, assessment, [kiosk] です");
        }
    }
    std::stable_sort(r.found.begin(), r.found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, message] : r.found) config.problems.push_back(std::move(message));
    return config;
}

SystemConfig load_system_config(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        SystemConfig none;
        none.file = path;
        return none;
    }
    std::string error;
    const auto text = read_file(path, &error);
    if (!text) {
        SystemConfig unreadable;
        unreadable.file = path;
        unreadable.problems.push_back(path.string() + ":1: " + error + "。既定値を使います");
        return unreadable;
    }
    return parse_system_config(*text, path);
}

}  // namespace tebiki
