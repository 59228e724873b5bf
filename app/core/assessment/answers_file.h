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
// Every answer is checked against its question; problems name the answer id, its line and
// column (see answer_resolve.h: old ids, `[]`, duplicates, exclusive options, unreadable shapes).
#pragma once
#include <filesystem>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "assessment/answer.h"
#include "assessment/answer_resolve.h"
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

// Checks one answer against its question; returns the problem by id (empty when none).
Message validate_answer(const Question& question, const Answer& answer);

// Answers as written in an answers file, for any questionnaire: one raw value per key, in the
// file's order.
std::vector<RawAnswer> raw_answers(const toml::table& table);
// One value written under `id`; line and column are the node's.
RawAnswer raw_answer(std::string id, const toml::node& node);

}  // namespace tebiki::assessment
