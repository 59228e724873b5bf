#include "assessment/export_all.h"

#include "assessment/export.h"
#include "assessment/session.h"
#include "util/json.h"

namespace tebiki::assessment {

std::string export_all_json(storage::Store& store) {
    std::string out = "{\"departments\":[";
    bool first_department = true;
    for (const storage::Department& d : store.departments()) {
        out += (first_department ? "" : ",") + std::string("{\"municipality\":") + json_string(d.municipality) +
               ",\"department\":" + json_string(d.name) + ",\"head_title\":" + json_string(d.head_title) +
               ",\"head_name\":" + json_string(d.head_name) +
               ",\"staff_count\":" + (d.staff_count ? std::to_string(*d.staff_count) : "null") + ",\"contact\":" + json_string(d.contact) +
               ",\"assessments\":[";
        first_department = false;
        bool first = true;
        for (const storage::AssessmentRecord& r : store.assessments(d.id)) {
            out += (first ? "" : ",") + std::string("{\"questionnaire\":") + json_string(r.questionnaire_id) +
                   ",\"version\":" + std::to_string(r.questionnaire_version) + ",\"status\":" + json_string(r.status) +
                   ",\"started_at\":" + json_string(r.started_at) + ",\"finished_at\":" + json_string(r.finished_at) + ",\"answers\":[";
            first = false;
            bool first_answer = true;
            for (const storage::StoredAnswer& a : store.answers(r.id)) {
                out += (first_answer ? "" : ",") + std::string("{\"task\":") + std::to_string(a.task) + ",\"question\":" +
                       json_string(a.question) + ",\"value\":" + json_string(a.value) + "}";
                first_answer = false;
            }
            out += "],\"result\":";
            const auto session = Session::open(store, r.id, nullptr);
            if (!session) out += "null";
            else if (session->questionnaire().kind == Questionnaire::Kind::Tasks) out += tasks_json(session->questionnaire(), session->task_results());
            else out += result_json(session->result());
            while (!out.empty() && out.back() == '\n') out.pop_back();
            out += "}";
        }
        out += "]}";
    }
    return out + "]}\n";
}

}  // namespace tebiki::assessment
