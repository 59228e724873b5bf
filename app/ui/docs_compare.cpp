// The document screen's 「新旧対照表」 panel. The store keeps, per department and document, the
// Markdown of the last two saved drafts (settings keys docs.saved.*): the table compares the
// draft on the screen (改正後) with the last saved one (改正前) — or with the one before, when
// the draft on the screen is the one just saved — and is saved like the drafts or previewed.
#include <imgui.h>

#include "documents/reiki_parse.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "util/local_time.h"

namespace tebiki::ui {

using namespace documents;

namespace {

// Keys name the department by id and name, so a department registered later under a reused id
// never inherits another's drafts.
std::string key(const App& app, const std::string& what) {
    const storage::Department& dept = *app.assess.department;
    return "docs." + what + "." + std::to_string(dept.id) + "." + dept.municipality + "." + dept.name + "." + app.docs.selected;
}

std::optional<std::string> stored(App& app, const std::string& what) {
    if (!app.store) return std::nullopt;
    try {
        return app.store->get(key(app, what));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// 20261125-083015 → 2026-11-25 08:30
std::string readable(const std::string& stamp) {
    if (stamp.size() < 15) return stamp;
    return stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + " " + stamp.substr(9, 2) + ":" + stamp.substr(11, 2);
}

void rebuild(App& app) {
    DocumentsUi& d = app.docs;
    d.comparison_dirty = false;
    d.comparison.reset();
    d.compare_message.clear();
    const std::string current = to_markdown(d.draft);
    std::optional<std::string> base = stored(app, "saved"), when = stored(app, "saved_at");
    if (base && *base == current) {  // just saved: compare with the draft saved before it
        base = stored(app, "saved_prev");
        when = stored(app, "saved_prev_at");
    }
    if (!base) return;
    Diagnostics problems;
    const auto before = parse_reiki_markdown(*base, app.text.get("docs.compare_saved_name"), problems);
    const auto after = parse_reiki_markdown(current, app.text.get("docs.compare_current_name"), problems);
    if (!before || !after) {
        d.compare_message = app.text.format("docs.compare_error", {problems.empty() ? "" : problems.front().to_string()});
        return;
    }
    d.comparison = compare_regulations(*before, *after, app.text);
    d.comparison->date = d.draft.date;
    d.compare_base = readable(when.value_or(""));
}

}  // namespace

void remember_saved_draft(App& app, const Draft& draft) {
    if (!app.store || draft.form) return;
    const std::string md = to_markdown(draft);
    try {
        const auto last = stored(app, "saved");
        if (last && *last == md) return;
        if (last) {
            app.store->set(key(app, "saved_prev"), *last);
            app.store->set(key(app, "saved_prev_at"), stored(app, "saved_at").value_or(""));
        }
        app.store->set(key(app, "saved"), md);
        app.store->set(key(app, "saved_at"), local_timestamp());
    } catch (const std::exception&) {
        // The draft itself was saved; only the comparison base is missing next time.
    }
    app.docs.comparison_dirty = true;
}

void draw_compare(App& app, float width) {
    DocumentsUi& d = app.docs;
    const float body = app.ui_fonts.scale.body;
    if (d.draft.form || !d.draft.errors.empty()) return;
    draw_heading(app, app.text.get("docs.compare"), 2);
    if (d.comparison_dirty) rebuild(app);
    if (!d.compare_message.empty()) {
        draw_message(app, d.compare_message, true, width);
        return;
    }
    if (!d.comparison) {
        draw_wrapped(app, app.text.get("docs.compare_none"), width, FontRole::Regular, body, Ink::Muted);
        if (d.compare_preview) {
            d.compare_preview = false;
            d.preview_dirty = true;
        }
        return;
    }
    draw_wrapped(app, app.text.format("docs.compare_lead", {d.compare_base}), width, FontRole::Regular, body, Ink::Muted);
    if (d.comparison->same) draw_wrapped(app, app.text.get("docs.compare_same"), width, FontRole::Regular, body, Ink::Muted);
    if (ImGui::Checkbox(app.text.get("docs.compare_preview"), &d.compare_preview)) {
        d.page = 0;
        d.preview_dirty = true;
    }
    app.target("docs:compare_preview");
    const storage::Department& dept = *app.assess.department;
    auto save = [&](const char* ext) {
        const Comparison& c = *d.comparison;
        bool saved = false;
        d.message = app.save_export(
            dept.municipality + "_" + dept.name + "_" + c.title, "_compare_" + local_timestamp(), ext,
            [&](std::string* error) { return comparison_bytes(c, ext, error); }, "docs.saved", "docs.failed", &saved);
        d.message_error = !saved;
    };
    if (ImGui::Button((std::string(app.text.get("docs.compare_save_docx")) + "##compare").c_str())) save(".docx");
    app.target("docs:compare_docx");
    ImGui::SameLine();
    if (ImGui::Button((std::string(app.text.get("docs.compare_save_pdf")) + "##compare").c_str())) save(".pdf");
    app.target("docs:compare_pdf");
    ImGui::SameLine();
    if (ImGui::Button((std::string(app.text.get("docs.compare_save_md")) + "##compare").c_str())) save(".md");
    app.target("docs:compare_md");
}

}  // namespace tebiki::ui
