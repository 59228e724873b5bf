// The checks a loaded questionnaire must pass (run by parse_questionnaire, reported by
// `tebiki check`): ids, references, conditions, thresholds, exclusive options, aliases, blockers'
// needs and the [scoring] table. Messages are Japanese, with the line of the offending entry.
#pragma once
#include "assessment/questionnaire.h"

namespace tebiki::assessment {

void validate_questionnaire(const Questionnaire& q, Diagnostics& out);

// Whether an option reads as "none of these" (id none, or a label such as 「なし」「特にない」):
// such an option of a multiple-choice question must be marked exclusive.
bool looks_like_none(const Option& option);

}  // namespace tebiki::assessment
