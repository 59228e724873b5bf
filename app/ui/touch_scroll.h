// Drag-to-scroll with inertia for touch screens: dragging the current child window with a finger
// (or the mouse) scrolls it, and a flick keeps it gliding for a moment, slowing down.
#pragma once
#include "ui/app.h"

namespace tebiki::ui {

// Call inside a scrollable child window, before its content. A press anywhere on the window's
// background (text, images: anything but a widget) that moves past the drag threshold scrolls it.
void touch_scroll(App& app);

// True while (or when) the current press has moved past the drag threshold: a link under a
// finger that scrolled the page is not followed.
bool touch_dragged();

}  // namespace tebiki::ui
