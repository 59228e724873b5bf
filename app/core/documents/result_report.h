// The printable results of an assessment, as a Draft the PDF/Word/Markdown writers print:
// overall level, blockers, a table of the areas, advice, and the questions left open.
#pragma once
#include "assessment/export.h"
#include "assessment/scoring.h"
#include "documents/assemble.h"
#include "util/ui_strings.h"

namespace tebiki::documents {

// `words` holds the report's labels (the [report] section of assets/strings/ja.toml).
Draft result_draft(const assessment::Result& r, const assessment::ExportContext& who, const UiStrings& words);
Draft tasks_draft(const assessment::Questionnaire& q, const std::vector<assessment::TaskResult>& tasks,
                  const std::vector<assessment::TaskAnswers>& answers, const assessment::ExportContext& who, const UiStrings& words);

}  // namespace tebiki::documents
