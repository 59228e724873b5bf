#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/line_break.h"
#include "util/utf8.h"

using namespace tebiki;

// Splits text at every allowed break, i.e. the smallest pieces a line may hold.
static std::vector<std::string> pieces(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t b : find_line_breaks(text)) {
        out.push_back(text.substr(start, b - start));
        start = b;
    }
    return out;
}

static char32_t first_cp(const std::string& s) {
    size_t pos = 0;
    return utf8_next(s, pos);
}

static char32_t last_cp(const std::string& s) {
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t pos = start;
    return utf8_next(s, pos);
}

TEST_CASE("[LineBreak] no piece starts with closing punctuation, small kana or prolonged sound mark") {
    const std::string samples[] = {
        "テレワークを導入するには、「目的の明確化」が必要です。",
        "ちょっとした工夫で、キャッシュレスやシャッフルのような語も分けません。",
        "コミュニケーション・ツール（チャット）を使います…と言いました。",
        "【環境整備編】情報システム整備・テレワーク端末の整備等",
        "データー、サーバー、ユーザー。ァィゥェォッャュョヮヵヶ",
    };
    for (const std::string& text : samples) {
        const auto parts = pieces(text);
        for (size_t i = 1; i < parts.size(); ++i) {
            INFO("text: " << text << " piece: " << parts[i]);
            CHECK_FALSE(is_line_start_forbidden(first_cp(parts[i])));
        }
        for (size_t i = 0; i + 1 < parts.size(); ++i) {
            INFO("text: " << text << " piece: " << parts[i]);
            CHECK_FALSE(is_line_end_forbidden(last_cp(parts[i])));
        }
    }
}

TEST_CASE("[LineBreak] opening brackets stay with what follows") {
    const auto parts = pieces("これは「重要」です");
    bool found = false;
    for (const auto& p : parts) found |= p.rfind("「", 0) == 0;
    CHECK_MESSAGE(found, "a line may start with 「 but 「 must not end one");
    for (const auto& p : parts) CHECK(last_cp(p) != U'「');
}

TEST_CASE("[LineBreak] Latin words, URLs and numbers with units are not split") {
    for (const std::string& word : {std::string("LGWAN-ASP"), std::string("100Mbps"), std::string("38時間"), std::string("Microsoft")}) {
        const std::string text = "回線は" + word + "です";
        bool intact = false;
        std::string joined;
        for (const auto& p : pieces(text)) {
            if (p.find(word) != std::string::npos) intact = true;
        }
        INFO(word);
        CHECK_MESSAGE(intact, "the word must stay inside one unbreakable piece");
    }
}

TEST_CASE("[LineBreak] long URLs may break after their separators, never inside a name") {
    const auto parts = pieces("資料：https://www.japan-telework.or.jp/wordpress/wp-content/uploads/2020/Telework-products.pdf を参照");
    std::string joined;
    for (const auto& p : parts) joined += p;
    CHECK(joined.find("https://www.japan-telework.or.jp/") != std::string::npos);
    bool has_scheme_whole = false, split_after_slash = false;
    for (const auto& p : parts) {
        if (p.find("https://") != std::string::npos) has_scheme_whole = true;
        if (p == "uploads/") split_after_slash = true;
        const bool whole_word = p.find("Telewo") == std::string::npos || p.find("Telework-") != std::string::npos;
        CHECK(whole_word);
    }
    CHECK(has_scheme_whole);
    CHECK(split_after_slash);
}

TEST_CASE("[LineBreak] Japanese text may break between ideographs") {
    CHECK(pieces("情報通信技術を活用します").size() > 5);
}

TEST_CASE("[LineBreak] empty and invalid input do not crash") {
    CHECK(find_line_breaks("").empty());
    const std::string bad = "abc\xff\xfe日本";
    CHECK(find_line_breaks(bad).back() == bad.size());
}
