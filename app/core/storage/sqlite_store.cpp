// Index of this file
// [SECTION] Reading rows
// [SECTION] The outbox and the history (what each write sends and records)
// [SECTION] Departments
// [SECTION] Questionnaire texts
// [SECTION] Assessments
// [SECTION] Answers and task rows
// [SECTION] The 全庁 view and the history
// [SECTION] Seeding the outbox
#include "storage/sqlite_store.h"

#include <map>

#include "storage/ops.h"
#include "storage/outbox.h"
#include "util/local_time.h"

namespace tebiki::storage {

namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

//-----------------------------------------------------------------------------
// [SECTION] Reading rows
//-----------------------------------------------------------------------------

Department read_department(Statement& s, int first = 0) {
    Department d;
    d.id = s.column_int(first);
    d.municipality = s.column_text(first + 1);
    d.name = s.column_text(first + 2);
    d.head_title = s.column_text(first + 3);
    d.head_name = s.column_text(first + 4);
    if (!s.column_is_null(first + 5)) d.staff_count = s.column_int(first + 5);
    d.contact = s.column_text(first + 6);
    d.updated_at = s.column_text(first + 7);
    return d;
}

AssessmentRecord read_assessment(Statement& s, int first = 0) {
    AssessmentRecord a;
    a.id = s.column_int(first);
    a.department_id = s.column_int(first + 1);
    a.questionnaire_id = s.column_text(first + 2);
    a.questionnaire_version = int(s.column_int(first + 3));
    a.status = s.column_text(first + 4);
    a.current_question = s.column_text(first + 5);
    a.started_at = s.column_text(first + 6);
    a.updated_at = s.column_text(first + 7);
    a.finished_at = s.column_text(first + 8);
    return a;
}

const char* kDepartmentColumns = "id, municipality, name, head_title, head_name, staff_count, contact, updated_at";
const char* kAssessmentColumns =
    "id, department_id, questionnaire_id, questionnaire_version, status, current_question, started_at, updated_at,"
    " coalesce(finished_at, '')";

}  // namespace

SqliteStore::SqliteStore(Database& db) : db_(db), installation_(installation_identity(db)) {}

//-----------------------------------------------------------------------------
// [SECTION] The outbox and the history (what each write sends and records)
//-----------------------------------------------------------------------------

void SqliteStore::enable_outbox(std::function<void()> after_write) {
    outbox_ = true;
    after_write_ = std::move(after_write);
}

void SqliteStore::committed() {
    if (outbox_ && after_write_) after_write_();
}

void SqliteStore::send(std::string_view op, const std::string& data) {
    if (outbox_) outbox_append(db_, op, data);
}

std::string SqliteStore::global_id(int64_t local_id) const { return installation_.id + ":" + std::to_string(local_id); }

std::optional<SqliteStore::Owner> SqliteStore::owner_of(int64_t assessment_id) {
    Statement s = db_.prepare("SELECT d.municipality, d.name FROM assessments a JOIN departments d ON d.id = a.department_id WHERE a.id = ?");
    s.bind(1, assessment_id);
    if (!s.step()) return std::nullopt;
    return Owner{s.column_text(0), s.column_text(1), global_id(assessment_id)};
}

void SqliteStore::remember(const std::string& municipality, const std::string& name, const std::string& assessment, const std::string& field,
                           const std::optional<std::string>& value, const std::string& at) {
    Statement s = db_.prepare(
        "INSERT INTO history(municipality, department, assessment, field, value, installation, local_time) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bind(1, municipality).bind(2, name).bind(3, assessment).bind(4, field).bind(6, installation_.id).bind(7, at);
    if (value) s.bind(5, *value);
    else s.bind_null(5);
    s.run();
}

void SqliteStore::send_assessment_start(const AssessmentRecord& r) {
    const Department d = *department(r.department_id);
    send("assessment.start", ops::assessment_start(global_id(r.id), {d.municipality, d.name}, r.questionnaire_id, r.questionnaire_version, r.started_at));
}

// The answer rows an assessment now has, all at once (migration, bulk entry, seeding).
void SqliteStore::send_answers(const Owner& owner, int version, const std::vector<StoredAnswer>& answers, const std::string& at) {
    send("assessment.migrate", ops::assessment_migrate(owner.global_id, version, answers, at));
}

//-----------------------------------------------------------------------------
// [SECTION] Departments
//-----------------------------------------------------------------------------

std::vector<Department> SqliteStore::departments() {
    std::vector<Department> out;
    Statement s = db_.prepare(std::string("SELECT ") + kDepartmentColumns + " FROM departments ORDER BY municipality, name, id");
    while (s.step()) out.push_back(read_department(s));
    return out;
}

std::optional<Department> SqliteStore::department(int64_t id) {
    Statement s = db_.prepare(std::string("SELECT ") + kDepartmentColumns + " FROM departments WHERE id = ?");
    s.bind(1, id);
    if (s.step()) return read_department(s);
    return std::nullopt;
}

std::optional<Department> SqliteStore::find_department(const std::string& municipality, const std::string& name) {
    Statement s = db_.prepare(std::string("SELECT ") + kDepartmentColumns + " FROM departments WHERE municipality = ? AND name = ? ORDER BY id LIMIT 1");
    s.bind(1, municipality).bind(2, name);
    if (s.step()) return read_department(s);
    return std::nullopt;
}

int64_t SqliteStore::save_department(const Department& d) {
    Transaction t(db_);
    const std::optional<Department> before = d.id == 0 ? std::nullopt : department(d.id);
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

    const bool renamed = before && (before->municipality != d.municipality || before->name != d.name);
    const ops::Fields fields = ops::department_fields(d, before ? &*before : nullptr);
    const std::string at = utc_iso_now();
    if (renamed) remember(d.municipality, d.name, "", "renamed_from", before->municipality + "　" + before->name, at);
    for (const auto& [field, value] : fields) remember(d.municipality, d.name, "", field, value, at);
    if (!fields.empty() || renamed || !before)
        send("department.save", ops::department_save({d.municipality, d.name}, fields,
                                                     renamed ? std::optional<ops::Key>({before->municipality, before->name}) : std::nullopt, at));
    t.commit();
    committed();
    return id;
}

void SqliteStore::delete_department(int64_t id) {
    Transaction t(db_);
    if (const auto d = department(id)) {
        const std::string at = utc_iso_now();
        remember(d->municipality, d->name, "", "deleted", std::nullopt, at);
        send("department.delete", ops::department_delete({d->municipality, d->name}, at));
    }
    db_.prepare("DELETE FROM departments WHERE id = ?").bind(1, id).run();  // cascades
    t.commit();
    committed();
}

//-----------------------------------------------------------------------------
// [SECTION] Questionnaire texts
//-----------------------------------------------------------------------------

void SqliteStore::keep_questionnaire_source(const std::string& id, int version, const std::string& source) {
    Transaction t(db_);
    db_.prepare("INSERT INTO questionnaire_sources(questionnaire_id, version, source) VALUES(?1, ?2, ?3)"
                " ON CONFLICT(questionnaire_id, version) DO NOTHING")
        .bind(1, id)
        .bind(2, int64_t(version))
        .bind(3, source)
        .run();
    const bool added = db_.changes() > 0;
    if (added) send("questionnaire.source", ops::questionnaire_source(id, version, source));
    t.commit();
    if (added) committed();
}

std::optional<std::string> SqliteStore::questionnaire_source(const std::string& id, int version) {
    Statement s = db_.prepare("SELECT source FROM questionnaire_sources WHERE questionnaire_id = ? AND version = ?");
    s.bind(1, id).bind(2, int64_t(version));
    if (s.step()) return s.column_text(0);
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Assessments
//-----------------------------------------------------------------------------

int64_t SqliteStore::start_assessment(int64_t department_id, const std::string& questionnaire_id, int version) {
    Transaction t(db_);
    db_.prepare("INSERT INTO assessments(department_id, questionnaire_id, questionnaire_version) VALUES(?1, ?2, ?3)")
        .bind(1, department_id)
        .bind(2, questionnaire_id)
        .bind(3, int64_t(version))
        .run();
    const int64_t id = db_.last_insert_id();
    if (outbox_) send_assessment_start(*assessment(id));
    t.commit();
    committed();
    return id;
}

std::vector<AssessmentRecord> SqliteStore::assessments(int64_t department_id) {
    std::vector<AssessmentRecord> out;
    Statement s = db_.prepare(std::string("SELECT ") + kAssessmentColumns +
                              " FROM assessments WHERE department_id = ? ORDER BY started_at DESC, id DESC");
    s.bind(1, department_id);
    while (s.step()) {
        out.push_back(read_assessment(s));
        out.back().global_id = global_id(out.back().id);
        out.back().installation = installation_.name;
    }
    return out;
}

std::optional<AssessmentRecord> SqliteStore::assessment(int64_t id) {
    Statement s = db_.prepare(std::string("SELECT ") + kAssessmentColumns + " FROM assessments WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    AssessmentRecord r = read_assessment(s);
    r.global_id = global_id(r.id);
    r.installation = installation_.name;
    return r;
}

void SqliteStore::touch(int64_t assessment_id) {
    db_.prepare(std::string("UPDATE assessments SET updated_at = ") + kNow + " WHERE id = ?").bind(1, assessment_id).run();
}

void SqliteStore::set_current_question(int64_t assessment_id, const std::string& question_id) {
    db_.prepare("UPDATE assessments SET current_question = ?1 WHERE id = ?2").bind(1, question_id).bind(2, assessment_id).run();
}

void SqliteStore::finish_assessment(int64_t assessment_id) {
    Transaction t(db_);
    db_.prepare(std::string("UPDATE assessments SET status = 'finished', finished_at = ") + kNow + ", updated_at = " + kNow +
                " WHERE id = ?")
        .bind(1, assessment_id)
        .run();
    if (const auto r = assessment(assessment_id); r && outbox_)
        send("assessment.finish", ops::assessment_event(r->global_id, r->finished_at));
    t.commit();
    committed();
}

void SqliteStore::reopen_assessment(int64_t assessment_id) {
    Transaction t(db_);
    db_.prepare("UPDATE assessments SET status = 'in_progress', finished_at = NULL WHERE id = ?").bind(1, assessment_id).run();
    send("assessment.reopen", ops::assessment_event(global_id(assessment_id), utc_iso_now()));
    t.commit();
    committed();
}

void SqliteStore::delete_assessment(int64_t assessment_id) {
    Transaction t(db_);
    db_.prepare("DELETE FROM assessments WHERE id = ?").bind(1, assessment_id).run();
    send("assessment.delete", ops::assessment_event(global_id(assessment_id), utc_iso_now()));
    t.commit();
    committed();
}

void SqliteStore::migrate_assessment(int64_t assessment_id, int version, const std::vector<StoredAnswer>& answers,
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
    if (const auto owner = owner_of(assessment_id)) {
        const std::string at = utc_iso_now();
        for (const StoredAnswer& a : answers)
            remember(owner->municipality, owner->name, owner->global_id, ops::answer_field(a.task, a.question), a.value, at);
        send_answers(*owner, version, answers, at);
    }
    t.commit();
    committed();
}

int64_t SqliteStore::record_assessment(int64_t department_id, const std::string& questionnaire_id, int version,
                                       const std::vector<StoredTask>& tasks, const std::vector<StoredAnswer>& answers) {
    Transaction t(db_);
    db_.prepare("INSERT INTO assessments(department_id, questionnaire_id, questionnaire_version) VALUES(?1, ?2, ?3)")
        .bind(1, department_id)
        .bind(2, questionnaire_id)
        .bind(3, int64_t(version))
        .run();
    const int64_t id = db_.last_insert_id();
    for (const StoredTask& task : tasks)
        db_.prepare("INSERT INTO tasks(assessment_id, task_index, name) VALUES(?1, ?2, ?3)").bind(1, id).bind(2, int64_t(task.index)).bind(3, task.name).run();
    for (const StoredAnswer& a : answers)
        db_.prepare("INSERT INTO answers(assessment_id, task, question_id, value) VALUES(?1, ?2, ?3, ?4)")
            .bind(1, id)
            .bind(2, int64_t(a.task))
            .bind(3, a.question)
            .bind(4, a.value)
            .run();
    db_.prepare(std::string("UPDATE assessments SET status = 'finished', finished_at = ") + kNow + " WHERE id = ?").bind(1, id).run();
    const AssessmentRecord r = *assessment(id);
    const Owner owner = *owner_of(id);
    for (const StoredAnswer& a : answers)
        remember(owner.municipality, owner.name, owner.global_id, ops::answer_field(a.task, a.question), a.value, r.finished_at);
    if (outbox_) {
        send_assessment_start(r);
        for (const StoredTask& task : tasks)
            send("task.add", ops::task(owner.global_id, task.index, task.name));
        send_answers(owner, version, answers, r.finished_at);
        send("assessment.finish", ops::assessment_event(owner.global_id, r.finished_at));
    }
    t.commit();
    committed();
    return id;
}

//-----------------------------------------------------------------------------
// [SECTION] Answers and task rows
//-----------------------------------------------------------------------------

void SqliteStore::set_answer(int64_t assessment_id, int task, const std::string& question_id, const std::string& value) {
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
    if (const auto owner = owner_of(assessment_id)) {
        const std::string at = utc_iso_now();
        remember(owner->municipality, owner->name, owner->global_id, ops::answer_field(task, question_id), value, at);
        send("answer.set", ops::answer_set(owner->global_id, task, question_id, value, at));
    }
    t.commit();
    committed();
}

void SqliteStore::clear_answer(int64_t assessment_id, int task, const std::string& question_id) {
    Transaction t(db_);
    db_.prepare("DELETE FROM answers WHERE assessment_id = ?1 AND task = ?2 AND question_id = ?3")
        .bind(1, assessment_id)
        .bind(2, int64_t(task))
        .bind(3, question_id)
        .run();
    touch(assessment_id);
    if (const auto owner = owner_of(assessment_id)) {
        const std::string at = utc_iso_now();
        remember(owner->municipality, owner->name, owner->global_id, ops::answer_field(task, question_id), std::nullopt, at);
        send("answer.clear", ops::answer_clear(owner->global_id, task, question_id, at));
    }
    t.commit();
    committed();
}

std::vector<StoredAnswer> SqliteStore::answers(int64_t assessment_id) {
    std::vector<StoredAnswer> out;
    Statement s = db_.prepare("SELECT task, question_id, value FROM answers WHERE assessment_id = ? ORDER BY task, rowid");
    s.bind(1, assessment_id);
    while (s.step()) out.push_back({int(s.column_int(0)), s.column_text(1), s.column_text(2)});
    return out;
}

int SqliteStore::add_task(int64_t assessment_id, const std::string& name) {
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
    send("task.add", ops::task(global_id(assessment_id), index, name));
    t.commit();
    committed();
    return index;
}

void SqliteStore::rename_task(int64_t assessment_id, int task, const std::string& name) {
    Transaction t(db_);
    db_.prepare("UPDATE tasks SET name = ?1 WHERE assessment_id = ?2 AND task_index = ?3")
        .bind(1, name)
        .bind(2, assessment_id)
        .bind(3, int64_t(task))
        .run();
    send("task.rename", ops::task(global_id(assessment_id), task, name));
    t.commit();
    committed();
}

void SqliteStore::delete_task(int64_t assessment_id, int task) {
    Transaction t(db_);
    db_.prepare("DELETE FROM answers WHERE assessment_id = ?1 AND task = ?2").bind(1, assessment_id).bind(2, int64_t(task)).run();
    db_.prepare("DELETE FROM tasks WHERE assessment_id = ?1 AND task_index = ?2").bind(1, assessment_id).bind(2, int64_t(task)).run();
    touch(assessment_id);
    send("task.delete", ops::task(global_id(assessment_id), task, std::nullopt));
    t.commit();
    committed();
}

std::vector<StoredTask> SqliteStore::tasks(int64_t assessment_id) {
    std::vector<StoredTask> out;
    Statement s = db_.prepare("SELECT task_index, name FROM tasks WHERE assessment_id = ? ORDER BY task_index");
    s.bind(1, assessment_id);
    while (s.step()) out.push_back({int(s.column_int(0)), s.column_text(1)});
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] The 全庁 view and the history
//-----------------------------------------------------------------------------

std::vector<FinishedAssessment> SqliteStore::finished_assessments(const std::string& questionnaire_id) {
    std::vector<FinishedAssessment> out;
    std::map<int64_t, size_t> position;
    Statement s = db_.prepare(std::string("SELECT d.id, d.municipality, d.name, d.head_title, d.head_name, d.staff_count, d.contact, d.updated_at,"
                                          " a.id, a.department_id, a.questionnaire_id, a.questionnaire_version, a.status, a.current_question,"
                                          " a.started_at, a.updated_at, coalesce(a.finished_at, '')"
                                          " FROM assessments a JOIN departments d ON d.id = a.department_id"
                                          " WHERE a.questionnaire_id = ? AND a.status = 'finished' ORDER BY a.finished_at, a.id"));
    s.bind(1, questionnaire_id);
    while (s.step()) {
        FinishedAssessment f{read_department(s), read_assessment(s, 8), {}};
        f.record.global_id = global_id(f.record.id);
        f.record.installation = installation_.name;
        position[f.record.id] = out.size();
        out.push_back(std::move(f));
    }
    Statement answers = db_.prepare(
        "SELECT n.assessment_id, n.task, n.question_id, n.value FROM answers n JOIN assessments a ON a.id = n.assessment_id"
        " WHERE a.questionnaire_id = ? AND a.status = 'finished' ORDER BY n.assessment_id, n.task, n.rowid");
    answers.bind(1, questionnaire_id);
    while (answers.step())
        if (const auto it = position.find(answers.column_int(0)); it != position.end())
            out[it->second].answers.push_back({int(answers.column_int(1)), answers.column_text(2), answers.column_text(3)});
    return out;
}

std::vector<HistoryEntry> SqliteStore::history(const std::string& municipality, const std::string& name) {
    std::vector<HistoryEntry> out;
    Statement s = db_.prepare("SELECT field, value, assessment, installation, local_time, server_time FROM history"
                              " WHERE municipality = ? AND department = ? ORDER BY id");
    s.bind(1, municipality).bind(2, name);
    while (s.step()) {
        HistoryEntry e;
        e.field = s.column_text(0);
        if (!s.column_is_null(1)) e.value = s.column_text(1);
        e.assessment = s.column_text(2);
        e.installation = s.column_text(3) == installation_.id ? installation_.name : s.column_text(3);
        e.local_time = s.column_text(4);
        e.server_time = s.column_text(5);
        out.push_back(std::move(e));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Seeding the outbox
//-----------------------------------------------------------------------------

void SqliteStore::seed_outbox() {
    if (!outbox_) return;
    Transaction t(db_);
    const std::string at = utc_iso_now();
    for (const Department& d : departments())
        send("department.save", ops::department_save({d.municipality, d.name}, ops::department_fields(d, nullptr), std::nullopt, at));
    Statement sources = db_.prepare("SELECT questionnaire_id, version, source FROM questionnaire_sources ORDER BY questionnaire_id, version");
    while (sources.step())
        send("questionnaire.source", ops::questionnaire_source(sources.column_text(0), int(sources.column_int(1)), sources.column_text(2)));
    for (const Department& d : departments()) {
        for (const AssessmentRecord& r : assessments(d.id)) {
            send_assessment_start(r);
            for (const StoredTask& task : tasks(r.id))
                send("task.add", ops::task(r.global_id, task.index, task.name));
            send_answers(Owner{d.municipality, d.name, r.global_id}, r.questionnaire_version, answers(r.id), r.updated_at);
            if (r.status == "finished") send("assessment.finish", ops::assessment_event(r.global_id, r.finished_at));
        }
    }
    t.commit();
    committed();
}

}  // namespace tebiki::storage
