// Answers as short text for storage: the TOML value an answers file would hold
// ("mail", ["a", "b"], 42, true, "unknown"), so stored answers read like the answers files.
#pragma once
#include <optional>
#include <string>

#include "assessment/answer.h"
#include "assessment/questionnaire.h"

namespace tebiki::assessment {

std::string encode_answer(const Answer& answer);
// Nullopt when the text is not a value this question accepts (edited file, damaged row).
std::optional<Answer> decode_answer(const Question& question, const std::string& text);

}  // namespace tebiki::assessment
