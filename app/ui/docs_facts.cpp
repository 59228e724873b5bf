// The document screen's 「自治体の例規と組織」 panel: the municipality facts a profile file holds
// for `tebiki generate` (勤務時間条例, 給与条例, 制定の形式, 所管の職, 首長, 対象の範囲), edited
// here and stored per municipality in the user store as the same TOML, read back through the
// same parser and checked with the same rules.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "documents/profile.h"
#include "ui/page_view.h"
#include "ui/theme.h"

namespace tebiki::ui {

using namespace documents;

namespace {

std::string key_for(const std::string& municipality) { return "docs.facts." + municipality; }

void store_facts(App& app) {
    DocumentsUi& d = app.docs;
    d.draft_dirty = true;
    d.comparison_dirty = true;
    if (!app.store) return;
    try {
        app.store->set(key_for(d.facts_for), facts_to_toml(d.facts));
        d.facts_message.clear();
    } catch (const std::exception& e) {
        d.facts_message = app.text.format("docs.facts_not_saved", {e.what()});
    }
}

bool text_field(App& app, const char* id, const char* label_key, std::string& value, float width) {
    ImGui::PushID(id);
    draw_wrapped(app, app.text.get(label_key), width, FontRole::Regular, app.ui_fonts.scale.body, Ink::Muted);
    ImGui::SetNextItemWidth(width);
    const bool changed = ImGui::InputText("##v", &value);
    app.target(std::string("docs:fact:") + id);
    ImGui::PopID();
    return changed;
}

}  // namespace

void load_facts(App& app) {
    DocumentsUi& d = app.docs;
    const std::string& municipality = app.assess.department->municipality;
    if (d.facts_for == municipality) return;
    d.facts_for = municipality;
    d.facts = Profile{};
    d.facts_message.clear();
    if (!app.store) return;
    try {
        if (const auto stored = app.store->get(key_for(municipality))) {
            Diagnostics problems;
            Profile read;
            if (parse_profile(*stored, "tebiki.sqlite", read, problems, true)) d.facts = read;
            else if (!problems.empty()) d.facts_message = problems.front().message;
        }
    } catch (const std::exception& e) {
        d.facts_message = app.text.format("docs.facts_not_saved", {e.what()});
    }
    d.draft_dirty = true;
}

void draw_facts(App& app, float width) {
    DocumentsUi& d = app.docs;
    Profile& f = d.facts;
    const bool open = ImGui::CollapsingHeader(app.text.get("docs.facts"));
    app.target("docs:facts");
    if (!open) return;
    draw_wrapped(app, app.text.get("docs.facts_lead"), width, FontRole::Regular, app.ui_fonts.scale.body, Ink::Muted);
    bool changed = false;
    changed |= text_field(app, "working_hours_ordinance", "docs.fact_working_hours", f.working_hours_ordinance, width);
    changed |= text_field(app, "salary_ordinance", "docs.fact_salary", f.salary_ordinance, width);
    draw_wrapped(app, app.text.get("docs.fact_enactment"), width, FontRole::Regular, app.ui_fonts.scale.body, Ink::Muted);
    for (const std::string& kind : enactment_kinds()) {
        if (ImGui::RadioButton(kind.c_str(), f.enactment == kind)) {
            f.enactment = kind;
            changed = true;
        }
        app.target("docs:fact:enactment:" + kind);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    changed |= text_field(app, "enactment_number", "docs.fact_enactment_number", f.enactment_number, width);
    changed |= text_field(app, "admin_head", "docs.fact_admin_head", f.admin_head, width);
    changed |= text_field(app, "mayor", "docs.fact_mayor", f.mayor, width);
    if (ImGui::Checkbox(app.text.get("docs.fact_all_appointers"), &f.all_appointers)) changed = true;
    app.target("docs:fact:all_appointers");
    draw_wrapped(app, app.text.get("docs.fact_exclude"), width, FontRole::Regular, app.ui_fonts.scale.body, Ink::Muted);
    for (const std::string& name : staff_exclusions()) {
        bool on = std::find(f.exclude.begin(), f.exclude.end(), name) != f.exclude.end();
        if (ImGui::Checkbox(name.c_str(), &on)) {
            // Kept in the order staff_exclusions() lists them.
            std::vector<std::string> next;
            for (const std::string& n : staff_exclusions())
                if (n == name ? on : std::find(f.exclude.begin(), f.exclude.end(), n) != f.exclude.end()) next.push_back(n);
            f.exclude = next;
            changed = true;
        }
        app.target("docs:fact:exclude:" + name);
    }
    if (changed) store_facts(app);
    draw_message(app, d.facts_message, true, width);
}

}  // namespace tebiki::ui
