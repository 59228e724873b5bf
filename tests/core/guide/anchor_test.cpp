#include <doctest/doctest.h>

#include "guide/anchor.h"

using namespace tebiki;

TEST_CASE("[Anchor] heading text written as-is, percent-encoded or without punctuation gives one id") {
    CHECK(make_anchor("要綱に定める事項") == "要綱に定める事項");
    CHECK(make_anchor("画面転送（リモートデスクトップ）") == make_anchor("画面転送リモートデスクトップ"));
    CHECK(make_anchor("βモデル／β'モデル") == make_anchor("βモデルβモデル"));
    CHECK(make_anchor("Q. 在宅勤務 とは") == "q-在宅勤務-とは");
    CHECK(make_anchor("%E8%A6%81%E7%B6%B1") == make_anchor("要綱"));
    CHECK(make_anchor("LGWAN-ASP") == "lgwan-asp");
    CHECK(make_anchor("ＬＧＷＡＮ") == "lgwan");
}
