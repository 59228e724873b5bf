// The installation's own store: departments, assessments and answers in the user database
// (tebiki.sqlite, WAL, synchronous=FULL). Each call is one transaction, so quitting, a crash or
// SIGKILL loses nothing the screen showed as saved.
//
// With a server configured (enable_outbox), each write also appends its operation to the outbox
// in the same transaction — the department by its key, the assessment by its global id — and
// `after_write` runs after the commit, so the caller can start a delivery. The resume point
// (set_current_question) is this screen's own state and is not sent.
#pragma once
#include <functional>

#include "storage/installation.h"
#include "storage/store.h"
#include "storage/user_store.h"

namespace tebiki::storage {

class SqliteStore final : public Store {
public:
    explicit SqliteStore(UserStore& store) : SqliteStore(store.database()) {}
    explicit SqliteStore(Database& db);

    void enable_outbox(std::function<void()> after_write = {});
    bool outbox_enabled() const { return outbox_; }
    // Appends everything already stored (departments, questionnaire texts, assessments with their
    // tasks and answers) to the outbox in one transaction: what a server that is configured after
    // the installation has been in use needs to catch up.
    void seed_outbox();
    const Installation& installation() const { return installation_; }
    Database& database() { return db_; }

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
    struct Owner {  // an assessment's department key and global id
        std::string municipality, name, global_id;
    };
    std::optional<Owner> owner_of(int64_t assessment_id);
    void touch(int64_t assessment_id);
    void committed();  // after each write's commit
    void send(std::string_view op, const std::string& data);  // appends to the outbox when enabled
    void remember(const std::string& municipality, const std::string& name, const std::string& assessment, const std::string& field,
                  const std::optional<std::string>& value, const std::string& at);
    void send_assessment_start(const AssessmentRecord& record);
    void send_answers(const Owner& owner, int version, const std::vector<StoredAnswer>& answers, const std::string& at);
    std::string global_id(int64_t local_id) const;

    Database& db_;
    Installation installation_;
    bool outbox_ = false;
    std::function<void()> after_write_;
};

}  // namespace tebiki::storage
