// `tebiki check` for assessment/documents: every condition must read a readiness question or an
// option that exists (and compare it with a value it can have), and option ids must not shadow
// question ids. Loading (document_model.h) already reports syntax, keys and references.
#pragma once
#include "assessment/questionnaire.h"
#include "documents/document_model.h"
#include "text/font_set.h"

namespace tebiki::documents {

void check_document_conditions(const DocumentSet& set, const std::vector<assessment::Questionnaire>& questionnaires, Diagnostics& out);
// Characters the app's font cannot draw (the preview and the document screen use it).
void check_document_glyphs(const DocumentSet& set, const FontSet& fonts, Diagnostics& out);

}  // namespace tebiki::documents
