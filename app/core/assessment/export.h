// Results for the ward's promotion team to aggregate: JSON (one object per assessment) and CSV
// (one row per area or per task, UTF-8 with BOM so Excel opens it as Japanese).
#pragma once
#include <string>
#include <vector>

#include "assessment/scoring.h"

namespace tebiki::assessment {

// Who the result belongs to; empty fields are left out of the JSON and blank in the CSV.
struct ExportContext {
    std::string municipality, department, assessed_at;
};

std::string result_json(const Result& r, const ExportContext& who = {});
std::string tasks_json(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who = {});
std::string result_csv(const Result& r, const ExportContext& who = {});
std::string tasks_csv(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who = {});

}  // namespace tebiki::assessment
