#include "assessment/scoring.h"

#include <algorithm>

namespace tebiki::assessment {

namespace {

const Answer& answer_of(const AnswerMap& answers, const std::string& id) {
    static const Answer none;
    const auto it = answers.find(id);
    return it == answers.end() ? none : it->second;
}

// Sorts visible questions into unknown / unanswered lists; returns the visible ones.
std::vector<const Question*> visible_questions(const Questionnaire& q, const AnswerMap& answers,
                                               std::vector<const Question*>& unknown,
                                               std::vector<const Question*>& unanswered) {
    std::vector<const Question*> visible;
    for (const Question& question : q.questions) {
        if (!is_visible(question, answers)) continue;
        visible.push_back(&question);
        const Answer& a = answer_of(answers, question.id);
        if (a.kind == Answer::Kind::Unknown) unknown.push_back(&question);
        else if (a.kind == Answer::Kind::Unanswered) unanswered.push_back(&question);
    }
    return visible;
}

}  // namespace

bool is_visible(const Question& question, const AnswerMap& answers) { return question.show_if.evaluate(answers); }

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
        for (const std::string& id : answer.choices)
            if (const Option* o = question.option(id)) sum += o->score.value_or(0);
        return std::min(sum, 1.0);
    }
    case Answer::Kind::Number:
        for (const NumberBand& band : question.bands)
            if (answer.number >= band.min && answer.number < band.max) return band.score;
        return 0.0;
    default: return std::nullopt;
    }
}

Result score(const Questionnaire& q, const AnswerMap& answers) {
    Result result;
    result.questionnaire = &q;
    const std::vector<const Question*> visible = visible_questions(q, answers, result.unknown, result.unanswered);

    result.areas.reserve(q.areas.size());
    double weighted = 0, weights = 0;
    for (const Area& area : q.areas) {
        AreaResult ar;
        ar.area = &area;
        double earned = 0, possible = 0;
        for (const Question* question : visible) {
            if (question->area != area.id || !question->scored()) continue;
            ++ar.applicable;
            const Answer& a = answer_of(answers, question->id);
            if (a.kind == Answer::Kind::Unknown) ++ar.unknown;
            else if (a.kind == Answer::Kind::Unanswered) ++ar.unanswered;
            else if (auto s = answer_score(*question, a)) {
                ++ar.answered;
                earned += *s * question->weight;
                possible += question->weight;
            }
        }
        if (possible > 0) {
            ar.score = 100.0 * earned / possible;
            ar.level = q.level_for(*ar.score);
            weighted += *ar.score * area.weight;
            weights += area.weight;
        }
        result.areas.push_back(ar);
    }
    if (weights > 0) {
        result.overall = weighted / weights;
        result.level = q.level_for(*result.overall);
    }

    for (const Blocker& b : q.blockers)
        if (b.when.evaluate(answers)) result.blockers.push_back(&b);

    for (const Advice& advice : q.advice) {
        for (const AreaResult& ar : result.areas) {
            if (ar.area->id != advice.area || !ar.level) continue;
            if (!advice.levels.empty() &&
                std::find(advice.levels.begin(), advice.levels.end(), ar.level->id) == advice.levels.end())
                continue;
            result.advice.push_back({&advice, &ar, ar.area->weight * (100.0 - *ar.score)});
        }
    }
    std::stable_sort(result.advice.begin(), result.advice.end(),
                     [](const AdviceItem& a, const AdviceItem& b) { return a.impact > b.impact; });
    return result;
}

TaskResult classify(const Questionnaire& q, const TaskAnswers& task) {
    TaskResult result;
    result.name = task.name;
    visible_questions(q, task.answers, result.unknown, result.unanswered);
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
    return result;
}

}  // namespace tebiki::assessment
