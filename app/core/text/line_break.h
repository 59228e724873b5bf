// Where a line may end, for Japanese text mixed with Latin words and numbers.
//
// ICU's line BreakIterator ("ja@lb=strict") gives the UAX #14 opportunities; on top of it we
// enforce 禁則処理 explicitly (so the rule holds whatever ICU's data says) and keep numbers with
// what follows them (「38時間」「100Mbps」).
#pragma once
#include <string_view>
#include <vector>

namespace tebiki {

// Byte offsets where a line may be broken (a break before that offset). Never contains 0;
// contains text.size() when text is not empty.
std::vector<size_t> find_line_breaks(std::string_view text);

// 行頭禁則: characters that must not begin a line (closing brackets, punctuation, small kana, ー …).
bool is_line_start_forbidden(char32_t cp);
// 行末禁則: characters that must not end a line (opening brackets).
bool is_line_end_forbidden(char32_t cp);

}  // namespace tebiki
