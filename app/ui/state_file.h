// TEBIKI_STATE_FILE: what the window shows, written as JSON after each drawn frame so that the
// end-to-end tests can wait for a screen and click widgets by name.
#pragma once
#include "ui/app.h"

namespace tebiki::ui {

void write_state(const App& app, const char* path);

}  // namespace tebiki::ui
