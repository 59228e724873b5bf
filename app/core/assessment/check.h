// `tebiki check` for questionnaires: every guide reference ("chapter" or "chapter#見出し") must
// exist in the book, and every character must be one the bundled font can draw.
#pragma once
#include "assessment/questionnaire.h"
#include "guide/book.h"
#include "text/font_set.h"

namespace tebiki::assessment {

void check_guide_links(const Questionnaire& q, const Book& book, Diagnostics& out);
void check_questionnaire_glyphs(const Questionnaire& q, const FontSet& fonts, Diagnostics& out);

// "4-kanri/05-kitei#要綱に定める事項" → the chapter and (optional) heading; null chapter when absent.
struct GuideTarget {
    const Chapter* chapter = nullptr;
    const Heading* heading = nullptr;
};
GuideTarget find_guide_target(const Book& book, std::string_view ref);

}  // namespace tebiki::assessment
