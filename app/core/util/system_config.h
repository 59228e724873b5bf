// The machine's own settings, /etc/tebiki/config.toml (TEBIKI_SYSTEM_CONFIG names another file,
// for tests): the ward's store URI, where its own edited guide is, and the kiosk's defaults.
// Read before the user's settings and winning over them; the admin screen shows these values as
// fixed. Precedence, per value: command line > TEBIKI_STORE (store only) > this file > the admin
// screen's setting > the built-in default.
//
// Never fatal: a missing file is no settings; a file that does not parse is ignored whole, a
// key that is unknown or a value of the wrong type or out of range is ignored alone — each with
// a Japanese "file:line: …" problem, so the app starts on its defaults and says why.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tebiki {

inline constexpr const char* kSystemConfigPath = "/etc/tebiki/config.toml";

struct SystemConfig {
    std::filesystem::path file;  // the file read (or looked for)
    std::optional<std::string> store;  // as `--store` takes it
    std::string store_origin;          // "file:line: store", naming it in messages
    std::optional<std::filesystem::path> content, assessment;  // the ward's own edited copies
    std::optional<bool> kiosk;         // [kiosk] enabled: every start is a kiosk (or never)
    std::optional<int> idle_seconds;   // [kiosk] idle_seconds, 1–86400
    std::optional<float> zoom;         // [kiosk] zoom, 0.5–3
    std::optional<int> monitor;        // [kiosk] monitor, 1–16
    std::optional<bool> high_contrast; // [kiosk] theme = "normal" | "dark"
    std::optional<std::filesystem::path> export_dir;  // [kiosk] export_dir
    std::vector<std::string> problems;  // "file:line: message（…既定値を使います）"

    bool any_kiosk_value() const { return kiosk || idle_seconds || zoom || monitor || high_contrast || export_dir; }
};

// TEBIKI_SYSTEM_CONFIG when set and not empty, else /etc/tebiki/config.toml.
std::filesystem::path system_config_path();
// Reads and checks the file at `path`; a missing file gives an empty config without problems.
SystemConfig load_system_config(const std::filesystem::path& path);
// The checks on text already read (for tests); `path` names it in the problems.
SystemConfig parse_system_config(std::string_view text, const std::filesystem::path& path);

}  // namespace tebiki
