// Scoring: answers in, results out. Deterministic and free of I/O, so golden tests can pin it.
// The rules (also in README.md for a 推進担当, and in assessment/README.md for the TOML):
//
// Department questionnaires
//   - Each visible, scored question earns a fraction (0..1) of its weight. A follow-up hidden
//     because its parent answer says "not in place" (when_hidden = "not_met") counts as answered
//     with 0. Unanswered and 「わからない」 questions are counted and listed, never scored.
//   - An area has a score and a level only when at least [scoring].min_answered (default 60 %) of
//     its scored weight is really answered; the overall likewise over the area-weighted shares,
//     where an area without a score counts as nothing answered (the overall never rests on a few
//     areas). The overall score is the area-weighted mean of the areas that have a score.
//     Otherwise: 「判定には回答が足りません」, and what is missing is listed first.
//   - Blockers: `when` holds → 「開始を妨げる事項」; else a `needs` question unknown or unanswered
//     → 「確認が必要」 (never a pass).
//   - The overall level: none while answers are too few, a critical area has no level, or a
//     「確認が必要」 is open without any 開始を妨げる事項; at most [scoring].blocked_level with a
//     開始を妨げる事項; at most cap_above_weakest steps above the weakest critical area.
//   - Advice holds when its `when` does (and its area level is one of `levels`, if given); its
//     impact is the points the questions it reads would add to the overall score.
// Per-task questionnaires: each task gets the most severe class any matching rule assigns
// (the first class when none does).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assessment/questionnaire.h"

namespace tebiki::assessment {

// How many questions are asked, given the answers: the one count every screen and report shows.
struct QuestionCounts {
    int applicable = 0;  // visible questions (every type)
    int answered = 0;    // with a real answer
    int unknown = 0;     // 「わからない」
    int unanswered = 0;
};

struct AreaResult {
    const Area* area = nullptr;
    std::optional<double> score;     // none: too few answers (or nothing scored in the area)
    const Level* level = nullptr;    // the level its score falls in
    bool scored = false;             // the area has scored questions, given the answers
    double answered_share = 0;       // of its scored weight, really answered (0..1)
    QuestionCounts counts;           // its asked questions
    std::vector<const Question*> not_met;  // hidden follow-ups counted as 0
};

struct BlockerItem {
    const Blocker* blocker = nullptr;
    bool confirm = false;                  // 「確認が必要」 rather than 「開始を妨げる事項」
    std::vector<const Question*> open;     // confirm: the needs questions unknown or unanswered
};

struct AdviceItem {
    const Advice* advice = nullptr;
    const AreaResult* area = nullptr;
    double impact = 0;  // overall points the questions it reads would add when done
};

struct Result {
    enum class NoLevel { None, FewAnswers, CriticalArea, NeedsConfirm };
    enum class Cap { None, Blocker, WeakArea };

    const Questionnaire* questionnaire = nullptr;
    std::vector<AreaResult> areas;                  // in the questionnaire's order
    std::optional<double> overall;                  // none: too few answers
    double answered_share = 0;                      // area-weighted answered share (areas without a score: 0)
    const Level* level = nullptr;                   // after the caps; none: see no_level
    const Level* score_level = nullptr;             // the level the overall score alone reaches
    NoLevel no_level = NoLevel::None;
    Cap cap = Cap::None;                            // why `level` is below `score_level`
    const AreaResult* limiting_area = nullptr;      // WeakArea cap, or the critical area without a level
    std::vector<BlockerItem> blockers;              // 開始を妨げる事項 first, then 確認が必要; file order
    std::vector<const ConsistencyCheck*> inconsistencies;
    std::vector<AdviceItem> advice;                 // highest impact first
    std::vector<const Question*> unknown;           // answered 「わからない」
    std::vector<const Question*> unanswered;        // visible but not answered
    QuestionCounts counts;                          // every asked question

    bool complete() const { return unanswered.empty(); }
    int stoppers() const;
    int confirmations() const;
    std::vector<const AreaResult*> undetermined() const;  // areas with scored questions but no score
};

struct TaskResult {
    std::string name;
    const TaskClass* assigned = nullptr;            // none when the questionnaire has no classes
    std::vector<const TaskRule*> matched;           // the rules that hold, in file order
    std::vector<const ConsistencyCheck*> inconsistencies;
    std::vector<const Question*> unknown;
    std::vector<const Question*> unanswered;
    QuestionCounts counts;
};

// Whether a question is asked, given the answers so far (its show_if).
bool is_visible(const Question& question, const AnswerMap& answers);
// The questions asked given the answers, in asking order (see QuestionCounts).
std::vector<const Question*> applicable_questions(const Questionnaire& q, const AnswerMap& answers);
QuestionCounts count_questions(const Questionnaire& q, const AnswerMap& answers);
// A hidden follow-up that counts as not met: when_hidden = "not_met" and every question its
// show_if reads has a real answer (hidden because of an answer, not for want of one).
bool hidden_not_met(const Question& question, const AnswerMap& answers);

// The fraction of full marks an answer earns; none when unscored, unanswered or 「わからない」.
std::optional<double> answer_score(const Question& question, const Answer& answer);

Result score(const Questionnaire& q, const AnswerMap& answers);
TaskResult classify(const Questionnaire& q, const TaskAnswers& task);

}  // namespace tebiki::assessment
