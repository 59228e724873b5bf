#include "text/line_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include <memory>
#include <string_view>

#include "util/utf8.h"

namespace tebiki {

static constexpr std::u32string_view kLineStartForbidden =
    U"、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»"
    U"・：；:;！？!?‐゠–〜～ー"
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    U"ヽヾゝゞ々〻…‥％%℃";

static constexpr std::u32string_view kLineEndForbidden = U"（(［[｛{〔〈《「『【〘〖〝‘“｟«￥＄$＃#";

bool is_line_start_forbidden(char32_t cp) { return kLineStartForbidden.find(cp) != std::u32string_view::npos; }
bool is_line_end_forbidden(char32_t cp) { return kLineEndForbidden.find(cp) != std::u32string_view::npos; }

// Units of two characters that stay whole after a number: 「38時間」「令和2年度」「3か月」.
static constexpr std::u32string_view kTwoCharUnits[] = {U"時間", U"年度", U"か月", U"ヶ月", U"カ月", U"箇所", U"万円", U"千円", U"億円", U"万人"};

static bool is_ascii_alnum(char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

static bool is_digit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }
static bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'　'; }

static std::unique_ptr<icu::BreakIterator> make_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(icu::Locale("ja@lb=strict"), status));
    if (U_FAILURE(status)) return nullptr;
    return it;
}

// A URL is one long "word" to ICU. Like browsers, let it break after its separators
// (https://www.|example.|go.|jp/|telework-|guide.pdf), so a long address wraps inside a table
// cell instead of widening the table past the page.
static void allow_breaks_inside_urls(const std::vector<char32_t>& cps, std::vector<bool>& allowed) {
    static const std::u32string_view kSeparators = U"/.-_?&=#";
    auto is_url_char = [](char32_t c) { return c > U' ' && c < 0x7F; };
    for (size_t start = 0; start + 8 < cps.size(); ++start) {
        const bool https = std::u32string_view(&cps[start], 8) == U"https://";
        if (!https && std::u32string_view(&cps[start], 7) != U"http://") continue;
        size_t end = start;
        while (end < cps.size() && is_url_char(cps[end])) ++end;
        for (size_t i = start + (https ? 8 : 7) + 1; i < end; ++i)
            if (kSeparators.find(cps[i - 1]) != std::u32string_view::npos && kSeparators.find(cps[i]) == std::u32string_view::npos)
                allowed[i] = true;
        start = end;
    }
}

std::vector<size_t> find_line_breaks(std::string_view text) {
    std::vector<size_t> breaks;
    if (text.empty()) return breaks;

    // Code points with their byte offsets, so rules can look at neighbours.
    std::vector<char32_t> cps;
    std::vector<size_t> byte_at;      // byte offset of cps[i]
    std::vector<size_t> utf16_at;     // UTF-16 offset of cps[i]
    size_t pos = 0, u16 = 0;
    while (pos < text.size()) {
        byte_at.push_back(pos);
        utf16_at.push_back(u16);
        const char32_t cp = utf8_next(text, pos);
        cps.push_back(cp);
        u16 += cp >= 0x10000 ? 2 : 1;
    }
    byte_at.push_back(text.size());
    utf16_at.push_back(u16);

    std::vector<bool> allowed(cps.size() + 1, false);  // allowed[i]: break before cps[i]
    thread_local std::unique_ptr<icu::BreakIterator> iterator = make_iterator();
    if (iterator) {
        const std::u16string u = utf8_to_utf16(text);
        icu::UnicodeString ustr(false, reinterpret_cast<const UChar*>(u.data()), int32_t(u.size()));
        iterator->setText(ustr);
        size_t index = 0;
        for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
            while (index < utf16_at.size() && utf16_at[index] < size_t(b)) ++index;
            if (index < utf16_at.size() && utf16_at[index] == size_t(b)) allowed[index] = true;
        }
    } else {
        std::fill(allowed.begin(), allowed.end(), true);  // no ICU data: break anywhere, rules below still apply
    }

    for (size_t i = 1; i < cps.size(); ++i) {
        if (!allowed[i]) continue;
        const char32_t before = cps[i - 1];
        const char32_t after = cps[i];
        if (is_line_start_forbidden(after) || is_line_end_forbidden(before)) allowed[i] = false;
        else if (is_digit(before) && !is_space(after)) allowed[i] = false;  // 38|時間, 100|Mbps
        else if (is_digit(after) && !is_space(before) && (before == U'第' || before == U'約')) allowed[i] = false;
        else if (before == U'-' && i >= 2 && is_ascii_alnum(cps[i - 2]) && is_ascii_alnum(after)) allowed[i] = false;  // LGWAN-|ASP
    }
    allow_breaks_inside_urls(cps, allowed);
    // Keep two-character units whole after a number (the digit rule above already joins 38|時).
    for (size_t i = 1; i + 1 < cps.size(); ++i) {
        if (!is_digit(cps[i - 1])) continue;
        for (std::u32string_view unit : kTwoCharUnits)
            if (cps[i] == unit[0] && cps[i + 1] == unit[1]) allowed[i + 1] = false;
    }
    for (size_t i = 1; i < cps.size(); ++i)
        if (allowed[i]) breaks.push_back(byte_at[i]);
    breaks.push_back(text.size());
    return breaks;
}

}  // namespace tebiki
