// Index of this file
// [SECTION] Schema and migrations
// [SECTION] Opening
// [SECTION] Reading
// [SECTION] Writing as this installation (each write is one operation, as delivered ones are)
#include "storage/pg_store.h"

#include <cstdio>
#include <map>

#include "util/local_time.h"

namespace tebiki::storage {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Schema and migrations
//-----------------------------------------------------------------------------

// One entry per schema version; never edit a shipped entry, append a new one. The logical tables
// are SQLite's (user_store.cpp); the server adds installations and tebiki_applied_ops, and keeps
// who wrote each row. Times written at an installation are its UTC ISO text (they sort as
// text); the server's own are timestamptz.
const std::vector<const char*> kMigrations = {
    // 1: the ward's departments, assessments, answers, questionnaire texts and history
    "CREATE TABLE installations(id text PRIMARY KEY, name text NOT NULL,"
    " first_seen timestamptz NOT NULL DEFAULT now(), last_seen timestamptz NOT NULL DEFAULT now());"
    "CREATE TABLE departments(id bigserial PRIMARY KEY, municipality text NOT NULL, name text NOT NULL,"
    " head_title text NOT NULL DEFAULT '', head_name text NOT NULL DEFAULT '', staff_count bigint,"
    " contact text NOT NULL DEFAULT '', created_at text NOT NULL DEFAULT '', updated_at text NOT NULL DEFAULT '',"
    " updated_by text, received_at timestamptz NOT NULL DEFAULT now(), UNIQUE (municipality, name));"
    "CREATE TABLE questionnaire_sources(questionnaire_id text NOT NULL, version integer NOT NULL, source text NOT NULL,"
    " PRIMARY KEY (questionnaire_id, version));"
    "CREATE TABLE assessments(id bigserial PRIMARY KEY, global_id text NOT NULL UNIQUE,"
    " installation text NOT NULL REFERENCES installations(id),"
    " department_id bigint NOT NULL REFERENCES departments(id) ON DELETE CASCADE,"
    " questionnaire_id text NOT NULL, questionnaire_version integer NOT NULL,"
    " status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished')),"
    " current_question text NOT NULL DEFAULT '', started_at text NOT NULL, updated_at text NOT NULL, finished_at text,"
    " received_at timestamptz NOT NULL DEFAULT now());"
    "CREATE INDEX assessments_by_department ON assessments(department_id, started_at);"
    "CREATE INDEX assessments_by_questionnaire ON assessments(questionnaire_id, status);"
    "CREATE TABLE tasks(assessment_id bigint NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
    " task_index integer NOT NULL, name text NOT NULL, PRIMARY KEY (assessment_id, task_index));"
    "CREATE TABLE answers(assessment_id bigint NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
    " task integer NOT NULL, question_id text NOT NULL, value text NOT NULL, answered_at text NOT NULL,"
    " installation text NOT NULL REFERENCES installations(id), received_at timestamptz NOT NULL DEFAULT now(),"
    " PRIMARY KEY (assessment_id, task, question_id));"
    "CREATE TABLE history(id bigserial PRIMARY KEY, municipality text NOT NULL, department text NOT NULL,"
    " assessment text NOT NULL DEFAULT '', field text NOT NULL, value text, installation text NOT NULL,"
    " local_time text NOT NULL, server_time timestamptz NOT NULL DEFAULT clock_timestamp());"
    "CREATE INDEX history_by_department ON history(municipality, department, id);"
    "CREATE TABLE tebiki_applied_ops(op_id text PRIMARY KEY, installation text NOT NULL, op text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT clock_timestamp());",
};

constexpr const char* kServerTime = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

std::string server_time(const char* column) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, kServerTime, column);
    return buffer;
}

const char* kDepartmentColumns = "id, municipality, name, head_title, head_name, staff_count, contact, updated_at";
const char* kAssessmentColumns =
    "a.id, a.department_id, a.questionnaire_id, a.questionnaire_version, a.status, a.current_question, a.started_at, a.updated_at,"
    " coalesce(a.finished_at, ''), a.global_id, coalesce(i.name, a.installation)";
const char* kAssessmentFrom = " FROM assessments a LEFT JOIN installations i ON i.id = a.installation";

Department read_department(const PgResult& r, int row, int first = 0) {
    Department d;
    d.id = r.integer(row, first);
    d.municipality = r.text(row, first + 1);
    d.name = r.text(row, first + 2);
    d.head_title = r.text(row, first + 3);
    d.head_name = r.text(row, first + 4);
    if (!r.is_null(row, first + 5)) d.staff_count = r.integer(row, first + 5);
    d.contact = r.text(row, first + 6);
    d.updated_at = r.text(row, first + 7);
    return d;
}

AssessmentRecord read_assessment(const PgResult& r, int row, int first = 0) {
    AssessmentRecord a;
    a.id = r.integer(row, first);
    a.department_id = r.integer(row, first + 1);
    a.questionnaire_id = r.text(row, first + 2);
    a.questionnaire_version = int(r.integer(row, first + 3));
    a.status = r.text(row, first + 4);
    a.current_question = r.text(row, first + 5);
    a.started_at = r.text(row, first + 6);
    a.updated_at = r.text(row, first + 7);
    a.finished_at = r.text(row, first + 8);
    a.global_id = r.text(row, first + 9);
    a.installation = r.text(row, first + 10);
    return a;
}

std::string id_text(int64_t id) { return std::to_string(id); }

}  // namespace

int PgStore::schema_version() { return int(kMigrations.size()); }

//-----------------------------------------------------------------------------
// [SECTION] Opening
//-----------------------------------------------------------------------------

std::unique_ptr<PgStore> PgStore::open(const StoreChoice& server, const Installation& me) {
    std::unique_ptr<PgStore> store(new PgStore(std::make_unique<PgConnection>(server.uri, 3), me));
    store->shown_ = server.shown;
    store->migrate();
    return store;
}

void PgStore::refuse_newer(int version) const {
    throw StorageError("サーバーのデータベース（" + shown_ + "）は新しい版の tebiki で作られています（スキーマ第" + std::to_string(version) +
                       "版。この tebiki は第" + std::to_string(schema_version()) +
                       "版まで）。サーバーの記録は変更していません。tebiki を新しい版にしてください。");
}

void PgStore::migrate() {
    int version = 0;
    try {
        const PgResult r = c_->exec("SELECT max(version) FROM tebiki_schema");
        version = r.rows() && !r.is_null(0, 0) ? int(r.integer(0, 0)) : 0;
    } catch (const PgError& e) {
        if (e.sqlstate != "42P01") throw;  // undefined_table: a new database
    }
    if (version > schema_version()) refuse_newer(version);
    if (version == schema_version()) return;
    // Two machines starting at once: the second waits on the lock and finds the work done.
    PgTransaction t(*c_);
    c_->exec("SELECT pg_advisory_xact_lock(7365420113)");
    c_->exec("CREATE TABLE IF NOT EXISTS tebiki_schema(version integer NOT NULL)");
    const PgResult r = c_->exec("SELECT max(version) FROM tebiki_schema");
    version = r.rows() && !r.is_null(0, 0) ? int(r.integer(0, 0)) : 0;
    if (version > schema_version()) refuse_newer(version);
    for (int v = version; v < schema_version(); ++v) c_->exec_script(kMigrations[size_t(v)]);
    c_->exec("DELETE FROM tebiki_schema");
    c_->exec("INSERT INTO tebiki_schema(version) VALUES($1::int)", {std::to_string(schema_version())});
    t.commit();
}

void PgStore::register_installation(const Installation& who) {
    c_->exec("INSERT INTO installations(id, name) VALUES($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen = now()",
             {who.id, who.name});
}

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

std::vector<Department> PgStore::departments() {
    const PgResult r = c_->exec(std::string("SELECT ") + kDepartmentColumns + " FROM departments ORDER BY municipality, name, id");
    std::vector<Department> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_department(r, i));
    return out;
}

std::optional<Department> PgStore::department(int64_t id) {
    const PgResult r = c_->exec(std::string("SELECT ") + kDepartmentColumns + " FROM departments WHERE id = $1::bigint", {id_text(id)});
    if (r.rows() == 0) return std::nullopt;
    return read_department(r, 0);
}

std::optional<Department> PgStore::find_department(const std::string& municipality, const std::string& name) {
    const PgResult r =
        c_->exec(std::string("SELECT ") + kDepartmentColumns + " FROM departments WHERE municipality = $1 AND name = $2", {municipality, name});
    if (r.rows() == 0) return std::nullopt;
    return read_department(r, 0);
}

std::optional<std::string> PgStore::questionnaire_source(const std::string& id, int version) {
    const PgResult r = c_->exec("SELECT source FROM questionnaire_sources WHERE questionnaire_id = $1 AND version = $2::int", {id, std::to_string(version)});
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

std::vector<AssessmentRecord> PgStore::assessments(int64_t department_id) {
    const PgResult r = c_->exec(std::string("SELECT ") + kAssessmentColumns + kAssessmentFrom +
                                    " WHERE a.department_id = $1::bigint ORDER BY a.started_at DESC, a.id DESC",
                                {id_text(department_id)});
    std::vector<AssessmentRecord> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_assessment(r, i));
    return out;
}

std::optional<AssessmentRecord> PgStore::assessment(int64_t id) {
    const PgResult r = c_->exec(std::string("SELECT ") + kAssessmentColumns + kAssessmentFrom + " WHERE a.id = $1::bigint", {id_text(id)});
    if (r.rows() == 0) return std::nullopt;
    return read_assessment(r, 0);
}

std::vector<StoredAnswer> PgStore::answers(int64_t assessment_id) {
    const PgResult r = c_->exec("SELECT task, question_id, value FROM answers WHERE assessment_id = $1::bigint ORDER BY task, question_id",
                                {id_text(assessment_id)});
    std::vector<StoredAnswer> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({int(r.integer(i, 0)), r.text(i, 1), r.text(i, 2)});
    return out;
}

std::vector<StoredTask> PgStore::tasks(int64_t assessment_id) {
    const PgResult r = c_->exec("SELECT task_index, name FROM tasks WHERE assessment_id = $1::bigint ORDER BY task_index", {id_text(assessment_id)});
    std::vector<StoredTask> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({int(r.integer(i, 0)), r.text(i, 1)});
    return out;
}

std::vector<FinishedAssessment> PgStore::finished_assessments(const std::string& questionnaire_id) {
    // Two queries for the whole ward, rather than one per department and assessment.
    const PgResult r = c_->exec(std::string("SELECT d.id, d.municipality, d.name, d.head_title, d.head_name, d.staff_count, d.contact, d.updated_at, ") +
                                    kAssessmentColumns + kAssessmentFrom +
                                    " JOIN departments d ON d.id = a.department_id"
                                    " WHERE a.questionnaire_id = $1 AND a.status = 'finished' ORDER BY a.finished_at, a.id",
                                {questionnaire_id});
    std::vector<FinishedAssessment> out;
    std::map<int64_t, size_t> position;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({read_department(r, i), read_assessment(r, i, 8), {}});
        position[out.back().record.id] = out.size() - 1;
    }
    const PgResult answers = c_->exec(
        "SELECT n.assessment_id, n.task, n.question_id, n.value FROM answers n JOIN assessments a ON a.id = n.assessment_id"
        " WHERE a.questionnaire_id = $1 AND a.status = 'finished' ORDER BY n.assessment_id, n.task, n.question_id",
        {questionnaire_id});
    for (int i = 0; i < answers.rows(); ++i)
        if (const auto it = position.find(answers.integer(i, 0)); it != position.end())
            out[it->second].answers.push_back({int(answers.integer(i, 1)), answers.text(i, 2), answers.text(i, 3)});
    return out;
}

std::vector<HistoryEntry> PgStore::history(const std::string& municipality, const std::string& name) {
    const PgResult r = c_->exec("SELECT h.field, h.value, h.assessment, coalesce(i.name, h.installation), h.local_time, " + server_time("h.server_time") +
                                    " FROM history h LEFT JOIN installations i ON i.id = h.installation"
                                    " WHERE h.municipality = $1 AND h.department = $2 ORDER BY h.id",
                                {municipality, name});
    std::vector<HistoryEntry> out;
    for (int i = 0; i < r.rows(); ++i) {
        HistoryEntry e;
        e.field = r.text(i, 0);
        if (!r.is_null(i, 1)) e.value = r.text(i, 1);
        e.assessment = r.text(i, 2);
        e.installation = r.text(i, 3);
        e.local_time = r.text(i, 4);
        e.server_time = r.text(i, 5);
        out.push_back(std::move(e));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing as this installation (each write is one operation, as delivered ones are)
//-----------------------------------------------------------------------------

void PgStore::write(const std::vector<std::pair<std::string, std::string>>& operations) {
    if (!registered_) {
        register_installation(me_);
        registered_ = true;
    }
    PgTransaction t(*c_);
    for (const auto& [op, data] : operations) run(op, data, me_.id);
    t.commit();
}

ops::Key PgStore::key_of(int64_t department_id) {
    const auto d = department(department_id);
    if (!d) throw StorageError("部署が見つかりません。");
    return {d->municipality, d->name};
}

std::string PgStore::global_id_of(int64_t assessment_id) {
    const PgResult r = c_->exec("SELECT global_id FROM assessments WHERE id = $1::bigint", {id_text(assessment_id)});
    if (r.rows() == 0) throw StorageError("診断の記録が見つかりません。");
    return r.text(0, 0);
}

int64_t PgStore::save_department(const Department& d) {
    const std::optional<Department> before = d.id == 0 ? std::nullopt : department(d.id);
    const bool renamed = before && (before->municipality != d.municipality || before->name != d.name);
    write({{"department.save", ops::department_save({d.municipality, d.name}, ops::department_fields(d, before ? &*before : nullptr),
                                                    renamed ? std::optional<ops::Key>({before->municipality, before->name}) : std::nullopt,
                                                    utc_iso_now())}});
    const ops::Key key = ops::department_key(d.municipality, d.name);
    const auto saved = find_department(key.municipality, key.name);
    if (!saved) throw StorageError("部署を保存できませんでした。");
    return saved->id;
}

void PgStore::delete_department(int64_t id) { write({{"department.delete", ops::department_delete(key_of(id), utc_iso_now())}}); }

void PgStore::keep_questionnaire_source(const std::string& id, int version, const std::string& source) {
    write({{"questionnaire.source", ops::questionnaire_source(id, version, source)}});
}

int64_t PgStore::start_assessment(int64_t department_id, const std::string& questionnaire_id, int version) {
    // Not taken at an installation's own store: the global id gets a random part instead of a local id.
    const std::string global = me_.id + ":server-" + new_uuid();
    write({{"assessment.start", ops::assessment_start(global, key_of(department_id), questionnaire_id, version, utc_iso_now())}});
    const PgResult r = c_->exec("SELECT id FROM assessments WHERE global_id = $1", {global});
    return r.integer(0, 0);
}

void PgStore::set_current_question(int64_t assessment_id, const std::string& question_id) {
    c_->exec("UPDATE assessments SET current_question = $1 WHERE id = $2::bigint", {question_id, id_text(assessment_id)});
}

void PgStore::finish_assessment(int64_t assessment_id) {
    write({{"assessment.finish", ops::assessment_event(global_id_of(assessment_id), utc_iso_now())}});
}

void PgStore::reopen_assessment(int64_t assessment_id) {
    write({{"assessment.reopen", ops::assessment_event(global_id_of(assessment_id), utc_iso_now())}});
}

void PgStore::delete_assessment(int64_t assessment_id) {
    write({{"assessment.delete", ops::assessment_event(global_id_of(assessment_id), utc_iso_now())}});
}

void PgStore::migrate_assessment(int64_t assessment_id, int version, const std::vector<StoredAnswer>& answers, const std::string& current_question) {
    write({{"assessment.migrate", ops::assessment_migrate(global_id_of(assessment_id), version, answers, utc_iso_now())}});
    set_current_question(assessment_id, current_question);
}

int64_t PgStore::record_assessment(int64_t department_id, const std::string& questionnaire_id, int version, const std::vector<StoredTask>& tasks,
                                   const std::vector<StoredAnswer>& answers) {
    const std::string global = me_.id + ":server-" + new_uuid();
    const std::string at = utc_iso_now();
    std::vector<std::pair<std::string, std::string>> operations = {
        {"assessment.start", ops::assessment_start(global, key_of(department_id), questionnaire_id, version, at)}};
    for (const StoredTask& task : tasks) operations.emplace_back("task.add", ops::task(global, task.index, task.name));
    operations.emplace_back("assessment.migrate", ops::assessment_migrate(global, version, answers, at));
    operations.emplace_back("assessment.finish", ops::assessment_event(global, at));
    write(operations);
    const PgResult r = c_->exec("SELECT id FROM assessments WHERE global_id = $1", {global});
    return r.integer(0, 0);
}

void PgStore::set_answer(int64_t assessment_id, int task, const std::string& question_id, const std::string& value) {
    write({{"answer.set", ops::answer_set(global_id_of(assessment_id), task, question_id, value, utc_iso_now())}});
}

void PgStore::clear_answer(int64_t assessment_id, int task, const std::string& question_id) {
    write({{"answer.clear", ops::answer_clear(global_id_of(assessment_id), task, question_id, utc_iso_now())}});
}

int PgStore::add_task(int64_t assessment_id, const std::string& name) {
    const PgResult r = c_->exec("SELECT coalesce(max(task_index) + 1, 0) FROM tasks WHERE assessment_id = $1::bigint", {id_text(assessment_id)});
    const int index = int(r.integer(0, 0));
    write({{"task.add", ops::task(global_id_of(assessment_id), index, name)}});
    return index;
}

void PgStore::rename_task(int64_t assessment_id, int task, const std::string& name) {
    write({{"task.rename", ops::task(global_id_of(assessment_id), task, name)}});
}

void PgStore::delete_task(int64_t assessment_id, int task) {
    write({{"task.delete", ops::task(global_id_of(assessment_id), task, std::nullopt)}});
}

}  // namespace tebiki::storage
