// Results as plain Japanese text: what `tebiki assess` prints and what the golden files hold.
#pragma once
#include <string>
#include <vector>

#include "assessment/scoring.h"

namespace tebiki::assessment {

std::string format_score(double score);  // "72.5" — one decimal, so golden files are stable
std::string format_result(const Result& result);
std::string format_tasks(const Questionnaire& q, const std::vector<TaskResult>& tasks, const std::vector<TaskAnswers>& answers);

// The label shown for an answer ("メールで報告", "はい", "12 人", "わからない", "未回答").
std::string answer_label(const Question& question, const Answer& answer);

}  // namespace tebiki::assessment
