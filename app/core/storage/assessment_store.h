// Departments, their assessments and every answer, in the user database (tebiki.sqlite).
// Each call is one transaction: an answer is on disk (WAL, synchronous=FULL) when set_answer
// returns, so quitting, a crash or SIGKILL loses nothing the screen showed as answered.
// Answers are stored as the encoded text the assessment module gives (see answer_codec.h);
// this module knows SQL, not questionnaires.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/user_store.h"

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

class AssessmentStore {
public:
    explicit AssessmentStore(UserStore& store) : db_(store.database()) {}

    // Departments
    std::vector<Department> departments();
    std::optional<Department> department(int64_t id);
    int64_t save_department(const Department& d);  // inserts when d.id == 0; returns the id
    void delete_department(int64_t id);           // with all its assessments and answers

    // The questionnaire text an assessment was answered against, kept once per (id, version) so
    // results stay readable after the file in assessment/ is edited.
    void keep_questionnaire_source(const std::string& id, int version, const std::string& source);
    std::optional<std::string> questionnaire_source(const std::string& id, int version);

    // Assessments
    int64_t start_assessment(int64_t department_id, const std::string& questionnaire_id, int version);
    std::vector<AssessmentRecord> assessments(int64_t department_id);  // newest first
    std::optional<AssessmentRecord> assessment(int64_t id);
    void set_current_question(int64_t assessment_id, const std::string& question_id);
    void finish_assessment(int64_t assessment_id);
    void reopen_assessment(int64_t assessment_id);
    void delete_assessment(int64_t assessment_id);
    // Moves an assessment onto another version of its questionnaire: its answers are replaced by
    // `answers` and its version and resume point set, in one transaction (all or nothing).
    void migrate_assessment(int64_t assessment_id, int version, const std::vector<StoredAnswer>& answers,
                            const std::string& current_question);

    // Answers and task rows
    void set_answer(int64_t assessment_id, int task, const std::string& question_id, const std::string& value);
    void clear_answer(int64_t assessment_id, int task, const std::string& question_id);
    std::vector<StoredAnswer> answers(int64_t assessment_id);
    int add_task(int64_t assessment_id, const std::string& name);  // returns the new task index
    void rename_task(int64_t assessment_id, int task, const std::string& name);
    void delete_task(int64_t assessment_id, int task);
    std::vector<StoredTask> tasks(int64_t assessment_id);

private:
    void touch(int64_t assessment_id);
    Database& db_;
};

}  // namespace tebiki::storage
