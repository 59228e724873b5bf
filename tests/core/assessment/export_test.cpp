// Every report of a result puts what blocks, what contradicts and what is unknown or unanswered
// before the areas and the advice, and says why there is no level or why it is capped (issue 10).
#include "test_paths.h"
#include <doctest/doctest.h>

#include <filesystem>

#include "assessment/answers_file.h"
#include "assessment/export.h"
#include "assessment/report.h"
#include "documents/result_report.h"
#include "documents/writers.h"

using namespace tebiki;
using namespace tebiki::assessment;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    std::vector<Questionnaire> all;
    AnswersFile answers;
    UiStrings words;
    const Questionnaire* q = nullptr;

    explicit Fixture(const char* profile) {
        Diagnostics d;
        all = load_questionnaires(TEBIKI_ASSESSMENT_DIR, d);
        for (const Questionnaire& x : all)
            if (x.id == "readiness") q = &x;
        REQUIRE(q);
        REQUIRE(load_answers(fs::path(TEBIKI_TEST_DATA) / "assessment" / profile, *q, answers, d));
        REQUIRE(words.load(fs::path(TEBIKI_CONTENT_DIR).parent_path() / "assets" / "strings" / "ja.toml", d));
    }
};

// Position of `needle` in `text`, failing the check when absent.
size_t at(const std::string& text, const std::string& needle) {
    const size_t pos = text.find(needle);
    CHECK_MESSAGE(pos != std::string::npos, "missing: " << needle);
    return pos;
}

}  // namespace

TEST_CASE("[Export] text, JSON and PDF list blockers and open questions before the areas and the advice") {
    Fixture f("readiness-partial.answers.toml");  // an old answers file: わからない, unanswered and a blocker
    const Result r = score(*f.q, f.answers.answers);
    REQUIRE(r.stoppers() == 1);
    REQUIRE_FALSE(r.unknown.empty());
    REQUIRE_FALSE(r.advice.empty());

    const std::string text = format_result(r);
    CHECK(at(text, "開始を妨げる事項") < at(text, "「わからない」と答えた質問"));
    CHECK(at(text, "未回答の質問") < at(text, "領域別"));
    CHECK(at(text, "領域別") < at(text, "次にすること"));

    const std::string json = result_json(r);
    CHECK(at(json, "\"blockers\":[") < at(json, "\"unknown\":["));
    CHECK(at(json, "\"unanswered\":[") < at(json, "\"advice\":["));
    CHECK(json.find("\"no_level\":\"few_answers\"") != std::string::npos);

    const std::string md = documents::to_markdown(documents::result_draft(r, {"○○区", "総務課", "2026-11-25T00:00:00Z"}, f.words));
    CHECK(at(md, "判定には回答が足りません") < at(md, "（このままでは始められない事項）"));
    CHECK(at(md, "（このままでは始められない事項）") < at(md, "（「わからない」と答えた質問）"));
    CHECK(at(md, "（未回答の質問）") < at(md, "（領域別の状況）"));
    CHECK(at(md, "（領域別の状況）") < at(md, "（次に取り組むこと）"));
}

TEST_CASE("[Export] the CSV counts the same questions and says why the level is capped") {
    Fixture f("readiness-one-failing-area.answers.toml");
    const Result r = score(*f.q, f.answers.answers);
    REQUIRE(r.cap == Result::Cap::WeakArea);
    const std::string csv = result_csv(r, {"○○区", "総務課", "2026"}, f.words);
    CHECK(csv.find("\"開始を妨げる事項\",\"確認が必要\",\"判定のメモ\"") != std::string::npos);
    const std::string applicable = std::to_string(r.counts.applicable);
    CHECK(csv.find("\"" + std::to_string(r.counts.answered) + "\",\"" + applicable + "\"") != std::string::npos);
    CHECK(csv.find("重点領域「情報セキュリティと個人情報」が「準備を始める段階」のため、その1段階上までとしています。") != std::string::npos);
}
