#include "ward/ward.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "assessment/scoring.h"
#include "assessment/session.h"

namespace tebiki::ward {

using assessment::Questionnaire;
using assessment::Result;

namespace {

const char* no_level_id(Result::NoLevel n) {
    switch (n) {
    case Result::NoLevel::FewAnswers: return "few_answers";
    case Result::NoLevel::CriticalArea: return "critical_area";
    case Result::NoLevel::NeedsConfirm: return "needs_confirm";
    case Result::NoLevel::None: break;
    }
    return "";
}

int level_index(const Questionnaire& current, const assessment::Level* level) {
    if (!level) return -1;
    for (size_t i = 0; i < current.levels.size(); ++i)
        if (current.levels[i].id == level->id) return int(i);
    return -1;
}

// One scored assessment, reduced to what the view shows.
struct Scored {
    const storage::FinishedAssessment* source = nullptr;
    std::optional<double> overall;
    int level = -1;
    std::string no_level;
    std::vector<Cell> areas;
    std::vector<RowBlocker> blockers;
};

// The questionnaire of each stored version, parsed once.
class Versions {
public:
    Versions(storage::Store& store, const Questionnaire& current) : store_(store), current_(current) {}
    const Questionnaire* get(int version) {
        if (auto it = parsed_.find(version); it != parsed_.end()) return it->second.get();
        std::unique_ptr<Questionnaire> q;
        Diagnostics problems;
        if (const auto source = store_.questionnaire_source(current_.id, version)) {
            if (auto parsed = assessment::parse_questionnaire(*source, current_.id + "（第" + std::to_string(version) + "版・保存分）", problems))
                q = std::make_unique<Questionnaire>(std::move(*parsed));
        } else if (version == current_.version) {
            q = std::make_unique<Questionnaire>(current_);  // answered here before its text was kept
        }
        return (parsed_[version] = std::move(q)).get();
    }

private:
    storage::Store& store_;
    const Questionnaire& current_;
    std::map<int, std::unique_ptr<Questionnaire>> parsed_;
};

Scored score_one(const storage::FinishedAssessment& f, const Questionnaire& q, const Questionnaire& current) {
    const Result r = assessment::score(q, assessment::department_answers(q, f.answers));
    Scored s;
    s.source = &f;
    s.overall = r.overall;
    s.level = level_index(current, r.level);
    s.no_level = no_level_id(r.no_level);
    for (const auto& area : current.areas) {
        Cell cell;
        for (const assessment::AreaResult& ar : r.areas)
            if (ar.area->id == area.id) {
                cell.score = ar.score;
                cell.level = ar.score ? level_index(current, ar.level) : -1;
            }
        s.areas.push_back(cell);
    }
    for (const assessment::BlockerItem& b : r.blockers) s.blockers.push_back({b.blocker->id, b.confirm});
    return s;
}

std::string first_sentence(const std::string& text) {
    const size_t end = text.find("。");
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string month_of(const std::string& iso) { return iso.substr(0, 7); }

std::string next_month(const std::string& month) {
    int year = std::atoi(month.substr(0, 4).c_str()), m = std::atoi(month.substr(5, 2).c_str()) + 1;
    if (m > 12) {
        m = 1;
        ++year;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, m);
    return buffer;
}

}  // namespace

std::string division_of(std::string_view department) {
    static constexpr std::string_view kBu = "部";
    const size_t at = department.find(kBu, 1);  // a name starting with 部 (部長室) has no 部 of its own
    return std::string(at == std::string_view::npos ? department : department.substr(0, at + kBu.size()));
}

Model build_model(storage::Store& store, const Questionnaire& current) {
    Model m;
    m.questionnaire_id = current.id;
    m.title = current.title;
    m.version = current.version;
    for (const auto& a : current.areas) m.areas.push_back({a.id, a.name, a.short_name.empty() ? a.name : a.short_name});
    for (const auto& l : current.levels) m.levels.push_back({l.id, l.label, l.short_label.empty() ? l.label : l.short_label});

    const std::vector<storage::FinishedAssessment> finished = store.finished_assessments(current.id);  // oldest first
    Versions versions(store, current);
    // Every finished assessment of each department (by key: a server has one row per key, an
    // installation may have registered the same department twice), oldest first.
    std::map<std::pair<std::string, std::string>, std::vector<Scored>> by_department;
    for (const storage::FinishedAssessment& f : finished) {
        const Questionnaire* q = versions.get(f.record.questionnaire_version);
        if (!q) {
            m.problems.push_back(f.department.municipality + "　" + f.department.name + "：" + current.id + " 第" +
                                 std::to_string(f.record.questionnaire_version) + "版の質問票が保存されていないため採点できません。");
            continue;
        }
        by_department[{f.department.municipality, f.department.name}].push_back(score_one(f, *q, current));
    }

    for (const auto& [key, history] : by_department) {
        const Scored& latest = history.back();
        Row row;
        row.municipality = key.first;
        row.department = key.second;
        row.division = division_of(row.department);
        row.assessed_at = latest.source->record.finished_at;
        row.installation = latest.source->record.installation;
        row.assessment = latest.source->record.global_id;
        row.version = latest.source->record.questionnaire_version;
        row.assessments = int(history.size());
        row.overall = latest.overall;
        row.level = latest.level;
        row.no_level = latest.no_level;
        row.areas = latest.areas;
        row.blockers = latest.blockers;
        if (history.size() >= 2) {
            const Scored& previous = history[history.size() - 2];
            row.has_previous = true;
            row.previous_level = previous.level;
            if (latest.overall && previous.overall) row.overall_change = *latest.overall - *previous.overall;
            for (size_t i = 0; i < row.areas.size(); ++i)
                if (row.areas[i].score && previous.areas[i].score) row.areas[i].change = *row.areas[i].score - *previous.areas[i].score;
        }
        m.rows.push_back(std::move(row));
    }

    // What stops the ward: each blocker with the departments whose latest assessment has it.
    for (bool confirm : {false, true}) {
        std::vector<BlockerSummary> group;
        for (const auto& b : current.blockers) {
            BlockerSummary s{b.id, confirm, b.short_text.empty() ? first_sentence(b.message) : b.short_text, confirm ? b.confirm : b.message, b.guide, {}};
            for (const Row& row : m.rows)
                for (const RowBlocker& rb : row.blockers)
                    if (rb.id == b.id && rb.confirm == confirm) s.departments.push_back(row.municipality + "　" + row.department);
            if (!s.departments.empty()) group.push_back(std::move(s));
        }
        std::stable_sort(group.begin(), group.end(), [](const auto& a, const auto& b) { return a.departments.size() > b.departments.size(); });
        m.blockers.insert(m.blockers.end(), group.begin(), group.end());
    }

    // The distribution at the end of each month, from the first assessment's month to the last's.
    if (!finished.empty()) {
        std::string month = month_of(finished.front().record.finished_at);
        const std::string last = month_of(finished.back().record.finished_at);
        for (int guard = 0; guard < 1200 && month <= last; ++guard, month = next_month(month)) {
            Month point{month, std::vector<int>(m.levels.size() + 1, 0)};
            for (const auto& [key, history] : by_department) {
                const Scored* then = nullptr;
                for (const Scored& s : history)
                    if (month_of(s.source->record.finished_at) <= month) then = &s;
                if (then) ++point.counts[then->level >= 0 ? size_t(then->level) : m.levels.size()];
            }
            m.trend.push_back(std::move(point));
        }
    }
    return m;
}

std::vector<BlockerSummary> blockers_among(const Model& m, const std::vector<const Row*>& rows) {
    std::set<std::string> shown;
    for (const Row* r : rows) shown.insert(r->municipality + "　" + r->department);
    std::vector<BlockerSummary> out;
    for (bool confirm : {false, true}) {
        std::vector<BlockerSummary> group;
        for (const BlockerSummary& b : m.blockers) {
            if (b.confirm != confirm) continue;
            BlockerSummary s = b;
            std::erase_if(s.departments, [&](const std::string& d) { return !shown.count(d); });
            if (!s.departments.empty()) group.push_back(std::move(s));
        }
        std::stable_sort(group.begin(), group.end(), [](const auto& a, const auto& b) { return a.departments.size() > b.departments.size(); });
        out.insert(out.end(), group.begin(), group.end());
    }
    return out;
}

void sort_rows(std::vector<const Row*>& rows, SortBy by, size_t area, bool descending) {
    auto value = [&](const Row* r) -> std::optional<double> {
        switch (by) {
        case SortBy::Overall: return r->overall;
        case SortBy::Change: return r->overall_change;
        case SortBy::Area: return area < r->areas.size() ? r->areas[area].score : std::nullopt;
        default: return std::nullopt;
        }
    };
    auto text = [&](const Row* r) -> std::string {
        switch (by) {
        case SortBy::Division: return r->division;
        case SortBy::Date: return r->assessed_at;
        default: return {};
        }
    };
    auto department_order = [](const Row* a, const Row* b) {
        return std::tie(a->municipality, a->department) < std::tie(b->municipality, b->department);
    };
    std::stable_sort(rows.begin(), rows.end(), department_order);
    if (by == SortBy::Department) {
        if (descending) std::reverse(rows.begin(), rows.end());
        return;
    }
    const bool numeric = by == SortBy::Overall || by == SortBy::Change || by == SortBy::Area;
    std::stable_sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) {
        if (numeric) {
            const auto x = value(a), y = value(b);
            if (!x || !y) return x.has_value() && !y.has_value();  // missing last
            return descending ? *x > *y : *x < *y;
        }
        return descending ? text(a) > text(b) : text(a) < text(b);
    });
}

}  // namespace tebiki::ward
