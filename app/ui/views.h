// One function per screen or panel; each draws into the current ImGui frame from App.
#pragma once
#include "ui/app.h"

namespace tebiki::ui {

void draw_root(App& app);              // the whole window: toolbar + home or reader + popups
void draw_toolbar(App& app);           // view_toolbar.cpp
void draw_search_results(App& app);    // view_search.cpp
void draw_home(App& app);              // view_home.cpp
void draw_reader(App& app);            // view_reader.cpp
void draw_popups(App& app);            // view_popups.cpp: notices, external links
void handle_shortcuts(App& app);       // shortcuts.cpp

}  // namespace tebiki::ui
