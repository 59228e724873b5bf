// Draws a laid-out page into the current ImGui window: only the lines and boxes inside the
// clip rectangle, so the cost per frame does not grow with the chapter's length.
#pragma once
#include <string>
#include <vector>

#include "ui/app.h"

namespace tebiki::ui {

struct PageInteraction {
    int clicked_link = -1;  // index into the chapter's Document::links
};

PageInteraction draw_page(App& app, const PageLayout& layout, float left_margin);

// Draws `layout` with its top-left at the cursor and moves the cursor below it; `terms`
// (folded) are highlighted. Used for small texts such as tile summaries and search snippets.
PageInteraction draw_layout(App& app, const PageLayout& layout, float left_margin, const std::vector<std::string>& terms);

// A selectable row whose label wraps with 禁則 (ImGui's Selectable clips long Japanese titles).
// Returns true when clicked or activated with the keyboard.
bool wrapped_selectable(App& app, const std::string& id, const std::string& label, bool selected, float width,
                        FontRole role = FontRole::Regular);

// A heading in one of the baked heading sizes (0 = h1). Only for the UI's and the guide's own
// words: the heading fonts hold just their characters.
void draw_heading(App& app, const std::string& text, int level = 0);
// Text anyone may have typed (department names), bold at body size: that font has every kanji.
void draw_strong(App& app, const std::string& text);
// Opens the guide at "chapter" or "chapter#見出し".
void open_guide(App& app, const std::string& ref);

// A message after an action: a failure in the error colour (bold), anything else muted.
void draw_message(App& app, const std::string& text, bool error, float width);

// SameLine() when a button labelled `label` still fits on the current line (up to the screen x
// `right`; 0: the window's content edge), else a new line.
void same_line_if_fits(const char* label, float right = 0);

// The height draw_wrapped() would take for `text` in `width`.
float wrapped_height(App& app, const std::string& text, float width, FontRole role, float px);

// Lays out and draws a short text with 禁則-correct wrapping (ImGui's own wrapping has none).
void draw_wrapped(App& app, const std::string& text, float width, FontRole role, float px, Ink ink,
                  const std::vector<std::string>& terms = {});

}  // namespace tebiki::ui
