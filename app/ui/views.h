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
void draw_assessment(App& app);        // view_assess.cpp: departments, chooser (and dispatch)
void draw_assess_tasks(App& app);      // view_assess_question.cpp
void draw_assess_question(App& app);   // view_assess_question.cpp
void draw_assess_review(App& app);     // view_assess_question.cpp
bool assess_draft_saved(const App& app);  // view_assess_question.cpp: the field shows what is stored
void draw_assess_results(App& app);
void interrupt_assessment(App& app);   // view_assess_question.cpp: back to the chooser; an empty one is discarded    // view_assess_results.cpp
// view_assess.cpp: an assessment taken on an older version of a bundled questionnaire is moved onto
// the current version before it is answered again (answers carried over through aliases).
void bring_up_to_date(App& app, int64_t assessment_id);
// view_assess.cpp: opens the department and goes on with its unfinished assessment (home 「続きから」).
void resume_assessment(App& app, const storage::Department& department, int64_t assessment_id);
void draw_documents(App& app);         // view_documents.cpp
void draw_presentation(App& app);      // view_present.cpp: the whole window while presenting
void draw_kiosk(App& app);             // view_kiosk.cpp: PIN dialogs, idle countdown, admin screen
void draw_kiosk_locked(App& app);      // view_kiosk.cpp: the whole window while the PIN cannot be read
void request_kiosk_quit(App& app);     // view_kiosk.cpp: Esc / close button / Alt+F4 in a kiosk
void handle_shortcuts(App& app);       // shortcuts.cpp
void draw_ward(App& app);              // view_ward.cpp: the 全庁 screen (heat map, blockers, trend, CSV)
std::string ward_state_json(const App& app);  // view_ward.cpp: for the state file
// view_store.cpp: the server's state in the toolbar (nothing for a local store), the store setting
// and the 全庁 button in the admin screen, and the background threads' side of the main loop.
void draw_sync_status(App& app);
float sync_status_width(App& app);  // 0 without a ward server
void draw_store_admin(App& app);
bool take_background_news(App& app);   // a background thread has something new: draw a frame
void stop_background_work(App& app);   // before the window closes
std::string sync_state_json(const App& app);

}  // namespace tebiki::ui
