#include <doctest/doctest.h>

#include "assessment/condition.h"

using namespace tebiki::assessment;

static bool holds(const char* text, const AnswerMap& answers) {
    Condition c;
    ParseError error;
    REQUIRE_MESSAGE(parse_condition(text, c, error), error.message);
    return c.evaluate(answers);
}

TEST_CASE("[Condition] comparisons, sets, has, numbers and flags") {
    const AnswerMap answers = {{"method", Answer::of_choice("mail")},
                               {"tools", Answer::of_choices({"chat", "web"})},
                               {"staff", Answer::of_number(42)},
                               {"lend", Answer::of_flag(true)},
                               {"top", Answer::unknown()}};
    CHECK(holds("method == 'mail'", answers));
    CHECK_FALSE(holds("method != 'mail'", answers));
    CHECK(holds("method in ['phone', 'mail']", answers));
    CHECK(holds("tools has 'chat'", answers));
    CHECK_FALSE(holds("tools has 'phone'", answers));
    CHECK(holds("staff >= 42 and staff < 43", answers));
    CHECK(holds("lend == true", answers));
    CHECK(holds("not (lend == false) or staff > 1000", answers));
    CHECK(holds("answered(method) and unknown(top)", answers));
    CHECK(holds("", answers));
}

TEST_CASE("[Condition] an unanswered or 「わからない」 question satisfies no comparison") {
    const AnswerMap answers = {{"top", Answer::unknown()}};
    CHECK_FALSE(holds("top == 'yes'", answers));
    CHECK_FALSE(holds("top != 'yes'", answers));
    CHECK_FALSE(holds("missing != 'yes'", answers));
    CHECK_FALSE(holds("answered(top)", answers));
}

TEST_CASE("[Condition] syntax errors carry the column of the mistake") {
    Condition c;
    ParseError error;
    CHECK_FALSE(parse_condition("method = 'mail'", c, error));
    CHECK(error.column == 8);
    CHECK_FALSE(parse_condition("method == 'mail", c, error));
    CHECK(error.column == 11);
    CHECK_FALSE(parse_condition("(a == 1", c, error));
    CHECK(error.message.find(")") != std::string::npos);
    CHECK_FALSE(parse_condition("a == 1 b", c, error));
    CHECK(error.column == 8);
}
