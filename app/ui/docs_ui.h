// What the document screen shows: the drafts of the open department, the options the user chose,
// and the preview page (rendered with the PDF writer's own layout, then uploaded as a texture).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "assessment/session.h"
#include "documents/assemble.h"
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
    std::string message;
};

}  // namespace tebiki::ui
