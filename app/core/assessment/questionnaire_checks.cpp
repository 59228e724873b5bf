// Index of this file
// [SECTION] helpers
// [SECTION] conditions
// [SECTION] questions: ids, options, exclusive options, aliases, hidden follow-ups
// [SECTION] blockers, advice, consistency checks, levels and [scoring]
#include "assessment/questionnaire_checks.h"

#include <algorithm>
#include <set>

namespace tebiki::assessment {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] helpers
//-----------------------------------------------------------------------------

template <typename T, typename Id>
void check_unique(const std::vector<T>& items, Id id_of, const char* what, const std::string& file, Diagnostics& out,
                  int (*line_of)(const T&)) {
    std::set<std::string> seen;
    for (const T& item : items) {
        const std::string id = id_of(item);
        if (id.empty()) continue;
        if (!seen.insert(id).second) out.push_back({file, line_of(item), 0, std::string(what) + "の id「" + id + "」が重複しています。"});
    }
}

bool has_level(const Questionnaire& q, const std::string& id) {
    return std::any_of(q.levels.begin(), q.levels.end(), [&](const Level& l) { return l.id == id; });
}

//-----------------------------------------------------------------------------
// [SECTION] conditions
//-----------------------------------------------------------------------------

// The questions a condition reads must exist (and, for show_if, come earlier); compared values
// must be option ids of choice questions, true/false for yes/no and numbers for numbers.
void check_condition(const Questionnaire& q, const Condition& c, size_t visible_before, int line, const std::string& where,
                     Diagnostics& out) {
    std::vector<std::pair<std::string, int>> refs;
    c.collect_questions(refs);
    for (auto& [id, column] : refs) {
        const Question* target = q.question(id);
        if (!target) {
            out.push_back({q.file.string(), line, 0, where + "の条件が、ない質問「" + id + "」を参照しています。"});
            continue;
        }
        if (size_t(target - q.questions.data()) >= visible_before)
            out.push_back({q.file.string(), line, 0, where + "の条件は、後にある質問「" + id + "」を参照できません。"});
    }
    std::vector<const Condition*> compares;
    c.collect_compares(compares);
    for (const Condition* cmp : compares) {
        const Question* target = q.question(cmp->question);
        if (!target) continue;
        for (const Value& v : cmp->values) {
            std::string problem;
            switch (target->type) {
            case QuestionType::Single:
            case QuestionType::Multiple:
                if (v.kind != Value::Kind::String) problem = "選択肢の id を '…' で書いてください";
                else if (!target->option(v.text)) problem = "質問「" + target->id + "」に選択肢「" + v.text + "」はありません";
                break;
            case QuestionType::YesNo:
                if (v.kind != Value::Kind::Bool) problem = "はい／いいえの質問とは true か false で比べてください";
                break;
            case QuestionType::Number:
                if (v.kind != Value::Kind::Number) problem = "数の質問とは数で比べてください";
                break;
            case QuestionType::Text:
                if (v.kind != Value::Kind::String) problem = "文字の質問とは '…' で比べてください";
                break;
            }
            if (cmp->kind == Condition::Kind::Has && target->type != QuestionType::Multiple)
                problem = "has は複数選択の質問にだけ使えます";
            if (!problem.empty()) out.push_back({q.file.string(), line, 0, where + "の条件: " + problem + "。"});
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] questions: ids, options, exclusive options, aliases, hidden follow-ups
//-----------------------------------------------------------------------------

void check_options(const Question& question, const std::string& file, Diagnostics& out) {
    const std::string where = "質問「" + question.id + "」";
    std::set<std::string> option_ids;
    for (const Option& o : question.options) {
        if (!option_ids.insert(o.id).second) out.push_back({file, question.line, 0, where + "の選択肢「" + o.id + "」が重複しています。"});
        if (o.exclusive && question.type != QuestionType::Multiple)
            out.push_back({file, question.line, 0, where + "の選択肢「" + o.id + "」: exclusive は複数選択（multiple）の選択肢にだけ書けます。"});
        if (!o.exclusive && question.type == QuestionType::Multiple && looks_like_none(o))
            out.push_back({file, question.line, 0,
                           where + "の選択肢「" + o.id + "」（" + o.label +
                               "）は、ほかの選択肢と一緒には選べない答えです。exclusive = true を書いてください。"});
    }
}

void check_aliases(const Questionnaire& q, const Question& question, std::set<std::string>& alias_ids, const std::string& file,
                   Diagnostics& out) {
    const std::string where = "質問「" + question.id + "」";
    for (const Alias& a : question.aliases) {
        if (a.id.empty()) continue;
        if (a.id != question.id && q.question(a.id))
            out.push_back({file, a.line, 0, where + "の aliases「" + a.id + "」は、いまある質問の id です（旧い id だけを書きます）。"});
        if (!alias_ids.insert(a.id).second)
            out.push_back({file, a.line, 0, where + "の aliases「" + a.id + "」は、ほかの質問の aliases にもあります。"});
        for (const auto& [from, to] : a.options)
            if (!to.empty() && !question.option(to))
                out.push_back({file, a.line, 0, where + "の aliases「" + a.id + "」: 読み替え先の選択肢「" + to + "」がありません。"});
        if (!a.options.empty() && (question.type == QuestionType::Number || question.type == QuestionType::Text))
            out.push_back({file, a.line, 0, where + "の aliases「" + a.id + "」: 数や文字の質問には選択肢の読み替えを書けません。"});
    }
}

void check_questions(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    std::set<std::string> alias_ids;
    for (size_t i = 0; i < q.questions.size(); ++i) {
        const Question& question = q.questions[i];
        const std::string where = "質問「" + question.id + "」";
        if (question.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            out.push_back({file, question.line, 0, where + "の id は半角英小文字・数字・_ で書いてください。"});
        if (q.kind == Questionnaire::Kind::Department && !q.area(question.area))
            out.push_back({file, question.line, 0, where + "の領域「" + question.area + "」がありません。"});
        check_options(question, file, out);
        check_aliases(q, question, alias_ids, file, out);
        if (question.min && question.max && *question.min > *question.max)
            out.push_back({file, question.line, 0, where + "の min が max より大きくなっています。"});
        if (question.when_hidden == WhenHidden::NotMet && (question.show_if_text.empty() || !question.scored()))
            out.push_back({file, question.line, 0, where + "の when_hidden = \"not_met\" は、show_if のある採点する質問にだけ書けます。"});
        check_condition(q, question.show_if, i, question.line, where + "の show_if", out);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] blockers, advice, consistency checks, levels and [scoring]
//-----------------------------------------------------------------------------

void check_blockers_advice(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    for (const Blocker& b : q.blockers) {
        check_condition(q, b.when, q.questions.size(), b.line, "blocker「" + b.id + "」", out);
        for (const std::string& id : b.needs)
            if (!q.question(id)) out.push_back({file, b.line, 0, "blocker「" + b.id + "」の needs の質問「" + id + "」がありません。"});
    }
    for (const Advice& a : q.advice) {
        const std::string where = a.id.empty() ? std::string("advice ") : "advice「" + a.id + "」";
        if (!q.area(a.area)) out.push_back({file, a.line, 0, where + "の領域「" + a.area + "」がありません。"});
        for (const std::string& level : a.levels)
            if (!has_level(q, level)) out.push_back({file, a.line, 0, where + "のレベル「" + level + "」が [[levels]] にありません。"});
        check_condition(q, a.when, q.questions.size(), a.line, where, out);
    }
    for (const ConsistencyCheck& c : q.checks) check_condition(q, c.when, q.questions.size(), c.line, "check「" + c.id + "」", out);
    for (const TaskRule& r : q.rules) {
        check_condition(q, r.when, q.questions.size(), r.line, "rule", out);
        if (!r.assign.empty() && std::none_of(q.classes.begin(), q.classes.end(), [&](const TaskClass& c) { return c.id == r.assign; }))
            out.push_back({file, r.line, 0, "rule の区分「" + r.assign + "」が [[classes]] にありません。"});
    }
}

void check_levels_and_scoring(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    if (q.kind == Questionnaire::Kind::Department) {
        if (q.areas.empty()) out.push_back({file, 1, 0, "[[areas]] がありません。"});
        if (q.levels.empty()) out.push_back({file, 1, 0, "[[levels]] がありません。"});
    }
    for (size_t i = 0; i < q.levels.size(); ++i) {
        if (i == 0 && q.levels[i].min != 0) out.push_back({file, 0, 0, "最初のレベルの min は 0 にしてください。"});
        if (i > 0 && q.levels[i].min <= q.levels[i - 1].min)
            out.push_back({file, 0, 0, "レベル「" + q.levels[i].id + "」の min が前のレベル以下です（小さい順に並べてください）。"});
    }
    if (!q.scoring.blocked_level.empty() && !has_level(q, q.scoring.blocked_level))
        out.push_back({file, 0, 0, "[scoring] の blocked_level「" + q.scoring.blocked_level + "」が [[levels]] にありません。"});
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
        out.push_back({file, 1, 0, "id は半角英小文字・数字・_・- で書いてください。"});
    check_unique<Area>(q.areas, [](const Area& a) { return a.id; }, "領域", file, out, [](const Area& a) { return a.line; });
    check_unique<Question>(q.questions, [](const Question& x) { return x.id; }, "質問", file, out,
                           [](const Question& x) { return x.line; });
    check_unique<Blocker>(q.blockers, [](const Blocker& b) { return b.id; }, "blocker", file, out,
                          [](const Blocker& b) { return b.line; });
    check_unique<Advice>(q.advice, [](const Advice& a) { return a.id; }, "advice", file, out, [](const Advice& a) { return a.line; });
    check_unique<ConsistencyCheck>(q.checks, [](const ConsistencyCheck& c) { return c.id; }, "check", file, out,
                                   [](const ConsistencyCheck& c) { return c.line; });
    check_unique<Level>(q.levels, [](const Level& l) { return l.id; }, "レベル", file, out, [](const Level&) { return 0; });
    check_unique<TaskClass>(q.classes, [](const TaskClass& c) { return c.id; }, "区分", file, out,
                            [](const TaskClass&) { return 0; });
    check_questions(q, out);
    check_blockers_advice(q, out);
    for (const std::string& id : q.summary)
        if (!q.question(id)) out.push_back({file, 1, 0, "summary の質問「" + id + "」がありません。"});
    check_levels_and_scoring(q, out);
}

}  // namespace tebiki::assessment
