#include <doctest/doctest.h>

#include "text/normalize.h"

using namespace tebiki;

TEST_CASE("[Normalize] full-width, half-width and case variants fold to one form") {
    CHECK(fold_for_search("ＬＧＷＡＮ") == fold_for_search("LGWAN"));
    CHECK(fold_for_search("LGWAN") == fold_for_search("lgwan"));
    CHECK(fold_for_search("ｼｽﾃﾑ") == fold_for_search("システム"));
    CHECK(fold_for_search("ｶﾞｲﾄﾞ") == fold_for_search("ガイド"));
    CHECK(fold_for_search("１２３") == "123");
}

TEST_CASE("[Normalize] fold_with_origin maps folded bytes back to the original text") {
    const std::string text = "ＬＧＷＡＮ接続系とｼｽﾃﾑ";
    const FoldedText f = fold_with_origin(text);
    CHECK(f.folded == fold_for_search(text));
    REQUIRE(f.origin.size() == f.folded.size() + 1);
    const size_t at = f.folded.find("システム");
    REQUIRE(at != std::string::npos);
    CHECK(text.substr(f.origin[at]) == "ｼｽﾃﾑ");
    CHECK(f.origin.back() == text.size());
}
