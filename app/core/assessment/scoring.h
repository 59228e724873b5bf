// Scoring: answers in, results out. Deterministic and free of I/O, so golden tests can pin it.
//
// Department questionnaires: each visible, scored question earns a fraction (0..1) of its weight;
// an area's score is 100 × earned / possible over the questions that have a real answer. Questions
// left unanswered or answered 「わからない」 are counted and listed, never scored as 0 or as full
// marks. The overall score is the area-weighted mean of the areas that have a score.
// Per-task questionnaires: each task gets the most severe class any matching rule assigns.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assessment/questionnaire.h"

namespace tebiki::assessment {

struct AreaResult {
    const Area* area = nullptr;
    std::optional<double> score;  // none: nothing in the area was answered
    const Level* level = nullptr; // the level its score falls in
    int applicable = 0;           // visible, scored questions
    int answered = 0;
    int unknown = 0;              // 「わからない」
    int unanswered = 0;
};

struct AdviceItem {
    const Advice* advice = nullptr;
    const AreaResult* area = nullptr;
    double impact = 0;  // area weight × (100 − area score)
};

struct Result {
    const Questionnaire* questionnaire = nullptr;
    std::vector<AreaResult> areas;                  // in the questionnaire's order
    std::optional<double> overall;
    const Level* level = nullptr;
    std::vector<const Blocker*> blockers;           // in the questionnaire's order
    std::vector<AdviceItem> advice;                 // highest impact first
    std::vector<const Question*> unknown;           // answered 「わからない」
    std::vector<const Question*> unanswered;        // visible but not answered
    bool complete() const { return unanswered.empty(); }
};

struct TaskResult {
    std::string name;
    const TaskClass* assigned = nullptr;            // none when the questionnaire has no classes
    std::vector<const TaskRule*> matched;           // the rules that hold, in file order
    std::vector<const Question*> unknown;
    std::vector<const Question*> unanswered;
};

// Whether a question is asked, given the answers so far (its show_if).
bool is_visible(const Question& question, const AnswerMap& answers);

// The fraction of full marks an answer earns; none when unscored, unanswered or 「わからない」.
std::optional<double> answer_score(const Question& question, const Answer& answer);

Result score(const Questionnaire& q, const AnswerMap& answers);
TaskResult classify(const Questionnaire& q, const TaskAnswers& task);

}  // namespace tebiki::assessment
