// What the assessment engine says to the person answering is said by id (assessment/messages.h)
// and worded in assets/strings/ja.toml. These tests keep the two in step and pin the words a user
// reads, which must not change when the wording moved out of C++.
#include "test_paths.h"
#include "bundled_words.h"
#include <doctest/doctest.h>

#include <cmath>
#include <regex>
#include <set>

#include "assessment/answer_resolve.h"
#include "assessment/messages.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::assessment;

TEST_CASE("[Answers] every message id has its wording in the bundled strings") {
    const std::vector<std::string_view> ids = message_ids();
    REQUIRE_FALSE(ids.empty());
    Diagnostics missing;
    test::bundled_words().check_keys(ids, missing);
    for (const Diagnostic& d : missing) FAIL_CHECK(d.to_string());
    // Every id declared in messages.h is in message_ids(), so `tebiki check` sees it too.
    const auto header = read_file(TEBIKI_CONTENT_DIR.parent_path() / "app" / "core" / "assessment" / "messages.h");
    REQUIRE(header);
    const std::set<std::string_view> listed(ids.begin(), ids.end());
    const std::regex declared(R"re(inline constexpr char \w+\[\] = "([a-z_.]+)")re");
    int count = 0;
    for (std::sregex_iterator it(header->begin(), header->end(), declared), end; it != end; ++it, ++count)
        CHECK_MESSAGE(listed.count((*it)[1].str()), (*it)[1].str() << " is declared but not in message_ids()");
    CHECK(size_t(count) == ids.size());
}

TEST_CASE("[Answers] the words of every answer problem read as before") {
    Question single{};
    single.id = "s";
    single.type = QuestionType::Single;
    single.options = {{"mail", "メールで報告", 1.0}, {"none", "なし", 0.0}};
    Question multiple = single;
    multiple.type = QuestionType::Multiple;
    multiple.options[1].exclusive = true;
    Question number{};
    number.type = QuestionType::Number;
    number.min = 0;
    number.max = 500;
    Question yesno{};
    yesno.type = QuestionType::YesNo;
    Question text{};
    text.type = QuestionType::Text;
    const auto reads = [](const Question& q, const Answer& a) { return test::bundled_words().text(check_answer(q, a).message); };
    CHECK(reads(multiple, Answer::of_choices({})) == "選択肢を一つ以上選んでください。");
    CHECK(reads(multiple, Answer::of_choices({"fax"})) == "選択肢「fax」はありません。");
    CHECK(reads(multiple, Answer::of_choices({"mail", "mail"})) == "選択肢「mail」が重複しています。");
    CHECK(reads(multiple, Answer::of_choices({"mail", "none"})) == "「なし」は、ほかの選択肢と一緒には選べません。");
    CHECK(reads(single, Answer::of_choice("fax")) == "選択肢「fax」はありません。");
    Question sure = single;
    sure.allow_unknown = false;
    CHECK(reads(sure, Answer::unknown()) == "この質問には「わからない」で答えられません。");
    CHECK(reads(number, Answer::of_number(-1)) == "数が小さすぎます（0 以上）。");
    CHECK(reads(number, Answer::of_number(501)) == "数が大きすぎます（500 以下）。");
    CHECK(reads(number, Answer::of_number(std::nan(""))) == "数として読めません。");
    CHECK(reads(single, Answer::of_flag(true)) == "答えの形が違います。選択肢の id（\"…\"） で書いてください。");
    CHECK(reads(multiple, Answer::of_flag(true)) == "答えの形が違います。選択肢の id の配列（[\"…\", \"…\"]） で書いてください。");
    CHECK(reads(yesno, Answer::of_number(1)) == "答えの形が違います。true か false で書いてください。");
    CHECK(reads(number, Answer::of_flag(true)) == "答えの形が違います。数 で書いてください。");
    CHECK(reads(text, Answer::of_flag(true)) == "答えの形が違います。文字（\"…\"） で書いてください。");
    CHECK(reads(yesno, Answer::of_flag(false)).empty());
}

TEST_CASE("[Answers] a message whose wording is missing shows its id and values, and check names the line") {
    UiStrings words;  // nothing loaded
    CHECK(words.text(Message{says::no_option, {"fax"}}) == "answers.no_option(fax)");
    Diagnostics d = {diagnostic("a.toml", 2, 1, {{says::about_answer, {"q"}}, {says::no_choice, {}}})};
    CHECK(d[0].to_string() == "a.toml:2:1: answers.about_answer(q)answers.no_choice");
    words.word(d);
    CHECK(d[0].to_string() == "a.toml:2:1: answers.about_answer(q)answers.no_choice");
}
