// Drag-to-scroll with inertia for touch screens: dragging the current child window with a finger
// (or the mouse) scrolls it, and a flick keeps it gliding for a moment, slowing down.
#pragma once
#include "ui/app.h"

namespace tebiki::ui {

// Call inside a scrollable child window, before its content.
void touch_scroll(App& app);

}  // namespace tebiki::ui
