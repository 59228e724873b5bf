#include "documents/text_diff.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "util/utf8.h"

namespace tebiki::documents {

namespace {

// Opening a word iterator loads ICU's Japanese dictionary: once per thread, not once per text.
struct WordIterator {
    UBreakIterator* bi = nullptr;
    WordIterator() {
        UErrorCode status = U_ZERO_ERROR;
        bi = ubrk_open(UBRK_WORD, "ja", nullptr, 0, &status);
        if (U_FAILURE(status)) bi = nullptr;
    }
    ~WordIterator() {
        if (bi) ubrk_close(bi);
    }
};

}  // namespace

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> out;
    thread_local WordIterator words;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), int64_t(text.size()), &status);
    if (words.bi && U_SUCCESS(status)) ubrk_setUText(words.bi, ut, &status);
    if (!words.bi || U_FAILURE(status)) {
        // No ICU data: one character a word still gives a usable (character-level) diff.
        for (size_t pos = 0, start = 0; pos < text.size(); start = pos) {
            utf8_next(text, pos);
            out.push_back(text.substr(start, pos - start));
        }
    } else {
        // UTF-8 UText: boundaries are byte offsets.
        for (int32_t start = ubrk_first(words.bi), end = ubrk_next(words.bi); end != UBRK_DONE; start = end, end = ubrk_next(words.bi))
            out.push_back(text.substr(size_t(start), size_t(end - start)));
    }
    utext_close(ut);
    return out;
}

namespace {

bool is_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A changed number takes its 第 and 条/項/号 with it: 「第16条」 is underlined whole, as 新旧対照表 do.
void widen_numbers(const std::vector<std::string>& words, std::vector<bool>& changed) {
    for (size_t i = 0; i < words.size(); ++i) {
        if (!changed[i] || !is_digits(words[i])) continue;
        if (i > 0 && words[i - 1] == "第") changed[i - 1] = true;
        if (i + 1 < words.size() && (words[i + 1] == "条" || words[i + 1] == "項" || words[i + 1] == "号" || words[i + 1] == "日"))
            changed[i + 1] = true;
    }
}

// 「<u>次</u>の<u>各号</u>」: a particle or two left unchanged between changed words is marked with
// them, so the 傍線 runs over the phrase that changed instead of stopping at every 「の」.
void absorb_islands(const std::vector<std::string>& words, std::vector<bool>& changed) {
    for (size_t i = 0; i < words.size();) {
        if (changed[i]) {
            ++i;
            continue;
        }
        size_t end = i, chars = 0;
        while (end < words.size() && !changed[end]) {
            for (size_t p = 0; p < words[end].size(); utf8_next(words[end], p)) ++chars;
            ++end;
        }
        if (i > 0 && end < words.size() && chars <= 2)
            for (size_t k = i; k < end; ++k) changed[k] = true;
        i = end;
    }
}

std::vector<Segment> segments(const std::vector<std::string>& words, const std::vector<bool>& changed) {
    std::vector<Segment> out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (out.empty() || out.back().changed != changed[i]) out.push_back({"", changed[i]});
        out.back().text += words[i];
    }
    return out;
}

}  // namespace

TextDiff diff_words(const std::string& before, const std::string& after) {
    TextDiff d;
    const std::vector<std::string> a = split_words(before), b = split_words(after);
    // Longest common subsequence of words (paragraphs are a few hundred words at most).
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (size_t i = a.size(); i-- > 0;)
        for (size_t j = b.size(); j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<bool> changed_a(a.size(), true), changed_b(b.size(), true);
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            changed_a[i++] = false;
            changed_b[j++] = false;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    widen_numbers(a, changed_a);
    widen_numbers(b, changed_b);
    absorb_islands(a, changed_a);
    absorb_islands(b, changed_b);
    d.before = segments(a, changed_a);
    d.after = segments(b, changed_b);
    d.same = before == after;
    return d;
}

Bigrams bigrams(const std::string& text) {
    Bigrams out;
    size_t pos = 0;
    char32_t previous = text.empty() ? 0 : utf8_next(text, pos);
    while (pos < text.size()) {
        const char32_t c = utf8_next(text, pos);
        out.push_back(uint64_t(previous) << 32 | uint64_t(c));
        previous = c;
    }
    std::sort(out.begin(), out.end());
    return out;
}

double similarity(const Bigrams& a, const Bigrams& b) {
    if (a.empty() && b.empty()) return 1;
    size_t shared = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {  // multiset intersection of sorted codes
        if (a[i] == b[j]) {
            ++shared;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * double(shared) / double(a.size() + b.size());
}

double similarity(const std::string& a, const std::string& b) { return a == b ? 1 : similarity(bigrams(a), bigrams(b)); }

}  // namespace tebiki::documents
