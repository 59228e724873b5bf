// Answers written as TOML, for `tebiki assess` and the golden tests:
//
//   [answers]                      # department questionnaires
//   start_end = "mail"             # single choice: the option id
//   tools = ["chat", "web"]        # multiple choice: option ids
//   staff = 42                     # number
//   lend_devices = true            # yes/no
//   note = "自由記述"                # text
//   top_message = "unknown"        # 「わからない」
//
//   [[tasks]]                      # per-task questionnaires: one table per task
//   name = "窓口での証明書交付"
//   [tasks.answers]
//   face_to_face = "always"
//
// Every answer is checked against its question; problems name the answer id and its line.
#pragma once
#include <filesystem>
#include <string_view>
#include <vector>

#include "assessment/answer.h"
#include "assessment/questionnaire.h"
#include "util/diagnostics.h"

namespace tebiki::assessment {

struct AnswersFile {
    AnswerMap answers;
    std::vector<TaskAnswers> tasks;
};

// Returns false when the file could not be read or parsed at all; answer-level problems are
// reported and the offending answers left out.
bool load_answers(const std::filesystem::path& file, const Questionnaire& q, AnswersFile& out, Diagnostics& diagnostics);
bool parse_answers(std::string_view text, const std::string& file_name, const Questionnaire& q, AnswersFile& out,
                   Diagnostics& diagnostics);

// Checks one answer against its question; returns the Japanese problem or an empty string.
std::string validate_answer(const Question& question, const Answer& answer);

}  // namespace tebiki::assessment
