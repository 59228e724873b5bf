// The 全庁 screen (behind the admin PIN: it shows every department): a heat map of departments ×
// areas coloured by level with the level's word and the score in each cell (readable without
// colour), sortable by any column and filtered by 部; the blockers across the ward as sentences
// with their guide links; the distribution of levels month by month as stacked bars; and a CSV
// export of what is shown. The model is read on a thread of its own (the server may be slow or
// away) and drawn from ward::Model like `tebiki ward`.
//
// Index of this file
//   level_color, level_word       colours and words of a level
//   start_loading, poll_loading    reading the model off the frame
//   draw_filter                    one button per 部
//   draw_toolbar_row               source, refresh, export, filter
//   draw_heat_map                  the table
//   draw_blockers                  「12課が『…』で止まっています」 with guide links
//   draw_trend                     stacked bars per month
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <future>
#include <set>
#include <thread>

#include "assessment/check.h"
#include "storage/pg_store.h"
#include "storage/sqlite_store.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"
#include "ui/views.h"
#include "util/json.h"
#include "util/local_time.h"

namespace tebiki::ui {

namespace {

// Light colours from red (the first level) to green (the last), dark text on all of them; grey
// for 判定なし. The word in each cell says the same, for anyone who cannot tell the colours apart.
ImU32 level_color(int level, size_t levels) {
    if (level < 0 || levels == 0) return IM_COL32(0xDD, 0xDD, 0xDD, 255);
    const float hue = levels == 1 ? 0.33f : 0.33f * float(level) / float(levels - 1);
    float r = 0, g = 0, b = 0;
    ImGui::ColorConvertHSVtoRGB(hue, 0.38f, 0.97f, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1));
}

std::string level_word(const App& app, const ward::Model& m, int level) {
    return level >= 0 && size_t(level) < m.levels.size() ? m.levels[size_t(level)].short_label : app.text.get("ward.no_level");
}

//-----------------------------------------------------------------------------
// Reading the model off the frame
//-----------------------------------------------------------------------------

WardLoad load(std::optional<storage::StoreChoice> server, const std::filesystem::path& database, const storage::Installation& me,
              const assessment::Questionnaire& q) {
    WardLoad out;
    if (server) {
        try {
            const auto pg = storage::PgStore::open(*server, me);
            out.model = ward::build_model(*pg, q);
            out.source = {"server", server->shown};
            return out;
        } catch (const storage::PgError& e) {
            out.error = e.what();
            out.fell_back = e.connection;
            if (!e.connection) return out;
        } catch (const storage::StorageError& e) {
            out.error = e.what();  // a newer schema: nothing from the server, and no silent fallback
            return out;
        }
    }
    try {
        storage::Database db(database, false);
        storage::SqliteStore local(db);
        out.model = ward::build_model(local, q);
        out.source = {"local", ""};
    } catch (const storage::StorageError& e) {
        out.error = e.what();
    }
    return out;
}

void start_loading(App& app) {
    WardUi& w = app.ward;
    const assessment::Questionnaire* q = nullptr;
    for (const auto& candidate : app.assess.questionnaires)
        if (candidate.id == w.questionnaire) q = &candidate;
    if (!q || app.storage.database.empty()) {
        w.notice = app.text.get("assess.no_store");
        w.model = ward::Model{};
        return;
    }
    std::promise<WardLoad> promise;
    w.loading = promise.get_future();
    w.loader = std::thread([promise = std::move(promise), server = app.storage.server, database = app.storage.database, me = app.storage.me,
                            questionnaire = *q, &news = app.storage.news]() mutable {
        promise.set_value(load(server, database, me, questionnaire));
        news = true;  // the future is ready before the loop wakes
        glfwPostEmptyEvent();
    });
}

void poll_loading(App& app) {
    WardUi& w = app.ward;
    if (!w.loading.valid() || w.loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    WardLoad loaded = w.loading.get();
    if (w.loader.joinable()) w.loader.join();
    w.model = loaded.model ? std::move(*loaded.model) : ward::Model{};
    w.source = loaded.source;
    w.notice = loaded.fell_back ? app.text.format("ward.server_unreachable", {loaded.error}) : loaded.error;
    app.request_frames();
}

//-----------------------------------------------------------------------------
// Source, refresh, filter, export
//-----------------------------------------------------------------------------

// The rows the filter lets through, in the chosen order.
std::vector<const ward::Row*> shown_rows(const WardUi& w) {
    std::vector<const ward::Row*> rows;
    for (const ward::Row& r : w.model->rows)
        if (w.filter.empty() || r.division == w.filter) rows.push_back(&r);
    ward::sort_rows(rows, w.sort, w.sort_area, w.descending);
    return rows;
}

void export_csv(App& app, const std::vector<const ward::Row*>& rows) {
    WardUi& w = app.ward;
    ward::Model shown = *w.model;  // what the screen shows: filtered, in its order
    shown.rows.clear();
    for (const ward::Row* r : rows) shown.rows.push_back(*r);
    const std::string csv = ward::to_csv(shown, app.text);
    std::set<std::string> municipalities;
    for (const ward::Row& r : w.model->rows) municipalities.insert(r.municipality);
    const std::string name = (municipalities.size() == 1 ? *municipalities.begin() + "_" : std::string()) + app.text.get("ward.open") +
                             (w.filter.empty() ? "" : "_" + w.filter);
    w.message = app.save_export(name, "_" + w.model->questionnaire_id + "_" + local_timestamp(), ".csv",
                                [&](std::string*) { return std::optional<std::string>(csv); }, "ward.exported", "ward.export_failed");
}

// The filter by 部: one button per 部 (wrapping), the chosen one filled — a tap on a kiosk, no list to open.
void draw_filter(App& app, float width) {
    WardUi& w = app.ward;
    std::set<std::string> divisions;
    for (const ward::Row& r : w.model->rows) divisions.insert(r.division);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app.text.get("ward.filter"));
    const float left = ImGui::GetCursorScreenPos().x, right = left + width;
    auto choice = [&](const std::string& label, const std::string& division) {
        const bool chosen = w.filter == division;
        const float button = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + button > right) ImGui::NewLine();
        if (chosen) {
            ImGui::PushStyleColor(ImGuiCol_Button, accent_color());
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        }
        if (ImGui::Button((label + "##division").c_str(), ImVec2(0, std::max(44.0f, app.ui_fonts.scale.body * 1.75f)))) w.filter = division;
        if (chosen) ImGui::PopStyleColor(2);
        app.target("ward:filter:" + division);
    };
    choice(app.text.get("ward.filter_all"), "");
    for (const std::string& d : divisions) choice(d, d);
}

void draw_toolbar_row(App& app, const std::vector<const ward::Row*>& rows, float width) {
    WardUi& w = app.ward;
    const float body = app.ui_fonts.scale.body;
    const std::string source = w.source.kind == "server" ? app.text.format("ward.source_server", {w.source.shown}) : app.text.get("ward.source_local");
    draw_wrapped(app, source, width, FontRole::Regular, body, Ink::Muted);
    if (!w.notice.empty()) draw_wrapped(app, w.notice, width, FontRole::Bold, body, Ink::Text);
    if (ImGui::Button(app.text.get("ward.refresh"))) w.model.reset();
    app.target("ward:refresh");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("ward.export_csv"))) export_csv(app, rows);
    app.target("ward:export");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app.text.format("ward.shown", {std::to_string(rows.size()), std::to_string(w.model->rows.size())}).c_str());
    if (!w.message.empty()) draw_wrapped(app, w.message, width, FontRole::Regular, body, Ink::Muted);
    draw_filter(app, width);
}

//-----------------------------------------------------------------------------
// The heat map
//-----------------------------------------------------------------------------

void draw_heat_map(App& app, const std::vector<const ward::Row*>& rows, float width) {
    WardUi& w = app.ward;
    const ward::Model& m = *w.model;
    const float body = app.ui_fonts.scale.body;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_height = body * 2.4f + style.CellPadding.y * 2;
    const int fixed = 5;
    const int columns = fixed + int(m.areas.size());
    const float height = std::min(body * 2 + row_height * float(std::max<size_t>(rows.size(), 1)) + style.ScrollbarSize, body * 30);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("heat_map", columns, flags, ImVec2(width, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    static const char* const kFixed[] = {"department", "division", "date", "overall", "change"};
    static const char* const kFixedWords[] = {"ward.col_department", "ward.col_division", "ward.col_date", "ward.col_overall", "ward.col_change"};
    const float widths[] = {body * 13, body * 7, body * 6, body * 7, body * 7};
    for (int c = 0; c < fixed; ++c)
        ImGui::TableSetupColumn(app.text.get(kFixedWords[c]), c == 0 ? ImGuiTableColumnFlags_DefaultSort : 0, widths[c]);
    for (const ward::AreaColumn& a : m.areas) ImGui::TableSetupColumn(a.short_name.c_str(), ImGuiTableColumnFlags_PreferSortDescending, body * 6.5f);

    // Headers drawn one by one so each is a named target (tests click them); a click sorts.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        app.target(std::string("ward:sort:") + (c < fixed ? kFixed[c] : m.areas[size_t(c - fixed)].id.c_str()));
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
        const int c = specs->Specs[0].ColumnIndex;
        static const ward::SortBy kBy[] = {ward::SortBy::Department, ward::SortBy::Division, ward::SortBy::Date, ward::SortBy::Overall, ward::SortBy::Change};
        w.sort = c < fixed ? kBy[c] : ward::SortBy::Area;
        w.sort_area = c < fixed ? 0 : size_t(c - fixed);
        w.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        specs->SpecsDirty = false;
    }

    auto cell = [&](int level, const std::string& word, const std::string& detail) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, level_color(level, m.levels.size()));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0x1A, 0x1A, 0x1A, 255));
        ImGui::TextUnformatted(word.c_str());
        ImGui::TextUnformatted(detail.c_str());
        ImGui::PopStyleColor();
    };
    for (const ward::Row* r : rows) {
        ImGui::TableNextRow(0, row_height);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(r->department.c_str());
        ImGui::TextDisabled("%s", r->municipality.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(r->division.c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(local_display_time(r->assessed_at).substr(0, 10).c_str());
        ImGui::TextDisabled("%s", r->installation.c_str());
        ImGui::TableSetColumnIndex(3);
        cell(r->level, level_word(app, m, r->level), r->overall ? ward::points_text(*r->overall) : "―");
        ImGui::TableSetColumnIndex(4);
        if (r->overall_change) ImGui::TextUnformatted(ward::points_text(*r->overall_change, true).c_str());
        if (r->has_previous && r->previous_level != r->level)
            ImGui::TextDisabled("%s", app.text.format("ward.from_level", {level_word(app, m, r->previous_level)}).c_str());
        for (size_t a = 0; a < m.areas.size(); ++a) {
            ImGui::TableSetColumnIndex(fixed + int(a));
            const ward::Cell& c = r->areas[a];
            cell(c.level, level_word(app, m, c.level), c.score ? ward::points_text(*c.score) : "―");
        }
    }
    ImGui::EndTable();
    app.target("ward:heat_map");
}

//-----------------------------------------------------------------------------
// Blockers and trend
//-----------------------------------------------------------------------------

// The blockers of the departments shown (the filter applies here too).
void draw_blockers(App& app, const std::vector<const ward::Row*>& rows, float width) {
    const std::vector<ward::BlockerSummary> blockers = ward::blockers_among(*app.ward.model, rows);
    const float body = app.ui_fonts.scale.body;
    if (blockers.empty()) return;
    draw_heading(app, app.text.get("ward.blockers_heading"), 2);
    for (size_t i = 0; i < blockers.size(); ++i) {
        const ward::BlockerSummary& b = blockers[i];
        draw_wrapped(app, "・" + ward::blocker_sentence(b, app.text), width, FontRole::Bold, body, Ink::Text);
        app.target("ward:blocker:" + b.id + (b.confirm ? ":confirm" : ""));
        if (!b.guide.empty()) {
            const assessment::GuideTarget t = assessment::find_guide_target(app.book, b.guide.front());
            const std::string label = "→ " + (t.heading ? t.heading->text : t.chapter ? t.chapter->title : b.guide.front());
            ImGui::Indent(body);
            if (ImGui::Button((label + "##ward_guide" + std::to_string(i)).c_str())) open_guide(app, b.guide.front());
            app.target("ward:guide:" + b.id);
            ImGui::Unindent(body);
        }
    }
}

void draw_trend(App& app, float width) {
    const ward::Model& m = *app.ward.model;
    if (m.trend.empty()) return;
    const float body = app.ui_fonts.scale.body;
    draw_heading(app, app.text.get("ward.trend"), 2);
    // Legend: a swatch and the word for each level, then 判定なし.
    for (size_t i = 0; i <= m.levels.size(); ++i) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + body * 0.2f), ImVec2(p.x + body, p.y + body * 1.1f),
                                                  level_color(i < m.levels.size() ? int(i) : -1, m.levels.size()));
        ImGui::Dummy(ImVec2(body * 1.2f, body));
        ImGui::SameLine();
        ImGui::TextUnformatted(i < m.levels.size() ? m.levels[i].short_label.c_str() : app.text.get("ward.no_level"));
        if (i < m.levels.size()) ImGui::SameLine(0, body);
    }
    // One bar per month (the latest that fit), segments from the first level up.
    const float slot = ImGui::CalcTextSize("0000-00").x + body;
    const size_t fit = std::max<size_t>(1, size_t(width / slot));
    const size_t first = m.trend.size() > fit ? m.trend.size() - fit : 0;
    int most = 1;
    for (const ward::Month& month : m.trend) {
        int total = 0;
        for (int n : month.counts) total += n;
        most = std::max(most, total);
    }
    const float height = body * 9;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (size_t i = first; i < m.trend.size(); ++i) {
        const ward::Month& month = m.trend[i];
        const float x = origin.x + float(i - first) * slot;
        float y = origin.y + height;
        for (size_t level = 0; level < month.counts.size(); ++level) {
            if (month.counts[level] == 0) continue;
            const float h = height * float(month.counts[level]) / float(most);
            dl->AddRectFilled(ImVec2(x + body * 0.3f, y - h), ImVec2(x + slot - body * 0.3f, y),
                              level_color(level < m.levels.size() ? int(level) : -1, m.levels.size()));
            if (h >= body) {
                const std::string n = std::to_string(month.counts[level]);
                dl->AddText(ImVec2(x + (slot - ImGui::CalcTextSize(n.c_str()).x) / 2, y - h / 2 - body / 2), IM_COL32(0x1A, 0x1A, 0x1A, 255), n.c_str());
            }
            y -= h;
        }
        dl->AddText(ImVec2(x + body * 0.5f, origin.y + height + body * 0.2f), ink_color(Ink::Text), month.month.c_str());
    }
    ImGui::Dummy(ImVec2(width, height + body * 1.6f));
    app.target("ward:trend");
}

}  // namespace

void draw_ward(App& app) {
    WardUi& w = app.ward;
    poll_loading(app);
    if (!w.model && !w.loading.valid()) start_loading(app);
    const float body = app.ui_fonts.scale.body;
    ImGui::BeginChild("ward", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
    touch_scroll(app);
    const float width = ImGui::GetContentRegionAvail().x - body;
    ImGui::SetCursorPosX(body * 0.5f);
    ImGui::BeginGroup();
    const std::string title = w.model && !w.model->title.empty() ? app.text.format("ward.heading", {w.model->title, std::to_string(w.model->version)})
                                                                : std::string(app.text.get("ward.open"));
    draw_heading(app, title, 1);
    if (!w.model) {
        draw_wrapped(app, app.text.get("ward.loading"), width, FontRole::Regular, body, Ink::Muted);
        w.shown.clear();
    } else {
        const std::vector<const ward::Row*> rows = shown_rows(w);
        draw_toolbar_row(app, rows, width);
        if (w.model->rows.empty()) draw_wrapped(app, app.text.get("ward.no_data"), width, FontRole::Regular, body, Ink::Text);
        else {
            draw_wrapped(app, app.text.get("ward.heatmap"), width, FontRole::Regular, body, Ink::Muted);
            draw_heat_map(app, rows, width);
            // The sort chosen in the table's headers applies from the next frame on.
            const std::vector<const ward::Row*> sorted = shown_rows(w);
            w.shown.clear();
            for (const ward::Row* r : sorted) w.shown.push_back(r->department);
        }
        ImGui::Spacing();
        draw_blockers(app, rows, width);
        ImGui::Spacing();
        draw_trend(app, width);
        for (const std::string& p : w.model->problems) draw_wrapped(app, "! " + p, width, FontRole::Regular, body, Ink::Muted);
    }
    ImGui::EndGroup();
    ImGui::EndChild();
}

std::string ward_state_json(const App& app) {
    const WardUi& w = app.ward;
    static const char* const kSort[] = {"department", "division", "date", "overall", "change", "area"};
    std::string order = "[";
    for (const std::string& d : w.shown) order += (order.size() > 1 ? "," : "") + json_string(d);
    JsonObject o;
    o.raw("loaded", w.model ? "true" : "false")
        .add("source", w.source.kind)
        .add("total", w.model ? int(w.model->rows.size()) : 0)
        .add("filter", w.filter)
        .add("sort", kSort[int(w.sort)])
        .add("sort_area", int(w.sort_area))
        .raw("descending", w.descending ? "true" : "false")
        .raw("order", order + "]")
        .add("notice", w.notice)
        .add("message", w.message);
    return o.str();
}

}  // namespace tebiki::ui
