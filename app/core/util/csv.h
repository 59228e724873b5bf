// CSV for Excel: UTF-8 with a BOM (so Excel reads Japanese), every field quoted (RFC 4180), and
// a field that starts like a formula (= + - @, tab, CR) prefixed with ' so Excel shows it as
// text instead of running it. Shared by every CSV export.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tebiki {

inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

std::string csv_field(std::string_view s);
std::string csv_row(const std::vector<std::string>& fields);  // ends with CRLF
// A header from a comma-separated list of names (names themselves hold no commas).
std::vector<std::string> csv_header(std::string_view names);

}  // namespace tebiki
