// What each outbox operation does on the server: a few statements run inside the transaction
// that also records the op id. $1 is the operation's JSON data, $2 the installation's id. An
// operation may only touch its own installation's assessments (global id and installation
// both match); a department is found by its key and created when an assessment needs it.
//
//   department.save        upsert by key, only the fields given; a rename moves this
//                          installation's assessments to the new key (the old row goes when
//                          nothing refers to it); history: one row per field
//   department.delete      this installation's assessments of it; the row when nothing is left
//   questionnaire.source   the questionnaire text of a version (kept once)
//   assessment.start / .finish / .reopen / .delete / .migrate (all answers at once)
//   answer.set / answer.clear, task.add / task.rename / task.delete
#include <map>
#include <set>

#include "storage/pg_store.h"

namespace tebiki::storage {

namespace {

#define J "($1::jsonb)"
#define KEY "municipality = " J "->>'municipality' AND name = " J "->>'name'"
#define OWN(a) a ".global_id = " J "->>'assessment' AND " a ".installation = $2"
#define OWN_ID "(SELECT id FROM assessments x WHERE " OWN("x") ")"
#define HISTORY "INSERT INTO history(municipality, department, assessment, field, value, installation, local_time) "
#define ANSWER_FIELD(e) "'answer:' || CASE WHEN (" e "->>'task')::int < 0 THEN '' ELSE (" e "->>'task') || ':' END || (" e "->>'question')"

const std::map<std::string, std::vector<const char*>>& statements() {
    static const std::map<std::string, std::vector<const char*>> all = {
        {"department.save",
         {"INSERT INTO departments AS d(municipality, name, head_title, head_name, staff_count, contact, created_at, updated_at, updated_by)"
          " VALUES(" J "->>'municipality', " J "->>'name', coalesce(" J "->'fields'->>'head_title', ''),"
          " coalesce(" J "->'fields'->>'head_name', ''), (" J "->'fields'->>'staff_count')::bigint,"
          " coalesce(" J "->'fields'->>'contact', ''), " J "->>'at', " J "->>'at', $2)"
          " ON CONFLICT (municipality, name) DO UPDATE SET"
          " head_title = CASE WHEN " J "->'fields' ? 'head_title' THEN excluded.head_title ELSE d.head_title END,"
          " head_name = CASE WHEN " J "->'fields' ? 'head_name' THEN excluded.head_name ELSE d.head_name END,"
          " staff_count = CASE WHEN " J "->'fields' ? 'staff_count' THEN excluded.staff_count ELSE d.staff_count END,"
          " contact = CASE WHEN " J "->'fields' ? 'contact' THEN excluded.contact ELSE d.contact END,"
          " updated_at = excluded.updated_at, updated_by = excluded.updated_by, received_at = now()",
          HISTORY "SELECT " J "->>'municipality', " J "->>'name', '', f.key, f.value, $2, " J "->>'at'"
                  " FROM jsonb_each_text(" J "->'fields') AS f",
          "UPDATE assessments SET department_id = (SELECT id FROM departments WHERE " KEY ")"
          " WHERE " J " ? 'from' AND installation = $2 AND department_id = (SELECT id FROM departments"
          " WHERE municipality = " J "->'from'->>'municipality' AND name = " J "->'from'->>'name')",
          "DELETE FROM departments d WHERE " J " ? 'from' AND municipality = " J "->'from'->>'municipality'"
          " AND name = " J "->'from'->>'name' AND NOT (" KEY ")"
          " AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.department_id = d.id)",
          HISTORY "SELECT " J "->>'municipality', " J "->>'name', '', 'renamed_from',"
                  " (" J "->'from'->>'municipality') || '　' || (" J "->'from'->>'name'), $2, " J "->>'at' WHERE " J " ? 'from'"}},
        {"department.delete",
         {"DELETE FROM assessments WHERE installation = $2 AND department_id = (SELECT id FROM departments WHERE " KEY ")",
          "DELETE FROM departments d WHERE " KEY " AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.department_id = d.id)",
          HISTORY "VALUES(" J "->>'municipality', " J "->>'name', '', 'deleted', NULL, $2, " J "->>'at')"}},
        {"questionnaire.source",
         {"INSERT INTO questionnaire_sources(questionnaire_id, version, source)"
          " VALUES(" J "->>'id', (" J "->>'version')::int, " J "->>'source') ON CONFLICT DO NOTHING"}},
        {"assessment.start",
         {"INSERT INTO departments(municipality, name, created_at, updated_at, updated_by)"
          " VALUES(" J "->>'municipality', " J "->>'name', " J "->>'at', " J "->>'at', $2) ON CONFLICT (municipality, name) DO NOTHING",
          "INSERT INTO assessments(global_id, installation, department_id, questionnaire_id, questionnaire_version, started_at, updated_at)"
          " SELECT " J "->>'assessment', $2, d.id, " J "->>'questionnaire', (" J "->>'version')::int, " J "->>'at', " J "->>'at'"
          " FROM departments d WHERE d." KEY " ON CONFLICT (global_id) DO NOTHING"}},
        {"assessment.finish",
         {"UPDATE assessments a SET status = 'finished', finished_at = " J "->>'at', updated_at = " J "->>'at', received_at = now()"
          " WHERE " OWN("a")}},
        {"assessment.reopen",
         {"UPDATE assessments a SET status = 'in_progress', finished_at = NULL, updated_at = " J "->>'at', received_at = now()"
          " WHERE " OWN("a")}},
        {"assessment.delete", {"DELETE FROM assessments a WHERE " OWN("a")}},
        {"assessment.migrate",
         {"DELETE FROM answers WHERE assessment_id = " OWN_ID,
          "INSERT INTO answers(assessment_id, task, question_id, value, answered_at, installation)"
          " SELECT a.id, (e->>'task')::int, e->>'question', e->>'value', " J "->>'at', $2"
          " FROM assessments a CROSS JOIN jsonb_array_elements(" J "->'answers') AS e WHERE " OWN("a"),
          "UPDATE assessments a SET questionnaire_version = (" J "->>'version')::int, updated_at = " J "->>'at', received_at = now()"
          " WHERE " OWN("a"),
          HISTORY "SELECT d.municipality, d.name, a.global_id, " ANSWER_FIELD("e") ", e->>'value', $2, " J "->>'at'"
                  " FROM assessments a JOIN departments d ON d.id = a.department_id"
                  " CROSS JOIN jsonb_array_elements(" J "->'answers') AS e WHERE " OWN("a")}},
        {"answer.set",
         {"INSERT INTO answers(assessment_id, task, question_id, value, answered_at, installation)"
          " SELECT a.id, (" J "->>'task')::int, " J "->>'question', " J "->>'value', " J "->>'at', $2 FROM assessments a WHERE " OWN("a")
          " ON CONFLICT (assessment_id, task, question_id) DO UPDATE SET value = excluded.value,"
          " answered_at = excluded.answered_at, installation = excluded.installation, received_at = now()",
          "UPDATE assessments a SET updated_at = " J "->>'at' WHERE " OWN("a"),
          HISTORY "SELECT d.municipality, d.name, a.global_id, " ANSWER_FIELD(J) ", " J "->>'value', $2, " J "->>'at'"
                  " FROM assessments a JOIN departments d ON d.id = a.department_id WHERE " OWN("a")}},
        {"answer.clear",
         {"DELETE FROM answers WHERE assessment_id = " OWN_ID " AND task = (" J "->>'task')::int AND question_id = " J "->>'question'",
          "UPDATE assessments a SET updated_at = " J "->>'at' WHERE " OWN("a"),
          HISTORY "SELECT d.municipality, d.name, a.global_id, " ANSWER_FIELD(J) ", NULL, $2, " J "->>'at'"
                  " FROM assessments a JOIN departments d ON d.id = a.department_id WHERE " OWN("a")}},
        {"task.add",
         {"INSERT INTO tasks(assessment_id, task_index, name) SELECT a.id, (" J "->>'task')::int, " J "->>'name'"
          " FROM assessments a WHERE " OWN("a") " ON CONFLICT (assessment_id, task_index) DO UPDATE SET name = excluded.name"}},
        {"task.rename",
         {"UPDATE tasks SET name = " J "->>'name' WHERE assessment_id = " OWN_ID " AND task_index = (" J "->>'task')::int"}},
        {"task.delete",
         {"DELETE FROM answers WHERE assessment_id = " OWN_ID " AND task = (" J "->>'task')::int",
          "DELETE FROM tasks WHERE assessment_id = " OWN_ID " AND task_index = (" J "->>'task')::int"}},
    };
    return all;
}

#undef J
#undef KEY
#undef OWN
#undef OWN_ID
#undef HISTORY
#undef ANSWER_FIELD

// The statements of operation `op`. One this tebiki does not know (sent by a newer one) is
// refused as data: held back.
const std::vector<const char*>& statements_of(const std::string& op) {
    const auto it = statements().find(op);
    if (it == statements().end()) throw PgError("unknown operation " + op, "22023", false);
    return it->second;
}

}  // namespace

void PgStore::run(const std::string& op, const std::string& data, const std::string& installation_id) {
    for (const char* sql : statements_of(op)) c_->exec(sql, {data, installation_id});
}

void PgStore::apply(const Installation& from, std::span<const OutboxOp> ops) {
    PgTransaction t(*c_);
    // Deliverers of one installation (two processes of a machine, past the 10 s lock) take turns
    // here, so no other one records these op ids between the look-up below and the commit.
    c_->exec("SELECT 1 FROM installations WHERE id = $1 FOR NO KEY UPDATE", {from.id});
    std::vector<std::string> ids;
    std::string array = "{";
    for (const OutboxOp& op : ops) {
        ids.push_back(op_id(from.id, op.seq));
        array += (array.size() > 1 ? ",\"" : "\"") + ids.back() + "\"";
    }
    // Op ids recorded before were applied by a delivery that died before the outbox forgot
    // them: skipped, so a re-sent operation changes nothing.
    const PgResult before = c_->exec("SELECT op_id FROM tebiki_applied_ops WHERE op_id = ANY($1::text[])", {array + "}"});
    std::set<std::string> applied;
    for (int i = 0; i < before.rows(); ++i) applied.insert(before.text(i, 0));
    // Each operation after its op id, all sent at once (one wait for the server per batch). A
    // plain INSERT, not ON CONFLICT DO NOTHING: the statements after it run regardless, so an op
    // id recorded after all (the lock above rules it out) must fail the batch, not apply twice.
    std::vector<PgQuery> queries;
    for (size_t i = 0; i < ops.size(); ++i) {
        if (applied.count(ids[i])) continue;
        queries.push_back({"INSERT INTO tebiki_applied_ops(op_id, installation, op) VALUES($1, $2, $3)", {ids[i], from.id, ops[i].op}});
        for (const char* sql : statements_of(ops[i].op)) queries.push_back({sql, {ops[i].data, from.id}});
    }
    c_->exec_all(queries);
    t.commit();
}

}  // namespace tebiki::storage
