// The scoring rules of issue 10, each on a questionnaire small enough to read in the test:
// answered share, hidden follow-ups, blockers and 確認が必要, level caps, answer-driven advice,
// consistency checks and the one question count.
#include "test_paths.h"
#include <doctest/doctest.h>

#include <algorithm>

#include "assessment/answers_file.h"
#include "assessment/questionnaire.h"
#include "assessment/scoring.h"

using namespace tebiki;
using namespace tebiki::assessment;

namespace {

// Two critical areas (a, b) and one light area (c); levels low / mid / high; one blocker with needs.
const char* kRules = R"toml(id = "rules"
title = "規則の確認"
version = 1

[scoring]
min_answered = 0.6
cap_above_weakest = 1
blocked_level = "low"

[[areas]]
id = "a"
name = "領域A"
weight = 2
critical = true

[[areas]]
id = "b"
name = "領域B"
weight = 2
critical = true

[[areas]]
id = "c"
name = "領域C"

[[questions]]
id = "record"
area = "a"
text = "記録の方法"
type = "single"
weight = 2
  [[questions.options]]
  id = "tool"
  label = "ツール"
  score = 1
  [[questions.options]]
  id = "none"
  label = "ない"
  score = 0

[[questions]]
id = "a2"
area = "a"
text = "A2"
type = "yesno"
yes_score = 1
no_score = 0

[[questions]]
id = "access"
area = "b"
text = "接続"
type = "single"
weight = 2
  [[questions.options]]
  id = "remote"
  label = "リモート"
  score = 1
  [[questions.options]]
  id = "none"
  label = "なし"
  score = 0

[[questions]]
id = "coverage"
area = "b"
text = "使える職員"
type = "single"
show_if = "access == 'remote'"
when_hidden = "not_met"
  [[questions.options]]
  id = "all"
  label = "全員"
  score = 1
  [[questions.options]]
  id = "few"
  label = "少数"
  score = 0.2

[[questions]]
id = "tools"
area = "c"
text = "ツール"
type = "multiple"
  [[questions.options]]
  id = "web"
  label = "Web会議"
  score = 0.5
  [[questions.options]]
  id = "chat"
  label = "チャット"
  score = 0.5
  [[questions.options]]
  id = "none"
  label = "ない"
  score = 0
  exclusive = true

[[questions]]
id = "note"
area = "c"
text = "メモ"
type = "text"

[[levels]]
id = "low"
label = "低"
min = 0
[[levels]]
id = "mid"
label = "中"
min = 50
[[levels]]
id = "high"
label = "高"
min = 80

[[blockers]]
id = "no_record"
when = "record == 'none'"
needs = ["record"]
message = "記録の方法がありません。"
confirm = "記録の方法がわかりません。"

[[checks]]
id = "web_and_none"
when = "access == 'none' and tools has 'web'"
message = "接続がないのに Web会議を選んでいます。"

[[advice]]
id = "adv_a2"
area = "a"
when = "a2 == false"
text = "A2 をしましょう。"

[[advice]]
id = "adv_coverage"
area = "b"
when = "coverage == 'few'"
text = "使える職員を広げましょう。"

[[advice]]
id = "adv_tools"
area = "c"
when = "answered(tools) and not (tools has 'chat')"
text = "チャットを使いましょう。"
)toml";

Questionnaire rules() {
    Diagnostics d;
    auto q = parse_questionnaire(kRules, "rules.toml", d);
    for (const Diagnostic& x : d) MESSAGE(x.to_string());
    REQUIRE(d.empty());
    REQUIRE(q);
    return *q;
}

const AreaResult& area(const Result& r, const char* id) {
    return *std::find_if(r.areas.begin(), r.areas.end(), [&](const AreaResult& a) { return a.area->id == id; });
}

AnswerMap all_good() {
    return {{"record", Answer::of_choice("tool")}, {"a2", Answer::of_flag(true)},  {"access", Answer::of_choice("remote")},
            {"coverage", Answer::of_choice("all")}, {"tools", Answer::of_choices({"web", "chat"})}};
}

}  // namespace

TEST_CASE("[Scoring] a follow-up hidden because its parent says 'not in place' counts as not met") {
    const Questionnaire q = rules();
    AnswerMap answers = all_good();
    answers["access"] = Answer::of_choice("none");
    answers.erase("coverage");
    const Result r = score(q, answers);
    CHECK(*area(r, "b").score == doctest::Approx(0));      // access 0 and coverage 0, not access alone
    REQUIRE(area(r, "b").not_met.size() == 1);
    CHECK(area(r, "b").not_met[0]->id == "coverage");
    CHECK(area(r, "b").counts.applicable == 1);            // not asked, so not in the count

    SUBCASE("hidden for want of an answer, it is neither scored nor counted as not met") {
        answers["access"] = Answer::unknown();
        const Result u = score(q, answers);
        CHECK(area(u, "b").not_met.empty());
        CHECK_FALSE(area(u, "b").score.has_value());        // nothing of its weight answered
    }
}

TEST_CASE("[Scoring] no area or overall score below the minimum answered share, and why is reported") {
    const Questionnaire q = rules();
    AnswerMap answers = all_good();
    answers["record"] = Answer::unknown();  // area a: 1 of 3 weight answered
    const Result r = score(q, answers);
    CHECK_FALSE(area(r, "a").score.has_value());
    CHECK(area(r, "a").answered_share == doctest::Approx(1.0 / 3));
    CHECK(area(r, "a").level == nullptr);
    // The overall has its share (b and c answered) but a critical area has no level: no overall level.
    REQUIRE(r.overall.has_value());
    CHECK(r.level == nullptr);
    CHECK(r.no_level == Result::NoLevel::CriticalArea);
    CHECK(r.limiting_area->area->id == "a");

    SUBCASE("an area without a score adds nothing to the overall share") {
        answers["access"] = Answer::unknown();
        answers.erase("coverage");
        const Result few = score(q, answers);
        CHECK(few.answered_share == doctest::Approx(1.0 / 5));  // only c (weight 1 of 5) counts
        CHECK_FALSE(few.overall.has_value());
        CHECK(few.no_level == Result::NoLevel::FewAnswers);
    }
}

TEST_CASE("[Scoring] a blocker's unknown or missing answer is 確認が必要, never a pass") {
    const Questionnaire q = rules();
    AnswerMap answers = all_good();
    answers["record"] = Answer::unknown();
    answers["a2"] = Answer::of_flag(true);
    // Enough of area a answered otherwise? record carries 2 of 3: make a score possible by the share rule.
    Questionnaire lenient = q;
    lenient.scoring.min_answered = 0.3;
    const Result r = score(lenient, answers);
    REQUIRE(r.blockers.size() == 1);
    CHECK(r.blockers[0].confirm);
    CHECK(r.blockers[0].open.size() == 1);
    CHECK(r.stoppers() == 0);
    CHECK(r.confirmations() == 1);
    CHECK(r.level == nullptr);                         // not "high" although every known answer is good
    CHECK(r.no_level == Result::NoLevel::NeedsConfirm);

    answers.erase("record");  // unanswered is the same
    CHECK(score(lenient, answers).confirmations() == 1);
}

TEST_CASE("[Scoring] a blocker keeps the overall level at blocked_level whatever the score") {
    const Questionnaire q = rules();
    AnswerMap answers = all_good();
    answers["record"] = Answer::of_choice("none");
    const Result r = score(q, answers);
    REQUIRE(r.stoppers() == 1);
    CHECK(r.score_level->id == "mid");
    CHECK(r.level->id == "low");
    CHECK(r.cap == Result::Cap::Blocker);
}

TEST_CASE("[Scoring] the overall level is at most one step above the weakest critical area") {
    const Questionnaire q = rules();
    AnswerMap answers = all_good();
    answers["coverage"] = Answer::of_choice("few");
    Questionnaire heavy_c = q;  // make the light area weigh a lot so the average stays high
    heavy_c.areas[2].weight = 20;
    const Result r = score(heavy_c, answers);
    CHECK(*area(r, "b").score == doctest::Approx(100 * (2 + 0.2) / 3));  // 73.3: mid
    CHECK(area(r, "b").level->id == "mid");
    CHECK(r.score_level->id == "high");
    CHECK(r.level->id == "high");  // mid + 1 = high: not lowered

    answers["access"] = Answer::of_choice("none");
    answers.erase("coverage");
    const Result weak = score(heavy_c, answers);
    CHECK(area(weak, "b").level->id == "low");
    CHECK(weak.score_level->id == "high");
    CHECK(weak.level->id == "mid");  // low + 1
    CHECK(weak.cap == Result::Cap::WeakArea);
    REQUIRE(weak.limiting_area);
    CHECK(weak.limiting_area->area->id == "b");
}

TEST_CASE("[Scoring] advice follows the answers: what is done is never advised, the rest by impact") {
    const Questionnaire q = rules();
    CHECK(score(q, all_good()).advice.empty());
    AnswerMap answers = all_good();
    answers["a2"] = Answer::of_flag(false);
    answers["coverage"] = Answer::of_choice("few");
    answers["tools"] = Answer::of_choices({"web"});
    const Result r = score(q, answers);
    REQUIRE(r.advice.size() == 3);
    // a2: area weight 2 × 100 × 1/3 × 1 = 66.7; coverage: 2 × 100 × 1/3 × 0.8 = 53.3; tools: 1 × 100 × 1/1 × 0.5 = 50.
    CHECK(r.advice[0].advice->id == "adv_a2");
    CHECK(r.advice[0].impact == doctest::Approx(66.67).epsilon(0.01));
    CHECK(r.advice[1].advice->id == "adv_coverage");
    CHECK(r.advice[2].advice->id == "adv_tools");
    answers["tools"] = Answer::unknown();  // unknown is listed, not advised
    const Result u = score(q, answers);
    CHECK(std::none_of(u.advice.begin(), u.advice.end(), [](const AdviceItem& a) { return a.advice->id == "adv_tools"; }));
}

TEST_CASE("[Scoring] contradictory answers are flagged in the results") {
    const Questionnaire q = rules();
    AnswerMap answers = all_good();
    answers["access"] = Answer::of_choice("none");
    const Result r = score(q, answers);
    REQUIRE(r.inconsistencies.size() == 1);
    CHECK(r.inconsistencies[0]->id == "web_and_none");
}

TEST_CASE("[Scoring] one count: the questions asked given the answers, the same for every screen") {
    const Questionnaire q = rules();
    CHECK(count_questions(q, {}).applicable == 5);  // coverage waits for access
    AnswerMap answers = all_good();
    const auto asked = applicable_questions(q, answers);
    const Result r = score(q, answers);
    CHECK(asked.size() == 6);
    CHECK(r.counts.applicable == 6);
    int by_area = 0;
    for (const AreaResult& a : r.areas) by_area += a.counts.applicable;
    CHECK(by_area == 6);
    CHECK(r.counts.answered == 5);   // the text question is asked but not answered
    CHECK(r.counts.unanswered == 1);
}

TEST_CASE("[Scoring] an option chosen twice never counts twice") {
    const Questionnaire q = rules();
    const Question& tools = *q.question("tools");
    CHECK(*answer_score(tools, Answer::of_choices({"web", "web", "web"})) == doctest::Approx(0.5));
}

TEST_CASE("[Scoring] the bundled readiness questionnaire: issue 10's findings no longer hold") {
    Diagnostics d;
    const auto all = load_questionnaires(TEBIKI_ASSESSMENT_DIR, d);
    const Questionnaire* q = nullptr;
    for (const Questionnaire& x : all)
        if (x.id == "readiness") q = &x;
    REQUIRE(q);
    auto profile = [&](const char* name) {
        AnswersFile f;
        Diagnostics problems;
        REQUIRE(load_answers(std::filesystem::path(TEBIKI_TEST_DATA) / "assessment" / name, *q, f, problems));
        return score(*q, f.answers);
    };
    SUBCASE("access = none: a blocker, and the ICT area does not rise") {
        const Result r = profile("readiness-no-access.answers.toml");
        CHECK(r.level->id == "start");
        CHECK(*area(r, "ict").score < 60);
    }
    SUBCASE("mostly わからない: no level, the stoppers need confirming, nothing scored from one answer") {
        const Result r = profile("readiness-mostly-unknown.answers.toml");
        CHECK_FALSE(r.overall.has_value());
        CHECK(r.confirmations() == 5);
        for (const AreaResult& a : r.areas) CHECK_FALSE(a.score.has_value());
    }
}
