// From values as written to the answers of a questionnaire. Answers files and the migration of
// stored answers both go through here, so the two read old ids and odd values the same way:
//   - a value of the wrong shape (inline table, date, non-string array item) is an error, never
//     "unanswered"; `[]` is unanswered;
//   - duplicate option ids and an exclusive option chosen with another are errors;
//   - an old id (an alias) is read into the question that replaced it, old option ids mapped to
//     new ones; when several old questions were merged into one, the most cautious reading wins
//     (for a single choice the answer that scores lowest, for a multiple choice the union, an
//     exclusive 「ない」 winning over the others).
#pragma once
#include <string>
#include <vector>

#include "assessment/answer.h"
#include "assessment/questionnaire.h"
#include "util/diagnostics.h"
#include "util/message.h"

namespace tebiki::assessment {

// One value as written under one id, before it is matched to a question.
struct RawAnswer {
    enum class Kind { Unknown, String, Bool, Number, Strings, Bad };
    std::string id;
    Kind kind = Kind::Bad;
    std::string text;                // String
    bool flag = false;               // Bool
    double number = 0;               // Number
    std::vector<std::string> items;  // Strings
    std::vector<int> item_columns;   // Strings: column of each item (0 when not known)
    Message bad;                     // Bad: what was found (assessment/messages.h)
    int bad_column = 0;              // Bad: where (0: at the key)
    int line = 0, column = 0;        // the key
};

// What is wrong with an answer to a question (empty when nothing; ids in assessment/messages.h),
// and which item of a multiple answer it is about (-1: the answer as a whole).
struct AnswerProblem {
    Message message;
    int item = -1;
    bool ok() const { return message.empty(); }
};

AnswerProblem check_answer(const Question& question, const Answer& answer);
// The raw value as an answer to `question` (a string is a choice for single-choice questions).
Answer shape_answer(const Question& question, const RawAnswer& raw);
// Matches every raw answer to its question (through aliases), checks it and merges answers that
// old ids give to one question. Problems are reported as `file`:line:col and the answer left out.
AnswerMap resolve_answers(const Questionnaire& q, const std::vector<RawAnswer>& raws, const std::string& file, Diagnostics& out);

}  // namespace tebiki::assessment
