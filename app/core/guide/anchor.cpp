#include "guide/anchor.h"

#include <unicode/uchar.h>

#include "text/normalize.h"
#include "util/utf8.h"

namespace tebiki {

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string make_anchor(std::string_view text) {
    const std::string folded = fold_for_search(percent_decode(text));
    std::string out;
    size_t pos = 0;
    while (pos < folded.size()) {
        const char32_t cp = utf8_next(folded, pos);
        if (cp == U'-' || cp == U'_') { out += char(cp); continue; }
        if (u_isUWhiteSpace(UChar32(cp))) { out += '-'; continue; }
        const int8_t type = u_charType(UChar32(cp));
        // General categories 19–29 are all the punctuation (P*) and symbol (S*) classes.
        const bool punct_or_symbol = type >= U_DASH_PUNCTUATION && type <= U_FINAL_PUNCTUATION;
        if (punct_or_symbol || type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) continue;
        utf8_append(out, cp);
    }
    return out;
}

}  // namespace tebiki
