// The ward's shared store on PostgreSQL (libpq): the same logical tables as SqliteStore, plus
// installations, the history of every write and tebiki_applied_ops. Installations do not write
// here directly while they work: their outbox is delivered with apply(), up to 100 operations
// per server transaction, each together with its op id, so a re-sent operation changes nothing.
//
// On the server, departments are unique by (municipality, name); an assessment is identified by
// its global id and an installation changes only its own assessments. The current value of a
// field is the last one the server received (operations are applied in arrival order); the
// history keeps every write with its installation, local time and server time.
//
// The schema is versioned in tebiki_schema(version); open() applies the missing migrations
// under an advisory lock (two machines starting at once migrate once) and refuses a server whose
// schema is newer than this tebiki, with a Japanese message.
#pragma once
#include <memory>
#include <span>

#include "storage/installation.h"
#include "storage/ops.h"
#include "storage/outbox.h"
#include "storage/pg.h"
#include "storage/store.h"
#include "storage/store_uri.h"

namespace tebiki::storage {

class PgStore final : public Store {
public:
    // Connects (3 s at most unless the URI sets connect_timeout), migrates, and registers `me`.
    // Throws PgError when the server cannot be reached or refuses, StorageError (Japanese) for a
    // newer schema.
    static std::unique_ptr<PgStore> open(const StoreChoice& server, const Installation& me);
    static int schema_version();

    // Records (or refreshes) an installation and its readable name before its operations.
    void register_installation(const Installation& who);
    // Outbox operations of installation `from`, in outbox order, in one transaction: each
    // recorded in tebiki_applied_ops with its op id, and one recorded before (a re-send)
    // skipped; their statements are sent together (pipeline), so a batch waits for the server
    // a few times, not once per statement. When one fails, the transaction is rolled back
    // (none applied) and the PgError thrown.
    void apply(const Installation& from, std::span<const OutboxOp> ops);

    std::vector<Department> departments() override;
    std::optional<Department> department(int64_t id) override;
    int64_t save_department(const Department& d) override;
    void delete_department(int64_t id) override;
    std::optional<Department> find_department(const std::string& municipality, const std::string& name) override;

    void keep_questionnaire_source(const std::string& id, int version, const std::string& source) override;
    std::optional<std::string> questionnaire_source(const std::string& id, int version) override;

    int64_t start_assessment(int64_t department_id, const std::string& questionnaire_id, int version) override;
    std::vector<AssessmentRecord> assessments(int64_t department_id) override;
    std::optional<AssessmentRecord> assessment(int64_t id) override;
    void set_current_question(int64_t assessment_id, const std::string& question_id) override;
    void finish_assessment(int64_t assessment_id) override;
    void reopen_assessment(int64_t assessment_id) override;
    void delete_assessment(int64_t assessment_id) override;
    void migrate_assessment(int64_t assessment_id, int version, const std::vector<StoredAnswer>& answers,
                            const std::string& current_question) override;
    int64_t record_assessment(int64_t department_id, const std::string& questionnaire_id, int version,
                              const std::vector<StoredTask>& tasks, const std::vector<StoredAnswer>& answers) override;

    void set_answer(int64_t assessment_id, int task, const std::string& question_id, const std::string& value) override;
    void clear_answer(int64_t assessment_id, int task, const std::string& question_id) override;
    std::vector<StoredAnswer> answers(int64_t assessment_id) override;
    int add_task(int64_t assessment_id, const std::string& name) override;
    void rename_task(int64_t assessment_id, int task, const std::string& name) override;
    void delete_task(int64_t assessment_id, int task) override;
    std::vector<StoredTask> tasks(int64_t assessment_id) override;

    std::vector<FinishedAssessment> finished_assessments(const std::string& questionnaire_id) override;
    std::vector<HistoryEntry> history(const std::string& municipality, const std::string& name) override;

private:
    PgStore(std::unique_ptr<PgConnection> c, Installation me) : c_(std::move(c)), me_(std::move(me)) {}
    void migrate();
    [[noreturn]] void refuse_newer(int version) const;
    // Runs the statements of operation `op` (pg_apply.cpp) inside the caller's transaction.
    void run(const std::string& op, const std::string& data, const std::string& installation_id);
    // Operations (name, data) as this installation, in one transaction.
    void write(const std::vector<std::pair<std::string, std::string>>& operations);
    std::string global_id_of(int64_t assessment_id);
    ops::Key key_of(int64_t department_id);

    std::unique_ptr<PgConnection> c_;
    Installation me_;
    std::string shown_;  // the URI without its password, for messages
    bool registered_ = false;
};

}  // namespace tebiki::storage
