#include "ui/state_file.h"

#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "assessment/scoring.h"
#include "util/file_io.h"
#include "util/json.h"
#include "ui/views.h"

namespace tebiki::ui {

void write_state(const App& app, const char* path) {
    const Chapter* chapter = app.current_chapter();
    const AnchorPosition* section = app.current_layout ? app.current_layout->section_at(app.page_scroll + app.ui_fonts.scale.body) : nullptr;
    std::string json = "{";
    auto field = [&json](const char* name, const std::string& value, bool quote) {
        if (json.size() > 1) json += ",";
        json += std::string("\"") + name + "\":" + (quote ? json_string(value) : value);
    };
    const char* steps[] = {"departments", "department_form", "chooser", "tasks", "question", "review", "results"};
    field("screen", app.screen == Screen::Assessment ? std::string("assess:") + steps[int(app.assess.step)]
                    : app.screen == Screen::Documents ? std::string("documents")
                    : app.screen == Screen::Ward      ? std::string("ward")
                    : chapter                         ? "reader"
                                                      : "home",
          true);
    if (app.screen == Screen::Documents) {
        field("document", app.docs.selected, true);
        field("preview_pages", std::to_string(app.docs.preview_pages), false);
        field("draft_errors", std::to_string(app.docs.draft.errors.size() + app.docs.input_errors.size()), false);
        field("comparison", app.docs.comparison ? (app.docs.comparison->same ? "\"same\"" : "\"changed\"") : "null", false);
        field("preview_zoom", std::to_string(app.docs.preview_zoom), false);
        field("preview_scroll", "[" + std::to_string(int(app.docs.preview_scroll[0])) + "," + std::to_string(int(app.docs.preview_scroll[1])) + "]", false);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", app.docs.draft.date.year, app.docs.draft.date.month, app.docs.draft.date.day);
        field("draft_date", date, true);
        field("docs_source", !app.docs.source ? "" : app.docs.source->finished() ? "finished" : "in_progress", true);
        field("resave_asked", app.docs.confirm_ext.empty() ? "false" : "true", false);
        field("compare_preview", app.docs.compare_preview && app.docs.comparison ? "true" : "false", false);
    }
    // What the last save or export said (tests check a failed write is not reported as saved).
    field("docs_message", app.docs.message, true);
    field("assess_message", app.assess.message, true);
    field("assess_scroll", std::to_string(int(app.assess.scroll)), false);
    field("history", std::to_string(app.assess.department && app.assess.store ? app.assess.store->assessments(app.assess.department->id).size() : 0), false);
    field("admin_message", app.kiosk.admin_message, true);
    if (app.assess.session) {
        const auto& session = *app.assess.session;
        const auto visible = session.visible_questions(app.assess.task);
        field("question", app.assess.question < visible.size() ? visible[app.assess.question]->id : "", true);
        field("answers", std::to_string(session.answers(-1).size()), false);
        // The text or number field of the question on screen, and whether it shows what is stored.
        field("draft", app.assess.text_draft, true);
        field("draft_saved", assess_draft_saved(app) ? "true" : "false", false);
        field("tasks", std::to_string(session.tasks().size()), false);
        field("visible", std::to_string(visible.size()), false);
        const auto result = session.result();
        field("overall", result.overall ? std::to_string(*result.overall) : "null", false);
        field("level", result.level ? result.level->id : "", true);
        field("blockers", std::to_string(result.stoppers()), false);
        field("confirmations", std::to_string(result.confirmations()), false);
        field("applicable", std::to_string(result.counts.applicable), false);
    }
    // The count each questionnaire shows on the chooser (questions asked before any answer).
    std::string chooser = "{";
    for (const auto& q : app.assess.questionnaires)
        chooser += (chooser.size() > 1 ? "," : "") + json_string(q.id) + ":" + std::to_string(assessment::count_questions(q, {}).applicable);
    field("chooser", chooser + "}", false);
    field("ward", ward_state_json(app), false);  // view_ward.cpp
    field("sync", sync_state_json(app), false);  // view_store.cpp
    field("screenshots", std::to_string(app.screenshots_saved), false);
    field("present", app.present.active ? "true" : "false", false);
    field("slide", std::to_string(app.present.slide), false);
    field("slides", std::to_string(app.present.slides.size()), false);
    field("blank", app.present.blank ? "true" : "false", false);
    field("two_screens", app.present.two_screens ? "true" : "false", false);
    field("kiosk", app.kiosk.on ? "true" : "false", false);
    field("kiosk_locked", app.kiosk.locked ? "true" : "false", false);
    // The modal on top: "notice" for start-up notices, else the popup's ImGui name ("##pin" …).
    const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    const bool notice = modal && !app.notices.empty() && std::string(modal->Name).find(app.text.get("app.notice_title")) == 0;
    field("popup", !modal ? "" : notice ? "notice" : std::string(modal->Name), true);
    const char* asks[] = {"", "quit", "admin", "set_pin"};
    field("pin_prompt", asks[int(app.kiosk.ask)], true);
    field("pin_message", app.kiosk.pin_message, true);
    field("pin_digits", std::to_string(app.kiosk.pin.size()), false);  // how many typed, never which
    field("pin_again_digits", std::to_string(app.kiosk.pin_again.size()), false);
    field("keypad_field", std::to_string(app.kiosk.keypad_field), false);
    field("admin_open", app.kiosk.admin_open ? "true" : "false", false);
    const auto now = kiosk::IdleTimer::Clock::now();
    field("idle_countdown", app.kiosk.on && app.kiosk.idle && app.kiosk.idle->state(now) == kiosk::IdleTimer::State::Countdown
                                ? std::to_string(app.kiosk.idle->countdown_left(now))
                                : "0",
          false);
    field("query", app.query, true);
    field("page", chapter ? chapter->id : "", true);
    field("section", section ? section->anchor : "", true);
    field("scroll", std::to_string(int(app.page_scroll)), false);
    field("zoom", std::to_string(app.zoom), false);
    field("frames", std::to_string(app.frames_drawn), false);
    field("missing_glyphs", std::to_string(app.missing_glyphs), false);
    field("search_open", app.search_open ? "true" : "false", false);
    field("search_hits", std::to_string(app.hits.size()), false);
    field("selected_hit", std::to_string(app.selected_hit), false);
    field("modal", app.notices.empty() && !app.external_link.open && app.app_link_notice.empty() ? "false" : "true", false);
    std::string targets = "{";
    for (const auto& [name, r] : app.targets) {
        if (targets.size() > 1) targets += ",";
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "[%.0f,%.0f,%.0f,%.0f]", double(r[0]), double(r[1]), double(r[2]), double(r[3]));
        targets += json_string(name) + ":" + buffer;  // names may hold typed text (quotes)
    }
    field("targets", targets + "}", false);
    write_file(path, json + "}\n", nullptr, WriteOptions{.sync = false});  // polled by tests, rewritten every frame
}

}  // namespace tebiki::ui
