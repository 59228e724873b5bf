// The notation list (content/notation.toml): words the guide writes one way only (手続, not
// 手続き) and words it avoids (自腹). `tebiki check` reports each use as a warning
// "file:line: 表記: 「手続き」は「手続」に統一します"; warnings do not fail the check, because an
// editor may need an exception the list does not know yet (content/README.md, 表記の統一).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "guide/book.h"
#include "util/diagnostics.h"

namespace tebiki {

struct NotationTerm {
    std::string prefer;               // the form to write; empty: the word is simply avoided
    std::vector<std::string> avoid;   // forms reported wherever they appear in a chapter
    std::string note;                 // why, or what to write instead (shown in the warning)
    std::vector<std::string> except;  // phrases that may keep an avoided form (quoted titles, names)
    int line = 0;                     // where the term starts in notation.toml
};

struct NotationList {
    std::vector<NotationTerm> terms;
};

// Reads the list; mistakes in it (TOML syntax, unknown keys, an avoided form that is part of the
// preferred one) are errors in `errors`. A missing file is an empty list.
NotationList load_notation(const std::filesystem::path& file, Diagnostics& errors);

// Warnings for one chapter's text, one per use of an avoided form outside the term's exceptions.
// HTML comments are skipped (readers never see them).
void check_notation(const std::string& file, std::string_view text, const NotationList& list, Diagnostics& warnings);

void check_notation(const Book& book, const NotationList& list, Diagnostics& warnings);

}  // namespace tebiki
