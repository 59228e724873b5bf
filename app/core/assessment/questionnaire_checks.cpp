// Index of this file
// [SECTION] helpers
// [SECTION] conditions
// [SECTION] questions: ids, options, exclusive options, aliases, hidden follow-ups
// [SECTION] blockers, advice, consistency checks, levels and [scoring]
#include "assessment/questionnaire_checks.h"

#include <algorithm>
#include <set>

#include "assessment/messages.h"

namespace tebiki::assessment {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] helpers
//-----------------------------------------------------------------------------

// `duplicate`: the message id for this kind of item (「領域の id「{1}」が重複しています。」).
template <typename T, typename Id>
void check_unique(const std::vector<T>& items, Id id_of, const char* duplicate, const std::string& file, Diagnostics& out,
                  int (*line_of)(const T&)) {
    std::set<std::string> seen;
    for (const T& item : items) {
        const std::string id = id_of(item);
        if (id.empty()) continue;
        if (!seen.insert(id).second) out.push_back(diagnostic(file, line_of(item), 0, {{duplicate, {id}}}));
    }
}

// A problem of `where` (「質問「q」」, 「blocker「b」」 …): the two are said one after the other.
Diagnostic of(const std::string& file, int line, const Message& where, Message problem) {
    return diagnostic(file, line, 0, {where, std::move(problem)});
}

bool has_level(const Questionnaire& q, const std::string& id) {
    return std::any_of(q.levels.begin(), q.levels.end(), [&](const Level& l) { return l.id == id; });
}

//-----------------------------------------------------------------------------
// [SECTION] conditions
//-----------------------------------------------------------------------------

// The questions a condition reads must exist (and, for show_if, come earlier); compared values
// must be option ids of choice questions, true/false for yes/no and numbers for numbers.
void check_condition(const Questionnaire& q, const Condition& c, size_t visible_before, int line, const Message& where,
                     Diagnostics& out) {
    const std::string file = q.file.string();
    std::vector<std::pair<std::string, int>> refs;
    c.collect_questions(refs);
    for (auto& [id, column] : refs) {
        const Question* target = q.question(id);
        if (!target) {
            out.push_back(of(file, line, where, {says::condition_no_question, {id}}));
            continue;
        }
        if (size_t(target - q.questions.data()) >= visible_before)
            out.push_back(of(file, line, where, {says::condition_later_question, {id}}));
    }
    std::vector<const Condition*> compares;
    c.collect_compares(compares);
    for (const Condition* cmp : compares) {
        const Question* target = q.question(cmp->question);
        if (!target) continue;
        for (const Value& v : cmp->values) {
            Message problem;
            switch (target->type) {
            case QuestionType::Single:
            case QuestionType::Multiple:
                if (v.kind != Value::Kind::String) problem = {says::condition_option_id, {}};
                else if (!target->option(v.text)) problem = {says::condition_no_option, {target->id, v.text}};
                break;
            case QuestionType::YesNo:
                if (v.kind != Value::Kind::Bool) problem = {says::condition_yesno, {}};
                break;
            case QuestionType::Number:
                if (v.kind != Value::Kind::Number) problem = {says::condition_number, {}};
                break;
            case QuestionType::Text:
                if (v.kind != Value::Kind::String) problem = {says::condition_text, {}};
                break;
            }
            if (cmp->kind == Condition::Kind::Has && target->type != QuestionType::Multiple)
                problem = {says::condition_has, {}};
            if (!problem.empty()) out.push_back(of(file, line, where, problem));
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] questions: ids, options, exclusive options, aliases, hidden follow-ups
//-----------------------------------------------------------------------------

void check_options(const Question& question, const std::string& file, Diagnostics& out) {
    const Message where{says::where_question, {question.id}};
    std::set<std::string> option_ids;
    for (const Option& o : question.options) {
        if (!option_ids.insert(o.id).second) out.push_back(of(file, question.line, where, {says::option_duplicate, {o.id}}));
        if (o.exclusive && question.type != QuestionType::Multiple)
            out.push_back(of(file, question.line, where, {says::option_exclusive_not_multiple, {o.id}}));
        if (!o.exclusive && question.type == QuestionType::Multiple && looks_like_none(o))
            out.push_back(of(file, question.line, where, {says::option_needs_exclusive, {o.id, o.label}}));
    }
}

void check_aliases(const Questionnaire& q, const Question& question, std::set<std::string>& alias_ids, const std::string& file,
                   Diagnostics& out) {
    const Message where{says::where_question, {question.id}};
    for (const Alias& a : question.aliases) {
        if (a.id.empty()) continue;
        if (a.id != question.id && q.question(a.id))
            out.push_back(of(file, a.line, where, {says::alias_is_current, {a.id}}));
        if (!alias_ids.insert(a.id).second)
            out.push_back(of(file, a.line, where, {says::alias_shared, {a.id}}));
        for (const auto& [from, to] : a.options)
            if (!to.empty() && !question.option(to))
                out.push_back(of(file, a.line, where, {says::alias_no_target, {a.id, to}}));
        if (!a.options.empty() && (question.type == QuestionType::Number || question.type == QuestionType::Text))
            out.push_back(of(file, a.line, where, {says::alias_options_not_choice, {a.id}}));
    }
}

void check_questions(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    std::set<std::string> alias_ids;
    for (size_t i = 0; i < q.questions.size(); ++i) {
        const Question& question = q.questions[i];
        const Message where{says::where_question, {question.id}};
        if (question.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            out.push_back(of(file, question.line, where, {says::question_id_chars, {}}));
        if (q.kind == Questionnaire::Kind::Department && !q.area(question.area))
            out.push_back(of(file, question.line, where, {says::area_missing, {question.area}}));
        check_options(question, file, out);
        check_aliases(q, question, alias_ids, file, out);
        if (question.min && question.max && *question.min > *question.max)
            out.push_back(of(file, question.line, where, {says::min_over_max, {}}));
        if (question.when_hidden == WhenHidden::NotMet && (question.show_if_text.empty() || !question.scored()))
            out.push_back(of(file, question.line, where, {says::when_hidden_misplaced, {}}));
        check_condition(q, question.show_if, i, question.line, {says::where_show_if, {question.id}}, out);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] blockers, advice, consistency checks, levels and [scoring]
//-----------------------------------------------------------------------------

void check_blockers_advice(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    for (const Blocker& b : q.blockers) {
        const Message where{says::where_blocker, {b.id}};
        check_condition(q, b.when, q.questions.size(), b.line, where, out);
        for (const std::string& id : b.needs)
            if (!q.question(id)) out.push_back(of(file, b.line, where, {says::needs_missing, {id}}));
    }
    for (const Advice& a : q.advice) {
        const Message where = a.id.empty() ? Message{says::where_advice_unnamed, {}} : Message{says::where_advice, {a.id}};
        if (!q.area(a.area)) out.push_back(of(file, a.line, where, {says::area_missing, {a.area}}));
        for (const std::string& level : a.levels)
            if (!has_level(q, level)) out.push_back(of(file, a.line, where, {says::level_missing, {level}}));
        check_condition(q, a.when, q.questions.size(), a.line, where, out);
    }
    for (const ConsistencyCheck& c : q.checks) check_condition(q, c.when, q.questions.size(), c.line, {says::where_check, {c.id}}, out);
    for (const TaskRule& r : q.rules) {
        check_condition(q, r.when, q.questions.size(), r.line, {says::where_rule, {}}, out);
        if (!r.assign.empty() && std::none_of(q.classes.begin(), q.classes.end(), [&](const TaskClass& c) { return c.id == r.assign; }))
            out.push_back(of(file, r.line, {says::where_rule, {}}, {says::class_missing, {r.assign}}));
    }
}

void check_levels_and_scoring(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    if (q.kind == Questionnaire::Kind::Department) {
        if (q.areas.empty()) out.push_back(diagnostic(file, 1, 0, {{says::no_areas, {}}}));
        if (q.levels.empty()) out.push_back(diagnostic(file, 1, 0, {{says::no_levels, {}}}));
    }
    for (size_t i = 0; i < q.levels.size(); ++i) {
        if (i == 0 && q.levels[i].min != 0) out.push_back(diagnostic(file, 0, 0, {{says::first_level_min, {}}}));
        if (i > 0 && q.levels[i].min <= q.levels[i - 1].min)
            out.push_back(diagnostic(file, 0, 0, {{says::level_order, {q.levels[i].id}}}));
    }
    if (!q.scoring.blocked_level.empty() && !has_level(q, q.scoring.blocked_level))
        out.push_back(diagnostic(file, 0, 0, {{says::blocked_level_missing, {q.scoring.blocked_level}}}));
}

}  // namespace

bool looks_like_none(const Option& option) {
    if (option.id == "none") return true;
    static const char* prefixes[] = {"なし", "特になし", "特にない", "ない", "まだない", "該当なし", "該当しない", "いずれもない", "どれもない"};
    for (const char* p : prefixes)
        if (option.label.rfind(p, 0) == 0) return true;
    return false;
}

void validate_questionnaire(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    if (!q.id.empty() && q.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
        out.push_back(diagnostic(file, 1, 0, {{says::questionnaire_id_chars, {}}}));
    check_unique<Area>(q.areas, [](const Area& a) { return a.id; }, says::duplicate_area, file, out, [](const Area& a) { return a.line; });
    check_unique<Question>(q.questions, [](const Question& x) { return x.id; }, says::duplicate_question, file, out,
                           [](const Question& x) { return x.line; });
    check_unique<Blocker>(q.blockers, [](const Blocker& b) { return b.id; }, says::duplicate_blocker, file, out,
                          [](const Blocker& b) { return b.line; });
    check_unique<Advice>(q.advice, [](const Advice& a) { return a.id; }, says::duplicate_advice, file, out, [](const Advice& a) { return a.line; });
    check_unique<ConsistencyCheck>(q.checks, [](const ConsistencyCheck& c) { return c.id; }, says::duplicate_check, file, out,
                                   [](const ConsistencyCheck& c) { return c.line; });
    check_unique<Level>(q.levels, [](const Level& l) { return l.id; }, says::duplicate_level, file, out, [](const Level&) { return 0; });
    check_unique<TaskClass>(q.classes, [](const TaskClass& c) { return c.id; }, says::duplicate_class, file, out,
                            [](const TaskClass&) { return 0; });
    check_questions(q, out);
    check_blockers_advice(q, out);
    for (const std::string& id : q.summary)
        if (!q.question(id)) out.push_back(diagnostic(file, 1, 0, {{says::summary_missing, {id}}}));
    check_levels_and_scoring(q, out);
}

}  // namespace tebiki::assessment
