#include "assessment/session.h"

#include <map>

#include <toml++/toml.h>

#include "assessment/answer_codec.h"
#include "assessment/answers_file.h"
#include "assessment/messages.h"
#include "util/file_io.h"

namespace tebiki::assessment {

namespace {

// An answer that no longer decodes (a damaged row) is left out rather than guessed.
std::optional<Answer> decode_stored(const Questionnaire& q, const storage::StoredAnswer& a) {
    const Question* question = q.question(a.question);
    return question ? decode_answer(*question, a.value) : std::nullopt;
}

}  // namespace

AnswerMap department_answers(const Questionnaire& q, const std::vector<storage::StoredAnswer>& rows) {
    AnswerMap out;
    for (const storage::StoredAnswer& a : rows)
        if (a.task < 0)
            if (const auto decoded = decode_stored(q, a)) out[a.question] = *decoded;
    return out;
}

int64_t Session::start(storage::Store& store, int64_t department_id, const Questionnaire& q) {
    if (auto source = read_file(q.file)) store.keep_questionnaire_source(q.id, q.version, *source);
    return store.start_assessment(department_id, q.id, q.version);
}

std::optional<Session> Session::open(storage::Store& store, int64_t assessment_id, Message* error) {
    auto record = store.assessment(assessment_id);
    if (!record) {
        if (error) *error = {says::record_missing, {}};
        return std::nullopt;
    }
    const auto source = store.questionnaire_source(record->questionnaire_id, record->questionnaire_version);
    Diagnostics problems;
    std::optional<Questionnaire> q;
    const std::string version = std::to_string(record->questionnaire_version);
    if (source) q = parse_questionnaire(*source, record->questionnaire_id + " v" + version + " (stored)", problems);
    if (!q) {
        if (error) *error = {says::stored_unreadable, {record->questionnaire_id, version}};
        return std::nullopt;
    }
    Session session(store, std::move(*record), std::make_shared<Questionnaire>(std::move(*q)));
    for (const storage::StoredTask& t : store.tasks(assessment_id)) {
        session.tasks_.push_back({t.name, {}});
        session.task_indices_.push_back(t.index);
    }
    const std::vector<storage::StoredAnswer> rows = store.answers(assessment_id);
    session.answers_ = department_answers(*session.questionnaire_, rows);
    for (const storage::StoredAnswer& a : rows) {
        if (a.task < 0) continue;
        const auto decoded = decode_stored(*session.questionnaire_, a);
        for (size_t i = 0; decoded && i < session.task_indices_.size(); ++i)
            if (session.task_indices_[i] == a.task) session.tasks_[i].answers[a.question] = *decoded;
    }
    return session;
}

namespace {

// A stored value as the raw answer an answers file would give; the bare word unknown is 「わからない」.
std::optional<RawAnswer> raw_from_stored(const std::string& id, const std::string& value) {
    if (value == "unknown") {
        RawAnswer raw;
        raw.id = id;
        raw.kind = RawAnswer::Kind::Unknown;
        return raw;
    }
    try {
        const toml::table t = toml::parse("v = " + value);
        if (const toml::node* node = t.get("v")) {
            RawAnswer raw = raw_answer(id, *node);
            if (raw.kind == RawAnswer::Kind::Unknown) raw.kind = RawAnswer::Kind::String;  // a text that reads "unknown"
            return raw;
        }
    } catch (const toml::parse_error&) {
    }
    return std::nullopt;
}

}  // namespace

bool Session::migrate(storage::Store& store, int64_t assessment_id, const Questionnaire& current, Message* error) {
    const auto record = store.assessment(assessment_id);
    if (!record || record->questionnaire_id != current.id) {
        if (error) *error = {says::record_missing, {}};
        return false;
    }
    if (record->questionnaire_version >= current.version) return true;
    const auto source = read_file(current.file);
    if (!source) {
        if (error) *error = {says::current_unreadable, {current.id}};
        return false;
    }
    std::map<int, std::vector<RawAnswer>> by_task;
    for (const storage::StoredAnswer& a : store.answers(assessment_id))
        if (auto raw = raw_from_stored(a.question, a.value)) by_task[a.task].push_back(std::move(*raw));
    std::vector<storage::StoredAnswer> rows;
    for (const auto& [task, raws] : by_task) {
        Diagnostics dropped;  // answers to questions the current version no longer has
        for (const auto& [id, answer] : resolve_answers(current, raws, "(stored)", dropped)) rows.push_back({task, id, encode_answer(answer)});
    }
    const Question* resume = current.question_or_alias(record->current_question);
    store.keep_questionnaire_source(current.id, current.version, *source);
    store.migrate_assessment(assessment_id, current.version, rows, resume ? resume->id : std::string());
    return true;
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

bool Session::set_answer(int task, const std::string& question_id, const Answer& given) {
    const Question* question = questionnaire_->question(question_id);
    const Answer answer = given.kind == Answer::Kind::Choices && given.choices.empty() ? Answer{} : given;
    if (!question || !check_answer(*question, answer).ok()) return false;
    const int stored_task = task < 0 ? -1 : task_indices_.at(size_t(task));
    // Disk first: the screen may show an answer only once it is saved.
    if (answer.kind == Answer::Kind::Unanswered) store_->clear_answer(record_.id, stored_task, question_id);
    else store_->set_answer(record_.id, stored_task, question_id, encode_answer(answer));
    AnswerMap& map = answers_for(task);
    if (answer.kind == Answer::Kind::Unanswered) map.erase(question_id);
    else map[question_id] = answer;
    return true;
}

std::vector<const Question*> Session::visible_questions(int task) const { return applicable_questions(*questionnaire_, answers(task)); }

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
