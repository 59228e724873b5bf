// What the assessment screens are showing: the open department, the assessment being answered
// and the question on screen. The answers themselves live in the Session (saved at once).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessment/session.h"
#include "storage/assessment_store.h"

namespace tebiki::ui {

// One finished assessment in a department's history (for the change per area and the trend).
struct ScoreHistoryPoint {
    int64_t assessment = 0;
    std::string when;
    std::optional<double> overall;
    std::map<std::string, double> areas;  // area id → score
};

enum class AssessStep { Departments, DepartmentForm, Chooser, Tasks, Question, Review, Results };

struct AssessUi {
    AssessStep step = AssessStep::Departments;
    std::vector<assessment::Questionnaire> questionnaires;  // bundled, loaded at start
    std::unique_ptr<storage::AssessmentStore> store;         // null when the database is unusable

    std::optional<storage::Department> department;  // the open one
    storage::Department form;                        // the department being created or edited
    std::string form_staff, form_error;
    bool confirm_delete = false;

    std::optional<assessment::Session> session;
    int task = -1;              // the task row being answered (per-task questionnaires)
    size_t question = 0;        // position among the visible questions
    std::string new_task;       // name typed for the next task row
    std::string text_draft;     // text answer (saved on every change) or number (saved on commit) being typed
    std::string draft_for;      // the question the draft belongs to
    std::string preselect;      // questionnaire id from an app: link in the guide
    std::string message;        // exported file, errors
    bool message_error = false; // the message says something failed
    float scroll = 0;           // of the assessment screens (state file)

    // The history shown with the results, loaded once per opened assessment (it parses every
    // earlier assessment's questionnaire text, which is too slow to repeat each frame).
    std::string history_of;  // "id@finished_at": finishing again (after 回答を直す) reloads it
    std::vector<ScoreHistoryPoint> history;
};

}  // namespace tebiki::ui
