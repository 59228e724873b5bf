#include "assessment/check.h"

#include "assessment/messages.h"
#include "guide/check.h"
#include "util/file_io.h"

namespace tebiki::assessment {

GuideTarget find_guide_target(const Book& book, std::string_view ref) {
    GuideTarget target;
    const size_t hash = ref.find('#');
    target.chapter = book.find(ref.substr(0, hash));
    if (target.chapter && hash != std::string_view::npos) target.heading = book.find_heading(*target.chapter, ref.substr(hash + 1));
    return target;
}

namespace {

void check_ref(const Book& book, const std::string& ref, const std::string& file, int line, Diagnostics& out) {
    if (ref.empty()) return;
    const GuideTarget t = find_guide_target(book, ref);
    if (!t.chapter) out.push_back(diagnostic(file, line, 0, {{says::guide_chapter_missing, {ref.substr(0, ref.find('#'))}}}));
    else if (ref.find('#') != std::string::npos && !t.heading)
        out.push_back(diagnostic(file, line, 0, {{says::guide_heading_missing, {ref.substr(ref.find('#')), t.chapter->id}}}));
}

}  // namespace

void check_guide_links(const Questionnaire& q, const Book& book, Diagnostics& out) {
    const std::string file = q.file.string();
    for (const Area& a : q.areas)
        for (const std::string& ref : a.guide) check_ref(book, ref, file, a.line, out);
    for (const Question& question : q.questions) check_ref(book, question.guide, file, question.line, out);
    for (const Blocker& b : q.blockers)
        for (const std::string& ref : b.guide) check_ref(book, ref, file, b.line, out);
    for (const Advice& a : q.advice)
        for (const std::string& ref : a.guide) check_ref(book, ref, file, a.line, out);
    for (const ConsistencyCheck& c : q.checks)
        for (const std::string& ref : c.guide) check_ref(book, ref, file, c.line, out);
    for (const TaskRule& r : q.rules)
        for (const std::string& ref : r.guide) check_ref(book, ref, file, r.line, out);
}

void check_questionnaire_glyphs(const Questionnaire& q, const FontSet& fonts, Diagnostics& out) {
    if (auto text = read_file(q.file)) check_glyphs(q.file.string(), *text, fonts, out);
}

}  // namespace tebiki::assessment
