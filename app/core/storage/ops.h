// The operations a store sends to the ward's server, as the JSON data of an outbox row: the
// department by its key (municipality, name), the assessment by its global id. Both back ends
// build them here; the server applies them in pg_apply.cpp (the list of names is there too).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/store.h"

namespace tebiki::storage::ops {

// A department's fields that an operation sets: the filled-in ones for a new department, the
// changed ones for an edit — so an edit at one installation never rewrites a field that another
// installation changed meanwhile. A value of nullopt is SQL NULL (no staff count).
using Fields = std::vector<std::pair<std::string, std::optional<std::string>>>;
Fields department_fields(const Department& d, const Department* before);

struct Key {
    std::string municipality, name;
};
// The key as every installation and the server spell it: municipality and name in NFC (the
// normalisation the app applies to what is typed), so 人事課 typed with a decomposed character
// on one machine meets the same 人事課 from another. The builders below apply it.
Key department_key(std::string_view municipality, std::string_view name);

std::string department_save(const Key& key, const Fields& fields, const std::optional<Key>& renamed_from, const std::string& at);
std::string department_delete(const Key& key, const std::string& at);
std::string questionnaire_source(const std::string& id, int version, const std::string& source);
std::string assessment_start(const std::string& assessment, const Key& department, const std::string& questionnaire, int version,
                             const std::string& at);
std::string assessment_event(const std::string& assessment, const std::string& at);  // finish, reopen, delete
std::string assessment_migrate(const std::string& assessment, int version, const std::vector<StoredAnswer>& answers, const std::string& at);
std::string answer_set(const std::string& assessment, int task, const std::string& question, const std::string& value, const std::string& at);
std::string answer_clear(const std::string& assessment, int task, const std::string& question, const std::string& at);
std::string task(const std::string& assessment, int task, const std::optional<std::string>& name);  // add, rename (name), delete

// "answer:QUESTION", or "answer:TASK:QUESTION" for a task row: the history's field name.
std::string answer_field(int task, const std::string& question);

}  // namespace tebiki::storage::ops
