// The bundled assets/strings/ja.toml, loaded once: for tests that check what a user reads of a
// message the core says by id (UiStrings::word, UiStrings::text).
#pragma once
#include <doctest/doctest.h>

#include "test_paths.h"
#include "util/ui_strings.h"

namespace tebiki::test {

inline std::filesystem::path strings_file() { return TEBIKI_CONTENT_DIR.parent_path() / "assets" / "strings" / "ja.toml"; }

inline const UiStrings& bundled_words() {
    static const UiStrings words = [] {
        UiStrings w;
        Diagnostics d;
        REQUIRE(w.load(strings_file(), d));
        return w;
    }();
    return words;
}

// The diagnostics as a user reads them.
inline std::vector<std::string> worded(Diagnostics d) {
    bundled_words().word(d);
    std::vector<std::string> out;
    for (const Diagnostic& x : d) out.push_back(x.to_string());
    return out;
}

}  // namespace tebiki::test
