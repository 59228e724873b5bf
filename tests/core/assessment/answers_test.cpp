// Answers files and answers given in the window (issue 10): [] is unanswered; duplicates, an
// exclusive option with another, tables, dates and non-string items are errors with line:col;
// old ids (aliases) are read into the questions that replaced them; the Session refuses
// contradictions. Plus the questionnaire checks that guard these rules.
#include "test_paths.h"
#include "bundled_words.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "assessment/answer_resolve.h"
#include "assessment/answers_file.h"
#include "assessment/questionnaire.h"
#include "assessment/scoring.h"

using namespace tebiki;
using namespace tebiki::assessment;

namespace {

const Questionnaire& readiness() {
    static const std::vector<Questionnaire> all = [] {
        Diagnostics d;
        return load_questionnaires(TEBIKI_ASSESSMENT_DIR, d);
    }();
    for (const Questionnaire& q : all)
        if (q.id == "readiness") return q;
    FAIL("readiness is not bundled");
    return all.front();
}

std::vector<std::string> read(const std::string& text, AnswersFile& out) {
    Diagnostics d;
    REQUIRE(parse_answers(text, "a.toml", readiness(), out, d));
    return test::worded(d);
}

std::vector<std::string> problems(const std::string& text) {
    Diagnostics d;
    parse_questionnaire(text, "q.toml", d);
    return test::worded(d);
}

bool mentions(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

const char* kHead = "id = \"x\"\ntitle = \"x\"\n[[areas]]\nid = \"a\"\nname = \"A\"\n[[levels]]\nid = \"l\"\nlabel = \"L\"\nmin = 0\n";

}  // namespace

TEST_CASE("[Answers] [] is unanswered; duplicates and an exclusive option with another are errors at the item") {
    AnswersFile f;
    CHECK(read("[answers]\ncontact_tools = []\n", f).empty());
    CHECK_FALSE(f.answers.count("contact_tools"));

    AnswersFile g;
    const auto dup = read("[answers]\nmembers = [\"hr\", \"hr\"]\n", g);
    REQUIRE(dup.size() == 1);
    CHECK(dup[0] == "a.toml:2:18: 回答「members」: 選択肢「hr」が重複しています。");

    AnswersFile h;
    const auto both = read("[answers]\ncontact_tools = [\"web\", \"none\"]\n", h);
    REQUIRE(both.size() == 1);
    CHECK(both[0].find("a.toml:2:25: 回答「contact_tools」: 「決まった連絡手段がない」は、ほかの選択肢と一緒には選べません。") == 0);
    CHECK(h.answers.empty());
}

TEST_CASE("[Answers] tables, dates and non-string array items are errors, not unanswered") {
    AnswersFile f;
    const auto lines = read("[answers]\naccess = { a = 1 }\nstart_end = 1979-05-27\nmembers = [\"hr\", true]\n", f);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].find("a.toml:2:1: 回答「access」: 表") == 0);
    CHECK(lines[1].find("a.toml:3:1: 回答「start_end」: 日付や時刻") == 0);
    CHECK(lines[2].find("a.toml:4:18: 回答「members」: 配列の要素") == 0);
    CHECK(f.answers.empty());
}

TEST_CASE("[Answers] old ids are read into the questions that replaced them, the most cautious reading winning") {
    SUBCASE("three questions merged into a multiple choice") {
        AnswersFile f;
        CHECK(read("[answers]\ntop_commitment = \"announced\"\ntop_message = true\nreport_to_top = false\n", f).empty());
        CHECK(f.answers.at("top_commitment") == Answer::of_choices({"announced", "message"}));
    }
    SUBCASE("an old 「ない」 wins over what other old answers claimed") {
        AnswersFile f;
        CHECK(read("[answers]\ntop_commitment = \"not_yet\"\ntop_message = true\n", f).empty());
        CHECK(f.answers.at("top_commitment") == Answer::of_choices({"not_yet"}));
    }
    SUBCASE("three questions merged into one single choice: the lowest-scoring reading") {
        AnswersFile f;
        CHECK(read("[answers]\npolicy_check = \"done\"\nhome_rules = \"drafting\"\ntakeout = \"known\"\n", f).empty());
        CHECK(f.answers.at("policy_check") == Answer::of_choice("drafting"));
        AnswersFile only_alias;
        CHECK(read("[answers]\nhome_rules = \"written\"\n", only_alias).empty());
        CHECK(only_alias.answers.at("policy_check") == Answer::of_choice("done"));
    }
    SUBCASE("a yes/no that became a choice under the same id") {
        AnswersFile f;
        CHECK(read("[answers]\nsurvey = true\nshare_pros_cons = true\n", f).empty());
        CHECK(f.answers.at("survey") == Answer::of_choice("planned"));
        CHECK(f.answers.at("briefing") == Answer::of_choices({"pros_cons"}));
    }
    SUBCASE("わからない under an old id stays わからない unless another old id answers") {
        AnswersFile f;
        CHECK(read("[answers]\ntop_message = \"unknown\"\n", f).empty());
        CHECK(f.answers.at("top_commitment").kind == Answer::Kind::Unknown);
        AnswersFile g;
        CHECK(read("[answers]\ntop_message = \"unknown\"\nreport_to_top = true\n", g).empty());
        CHECK(g.answers.at("top_commitment") == Answer::of_choices({"report"}));
    }
    SUBCASE("an old option the mapping does not know is an error") {
        AnswersFile f;
        const auto lines = read("[answers]\ntakeout = \"sometimes\"\n", f);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].find("回答「takeout」: 旧い質問「takeout」の選択肢「sometimes」は読み替えられません。") != std::string::npos);
    }
}

TEST_CASE("[Answers] an answer the question does not accept is never stored") {
    const Questionnaire& q = readiness();
    const Question& tools = *q.question("contact_tools");
    CHECK_FALSE(check_answer(tools, Answer::of_choices({"none", "web"})).ok());
    CHECK(check_answer(tools, Answer::of_choices({"none", "web"})).item == 1);
    CHECK_FALSE(check_answer(tools, Answer::of_choices({"web", "web"})).ok());
    CHECK(check_answer(tools, Answer::of_choices({"web", "chat"})).ok());
}

TEST_CASE("[Questionnaire] nan, infinite numbers and versions out of range are reported with line:col") {
    std::string text = kHead;
    text.replace(text.find("title = \"x\"\n"), 12, "title = \"x\"\nversion = 0\n");
    text += "[[questions]]\nid = \"q\"\narea = \"a\"\ntext = \"q\"\ntype = \"yesno\"\nweight = nan\nyes_score = inf\n";
    const auto p = problems(text);
    CHECK(mentions(p, "q.toml:3:11: 「version」は 1 から 9999 の整数"));
    CHECK(mentions(p, "q.toml:16:10: 「weight」に nan や inf は使えません"));
    CHECK(mentions(p, "q.toml:17:13: 「yes_score」に nan や inf は使えません"));
    std::string huge = kHead;
    huge.replace(huge.find("title = \"x\"\n"), 12, "title = \"x\"\nversion = 1e12\n");
    CHECK(mentions(problems(huge), "「version」は 1 から 9999 の整数"));
    std::string level = kHead;
    level.replace(level.find("min = 0"), 7, "min = -inf");
    CHECK(mentions(problems(level), "「min」に nan や inf は使えません"));
}

TEST_CASE("[Questionnaire] a 「ない」 option of a multiple choice must be exclusive, and only there") {
    std::string text = kHead;
    text += "[[questions]]\nid = \"m\"\narea = \"a\"\ntext = \"m\"\ntype = \"multiple\"\n"
            "  [[questions.options]]\n  id = \"x\"\n  label = \"X\"\n  [[questions.options]]\n  id = \"nothing\"\n  label = \"特にない\"\n"
            "[[questions]]\nid = \"s\"\narea = \"a\"\ntext = \"s\"\ntype = \"single\"\n"
            "  [[questions.options]]\n  id = \"x\"\n  label = \"X\"\n  exclusive = true\n  [[questions.options]]\n  id = \"y\"\n  label = \"Y\"\n";
    const auto p = problems(text);
    CHECK(mentions(p, "質問「m」の選択肢「nothing」（特にない）は、ほかの選択肢と一緒には選べない答えです。exclusive = true を書いてください。"));
    CHECK(mentions(p, "質問「s」の選択肢「x」: exclusive は複数選択（multiple）の選択肢にだけ書けます。"));
}

TEST_CASE("[Questionnaire] aliases, needs, when_hidden and [scoring] are checked") {
    std::string text = kHead;
    text += "[scoring]\nmin_answered = 1.5\nblocked_level = \"nope\"\n"
            "[[questions]]\nid = \"p\"\narea = \"a\"\ntext = \"p\"\ntype = \"yesno\"\nyes_score = 1\nno_score = 0\n"
            "[[questions]]\nid = \"q\"\narea = \"a\"\ntext = \"q\"\ntype = \"yesno\"\nwhen_hidden = \"not_met\"\n"
            "  [[questions.aliases]]\n  id = \"p\"\n"
            "  [[questions.aliases]]\n  id = \"old\"\n  options = { yes = \"maybe\" }\n"
            "[[blockers]]\nid = \"b\"\nwhen = \"p == false\"\nneeds = [\"ghost\"]\nmessage = \"m\"\n";
    const auto p = problems(text);
    CHECK(mentions(p, "min_answered は 0 より大きく 1 以下"));
    CHECK(mentions(p, "[scoring] の blocked_level「nope」が [[levels]] にありません"));
    CHECK(mentions(p, "when_hidden = \"not_met\" は、show_if のある採点する質問にだけ書けます"));
    CHECK(mentions(p, "aliases「p」は、いまある質問の id です"));
    CHECK(mentions(p, "読み替え先の選択肢「maybe」がありません"));
    CHECK(mentions(p, "blocker「b」に needs があるので、confirm"));
    CHECK(mentions(p, "blocker「b」の needs の質問「ghost」がありません"));
}
