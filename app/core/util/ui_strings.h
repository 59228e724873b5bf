// The user interface's words, loaded from assets/strings/ja.toml so that no Japanese label
// lives in C++. Keys are "section.name"; a missing key shows the key itself (and `tebiki check`
// reports it), so a typo is visible instead of blank.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/diagnostics.h"

namespace tebiki {

class UiStrings {
public:
    bool load(const std::filesystem::path& file, Diagnostics& diagnostics);
    // The first strings/ja.toml found in `asset_dirs` (the user's --assets folder before the
    // bundled one); false when none is there or it does not load.
    bool load_first(const std::vector<std::filesystem::path>& asset_dirs, Diagnostics& diagnostics);
    const char* get(std::string_view key) const;
    std::string format(std::string_view key, std::initializer_list<std::string> args) const;  // {1} {2}
    std::string all_text() const;  // every string, for building the font's glyph list

private:
    std::unordered_map<std::string, std::string> strings_;
    mutable std::unordered_map<std::string, std::string> missing_;
};

}  // namespace tebiki
