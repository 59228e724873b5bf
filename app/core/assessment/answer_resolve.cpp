// Index of this file
// [SECTION] checking one answer
// [SECTION] reading an old id (alias)
// [SECTION] merging the answers several ids give to one question
// [SECTION] resolve_answers
#include "assessment/answer_resolve.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "assessment/messages.h"
#include "assessment/scoring.h"

namespace tebiki::assessment {

namespace {

std::string whole(double v) { return std::to_string(long(v)); }

//-----------------------------------------------------------------------------
// [SECTION] checking one answer
//-----------------------------------------------------------------------------

AnswerProblem check_choices(const Question& question, const std::vector<std::string>& ids) {
    if (ids.empty()) return {{says::no_choice, {}}, -1};
    for (size_t i = 0; i < ids.size(); ++i) {
        if (!question.option(ids[i])) return {{says::no_option, {ids[i]}}, int(i)};
        if (std::find(ids.begin(), ids.begin() + long(i), ids[i]) != ids.begin() + long(i))
            return {{says::duplicate_option, {ids[i]}}, int(i)};
    }
    // An exclusive option (「ない」) with any other: point at the later of the two.
    for (size_t i = 0; i < ids.size() && ids.size() > 1; ++i) {
        const Option* o = question.option(ids[i]);
        if (o->exclusive) return {{says::exclusive_option, {o->label}}, i == 0 ? 1 : int(i)};
    }
    return {};
}

// 「答えの形が違います。…で書いてください。」 for each question type, in QuestionType's order.
const char* wrong_shape(QuestionType type) {
    static const char* ids[] = {says::shape_single, says::shape_multiple, says::shape_yesno, says::shape_number, says::shape_text};
    return ids[int(type)];
}

}  // namespace

AnswerProblem check_answer(const Question& question, const Answer& answer) {
    const auto mismatch = [&] { return AnswerProblem{{wrong_shape(question.type), {}}, -1}; };
    switch (answer.kind) {
    case Answer::Kind::Unanswered: return {};
    case Answer::Kind::Unknown:
        if (question.allow_unknown) return {};
        return {{says::unknown_not_allowed, {}}, -1};
    case Answer::Kind::Choice:
        if (question.type != QuestionType::Single) return mismatch();
        if (question.option(answer.choice)) return {};
        return {{says::no_option, {answer.choice}}, -1};
    case Answer::Kind::Choices:
        if (question.type != QuestionType::Multiple) return mismatch();
        return check_choices(question, answer.choices);
    case Answer::Kind::Number:
        if (question.type != QuestionType::Number) return mismatch();
        if (!std::isfinite(answer.number)) return {{says::not_a_number, {}}, -1};
        if (question.min && answer.number < *question.min) return {{says::too_small, {whole(*question.min)}}, -1};
        if (question.max && answer.number > *question.max) return {{says::too_large, {whole(*question.max)}}, -1};
        return {};
    case Answer::Kind::Flag:
        if (question.type != QuestionType::YesNo) return mismatch();
        return {};
    case Answer::Kind::Text:
        if (question.type != QuestionType::Text) return mismatch();
        return {};
    }
    return mismatch();
}

Answer shape_answer(const Question& question, const RawAnswer& raw) {
    switch (raw.kind) {
    case RawAnswer::Kind::Unknown: return Answer::unknown();
    case RawAnswer::Kind::String: return question.type == QuestionType::Single ? Answer::of_choice(raw.text) : Answer::of_text(raw.text);
    case RawAnswer::Kind::Bool: return Answer::of_flag(raw.flag);
    case RawAnswer::Kind::Number: return Answer::of_number(raw.number);
    case RawAnswer::Kind::Strings: return raw.items.empty() ? Answer{} : Answer::of_choices(raw.items);  // [] is unanswered
    case RawAnswer::Kind::Bad: return {};
    }
    return {};
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] reading an old id (alias)
//-----------------------------------------------------------------------------

// The score an answer earns, for choosing the most cautious of several (unscored: last resort).
double caution(const Question& question, const Answer& a) { return answer_score(question, a).value_or(2.0); }

// Choices made into one answer of the question's type; the most cautious where only one fits.
Answer answer_from_ids(const Question& question, std::vector<std::string> ids) {
    std::vector<std::string> unique;
    for (const Option& o : question.options)  // questionnaire order, each once
        if (std::find(ids.begin(), ids.end(), o.id) != ids.end()) unique.push_back(o.id);
    if (unique.empty()) return {};
    if (question.type == QuestionType::Multiple) {
        for (const std::string& id : unique)
            if (question.option(id)->exclusive) return Answer::of_choices({id});  // 「ない」 is the cautious reading
        return Answer::of_choices(unique);
    }
    std::vector<Answer> candidates;
    for (const std::string& id : unique)
        candidates.push_back(question.type == QuestionType::YesNo ? Answer::of_flag(id == "yes") : Answer::of_choice(id));
    return *std::min_element(candidates.begin(), candidates.end(),
                             [&](const Answer& a, const Answer& b) { return caution(question, a) < caution(question, b); });
}

// An answer written under an old id (or an old shape of the question's own id), read into the
// question. nullopt with `problem` when it cannot be read; an Unanswered answer when the old
// answer says nothing the new question asks (an option mapped to "").
std::optional<Answer> read_alias(const Question& question, const Alias& alias, const RawAnswer& raw, Message& problem) {
    if (raw.kind == RawAnswer::Kind::Unknown) return Answer::unknown();
    if (question.type == QuestionType::Number || question.type == QuestionType::Text) {
        Answer a = shape_answer(question, raw);
        if (check_answer(question, a).ok()) return a;
        problem = check_answer(question, a).message;
        return std::nullopt;
    }
    std::vector<std::string> old_ids;
    switch (raw.kind) {
    case RawAnswer::Kind::String: old_ids = {raw.text}; break;
    case RawAnswer::Kind::Bool: old_ids = {raw.flag ? "yes" : "no"}; break;
    case RawAnswer::Kind::Strings: old_ids = raw.items; break;
    default:
        problem = {says::alias_unreadable, {alias.id}};
        return std::nullopt;
    }
    std::vector<std::string> ids;
    for (const std::string& old : old_ids) {
        if (alias.options.empty()) {
            ids.push_back(old);
            if (!question.option(old)) {
                problem = {says::alias_option, {alias.id, old}};
                return std::nullopt;
            }
            continue;
        }
        const auto it = alias.options.find(old);
        if (it == alias.options.end()) {
            problem = {says::alias_option, {alias.id, old}};
            return std::nullopt;
        }
        if (!it->second.empty()) ids.push_back(it->second);
    }
    return answer_from_ids(question, ids);
}

//-----------------------------------------------------------------------------
// [SECTION] merging the answers several ids give to one question
//-----------------------------------------------------------------------------

Answer merge(const Question& question, const std::vector<Answer>& answers) {
    std::vector<const Answer*> given;
    bool unknown = false;
    for (const Answer& a : answers) {
        if (a.given()) given.push_back(&a);
        unknown = unknown || a.kind == Answer::Kind::Unknown;
    }
    if (given.empty()) return unknown ? Answer::unknown() : Answer{};
    if (given.size() == 1) return *given.front();
    std::vector<std::string> ids;
    switch (question.type) {
    case QuestionType::Multiple:
        for (const Answer* a : given) ids.insert(ids.end(), a->choices.begin(), a->choices.end());
        return answer_from_ids(question, ids);
    case QuestionType::Single:
    case QuestionType::YesNo:
        return **std::min_element(given.begin(), given.end(),
                                  [&](const Answer* a, const Answer* b) { return caution(question, *a) < caution(question, *b); });
    default:
        return *given.front();  // numbers and texts are not merged: the first one written
    }
}

// 「回答「id」: 」 and the problem, then what follows it (the current question of an old id).
void report(Diagnostics& out, const std::string& file, const RawAnswer& raw, int column, const Message& problem, Message after = {}) {
    std::vector<Message> said = {{says::about_answer, {raw.id}}, problem};
    if (!after.empty()) said.push_back(std::move(after));
    out.push_back(diagnostic(file, raw.line, column ? column : raw.column, std::move(said)));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] resolve_answers
//-----------------------------------------------------------------------------

AnswerMap resolve_answers(const Questionnaire& q, const std::vector<RawAnswer>& raws, const std::string& file, Diagnostics& out) {
    std::map<const Question*, std::vector<Answer>> found;
    std::vector<const Question*> order;
    for (const RawAnswer& raw : raws) {
        const Alias* alias = nullptr;
        const Question* question = q.question_or_alias(raw.id, &alias);
        if (!question) {
            report(out, file, raw, 0, {says::no_question, {q.id}});
            continue;
        }
        if (raw.kind == RawAnswer::Kind::Bad) {
            report(out, file, raw, raw.bad_column, raw.bad);
            continue;
        }
        std::optional<Answer> answer;
        if (!alias) {
            const Answer shaped = shape_answer(*question, raw);
            const AnswerProblem problem = check_answer(*question, shaped);
            if (problem.ok()) {
                answer = shaped;
            } else {
                // The question's own id in an earlier shape (an option renamed, a yes/no turned into a choice).
                for (const Alias& own : question->aliases) {
                    Message ignored;
                    if (own.id == question->id && (answer = read_alias(*question, own, raw, ignored))) break;
                }
                if (!answer) {
                    const int item = problem.item;
                    report(out, file, raw, item >= 0 && size_t(item) < raw.item_columns.size() ? raw.item_columns[size_t(item)] : 0,
                           problem.message);
                    continue;
                }
            }
        } else {
            Message problem;
            answer = read_alias(*question, *alias, raw, problem);
            if (!answer) {
                report(out, file, raw, 0, problem, {says::now_question, {question->id}});
                continue;
            }
        }
        if (!found.count(question)) order.push_back(question);
        found[question].push_back(*answer);
    }
    AnswerMap answers;
    for (const Question* question : order) {
        const Answer merged = merge(*question, found[question]);
        if (merged.kind != Answer::Kind::Unanswered) answers[question->id] = merged;
    }
    return answers;
}

}  // namespace tebiki::assessment
