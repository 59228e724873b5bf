// One answer to one question, as the engine sees it. "Not answered" and 「わからない」 are kinds of
// their own so that nothing is ever silently scored as zero or as full marks.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace tebiki::assessment {

struct Answer {
    enum class Kind { Unanswered, Unknown, Choice, Choices, Number, Flag, Text };
    Kind kind = Kind::Unanswered;
    std::string choice;               // Choice: option id
    std::vector<std::string> choices; // Choices: option ids
    double number = 0;                // Number
    bool flag = false;                // Flag (yes/no)
    std::string text;                 // Text

    static Answer of_kind(Kind k) { Answer a; a.kind = k; return a; }
    static Answer unknown() { return of_kind(Kind::Unknown); }
    static Answer of_choice(std::string id) { Answer a = of_kind(Kind::Choice); a.choice = std::move(id); return a; }
    static Answer of_choices(std::vector<std::string> ids) { Answer a = of_kind(Kind::Choices); a.choices = std::move(ids); return a; }
    static Answer of_number(double n) { Answer a = of_kind(Kind::Number); a.number = n; return a; }
    static Answer of_flag(bool f) { Answer a = of_kind(Kind::Flag); a.flag = f; return a; }
    static Answer of_text(std::string t) { Answer a = of_kind(Kind::Text); a.text = std::move(t); return a; }

    bool given() const { return kind != Kind::Unanswered && kind != Kind::Unknown; }
    bool operator==(const Answer&) const = default;
};

using AnswerMap = std::map<std::string, Answer>;  // question id → answer

// Answers of one task in a per-task questionnaire (業務の仕分け, BCP 業務区分).
struct TaskAnswers {
    std::string name;
    AnswerMap answers;
};

}  // namespace tebiki::assessment
