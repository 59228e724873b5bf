#include "assessment/session.h"

#include "assessment/answer_codec.h"
#include "util/file_io.h"

namespace tebiki::assessment {

int64_t Session::start(storage::AssessmentStore& store, int64_t department_id, const Questionnaire& q) {
    if (auto source = read_file(q.file)) store.keep_questionnaire_source(q.id, q.version, *source);
    return store.start_assessment(department_id, q.id, q.version);
}

std::optional<Session> Session::open(storage::AssessmentStore& store, int64_t assessment_id, std::string* error) {
    auto record = store.assessment(assessment_id);
    if (!record) {
        if (error) *error = "診断の記録が見つかりません。";
        return std::nullopt;
    }
    const auto source = store.questionnaire_source(record->questionnaire_id, record->questionnaire_version);
    Diagnostics problems;
    std::optional<Questionnaire> q;
    const std::string name = record->questionnaire_id + "（第" + std::to_string(record->questionnaire_version) + "版・保存分）";
    if (source) q = parse_questionnaire(*source, name, problems);
    if (!q) {
        if (error) *error = "この診断の質問票（" + name + "）を読み込めません。";
        return std::nullopt;
    }
    Session session(store, std::move(*record), std::make_shared<Questionnaire>(std::move(*q)));
    for (const storage::StoredTask& t : store.tasks(assessment_id)) {
        session.tasks_.push_back({t.name, {}});
        session.task_indices_.push_back(t.index);
    }
    // An answer that no longer decodes (a damaged row) is left out rather than guessed.
    for (const storage::StoredAnswer& a : store.answers(assessment_id)) {
        const Question* question = session.questionnaire_->question(a.question);
        if (!question) continue;
        const auto decoded = decode_answer(*question, a.value);
        if (!decoded) continue;
        if (a.task < 0) {
            session.answers_[a.question] = *decoded;
            continue;
        }
        for (size_t i = 0; i < session.task_indices_.size(); ++i)
            if (session.task_indices_[i] == a.task) session.tasks_[i].answers[a.question] = *decoded;
    }
    return session;
}

const AnswerMap& Session::answers(int task) const {
    return task < 0 ? answers_ : tasks_.at(size_t(task)).answers;
}

AnswerMap& Session::answers_for(int task) { return task < 0 ? answers_ : tasks_.at(size_t(task)).answers; }

Answer Session::answer(int task, const std::string& question_id) const {
    const AnswerMap& map = answers(task);
    const auto it = map.find(question_id);
    return it == map.end() ? Answer{} : it->second;
}

void Session::set_answer(int task, const std::string& question_id, const Answer& answer) {
    const int stored_task = task < 0 ? -1 : task_indices_.at(size_t(task));
    // Disk first: the screen may show an answer only once it is saved.
    if (answer.kind == Answer::Kind::Unanswered) store_->clear_answer(record_.id, stored_task, question_id);
    else store_->set_answer(record_.id, stored_task, question_id, encode_answer(answer));
    AnswerMap& map = answers_for(task);
    if (answer.kind == Answer::Kind::Unanswered) map.erase(question_id);
    else map[question_id] = answer;
}

std::vector<const Question*> Session::visible_questions(int task) const {
    std::vector<const Question*> out;
    const AnswerMap& map = answers(task);
    for (const Question& q : questionnaire_->questions)
        if (is_visible(q, map)) out.push_back(&q);
    return out;
}

int Session::add_task(const std::string& name) {
    const int index = store_->add_task(record_.id, name);
    tasks_.push_back({name, {}});
    task_indices_.push_back(index);
    return int(tasks_.size()) - 1;
}

void Session::rename_task(size_t position, const std::string& name) {
    store_->rename_task(record_.id, task_indices_.at(position), name);
    tasks_.at(position).name = name;
}

void Session::remove_task(size_t position) {
    store_->delete_task(record_.id, task_indices_.at(position));
    tasks_.erase(tasks_.begin() + long(position));
    task_indices_.erase(task_indices_.begin() + long(position));
}

void Session::set_current_question(const std::string& question_id) {
    if (record_.current_question == question_id) return;
    store_->set_current_question(record_.id, question_id);
    record_.current_question = question_id;
}

void Session::finish() {
    store_->finish_assessment(record_.id);
    if (auto fresh = store_->assessment(record_.id)) record_ = *fresh;
}

void Session::reopen() {
    store_->reopen_assessment(record_.id);
    if (auto fresh = store_->assessment(record_.id)) record_ = *fresh;
}

std::vector<TaskResult> Session::task_results() const {
    std::vector<TaskResult> out;
    for (const TaskAnswers& task : tasks_) out.push_back(classify(*questionnaire_, task));
    return out;
}

}  // namespace tebiki::assessment
