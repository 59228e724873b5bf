// The document screen's options: a yes/no box or a text per option the answers may settle, and
// the choices kept per department in the user store ("docs.options.<id>": "id=value" lines).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/page_view.h"
#include "ui/views.h"

namespace tebiki::ui {

using namespace documents;

namespace {

std::string options_key(int64_t department) { return "docs.options." + std::to_string(department); }

}  // namespace

// The options chosen for a department: "id=value" lines, \\ and \n escaped in the value.
std::map<std::string, std::string> load_options(App& app, int64_t department) {
    std::map<std::string, std::string> out;
    if (!app.store) return out;
    std::optional<std::string> text;
    try {
        text = app.store->get(options_key(department));
    } catch (const storage::StorageError&) {
    }
    if (!text) return out;
    size_t start = 0;
    while (start < text->size()) {
        size_t end = text->find('\n', start);
        if (end == std::string::npos) end = text->size();
        const std::string line = text->substr(start, end - start);
        start = end + 1;
        const size_t eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string value;
        for (size_t i = eq + 1; i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) value += line[++i] == 'n' ? '\n' : line[i];
            else value += line[i];
        }
        out[line.substr(0, eq)] = value;
    }
    return out;
}

namespace {

void store_options(App& app) {
    const DocumentsUi& d = app.docs;
    if (!app.store || !app.assess.department) return;
    std::string text;
    for (const auto& [id, value] : d.overrides) {
        text += id + "=";
        for (char c : value) text += c == '\\' ? std::string("\\\\") : c == '\n' ? std::string("\\n") : std::string(1, c);
        text += "\n";
    }
    try {
        app.store->set(options_key(app.assess.department->id), text);
    } catch (const storage::StorageError&) {
    }
}

// A yes/no option: the box, then its label wrapped in the width left (a long label is never cut
// off); a click on either toggles it.
bool option_checkbox(App& app, const std::string& label, bool& on, float width) {
    const float x = ImGui::GetCursorPosX();
    bool changed = ImGui::Checkbox("##on", &on);
    ImGui::SameLine();
    const float label_w = std::max(app.ui_fonts.scale.body * 4, width - (ImGui::GetCursorPosX() - x));
    if (wrapped_selectable(app, "label", label, false, label_w)) {
        on = !on;
        changed = true;
    }
    return changed;
}

}  // namespace

void draw_options(App& app, const DraftInputs& in, float width) {
    DocumentsUi& d = app.docs;
    for (const OptionValue& v : resolve_options(in)) {
        ImGui::PushID(v.option->id.c_str());
        const std::string tag = v.settled && !v.overridden ? std::string(" ") + app.text.get("docs.settled") : "";
        if (v.option->yesno) {
            bool on = v.value == "true";
            if (option_checkbox(app, v.option->label + tag, on, width)) {
                d.overrides[v.option->id] = on ? "true" : "false";
                d.draft_dirty = true;
                store_options(app);
            }
        } else {
            draw_wrapped(app, v.option->label + tag, width, FontRole::Regular, app.ui_fonts.scale.body, Ink::Text);
            std::string value = v.value;
            ImGui::SetNextItemWidth(width);
            if (ImGui::InputText("##value", &value)) {
                d.overrides[v.option->id] = value;
                d.draft_dirty = true;
                store_options(app);
            }
        }
        app.target("docs:option:" + v.option->id);
        ImGui::PopID();
    }
}

}  // namespace tebiki::ui
