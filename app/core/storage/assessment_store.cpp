#include "storage/assessment_store.h"

namespace tebiki::storage {

namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

Department read_department(Statement& s) {
    Department d;
    d.id = s.column_int(0);
    d.municipality = s.column_text(1);
    d.name = s.column_text(2);
    d.head_title = s.column_text(3);
    d.head_name = s.column_text(4);
    if (!s.column_is_null(5)) d.staff_count = s.column_int(5);
    d.contact = s.column_text(6);
    d.updated_at = s.column_text(7);
    return d;
}

AssessmentRecord read_assessment(Statement& s) {
    AssessmentRecord a;
    a.id = s.column_int(0);
    a.department_id = s.column_int(1);
    a.questionnaire_id = s.column_text(2);
    a.questionnaire_version = int(s.column_int(3));
    a.status = s.column_text(4);
    a.current_question = s.column_text(5);
    a.started_at = s.column_text(6);
    a.updated_at = s.column_text(7);
    a.finished_at = s.column_text(8);
    return a;
}

const char* kDepartmentColumns = "id, municipality, name, head_title, head_name, staff_count, contact, updated_at";
const char* kAssessmentColumns =
    "id, department_id, questionnaire_id, questionnaire_version, status, current_question, started_at, updated_at,"
    " coalesce(finished_at, '')";

}  // namespace

std::vector<Department> AssessmentStore::departments() {
    std::vector<Department> out;
    Statement s = db_.prepare(std::string("SELECT ") + kDepartmentColumns + " FROM departments ORDER BY municipality, name, id");
    while (s.step()) out.push_back(read_department(s));
    return out;
}

std::optional<Department> AssessmentStore::department(int64_t id) {
    Statement s = db_.prepare(std::string("SELECT ") + kDepartmentColumns + " FROM departments WHERE id = ?");
    s.bind(1, id);
    if (s.step()) return read_department(s);
    return std::nullopt;
}

int64_t AssessmentStore::save_department(const Department& d) {
    Transaction t(db_);
    Statement s = db_.prepare(
        d.id == 0 ? std::string("INSERT INTO departments(municipality, name, head_title, head_name, staff_count, contact)"
                                " VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
                  : std::string("UPDATE departments SET municipality = ?1, name = ?2, head_title = ?3, head_name = ?4,"
                                " staff_count = ?5, contact = ?6, updated_at = ") + kNow + " WHERE id = ?7");
    s.bind(1, d.municipality).bind(2, d.name).bind(3, d.head_title).bind(4, d.head_name).bind(6, d.contact);
    if (d.staff_count) s.bind(5, *d.staff_count);
    else s.bind_null(5);
    if (d.id != 0) s.bind(7, d.id);
    s.run();
    const int64_t id = d.id == 0 ? db_.last_insert_id() : d.id;
    t.commit();
    return id;
}

void AssessmentStore::delete_department(int64_t id) {
    Transaction t(db_);
    db_.prepare("DELETE FROM departments WHERE id = ?").bind(1, id).run();  // cascades
    t.commit();
}

void AssessmentStore::keep_questionnaire_source(const std::string& id, int version, const std::string& source) {
    db_.prepare("INSERT INTO questionnaire_sources(questionnaire_id, version, source) VALUES(?1, ?2, ?3)"
                " ON CONFLICT(questionnaire_id, version) DO NOTHING")
        .bind(1, id)
        .bind(2, int64_t(version))
        .bind(3, source)
        .run();
}

std::optional<std::string> AssessmentStore::questionnaire_source(const std::string& id, int version) {
    Statement s = db_.prepare("SELECT source FROM questionnaire_sources WHERE questionnaire_id = ? AND version = ?");
    s.bind(1, id).bind(2, int64_t(version));
    if (s.step()) return s.column_text(0);
    return std::nullopt;
}

int64_t AssessmentStore::start_assessment(int64_t department_id, const std::string& questionnaire_id, int version) {
    Transaction t(db_);
    db_.prepare("INSERT INTO assessments(department_id, questionnaire_id, questionnaire_version) VALUES(?1, ?2, ?3)")
        .bind(1, department_id)
        .bind(2, questionnaire_id)
        .bind(3, int64_t(version))
        .run();
    const int64_t id = db_.last_insert_id();
    t.commit();
    return id;
}

std::vector<AssessmentRecord> AssessmentStore::assessments(int64_t department_id) {
    std::vector<AssessmentRecord> out;
    Statement s = db_.prepare(std::string("SELECT ") + kAssessmentColumns +
                              " FROM assessments WHERE department_id = ? ORDER BY started_at DESC, id DESC");
    s.bind(1, department_id);
    while (s.step()) out.push_back(read_assessment(s));
    return out;
}

std::optional<AssessmentRecord> AssessmentStore::assessment(int64_t id) {
    Statement s = db_.prepare(std::string("SELECT ") + kAssessmentColumns + " FROM assessments WHERE id = ?");
    s.bind(1, id);
    if (s.step()) return read_assessment(s);
    return std::nullopt;
}

void AssessmentStore::touch(int64_t assessment_id) {
    db_.prepare(std::string("UPDATE assessments SET updated_at = ") + kNow + " WHERE id = ?").bind(1, assessment_id).run();
}

void AssessmentStore::set_current_question(int64_t assessment_id, const std::string& question_id) {
    db_.prepare("UPDATE assessments SET current_question = ?1 WHERE id = ?2").bind(1, question_id).bind(2, assessment_id).run();
}

void AssessmentStore::finish_assessment(int64_t assessment_id) {
    db_.prepare(std::string("UPDATE assessments SET status = 'finished', finished_at = ") + kNow + ", updated_at = " + kNow +
                " WHERE id = ?")
        .bind(1, assessment_id)
        .run();
}

void AssessmentStore::reopen_assessment(int64_t assessment_id) {
    db_.prepare("UPDATE assessments SET status = 'in_progress', finished_at = NULL WHERE id = ?").bind(1, assessment_id).run();
}

void AssessmentStore::delete_assessment(int64_t assessment_id) {
    db_.prepare("DELETE FROM assessments WHERE id = ?").bind(1, assessment_id).run();
}

void AssessmentStore::migrate_assessment(int64_t assessment_id, int version, const std::vector<StoredAnswer>& answers,
                                         const std::string& current_question) {
    Transaction t(db_);
    db_.prepare("DELETE FROM answers WHERE assessment_id = ?").bind(1, assessment_id).run();
    for (const StoredAnswer& a : answers)
        db_.prepare("INSERT INTO answers(assessment_id, task, question_id, value) VALUES(?1, ?2, ?3, ?4)")
            .bind(1, assessment_id)
            .bind(2, int64_t(a.task))
            .bind(3, a.question)
            .bind(4, a.value)
            .run();
    db_.prepare("UPDATE assessments SET questionnaire_version = ?1, current_question = ?2 WHERE id = ?3")
        .bind(1, int64_t(version))
        .bind(2, current_question)
        .bind(3, assessment_id)
        .run();
    touch(assessment_id);
    t.commit();
}

void AssessmentStore::set_answer(int64_t assessment_id, int task, const std::string& question_id, const std::string& value) {
    Transaction t(db_);
    db_.prepare(std::string("INSERT INTO answers(assessment_id, task, question_id, value) VALUES(?1, ?2, ?3, ?4)"
                            " ON CONFLICT(assessment_id, task, question_id) DO UPDATE SET value = excluded.value,"
                            " answered_at = ") + kNow)
        .bind(1, assessment_id)
        .bind(2, int64_t(task))
        .bind(3, question_id)
        .bind(4, value)
        .run();
    touch(assessment_id);
    t.commit();
}

void AssessmentStore::clear_answer(int64_t assessment_id, int task, const std::string& question_id) {
    Transaction t(db_);
    db_.prepare("DELETE FROM answers WHERE assessment_id = ?1 AND task = ?2 AND question_id = ?3")
        .bind(1, assessment_id)
        .bind(2, int64_t(task))
        .bind(3, question_id)
        .run();
    touch(assessment_id);
    t.commit();
}

std::vector<StoredAnswer> AssessmentStore::answers(int64_t assessment_id) {
    std::vector<StoredAnswer> out;
    Statement s = db_.prepare("SELECT task, question_id, value FROM answers WHERE assessment_id = ? ORDER BY task, rowid");
    s.bind(1, assessment_id);
    while (s.step()) out.push_back({int(s.column_int(0)), s.column_text(1), s.column_text(2)});
    return out;
}

int AssessmentStore::add_task(int64_t assessment_id, const std::string& name) {
    Transaction t(db_);
    Statement next = db_.prepare("SELECT coalesce(max(task_index) + 1, 0) FROM tasks WHERE assessment_id = ?");
    next.bind(1, assessment_id);
    next.step();
    const int index = int(next.column_int(0));
    db_.prepare("INSERT INTO tasks(assessment_id, task_index, name) VALUES(?1, ?2, ?3)")
        .bind(1, assessment_id)
        .bind(2, int64_t(index))
        .bind(3, name)
        .run();
    touch(assessment_id);
    t.commit();
    return index;
}

void AssessmentStore::rename_task(int64_t assessment_id, int task, const std::string& name) {
    db_.prepare("UPDATE tasks SET name = ?1 WHERE assessment_id = ?2 AND task_index = ?3")
        .bind(1, name)
        .bind(2, assessment_id)
        .bind(3, int64_t(task))
        .run();
}

void AssessmentStore::delete_task(int64_t assessment_id, int task) {
    Transaction t(db_);
    db_.prepare("DELETE FROM answers WHERE assessment_id = ?1 AND task = ?2").bind(1, assessment_id).bind(2, int64_t(task)).run();
    db_.prepare("DELETE FROM tasks WHERE assessment_id = ?1 AND task_index = ?2").bind(1, assessment_id).bind(2, int64_t(task)).run();
    touch(assessment_id);
    t.commit();
}

std::vector<StoredTask> AssessmentStore::tasks(int64_t assessment_id) {
    std::vector<StoredTask> out;
    Statement s = db_.prepare("SELECT task_index, name FROM tasks WHERE assessment_id = ? ORDER BY task_index");
    s.bind(1, assessment_id);
    while (s.step()) out.push_back({int(s.column_int(0)), s.column_text(1)});
    return out;
}

}  // namespace tebiki::storage
