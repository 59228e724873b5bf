// The condition parser refuses nesting deeper than it allows with the column, instead of
// recursing until the stack runs out (issue 12, defect 8). Kept apart from condition_test.cpp.
#include <doctest/doctest.h>

#include "test_text.h"

#include <string>

#include "assessment/condition.h"

using namespace tebiki::assessment;

TEST_CASE("[Condition] 100,000 nested parentheses or nots are an error with a column, not a crash (defect 8)") {
    for (int levels : {100, 1000, 100000}) {
        CAPTURE(levels);
        Condition c;
        ParseError error;
        CHECK_FALSE(parse_condition(repeat("(", levels) + "a == 'x'" + repeat(")", levels), c, error));
        CHECK(error.message.find("入れ子が深すぎます") != std::string::npos);
        CHECK(error.column > 0);
        CHECK_FALSE(parse_condition(repeat("not ", levels) + "a == 'x'", c, error));
        CHECK(error.message.find("入れ子が深すぎます") != std::string::npos);
        CHECK_FALSE(parse_condition(repeat("(not ", levels) + "a == 'x'" + repeat(")", levels), c, error));
    }
    // Ordinary nesting still parses.
    Condition c;
    ParseError error;
    CHECK(parse_condition("not (a == 'x' and (b == 'y' or not (c >= 3)))", c, error));
    CHECK(parse_condition(repeat("(", 20) + "a == 'x'" + repeat(")", 20), c, error));
}
