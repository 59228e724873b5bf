#include "test_paths.h"
#include "bundled_words.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "assessment/answer_codec.h"
#include "assessment/answers_file.h"
#include "assessment/check.h"
#include "assessment/export.h"
#include "assessment/questionnaire.h"
#include "assessment/scoring.h"

using namespace tebiki;
using namespace tebiki::assessment;

namespace {

const char* kSmall = R"(id = "small"
title = "小さな診断"
version = 3

[[areas]]
id = "labor"
name = "労務管理"
weight = 2

[[areas]]
id = "ict"
name = "情報システム"

[[questions]]
id = "start_end"
area = "labor"
text = "始業・終業をどう把握しますか。"
type = "single"
  [[questions.options]]
  id = "system"
  label = "勤怠管理システム"
  score = 1.0
  [[questions.options]]
  id = "mail"
  label = "メール"
  score = 0.5
  [[questions.options]]
  id = "none"
  label = "把握していない"
  score = 0

[[questions]]
id = "nakanuke"
area = "labor"
text = "中抜けの扱いを決めていますか。"
type = "yesno"
yes_score = 1
no_score = 0

[[questions]]
id = "access"
area = "ict"
text = "庁内システムに接続できますか。"
type = "yesno"
yes_score = 1
no_score = 0

[[questions]]
id = "access_way"
area = "ict"
text = "接続方式は。"
type = "single"
show_if = "access == true"
  [[questions.options]]
  id = "sim"
  label = "閉域SIM"
  score = 1
  [[questions.options]]
  id = "asp"
  label = "LGWAN-ASP"
  score = 1

[[levels]]
id = "low"
label = "準備段階"
min = 0
[[levels]]
id = "mid"
label = "試行可能"
min = 50
[[levels]]
id = "high"
label = "本格実施可能"
min = 80

[[blockers]]
id = "no_record"
when = "start_end == 'none'"
message = "始業・終業を把握する方法がありません。"
guide = "4-kanri/02-rodo-jikan"

[[advice]]
area = "labor"
levels = ["low", "mid"]
text = "始業・終業の報告方法を決めましょう。"

[[advice]]
area = "ict"
levels = ["low"]
text = "接続方式を検討しましょう。"
)";

Questionnaire parse_ok(const char* text) {
    Diagnostics d;
    auto q = parse_questionnaire(text, "test.toml", d);
    for (const Diagnostic& x : d) MESSAGE(x.to_string());
    REQUIRE(d.empty());
    REQUIRE(q);
    return *q;
}

std::vector<std::string> problems(const std::string& text) {
    Diagnostics d;
    parse_questionnaire(text, "bad.toml", d);
    return test::worded(d);
}

bool mentions(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("[Questionnaire] a valid file loads with areas, questions, levels and rules") {
    const Questionnaire q = parse_ok(kSmall);
    CHECK(q.id == "small");
    CHECK(q.version == 3);
    CHECK(q.areas.size() == 2);
    CHECK(q.questions.size() == 4);
    CHECK(q.question("nakanuke")->options.size() == 2);
    CHECK(q.level_for(79.9)->id == "mid");
    CHECK(q.level_for(80)->id == "high");
}

TEST_CASE("[Scoring] skipped questions are reported, not scored as zero") {
    const Questionnaire q = parse_ok(kSmall);
    const Result r = score(q, {{"start_end", Answer::of_choice("mail")}, {"nakanuke", Answer::unknown()}, {"access", Answer::of_flag(false)}});
    REQUIRE(r.areas.size() == 2);
    CHECK_FALSE(r.areas[0].score.has_value());            // half of the weight answered: below 60 %
    CHECK(r.areas[0].answered_share == doctest::Approx(0.5));
    CHECK(r.areas[0].counts.unknown == 1);
    CHECK(r.areas[1].counts.applicable == 1);            // access_way stays hidden
    CHECK(r.unknown.size() == 1);
    CHECK(r.unanswered.empty());
    CHECK_FALSE(r.overall.has_value());
    CHECK(r.no_level == Result::NoLevel::FewAnswers);
    CHECK(r.level == nullptr);
}

TEST_CASE("[Scoring] weights, follow-up questions, blockers and advice by impact") {
    const Questionnaire q = parse_ok(kSmall);
    const Result r = score(q, {{"start_end", Answer::of_choice("none")},
                               {"nakanuke", Answer::of_flag(true)},
                               {"access", Answer::of_flag(true)},
                               {"access_way", Answer::of_choice("sim")}});
    CHECK(*r.areas[0].score == doctest::Approx(50));
    CHECK(*r.areas[1].score == doctest::Approx(100));
    CHECK(*r.overall == doctest::Approx((50 * 2 + 100) / 3.0));
    REQUIRE(r.blockers.size() == 1);
    CHECK(r.blockers[0].blocker->id == "no_record");
    CHECK(r.level->id == "low");                        // a blocker keeps the level at the first one
    CHECK(r.score_level->id == "mid");
    CHECK(r.cap == Result::Cap::Blocker);
    REQUIRE(r.advice.size() == 1);  // ict is "high": its advice is for "low" only
    CHECK(r.advice[0].impact == doctest::Approx(100));
    CHECK(r.complete());
}

TEST_CASE("[Questionnaire] every kind of mistake is reported with its line") {
    SUBCASE("unknown keys and wrong types") {
        const auto p = problems("id = \"x\"\ntitle = \"t\"\ntitel = \"typo\"\nversion = \"1\"\n[[areas]]\nid=\"a\"\nname=\"A\"\n[[levels]]\nid=\"l\"\nlabel=\"L\"\nmin=0\n");
        CHECK(mentions(p, "bad.toml:3:1: 未知のキー「titel」"));
        CHECK(mentions(p, "bad.toml:4:11: 「version」は数で"));
    }
    SUBCASE("duplicate ids, missing areas and options") {
        std::string text = kSmall;
        text += "\n[[questions]]\nid = \"nakanuke\"\narea = \"nowhere\"\ntext = \"重複\"\ntype = \"single\"\n";
        const auto p = problems(text);
        CHECK(mentions(p, "質問の id「nakanuke」が重複"));
        CHECK(mentions(p, "領域「nowhere」がありません"));
        CHECK(mentions(p, "選択肢（[[questions.options]]）が2つ以上必要"));
    }
    SUBCASE("conditions that point nowhere, forward or at a missing option") {
        std::string text = kSmall;
        text += "\n[[blockers]]\nid = \"b2\"\nwhen = \"start_end == 'fax' or ghost == 1\"\nmessage = \"m\"\n";
        const auto p = problems(text);
        CHECK(mentions(p, "選択肢「fax」はありません"));
        CHECK(mentions(p, "ない質問「ghost」"));
        std::string forward = kSmall;
        const std::string needle = "show_if = \"access == true\"";
        forward.replace(forward.find(needle), needle.size(), "show_if = \"access_way == 'sim'\"");
        CHECK(mentions(problems(forward), "後にある質問「access_way」"));
    }
    SUBCASE("condition syntax errors point at the character") {
        std::string text = kSmall;
        const std::string needle = "when = \"start_end == 'none'\"";
        text.replace(text.find(needle), needle.size(), "when = \"start_end = 'none'\"");
        const auto p = problems(text);
        CHECK(mentions(p, ":78:19: 条件式: 条件式に使えない文字「=」"));
    }
    SUBCASE("thresholds out of order") {
        std::string text = kSmall;
        text.replace(text.find("min = 80"), 8, "min = 40");
        CHECK(mentions(problems(text), "レベル「high」の min が前のレベル以下"));
    }
    SUBCASE("advice for an unknown level, and broken TOML") {
        std::string text = kSmall;
        text.replace(text.find("levels = [\"low\"]"), 16, "levels = [\"lo\"]");
        CHECK(mentions(problems(text), "advice のレベル「lo」"));
        CHECK(mentions(problems("id = \"x\"\ntitle = [\n"), "bad.toml:2:11: TOML の書式が正しくありません"));
    }
}

TEST_CASE("[Questionnaire] task rules, summaries, has, ids and guide links are checked too") {
    const std::string tasks = R"(id = "T"
title = "仕分け"
kind = "tasks"
summary = ["face", "ghost"]
[[questions]]
id = "face"
text = "対面"
type = "single"
  [[questions.options]]
  id = "always"
  label = "いつも"
  [[questions.options]]
  id = "never"
  label = "なし"
[[classes]]
id = "ok"
label = "可能"
[[rules]]
when = "face has 'always'"
class = "nope"
reason = "r"
guide = ["1-first/01-typography#ない見出し", "9-none/01-x"]
)";
    const auto p = problems(tasks);
    CHECK(mentions(p, "id は半角英小文字"));
    CHECK(mentions(p, "summary の質問「ghost」がありません"));
    CHECK(mentions(p, "has は複数選択の質問にだけ使えます"));
    CHECK(mentions(p, "rule の区分「nope」が [[classes]] にありません"));

    Diagnostics d;
    auto q = parse_questionnaire(tasks, "links.toml", d);
    REQUIRE(q);
    Diagnostics book_problems;
    const Book book = load_book(std::filesystem::path(TEBIKI_TEST_DATA) / "content", book_problems);
    Diagnostics link_problems;
    check_guide_links(*q, book, link_problems);
    const std::vector<std::string> lines = test::worded(link_problems);
    CHECK(mentions(lines, "ガイドの見出し「#ない見出し」が章「1-first/01-typography」にありません"));
    CHECK(mentions(lines, "ガイドの章「9-none/01-x」がありません"));
}

TEST_CASE("[Answers] answer files are checked against their questions") {
    const Questionnaire q = parse_ok(kSmall);
    AnswersFile out;
    Diagnostics d;
    REQUIRE(parse_answers("[answers]\nstart_end = \"fax\"\nnakanuke = \"unknown\"\naccess = 3\nghost = 1\n", "a.toml", q, out, d));
    REQUIRE(d.size() == 3);
    test::bundled_words().word(d);
    CHECK(d[0].to_string() == "a.toml:2:1: 回答「start_end」: 選択肢「fax」はありません。");
    CHECK(d[1].to_string().find("a.toml:4:1: 回答「access」: 答えの形が違います。true か false") == 0);
    CHECK(d[2].to_string().find("a.toml:5:1: 回答「ghost」") == 0);
    CHECK(out.answers.at("nakanuke").kind == Answer::Kind::Unknown);
}

TEST_CASE("[Answers] stored answers read back exactly, whatever was typed") {
    Question text;
    text.id = "note";
    text.type = QuestionType::Text;
    Question number;
    number.id = "staff";
    number.type = QuestionType::Number;
    Question multi;
    multi.id = "tools";
    multi.type = QuestionType::Multiple;
    multi.options = {{"chat", "チャット", 1.0}, {"web", "Web会議", 1.0}};
    for (const std::string& typed : {std::string("unknown"), std::string("タブ\t改行\n\x7F\"引用\"\\"), std::string("")}) {
        const auto back = decode_answer(text, encode_answer(Answer::of_text(typed)));
        REQUIRE(back);
        CHECK(*back == Answer::of_text(typed));
    }
    CHECK(decode_answer(text, encode_answer(Answer::unknown()))->kind == Answer::Kind::Unknown);
    CHECK(*decode_answer(number, encode_answer(Answer::of_number(38.75))) == Answer::of_number(38.75));
    CHECK(*decode_answer(multi, encode_answer(Answer::of_choices({"web", "chat"}))) == Answer::of_choices({"web", "chat"}));
    CHECK_FALSE(decode_answer(multi, "[\"fax\"]"));  // an option the questionnaire no longer has
    CHECK_FALSE(validate_answer(number, Answer::of_number(std::nan(""))).empty());
}

TEST_CASE("[Export] CSV cells that look like formulas are kept as text") {
    const Questionnaire q = parse_ok(kSmall);
    UiStrings words;
    Diagnostics d;
    REQUIRE(words.load(std::filesystem::path(TEBIKI_CONTENT_DIR).parent_path() / "assets" / "strings" / "ja.toml", d));
    const std::string csv = result_csv(score(q, {}), {"=HYPERLINK(\"x\")", "+総務課", "2026"}, words);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    CHECK(csv.find("\"'+総務課\"") != std::string::npos);
    CHECK(csv.rfind("\xEF\xBB\xBF\"自治体\",\"部署\"", 0) == 0);
}
