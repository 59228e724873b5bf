// What the document screen shows: the drafts of the open department, the options the user chose,
// and the preview page (rendered with the PDF writer's own layout, then uploaded as a texture).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "assessment/session.h"
#include "documents/assemble.h"
#include "documents/compare.h"
#include "ui/textures.h"

namespace tebiki::ui {

struct DocumentsUi {
    documents::DocumentSet set;                     // assessment/documents, loaded at start
    std::string selected = "yoko";
    std::map<std::string, std::string> overrides;   // option id → value chosen in the app
    int64_t overrides_for = 0;                      // the department they were chosen for
    std::string date_text;                          // YYYY-MM-DD; empty: today
    std::optional<assessment::Session> source;      // the readiness assessment whose answers are used
    int64_t source_for = 0;                         // the department `source` was looked up for
    int page = 0;
    bool draft_dirty = true;                        // an input changed: draft and titles are stale
    bool preview_dirty = true;                      // the page image is stale
    documents::Draft draft;                         // the selected document, as drafted
    std::vector<std::pair<std::string, std::string>> titles;  // applicable documents: id, title
    int preview_pages = 0, preview_w = 0, preview_h = 0;
    DynamicTexture preview;
    std::string message;                            // what the last save said (cleared when the draft changes)
    bool message_error = false;                     // … and whether it failed
    float message_room = 0;                         // the height kept for that message in the save bar
    std::string saved_as;                           // "yoko.pdf": saved so since the draft last changed
    std::string confirm_ext;                        // a save of that same draft waiting for 「もう一度保存」
    float preview_zoom = 1.0f;                      // 1: the page fits the panel; more: zoomed in, panned by drag
    float preview_scroll[2] = {0, 0};               // how far the zoomed page is panned (x, y)
    std::vector<std::string> input_errors;          // option values that cannot be drafted (empty text …)

    // The municipality's own 例規 and organisation (profile facts), kept per municipality in the
    // user store as profile TOML (docs_facts.cpp).
    documents::Profile facts;
    std::string facts_for;                          // the municipality `facts` belong to
    std::string facts_message;

    // 新旧対照表 against the department's last saved draft of the document (docs_compare.cpp).
    bool compare_preview = false;                   // the preview shows the table instead of the draft
    bool comparison_dirty = true;
    std::optional<documents::Comparison> comparison;
    std::string compare_base;                       // when the draft compared with was saved
    std::string compare_message;
};

struct App;
// docs_options.cpp: the options panel; the choices stored for a department.
std::map<std::string, std::string> load_options(App& app, int64_t department);
void draw_options(App& app, const documents::DraftInputs& in, float width);
// docs_facts.cpp: the facts panel, and the facts of the open department's municipality.
void load_facts(App& app);
void draw_facts(App& app, float width);
// docs_compare.cpp: remember a saved draft; the 新旧対照表 panel and its preview pages.
void remember_saved_draft(App& app, const documents::Draft& draft);
void draw_compare(App& app, float width);

}  // namespace tebiki::ui
