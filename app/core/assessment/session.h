// One assessment being answered or read back: the questionnaire it was taken on (the text kept
// in the database, so later edits of assessment/ never change old results), its answers and task
// rows, written through to the store the moment they change.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessment/scoring.h"
#include "util/message.h"
#include "storage/store.h"

namespace tebiki::assessment {

// The department's own answers (task -1) of stored rows, decoded for `q`; a row that no longer
// decodes (a damaged row, a question the text does not have) is left out rather than guessed.
AnswerMap department_answers(const Questionnaire& q, const std::vector<storage::StoredAnswer>& rows);

class Session {
public:
    // Starts a new assessment of `q` for a department and keeps the questionnaire's text.
    static int64_t start(storage::Store& store, int64_t department_id, const Questionnaire& q);
    // Opens an assessment; nullopt with `error` (assessment/messages.h) when it cannot be read.
    static std::optional<Session> open(storage::Store& store, int64_t assessment_id, Message* error);
    // Brings an assessment taken on an older version of `current` onto it: the stored answers are
    // read the way an answers file is (old ids through aliases, the most cautious reading where
    // old questions were merged; answers to removed questions are left out), the current text is
    // kept, and the version raised, in one transaction. True when it is (now) on `current`.
    static bool migrate(storage::Store& store, int64_t assessment_id, const Questionnaire& current, Message* error);

    const Questionnaire& questionnaire() const { return *questionnaire_; }
    const storage::AssessmentRecord& record() const { return record_; }
    bool finished() const { return record_.status == "finished"; }

    // task -1 is the department's own answers; 0… are the task rows of per-task questionnaires.
    const AnswerMap& answers(int task = -1) const;
    Answer answer(int task, const std::string& question_id) const;
    // Saves an answer (Unanswered or an empty multiple choice clears it). An answer the question
    // does not accept (an unknown option, a duplicate, an exclusive option with another) is refused:
    // false, nothing changes.
    bool set_answer(int task, const std::string& question_id, const Answer& answer);
    // The questions asked given the answers (applicable_questions): the count every screen shows.
    std::vector<const Question*> visible_questions(int task = -1) const;

    const std::vector<TaskAnswers>& tasks() const { return tasks_; }
    const std::vector<int>& task_indices() const { return task_indices_; }
    int add_task(const std::string& name);  // returns the position in tasks()
    void rename_task(size_t position, const std::string& name);
    void remove_task(size_t position);

    void set_current_question(const std::string& question_id);
    void finish();
    void reopen();

    Result result() const { return score(*questionnaire_, answers_); }
    std::vector<TaskResult> task_results() const;

private:
    Session(storage::Store& store, storage::AssessmentRecord record, std::shared_ptr<Questionnaire> q)
        : store_(&store), record_(std::move(record)), questionnaire_(std::move(q)) {}
    AnswerMap& answers_for(int task);

    storage::Store* store_;
    storage::AssessmentRecord record_;
    std::shared_ptr<Questionnaire> questionnaire_;  // shared: results hold pointers into it
    AnswerMap answers_;
    std::vector<TaskAnswers> tasks_;
    std::vector<int> task_indices_;  // the stored index of each row in tasks_
};

}  // namespace tebiki::assessment
