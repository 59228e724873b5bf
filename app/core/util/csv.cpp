#include "util/csv.h"

namespace tebiki {

std::string csv_field(std::string_view s) {
    std::string out = "\"";
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) out += '\'';
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\r\n";
}

std::vector<std::string> csv_header(std::string_view names) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t comma; (comma = names.find(',', start)) != std::string_view::npos; start = comma + 1) out.emplace_back(names.substr(start, comma - start));
    out.emplace_back(names.substr(start));
    return out;
}

}  // namespace tebiki
