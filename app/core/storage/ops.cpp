#include "storage/ops.h"

#include "storage/outbox.h"
#include "text/normalize.h"
#include "util/json.h"

namespace tebiki::storage::ops {

Fields department_fields(const Department& d, const Department* before) {
    // A new department sends only what was filled in: registering 人事課 again elsewhere must
    // not blank the 所属長 another installation gave.
    Fields out;
    auto text = [&](const char* name, const std::string& now, const std::string& was) {
        if (before ? now != was : !now.empty()) out.emplace_back(name, now);
    };
    text("head_title", d.head_title, before ? before->head_title : "");
    text("head_name", d.head_name, before ? before->head_name : "");
    if (before ? d.staff_count != before->staff_count : d.staff_count.has_value())
        out.emplace_back("staff_count", d.staff_count ? std::optional<std::string>(std::to_string(*d.staff_count)) : std::nullopt);
    text("contact", d.contact, before ? before->contact : "");
    return out;
}

Key department_key(std::string_view municipality, std::string_view name) { return {normalize_nfc(municipality), normalize_nfc(name)}; }

namespace {

JsonObject keyed(const Key& key) {
    const Key normal = department_key(key.municipality, key.name);
    JsonObject o;
    o.add("municipality", server_text(normal.municipality)).add("name", server_text(normal.name));
    return o;
}

}  // namespace

std::string department_save(const Key& key, const Fields& fields, const std::optional<Key>& renamed_from, const std::string& at) {
    JsonObject data = keyed(key);
    if (renamed_from) data.raw("from", keyed(*renamed_from).str());
    JsonObject values;
    for (const auto& [field, value] : fields) value ? values.add(field, server_text(*value)) : values.raw(field, "null");
    return data.raw("fields", values.str()).add("at", at).str();
}

std::string department_delete(const Key& key, const std::string& at) { return keyed(key).add("at", at).str(); }

std::string questionnaire_source(const std::string& id, int version, const std::string& source) {
    return JsonObject().add("id", server_text(id)).add("version", version).add("source", server_text(source)).str();
}

std::string assessment_start(const std::string& assessment, const Key& department, const std::string& questionnaire, int version,
                             const std::string& at) {
    return keyed(department).add("assessment", assessment).add("questionnaire", server_text(questionnaire)).add("version", version).add("at", at).str();
}

std::string assessment_event(const std::string& assessment, const std::string& at) { return JsonObject().add("assessment", assessment).add("at", at).str(); }

std::string assessment_migrate(const std::string& assessment, int version, const std::vector<StoredAnswer>& answers, const std::string& at) {
    std::string list = "[";
    for (const StoredAnswer& a : answers)
        list += (list.size() > 1 ? "," : "") +
                JsonObject().add("task", a.task).add("question", server_text(a.question)).add("value", server_text(a.value)).str();
    return JsonObject().add("assessment", assessment).add("version", version).raw("answers", list + "]").add("at", at).str();
}

std::string answer_set(const std::string& assessment, int task, const std::string& question, const std::string& value, const std::string& at) {
    return JsonObject()
        .add("assessment", assessment)
        .add("task", task)
        .add("question", server_text(question))
        .add("value", server_text(value))
        .add("at", at)
        .str();
}

std::string answer_clear(const std::string& assessment, int task, const std::string& question, const std::string& at) {
    return JsonObject().add("assessment", assessment).add("task", task).add("question", server_text(question)).add("at", at).str();
}

std::string task(const std::string& assessment, int task, const std::optional<std::string>& name) {
    JsonObject o;
    o.add("assessment", assessment).add("task", task);
    if (name) o.add("name", server_text(*name));
    return o.str();
}

std::string answer_field(int task, const std::string& question) {
    return "answer:" + (task < 0 ? std::string() : std::to_string(task) + ":") + question;
}

}  // namespace tebiki::storage::ops
