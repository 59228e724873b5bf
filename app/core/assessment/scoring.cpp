// Index of this file
// [SECTION] questions asked and their counts
// [SECTION] answer scores
// [SECTION] areas and the answered share
// [SECTION] blockers and the overall level
// [SECTION] advice
// [SECTION] score() and classify()
#include "assessment/scoring.h"

#include <algorithm>
#include <map>
#include <set>

namespace tebiki::assessment {

namespace {

const Answer& answer_of(const AnswerMap& answers, const std::string& id) {
    static const Answer none;
    const auto it = answers.find(id);
    return it == answers.end() ? none : it->second;
}

// Sorts the asked questions' answers into the unknown and unanswered lists.
void sort_open(const std::vector<const Question*>& asked, const AnswerMap& answers, std::vector<const Question*>& unknown,
               std::vector<const Question*>& unanswered) {
    for (const Question* question : asked) {
        const Answer& a = answer_of(answers, question->id);
        if (a.kind == Answer::Kind::Unknown) unknown.push_back(question);
        else if (a.kind == Answer::Kind::Unanswered) unanswered.push_back(question);
    }
}

void add_count(QuestionCounts& c, const Answer& a) {
    ++c.applicable;
    if (a.kind == Answer::Kind::Unknown) ++c.unknown;
    else if (a.kind == Answer::Kind::Unanswered) ++c.unanswered;
    else ++c.answered;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] questions asked and their counts
//-----------------------------------------------------------------------------

bool is_visible(const Question& question, const AnswerMap& answers) { return question.show_if.evaluate(answers); }

std::vector<const Question*> applicable_questions(const Questionnaire& q, const AnswerMap& answers) {
    std::vector<const Question*> out;
    for (const Question& question : q.questions)
        if (is_visible(question, answers)) out.push_back(&question);
    return out;
}

QuestionCounts count_questions(const Questionnaire& q, const AnswerMap& answers) {
    QuestionCounts c;
    for (const Question* question : applicable_questions(q, answers)) add_count(c, answer_of(answers, question->id));
    return c;
}

bool hidden_not_met(const Question& question, const AnswerMap& answers) {
    if (question.when_hidden != WhenHidden::NotMet || is_visible(question, answers)) return false;
    std::vector<std::pair<std::string, int>> parents;
    question.show_if.collect_questions(parents);
    return !parents.empty() && std::all_of(parents.begin(), parents.end(), [&](const auto& p) { return answer_of(answers, p.first).given(); });
}

//-----------------------------------------------------------------------------
// [SECTION] answer scores
//-----------------------------------------------------------------------------

std::optional<double> answer_score(const Question& question, const Answer& answer) {
    if (!answer.given() || !question.scored()) return std::nullopt;
    switch (answer.kind) {
    case Answer::Kind::Choice:
        if (const Option* o = question.option(answer.choice)) return o->score.value_or(0);
        return std::nullopt;
    case Answer::Kind::Flag:
        if (const Option* o = question.option(answer.flag ? "yes" : "no")) return o->score.value_or(0);
        return std::nullopt;
    case Answer::Kind::Choices: {
        double sum = 0;
        std::set<std::string> counted;  // a duplicate id never counts twice
        for (const std::string& id : answer.choices)
            if (const Option* o = question.option(id); o && counted.insert(id).second) sum += o->score.value_or(0);
        return std::min(sum, 1.0);
    }
    case Answer::Kind::Number:
        for (const NumberBand& band : question.bands)
            if (answer.number >= band.min && answer.number < band.max) return band.score;
        return 0.0;
    default: return std::nullopt;
    }
}

int Result::stoppers() const {
    return int(std::count_if(blockers.begin(), blockers.end(), [](const BlockerItem& b) { return !b.confirm; }));
}

int Result::confirmations() const { return int(blockers.size()) - stoppers(); }

std::vector<const AreaResult*> Result::undetermined() const {
    std::vector<const AreaResult*> out;
    for (const AreaResult& a : areas)
        if (a.scored && !a.score) out.push_back(&a);
    return out;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] areas and the answered share
//-----------------------------------------------------------------------------

// Per area: the scored weight that applies and what of it is answered and earned.
struct AreaTally {
    double possible = 0, answered = 0, earned = 0;
};

// The earned fraction of a question counted in the score: its answer's, or 0 when it is a hidden
// follow-up that counts as not met; none when it does not count (unanswered, unknown, unscored).
std::optional<double> counted_score(const Question& question, const AnswerMap& answers, bool visible) {
    if (!question.scored()) return std::nullopt;
    if (!visible) return hidden_not_met(question, answers) ? std::optional<double>(0.0) : std::nullopt;
    return answer_score(question, answer_of(answers, question.id));
}

std::map<std::string, AreaTally> tally_areas(const Questionnaire& q, const AnswerMap& answers, Result& result) {
    std::map<std::string, AreaTally> tallies;
    for (const Question& question : q.questions) {
        const bool visible = is_visible(question, answers);
        AreaResult* area = nullptr;
        for (AreaResult& ar : result.areas)
            if (ar.area->id == question.area) area = &ar;
        if (visible && area) add_count(area->counts, answer_of(answers, question.id));
        if (!question.scored() || (!visible && !hidden_not_met(question, answers))) continue;
        AreaTally& t = tallies[question.area];
        t.possible += question.weight;
        if (const auto s = counted_score(question, answers, visible)) {
            t.answered += question.weight;
            t.earned += *s * question.weight;
            if (!visible && area) area->not_met.push_back(&question);
        }
    }
    return tallies;
}

std::map<std::string, AreaTally> score_areas(const Questionnaire& q, const AnswerMap& answers, Result& result) {
    for (const Area& area : q.areas) result.areas.push_back(AreaResult{&area, {}, nullptr, false, 0, {}, {}});
    std::map<std::string, AreaTally> tallies = tally_areas(q, answers, result);
    double shares = 0, share_weights = 0, weighted = 0, weights = 0;
    for (AreaResult& ar : result.areas) {
        const auto it = tallies.find(ar.area->id);
        if (it == tallies.end() || it->second.possible <= 0) continue;
        const AreaTally& t = it->second;
        ar.scored = true;
        ar.answered_share = t.answered / t.possible;
        share_weights += ar.area->weight;
        if (t.answered > 0 && ar.answered_share + 1e-9 >= q.scoring.min_answered) {
            ar.score = 100.0 * t.earned / t.answered;
            ar.level = q.level_for(*ar.score);
            weighted += *ar.score * ar.area->weight;
            weights += ar.area->weight;
            // An area too thinly answered to judge adds nothing: the overall never rests on a few areas.
            shares += ar.answered_share * ar.area->weight;
        }
    }
    result.answered_share = share_weights > 0 ? shares / share_weights : 0;
    if (weights > 0 && result.answered_share + 1e-9 >= q.scoring.min_answered) result.overall = weighted / weights;
    return tallies;
}

//-----------------------------------------------------------------------------
// [SECTION] blockers and the overall level
//-----------------------------------------------------------------------------

void find_blockers(const Questionnaire& q, const AnswerMap& answers, Result& result) {
    std::vector<BlockerItem> confirms;
    for (const Blocker& b : q.blockers) {
        if (b.when.evaluate(answers)) {
            result.blockers.push_back({&b, false, {}});
            continue;
        }
        BlockerItem item{&b, true, {}};
        for (const std::string& id : b.needs)
            if (const Question* question = q.question(id); question && is_visible(*question, answers) && !answer_of(answers, id).given())
                item.open.push_back(question);
        if (!item.open.empty()) confirms.push_back(std::move(item));
    }
    result.blockers.insert(result.blockers.end(), confirms.begin(), confirms.end());
}

const Level* lower(const Questionnaire& q, const Level* level, int index) {
    if (!level || index < 0 || index >= int(q.levels.size())) return level;
    return q.level_index(level) > index ? &q.levels[size_t(index)] : level;
}

void decide_level(const Questionnaire& q, Result& result) {
    if (!result.overall) {
        result.no_level = Result::NoLevel::FewAnswers;
        return;
    }
    result.score_level = q.level_for(*result.overall);
    for (const AreaResult& ar : result.areas)
        if (ar.area->critical && ar.scored && !ar.level) {
            result.no_level = Result::NoLevel::CriticalArea;
            result.limiting_area = &ar;
            return;
        }
    const Level* level = result.score_level;
    if (result.stoppers() > 0) {
        int blocked = 0;
        for (size_t i = 0; i < q.levels.size(); ++i)
            if (q.levels[i].id == q.scoring.blocked_level) blocked = int(i);
        level = lower(q, level, blocked);
        if (level != result.score_level) result.cap = Result::Cap::Blocker;
    } else if (result.confirmations() > 0) {
        result.no_level = Result::NoLevel::NeedsConfirm;
        return;
    }
    const AreaResult* weakest = nullptr;
    for (const AreaResult& ar : result.areas)
        if (ar.area->critical && ar.level && (!weakest || q.level_index(ar.level) < q.level_index(weakest->level))) weakest = &ar;
    if (weakest) {
        const Level* capped = lower(q, level, q.level_index(weakest->level) + q.scoring.cap_above_weakest);
        if (capped != level) {
            level = capped;
            result.cap = Result::Cap::WeakArea;
            result.limiting_area = weakest;
        }
    }
    result.level = level;
}

//-----------------------------------------------------------------------------
// [SECTION] advice
//-----------------------------------------------------------------------------

// The overall points the questions `advice` reads would add if they earned full marks.
double advice_impact(const Questionnaire& q, const Advice& advice, const AnswerMap& answers,
                     const std::map<std::string, AreaTally>& tallies, const AreaResult& own_area) {
    if (advice.when_text.empty()) return own_area.score ? own_area.area->weight * (100.0 - *own_area.score) : 0;
    std::vector<std::pair<std::string, int>> refs;
    advice.when.collect_questions(refs);
    std::set<std::string> seen;
    double impact = 0;
    for (const auto& [id, column] : refs) {
        const Question* question = q.question(id);
        if (!question || !seen.insert(id).second) continue;
        const auto s = counted_score(*question, answers, is_visible(*question, answers));
        const auto tally = tallies.find(question->area);
        const Area* area = q.area(question->area);
        if (!s || !area || tally == tallies.end() || tally->second.possible <= 0) continue;
        impact += area->weight * 100.0 * question->weight / tally->second.possible * (1.0 - *s);
    }
    return impact;
}

void collect_advice(const Questionnaire& q, const AnswerMap& answers, const std::map<std::string, AreaTally>& tallies, Result& result) {
    for (const Advice& advice : q.advice) {
        const AreaResult* own = nullptr;
        for (const AreaResult& ar : result.areas)
            if (ar.area->id == advice.area) own = &ar;
        if (!own || !advice.when.evaluate(answers)) continue;
        if (!advice.levels.empty() &&
            (!own->level || std::find(advice.levels.begin(), advice.levels.end(), own->level->id) == advice.levels.end()))
            continue;
        result.advice.push_back({&advice, own, advice_impact(q, advice, answers, tallies, *own)});
    }
    std::stable_sort(result.advice.begin(), result.advice.end(),
                     [](const AdviceItem& a, const AdviceItem& b) { return a.impact > b.impact; });
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] score() and classify()
//-----------------------------------------------------------------------------

Result score(const Questionnaire& q, const AnswerMap& answers) {
    Result result;
    result.questionnaire = &q;
    const std::vector<const Question*> asked = applicable_questions(q, answers);
    sort_open(asked, answers, result.unknown, result.unanswered);
    result.counts = count_questions(q, answers);
    result.areas.reserve(q.areas.size());  // advice and caps point into it
    const std::map<std::string, AreaTally> tallies = score_areas(q, answers, result);
    find_blockers(q, answers, result);
    decide_level(q, result);
    for (const ConsistencyCheck& c : q.checks)
        if (c.when.evaluate(answers)) result.inconsistencies.push_back(&c);
    collect_advice(q, answers, tallies, result);
    return result;
}

TaskResult classify(const Questionnaire& q, const TaskAnswers& task) {
    TaskResult result;
    result.name = task.name;
    sort_open(applicable_questions(q, task.answers), task.answers, result.unknown, result.unanswered);
    result.counts = count_questions(q, task.answers);
    size_t severity = 0;
    if (!q.classes.empty()) result.assigned = &q.classes.front();
    for (const TaskRule& rule : q.rules) {
        if (!rule.when.evaluate(task.answers)) continue;
        result.matched.push_back(&rule);
        for (size_t i = 0; i < q.classes.size(); ++i)
            if (q.classes[i].id == rule.assign && i >= severity) {
                severity = i;
                result.assigned = &q.classes[i];
            }
    }
    for (const ConsistencyCheck& c : q.checks)
        if (c.when.evaluate(task.answers)) result.inconsistencies.push_back(&c);
    return result;
}

}  // namespace tebiki::assessment
