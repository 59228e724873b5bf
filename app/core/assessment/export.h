// Results for the ward's promotion team to aggregate: JSON (one object per assessment) and CSV
// (one row per area or per task, UTF-8 with BOM so Excel opens it as Japanese).
#pragma once
#include <string>
#include <vector>

#include "assessment/scoring.h"
#include "util/ui_strings.h"

namespace tebiki::assessment {

// Who the result belongs to; empty fields are left out of the JSON and blank in the CSV.
struct ExportContext {
    std::string municipality, department, assessed_at;
};

std::string result_json(const Result& r, const ExportContext& who = {});
std::string tasks_json(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who = {});
// CSV column names come from `words` (report.csv_header, report.csv_tasks_header, report.csv_overall).
std::string result_csv(const Result& r, const ExportContext& who, const UiStrings& words);
std::string tasks_csv(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who, const UiStrings& words);

// Why the overall level is missing, or lower than the score alone would give ("" when neither),
// in the words of ja.toml (report.few_answers, report.no_level_*, report.cap_*). Shared by the
// window, the PDF and the CSV.
std::string level_note(const Result& r, const UiStrings& words);
std::string percent_text(double share);  // 0.6 → "60%"

}  // namespace tebiki::assessment
