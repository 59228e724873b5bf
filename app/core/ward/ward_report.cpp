#include "ward/ward_report.h"

#include <cmath>
#include <cstdio>

#include "util/csv.h"
#include "util/json.h"
#include "util/local_time.h"

namespace tebiki::ward {

namespace {

std::string level_label(const Model& m, int level, const UiStrings& words, bool short_label = false) {
    if (level < 0 || size_t(level) >= m.levels.size()) return words.get("ward.no_level");
    return short_label ? m.levels[size_t(level)].short_label : m.levels[size_t(level)].label;
}

std::string date_of(const std::string& iso) { return iso.substr(0, 10); }

std::string json_number(const std::optional<double>& v) { return v ? points_text(*v) : "null"; }

std::string json_level(const Model& m, int level) { return level >= 0 && size_t(level) < m.levels.size() ? json_string(m.levels[size_t(level)].id) : "null"; }

std::string json_strings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& s : items) out += (out.size() > 1 ? "," : "") + json_string(s);
    return out + "]";
}

std::string blocker_labels(const Model& m, const Row& row, bool confirm) {
    std::string out;
    for (const RowBlocker& rb : row.blockers) {
        if (rb.confirm != confirm) continue;
        std::string label = rb.id;
        for (const BlockerSummary& s : m.blockers)
            if (s.id == rb.id && s.confirm == confirm) label = s.label;
        out += (out.empty() ? "" : "、") + label;
    }
    return out;
}

}  // namespace

std::string points_text(double value, bool sign) {
    char buffer[32];
    const double rounded = std::round(value * 10) / 10;
    std::snprintf(buffer, sizeof buffer, sign ? "%+.1f" : "%.1f", rounded == 0 ? 0.0 : rounded);
    return buffer;
}

std::string blocker_sentence(const BlockerSummary& b, const UiStrings& words) {
    return words.format(b.confirm ? "ward.confirm_sentence" : "ward.blocked_sentence", {std::to_string(b.departments.size()), b.label});
}

std::string format_text(const Model& m, const Source& source, const UiStrings& words) {
    std::string out = words.format("ward.heading", {m.title, std::to_string(m.version)}) + "　" +
                      words.format("ward.count", {std::to_string(m.rows.size())}) + "　" +
                      (source.kind == "server" ? words.format("ward.source_server", {source.shown}) : std::string(words.get("ward.source_local"))) + "\n";
    if (m.rows.empty()) out += words.get("ward.no_data") + std::string("\n");
    for (const Row& row : m.rows) {
        out += "\n■ " + row.municipality + "　" + row.department + "（" + row.division + "）　" + date_of(row.assessed_at) + "　" + row.installation + "\n";
        std::string overall = "  " + words.format("ward.overall_line", {level_label(m, row.level, words), row.overall ? points_text(*row.overall) : "―"});
        if (row.has_previous) {
            overall += "　" + words.format("ward.change_line", {row.overall_change ? points_text(*row.overall_change, true) : "―",
                                                               level_label(m, row.previous_level, words)});
        }
        out += overall + "\n  ";
        for (size_t i = 0; i < m.areas.size(); ++i) {
            const Cell& c = row.areas[i];
            out += (i ? "／" : "") + m.areas[i].short_name + " " + level_label(m, c.level, words, true) + (c.score ? " " + points_text(*c.score) : "");
        }
        out += "\n";
        if (const std::string stop = blocker_labels(m, row, false); !stop.empty()) out += "  " + words.format("ward.row_blocked", {stop}) + "\n";
        if (const std::string confirm = blocker_labels(m, row, true); !confirm.empty()) out += "  " + words.format("ward.row_confirm", {confirm}) + "\n";
    }
    if (!m.blockers.empty()) {
        out += "\n" + std::string(words.get("ward.blockers_heading")) + "\n";
        for (const BlockerSummary& b : m.blockers)
            out += "  ・" + blocker_sentence(b, words) + (b.guide.empty() ? "" : "（→ " + b.guide.front() + "）") + "\n";
    }
    if (!m.trend.empty()) {
        out += "\n" + std::string(words.get("ward.trend")) + "\n";
        for (const Month& month : m.trend) {
            out += "  " + month.month + "　";
            for (size_t i = 0; i < month.counts.size(); ++i)
                out += (i ? "／" : "") + (i < m.levels.size() ? m.levels[i].short_label : std::string(words.get("ward.no_level"))) + " " +
                       std::to_string(month.counts[i]);
            out += "\n";
        }
    }
    for (const std::string& p : m.problems) out += "! " + p + "\n";
    return out;
}

std::string to_json(const Model& m, const Source& source) {
    std::string levels = "[";
    for (const LevelName& l : m.levels)
        levels += (levels.size() > 1 ? "," : "") + JsonObject().add("id", l.id).add("label", l.label).add("short", l.short_label).str();
    std::string areas = "[";
    for (const AreaColumn& a : m.areas) areas += (areas.size() > 1 ? "," : "") + JsonObject().add("id", a.id).add("name", a.name).str();
    std::string departments = "[";
    for (const Row& row : m.rows) {
        std::string cells = "[";
        for (size_t i = 0; i < m.areas.size(); ++i)
            cells += (cells.size() > 1 ? "," : "") + JsonObject()
                                                         .add("id", m.areas[i].id)
                                                         .raw("score", json_number(row.areas[i].score))
                                                         .raw("level", json_level(m, row.areas[i].level))
                                                         .raw("change", json_number(row.areas[i].change))
                                                         .str();
        std::string blockers = "[";
        for (const RowBlocker& b : row.blockers)
            blockers += (blockers.size() > 1 ? "," : "") + JsonObject().add("id", b.id).add("kind", b.confirm ? "confirm" : "stop").str();
        const std::string change =
            row.has_previous ? JsonObject().raw("overall", json_number(row.overall_change)).raw("level_from", json_level(m, row.previous_level)).str() : "null";
        departments += (departments.size() > 1 ? "," : "") + JsonObject()
                                                                   .add("municipality", row.municipality)
                                                                   .add("department", row.department)
                                                                   .add("division", row.division)
                                                                   .add("assessed_at", row.assessed_at)
                                                                   .add("installation", row.installation)
                                                                   .add("assessment", row.assessment)
                                                                   .add("version", row.version)
                                                                   .add("assessments", row.assessments)
                                                                   .raw("overall", json_number(row.overall))
                                                                   .raw("level", json_level(m, row.level))
                                                                   .raw("no_level", row.no_level.empty() ? "null" : json_string(row.no_level))
                                                                   .raw("change", change)
                                                                   .raw("areas", cells + "]")
                                                                   .raw("blockers", blockers + "]")
                                                                   .str();
    }
    std::string summary = "[";
    for (const BlockerSummary& b : m.blockers)
        summary += (summary.size() > 1 ? "," : "") + JsonObject()
                                                         .add("id", b.id)
                                                         .add("kind", b.confirm ? "confirm" : "stop")
                                                         .add("label", b.label)
                                                         .add("count", int(b.departments.size()))
                                                         .raw("departments", json_strings(b.departments))
                                                         .raw("guide", json_strings(b.guide))
                                                         .str();
    std::string trend = "[";
    for (const Month& month : m.trend) {
        JsonObject counts;
        for (size_t i = 0; i < month.counts.size(); ++i) counts.add(i < m.levels.size() ? m.levels[i].id : "none", month.counts[i]);
        trend += (trend.size() > 1 ? "," : "") + JsonObject().add("month", month.month).raw("counts", counts.str()).str();
    }
    return JsonObject()
               .add("questionnaire", m.questionnaire_id)
               .add("version", m.version)
               .add("title", m.title)
               .add("source", source.kind)
               .raw("server", source.shown.empty() ? "null" : json_string(source.shown))
               .raw("levels", levels + "]")
               .raw("areas", areas + "]")
               .raw("departments", departments + "]")
               .raw("blockers", summary + "]")
               .raw("trend", trend + "]")
               .raw("problems", json_strings(m.problems))
               .str() +
           "\n";
}

std::string to_csv(const Model& m, const UiStrings& words) {
    std::vector<std::string> header = csv_header(words.get("ward.csv_header"));
    for (const AreaColumn& a : m.areas) {
        header.push_back(words.format("ward.csv_area_score", {a.name}));
        header.push_back(words.format("ward.csv_area_level", {a.name}));
    }
    for (const char* key : {"ward.csv_blocked", "ward.csv_confirm"}) header.push_back(words.get(key));
    std::string out = kCsvBom + csv_row(header);
    for (const Row& row : m.rows) {
        std::vector<std::string> fields = {row.municipality,
                                           row.division,
                                           row.department,
                                           date_of(row.assessed_at),
                                           row.installation,
                                           std::to_string(row.version),
                                           row.overall ? points_text(*row.overall) : "",
                                           level_label(m, row.level, words),
                                           row.overall_change ? points_text(*row.overall_change, true) : "",
                                           row.has_previous ? level_label(m, row.previous_level, words) : ""};
        for (const Cell& c : row.areas) {
            fields.push_back(c.score ? points_text(*c.score) : "");
            fields.push_back(level_label(m, c.level, words));
        }
        fields.push_back(blocker_labels(m, row, false));
        fields.push_back(blocker_labels(m, row, true));
        out += csv_row(fields);
    }
    return out;
}

std::string history_text(const std::string& municipality, const std::string& name, const std::vector<storage::HistoryEntry>& entries,
                         const UiStrings& words) {
    // The department's own fields in full (where two installations meet); answers only counted.
    std::string out = words.format("ward.history_heading", {municipality, name}) + "\n";
    int answers = 0;
    for (const storage::HistoryEntry& e : entries) {
        if (e.field.rfind("answer:", 0) == 0) {
            ++answers;
            continue;
        }
        const std::string field_key = "ward.field_" + e.field;
        out += "  " + words.format("ward.history_row", {local_display_time(e.server_time), e.installation, local_display_time(e.local_time),
                                                        words.get(field_key), e.value ? *e.value : std::string(words.get("ward.history_cleared"))}) +
               "\n";
    }
    if (entries.empty()) out += "  " + std::string(words.get("ward.history_none")) + "\n";
    if (answers > 0) out += "  " + words.format("ward.history_answers", {std::to_string(answers)}) + "\n";
    return out;
}

std::string history_json(const std::string& municipality, const std::string& name, const std::vector<storage::HistoryEntry>& entries) {
    std::string list = "[";
    for (const storage::HistoryEntry& e : entries)
        list += (list.size() > 1 ? "," : "") + JsonObject()
                                                   .add("field", e.field)
                                                   .raw("value", e.value ? json_string(*e.value) : "null")
                                                   .add("assessment", e.assessment)
                                                   .add("installation", e.installation)
                                                   .add("local_time", e.local_time)
                                                   .add("server_time", e.server_time)
                                                   .str();
    return JsonObject().add("municipality", municipality).add("department", name).raw("history", list + "]").str() + "\n";
}

}  // namespace tebiki::ward
