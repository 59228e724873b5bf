// Colours for the semantic inks and boxes of a laid-out page, and the ImGui style.
#pragma once
#include <imgui.h>

#include "layout/page_layout.h"

namespace tebiki::ui {

ImU32 ink_color(Ink ink);
ImU32 box_fill(BoxKind kind);
ImU32 box_border(BoxKind kind);
ImU32 highlight_color();
ImU32 accent_color();
ImU32 page_background();            // behind slides
void set_high_contrast(bool on);   // switches every colour above to the dark presentation theme
bool high_contrast();
void apply_style(float scale);

}  // namespace tebiki::ui
