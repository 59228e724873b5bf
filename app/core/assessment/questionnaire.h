// A questionnaire as loaded from assessment/*.toml (the format is documented in
// assessment/README.md). Loading never throws: problems go to Diagnostics as file:line:col.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/condition.h"
#include "util/diagnostics.h"

namespace tebiki::assessment {

enum class QuestionType { Single, Multiple, YesNo, Number, Text };

struct Option {
    std::string id;
    std::string label;
    std::optional<double> score;  // 0..1 of the question's full marks; none: not scored
    bool exclusive = false;       // multiple choice: 「ない」 cannot be chosen with another option
};

struct NumberBand {  // a number answer in [min, max) earns `score`
    double min = 0;
    double max = 0;
    double score = 0;
};

// An id the question had in an earlier version (answers files and stored answers keep old ids):
// answers under it are read into this question, with old option ids mapped to new ones.
// `id` may be the question's own id when only its options or type changed.
struct Alias {
    std::string id;
    std::map<std::string, std::string> options;  // old option id (yes/no for yes/no) → new option id; "" drops it
    int line = 0;
};

// What a follow-up question counts for while it is hidden.
enum class WhenHidden {
    Skip,    // not asked, not counted (the parent answer makes it unnecessary)
    NotMet,  // hidden because the parent answer says "not in place": counts as answered with 0
};

struct Question {
    std::string id;
    std::string area;                // department questionnaires
    std::string text;
    std::string short_text;          // column header in task tables; the text when empty
    std::string help;
    std::string guide;               // "4-kanri/02-rodo-jikan#始業と終業を職場に報告する"
    QuestionType type = QuestionType::Single;
    std::vector<Option> options;     // Single, Multiple; YesNo gets はい/いいえ
    bool allow_unknown = true;       // 「わからない」
    Condition show_if;
    std::string show_if_text;
    double weight = 1;
    std::string unit;                // Number: "人"
    std::optional<double> min, max;  // Number: accepted range
    std::vector<NumberBand> bands;   // Number: scoring
    WhenHidden when_hidden = WhenHidden::Skip;
    std::vector<Alias> aliases;
    int line = 0;

    const Option* option(std::string_view option_id) const;
    bool scored() const;
};

struct Area {
    std::string id;
    std::string name;
    std::string short_name;  // for the radar chart; the name when empty
    double weight = 1;
    bool critical = false;   // heavily weighted: the overall level stays near its level (see Scoring)
    std::vector<std::string> guide;
    int line = 0;
};

struct Level {
    std::string id;
    std::string label;
    std::string short_label;  // a heat-map cell's word (準備開始); the label when empty
    double min = 0;  // the level holds from this score (0..100) up to the next level's min
    std::string description;
};

// A stopper: when `when` holds, 「開始を妨げる事項」. When it does not hold but one of `needs` is
// answered 「わからない」 or not answered, 「確認が必要」 with the `confirm` text: never a pass.
struct Blocker {
    std::string id;
    Condition when;
    std::string when_text;
    std::string message;
    std::string short_text;          // a few words for the 全庁 summary (持ち出しルール未確認)
    std::vector<std::string> needs;  // questions whose unknown or missing answer leaves it unsettled
    std::string confirm;             // the 「確認が必要」 text
    std::vector<std::string> guide;
    int line = 0;
};

// Something to do, shown when `when` holds over the answers (and, if `levels` is given, when the
// area's level is one of them). Advice never repeats what the answers say is done.
struct Advice {
    std::string id;
    std::string area;
    Condition when;
    std::string when_text;
    std::vector<std::string> levels;  // the area levels it applies to (all when empty)
    std::string text;
    std::vector<std::string> guide;
    int line = 0;
};

// Answers that contradict each other: shown in the results as 「回答の食い違い」.
struct ConsistencyCheck {
    std::string id;
    Condition when;
    std::string when_text;
    std::string message;
    std::vector<std::string> guide;
    int line = 0;
};

// How levels are given (the [scoring] table; documented in assessment/README.md).
struct ScoringRules {
    double min_answered = 0.6;     // share of the applicable weight that must be really answered
    int cap_above_weakest = 1;     // overall level at most this many steps above the weakest critical area
    std::string blocked_level;     // with a 開始を妨げる事項, the overall level is at most this (first level when empty)
};

// Per-task questionnaires: each task is classified by rules over its own answers.
struct TaskClass {
    std::string id;
    std::string label;
};

struct TaskRule {
    Condition when;
    std::string when_text;
    std::string assign;  // class id it pushes the task to (the most severe assigned class wins)
    std::string reason;  // why
    std::string change;  // what would change the answer
    std::vector<std::string> guide;
    int line = 0;
};

struct Questionnaire {
    enum class Kind { Department, Tasks };
    std::filesystem::path file;
    std::string id;
    std::string title;
    int version = 1;
    int order = 100;                         // place in the chooser (smaller first, then by id)
    std::string description;
    Kind kind = Kind::Department;
    std::string task_label;                  // Tasks: what a row is called (業務)
    std::vector<std::string> summary;        // Tasks: question ids shown as columns of the result table
    std::vector<Area> areas;
    std::vector<Question> questions;         // in asking order
    std::vector<Level> levels;               // ascending min
    std::vector<Blocker> blockers;
    std::vector<Advice> advice;
    std::vector<ConsistencyCheck> checks;
    ScoringRules scoring;
    std::vector<TaskClass> classes;          // least to most severe
    std::vector<TaskRule> rules;

    const Question* question(std::string_view question_id) const;
    // The question that answers under `id` belong to: the question itself or the one listing it as an alias.
    const Question* question_or_alias(std::string_view id, const Alias** alias = nullptr) const;
    const Area* area(std::string_view area_id) const;
    const Level* level_for(double score) const;
    int level_index(const Level* level) const;  // position in `levels`; -1 for none
};

std::optional<Questionnaire> load_questionnaire(const std::filesystem::path& file, Diagnostics& diagnostics);
// The same from text already in memory; `file` names it in messages.
std::optional<Questionnaire> parse_questionnaire(std::string_view text, const std::filesystem::path& file,
                                                 Diagnostics& diagnostics);

// Every *.toml in `dir`, sorted by file name; broken files are reported and skipped.
std::vector<Questionnaire> load_questionnaires(const std::filesystem::path& dir, Diagnostics& diagnostics);

}  // namespace tebiki::assessment
