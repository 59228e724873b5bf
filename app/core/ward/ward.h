// The 全庁 view: every department's latest finished assessment of one questionnaire, scored per
// area, with what stops it, what needs confirming, the change since its previous assessment, a
// summary of the blockers across the ward and the distribution of levels month by month. Built
// from any Store (the installation's own, or the ward's server); the command line and the window
// both draw this model.
//
// Each assessment is scored on the questionnaire text of the version it was answered on (the
// store keeps those texts), so editing assessment/ never changes an old result; the areas,
// levels and blocker words shown are the current questionnaire's, matched by id.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/questionnaire.h"
#include "storage/store.h"

namespace tebiki::ward {

struct Cell {  // one department × one area
    std::optional<double> score;   // none: too few answers, or the area was not in that version
    int level = -1;                // index into Model::levels; -1 none
    std::optional<double> change;  // score points since the previous assessment
};

struct RowBlocker {
    std::string id;
    bool confirm = false;  // 確認が必要 rather than 開始を妨げる事項
};

struct Row {
    std::string municipality, department;
    std::string division;      // 部 (see division_of)
    std::string assessed_at;   // the latest finished assessment (UTC ISO)
    std::string installation;  // where it was taken
    std::string assessment;    // its global id
    int version = 0;           // of the questionnaire it was answered on
    int assessments = 0;       // finished assessments of this department
    std::optional<double> overall;
    int level = -1;            // the overall level after caps; -1: none (see no_level)
    std::string no_level;      // "few_answers", "critical_area", "needs_confirm" or ""
    bool has_previous = false;
    std::optional<double> overall_change;
    int previous_level = -1;
    std::vector<Cell> areas;   // Model::areas order
    std::vector<RowBlocker> blockers;  // 開始を妨げる事項 first, then 確認が必要
};

struct AreaColumn {
    std::string id, name, short_name;
};

struct LevelName {
    std::string id, label, short_label;
};

// 「12課が『持ち出しルール未確認』で止まっています」: one blocker across the ward.
struct BlockerSummary {
    std::string id;
    bool confirm = false;
    std::string label;    // the blocker's `short`, or its message up to the first 。
    std::string message;
    std::vector<std::string> guide;
    std::vector<std::string> departments;  // "municipality　name"
};

// The ward at the end of a month: departments by their latest level then (no level last).
struct Month {
    std::string month;        // "2026-11"
    std::vector<int> counts;  // Model::levels order, then one for 判定なし
};

struct Model {
    std::string questionnaire_id, title;
    int version = 0;
    std::vector<AreaColumn> areas;
    std::vector<LevelName> levels;
    std::vector<Row> rows;                 // by municipality, then department
    std::vector<BlockerSummary> blockers;  // most departments first; 開始を妨げる事項 before 確認が必要
    std::vector<Month> trend;              // oldest first, every month from the first assessment
    std::vector<std::string> problems;     // Japanese: assessments that could not be scored
};

Model build_model(storage::Store& store, const assessment::Questionnaire& current);

// 「総務部人事課」→「総務部」: the name up to and including the first 部 after its first
// character; the whole name when it has none (人事課, 部長室).
std::string division_of(std::string_view department);

// The model's blockers counted over some of its rows only (a filter by 部): blockers none of
// them has are dropped, the order is kept as build_model gives it (most departments first).
std::vector<BlockerSummary> blockers_among(const Model& m, const std::vector<const Row*>& rows);

enum class SortBy { Department, Division, Date, Overall, Change, Area };
// Orders `rows` (pointers into a model) by a column; ties and missing values keep the
// department order, missing values last in either direction.
void sort_rows(std::vector<const Row*>& rows, SortBy by, size_t area, bool descending);

}  // namespace tebiki::ward
