// The small condition language of questionnaires (show_if, blockers, task rules):
//
//   start_end == 'none'          a single choice (or a text) equals a value
//   devices != 'byod'            … differs from it (false while unanswered)
//   staff >= 10                  numbers: == != < <= > >=
//   lend_devices == true         yes/no questions
//   method in ['mail', 'phone']  one of several values
//   tools has 'chat'             a multiple choice includes a value
//   answered(q)  unknown(q)      whether q has an answer / was answered 「わからない」
//   not …   … and …   … or …   ( … )
//
// A comparison with an unanswered or 「わからない」 question is false, so a follow-up question
// stays hidden until the answer it depends on is given.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/answer.h"

namespace tebiki::assessment {

struct Value {
    enum class Kind { String, Number, Bool };
    Kind kind = Kind::String;
    std::string text;
    double number = 0;
    bool flag = false;
    int column = 0;  // 1-based position in the condition text, for messages
};

struct Condition {
    enum class Kind { Always, And, Or, Not, Compare, In, Has, Answered, Unknown };
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge };
    Kind kind = Kind::Always;
    Op op = Op::Eq;
    std::string question;             // Compare, In, Has, Answered, Unknown
    int question_column = 0;
    std::vector<Value> values;        // Compare/Has: one; In: several
    std::vector<Condition> children;  // And, Or: two or more; Not: one

    static Condition of(Kind k) { Condition c; c.kind = k; return c; }
    bool evaluate(const AnswerMap& answers) const;
    // Every question id the condition reads, with its column.
    void collect_questions(std::vector<std::pair<std::string, int>>& out) const;
    void collect_compares(std::vector<const Condition*>& out) const;
};

struct ParseError {
    std::string message;  // Japanese
    int column = 0;       // 1-based
};

// Parses `text`; on failure returns false and fills `error`. An empty text means Always.
bool parse_condition(std::string_view text, Condition& out, ParseError& error);

}  // namespace tebiki::assessment
