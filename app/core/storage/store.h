// What the app keeps about departments, assessments and answers, behind one interface with two
// back ends: SqliteStore (the installation's own file, always used by the screens and commands)
// and PgStore (a ward's shared PostgreSQL server, which the 全庁 view reads and the outbox
// delivers to). Both keep the same logical tables; ids are each back end's own, while the keys
// that mean the same thing everywhere are the department's (municipality, name) after NFC and
// the assessment's global id (installation uuid + ":" + the installation's local id).
//
// Every write is one transaction: an answer is on disk when set_answer returns. Answers are the
// encoded text the assessment module gives (answer_codec.h); this module knows SQL, not
// questionnaires. Errors are thrown as StorageError; nothing here shows UI.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace tebiki::storage {

struct Department {
    int64_t id = 0;
    std::string municipality;  // 区/自治体名
    std::string name;          // 部署名
    std::string head_title;    // 所属長の職
    std::string head_name;     // 所属長の氏名
    std::optional<int64_t> staff_count;
    std::string contact;       // 連絡先
    std::string updated_at;
};

struct AssessmentRecord {
    int64_t id = 0;
    int64_t department_id = 0;
    std::string questionnaire_id;
    int questionnaire_version = 0;
    std::string status;            // "in_progress" or "finished"
    std::string current_question;  // where to resume
    std::string started_at, updated_at, finished_at;
    std::string global_id;         // installation uuid + ":" + local id: the same on every back end
    std::string installation;      // the readable name of the installation that took it
};

struct StoredAnswer {
    int task = -1;  // -1: the department's own answers; otherwise the task row
    std::string question;
    std::string value;
};

struct StoredTask {
    int index = 0;
    std::string name;
};

// A finished assessment with its department and answers, read in bulk for the 全庁 view.
struct FinishedAssessment {
    Department department;
    AssessmentRecord record;
    std::vector<StoredAnswer> answers;
};

// One recorded write of a department field or an answer: the current value is the last one the
// server received; the history keeps every write, so both sides of a conflict can be shown.
struct HistoryEntry {
    std::string field;         // "head_name" …, "answer:QUESTION" (task answers "answer:N:QUESTION"), "deleted"
    std::optional<std::string> value;  // none: cleared or deleted
    std::string assessment;    // global id, for answers
    std::string installation;  // readable name
    std::string local_time;    // when it was written at the installation (UTC, ISO 8601)
    std::string server_time;   // when the server received it (the local time on SQLite)
};

class Store {
public:
    virtual ~Store() = default;

    // Departments
    virtual std::vector<Department> departments() = 0;
    virtual std::optional<Department> department(int64_t id) = 0;
    virtual int64_t save_department(const Department& d) = 0;  // inserts when d.id == 0; returns the id
    virtual void delete_department(int64_t id) = 0;            // with all its assessments and answers
    // The department with this key (NFC municipality and name), if any.
    virtual std::optional<Department> find_department(const std::string& municipality, const std::string& name) = 0;

    // The questionnaire text an assessment was answered against, kept once per (id, version) so
    // results stay readable after the file in assessment/ is edited.
    virtual void keep_questionnaire_source(const std::string& id, int version, const std::string& source) = 0;
    virtual std::optional<std::string> questionnaire_source(const std::string& id, int version) = 0;

    // Assessments
    virtual int64_t start_assessment(int64_t department_id, const std::string& questionnaire_id, int version) = 0;
    virtual std::vector<AssessmentRecord> assessments(int64_t department_id) = 0;  // newest first
    virtual std::optional<AssessmentRecord> assessment(int64_t id) = 0;
    virtual void set_current_question(int64_t assessment_id, const std::string& question_id) = 0;
    virtual void finish_assessment(int64_t assessment_id) = 0;
    virtual void reopen_assessment(int64_t assessment_id) = 0;
    virtual void delete_assessment(int64_t assessment_id) = 0;
    // Moves an assessment onto another version of its questionnaire: its answers are replaced by
    // `answers` and its version and resume point set, in one transaction (all or nothing).
    virtual void migrate_assessment(int64_t assessment_id, int version, const std::vector<StoredAnswer>& answers,
                                    const std::string& current_question) = 0;
    // A whole finished assessment (tasks and answers) in one transaction: bulk entry
    // (`tebiki assess --save`). Returns its id.
    virtual int64_t record_assessment(int64_t department_id, const std::string& questionnaire_id, int version,
                                      const std::vector<StoredTask>& tasks, const std::vector<StoredAnswer>& answers) = 0;

    // Answers and task rows
    virtual void set_answer(int64_t assessment_id, int task, const std::string& question_id, const std::string& value) = 0;
    virtual void clear_answer(int64_t assessment_id, int task, const std::string& question_id) = 0;
    virtual std::vector<StoredAnswer> answers(int64_t assessment_id) = 0;
    virtual int add_task(int64_t assessment_id, const std::string& name) = 0;  // returns the new task index
    virtual void rename_task(int64_t assessment_id, int task, const std::string& name) = 0;
    virtual void delete_task(int64_t assessment_id, int task) = 0;
    virtual std::vector<StoredTask> tasks(int64_t assessment_id) = 0;

    // The 全庁 view: every finished assessment of a questionnaire with its department and answers.
    virtual std::vector<FinishedAssessment> finished_assessments(const std::string& questionnaire_id) = 0;
    // Every recorded write to a department's fields and its assessments' answers, oldest first.
    virtual std::vector<HistoryEntry> history(const std::string& municipality, const std::string& name) = 0;
};

}  // namespace tebiki::storage
