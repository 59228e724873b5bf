// The user interface's words, loaded from assets/strings/ja.toml so that no Japanese label
// lives in C++. Keys are "section.name"; a missing key shows the key itself (and `tebiki check`
// reports the keys the core says things with: check_keys), so a typo is visible instead of blank.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/diagnostics.h"
#include "util/message.h"

namespace tebiki {

class UiStrings {
public:
    bool load(const std::filesystem::path& file, Diagnostics& diagnostics);
    // The first strings/ja.toml found in `asset_dirs` (the user's --assets folder before the
    // bundled one); false when none is there or it does not load.
    bool load_first(const std::vector<std::filesystem::path>& asset_dirs, Diagnostics& diagnostics);
    const char* get(std::string_view key) const;
    bool has(std::string_view key) const { return strings_.count(std::string(key)) != 0; }
    std::string format(std::string_view key, std::initializer_list<std::string> args) const;  // {1} {2}
    // A sentence by id; a missing id reads as the id and its values (Message::fallback).
    std::string text(const Message& message) const;
    std::string text(const std::vector<Message>& sentences) const;  // one after another
    // Puts every diagnostic that is said by id into words (`message`), before it is shown.
    void word(Diagnostics& diagnostics) const;
    // One diagnostic per id that has no wording, at the line of its [section] (or line 1).
    void check_keys(const std::vector<std::string_view>& ids, Diagnostics& out) const;
    std::string all_text() const;  // every string, for building the font's glyph list

private:
    std::unordered_map<std::string, std::string> strings_;
    std::unordered_map<std::string, int> table_lines_;  // "section" → line of its header
    std::string file_;
    mutable std::unordered_map<std::string, std::string> missing_;
};

}  // namespace tebiki
