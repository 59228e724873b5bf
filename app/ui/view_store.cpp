// Where the window keeps departments and assessments, and how its deliveries to the ward's
// server stand: the state in the toolbar (サーバー接続中 / 未送信 N 件 / サーバーに接続できません),
// the store setting and the 全庁 button in the admin screen, and the main loop's side of the
// background threads. Nothing here waits for the network: the SyncWorker does, on its thread.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "storage/local_store.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "util/json.h"
#include "util/local_time.h"

namespace tebiki::ui {

namespace {

const char* state_id(storage::SyncStatus::State s) {
    switch (s) {
    case storage::SyncStatus::State::Checking: return "checking";
    case storage::SyncStatus::State::Connected: return "connected";
    case storage::SyncStatus::State::Pending: return "pending";
    case storage::SyncStatus::State::Offline: return "offline";
    }
    return "checking";
}

std::string status_text(const App& app, const storage::SyncStatus& s) {
    std::string text;
    switch (s.state) {
    case storage::SyncStatus::State::Checking: text = app.text.get("sync.checking"); break;
    case storage::SyncStatus::State::Connected: text = app.text.get("sync.connected"); break;
    case storage::SyncStatus::State::Pending: text = app.text.format("sync.pending", {std::to_string(s.pending - s.held)}); break;
    case storage::SyncStatus::State::Offline:
        // The time of the last contact, as the clock on the wall shows it (HH:MM, with the date when not today).
        if (s.last_contact.empty()) text = app.text.get("sync.offline_never");
        else {
            const std::string when = local_display_time(s.last_contact), today = local_display_time(utc_iso_now());
            text = app.text.format("sync.offline", {when.substr(0, 10) == today.substr(0, 10) ? when.substr(11, 5) : when.substr(0, 16)});
        }
        if (s.pending > s.held) text += "　" + app.text.format("sync.pending", {std::to_string(s.pending - s.held)});
        break;
    }
    if (s.held > 0) text += "　" + app.text.format("sync.held", {std::to_string(s.held)});
    return text;
}

void start_worker(App& app) {
    StoreUi& s = app.storage;
    if (s.worker || !s.server) return;
    // Runs on the worker's thread: only an atomic and GLFW's thread-safe wake-up.
    s.worker = std::make_unique<storage::SyncWorker>(s.database, s.me, *s.server, [&news = s.news] {
        news = true;
        glfwPostEmptyEvent();
    }, s.interval);
}

// The admin's choice, kept in settings: a password never goes into tebiki's own database (libpq
// finds it in ~/.pgpass or PGPASSFILE), and the message says so.
void save_setting(App& app) {
    StoreUi& s = app.storage;
    std::string error;
    const std::string given = s.setting_text;
    const auto choice = given.empty() ? std::optional<storage::StoreChoice>(storage::StoreChoice{}) : storage::parse_store(given, "setting", &error);
    if (!choice) {
        s.setting_message = error;
        return;
    }
    const bool postgres = choice->kind == storage::StoreChoice::Kind::Postgres;
    const bool had_password = postgres && storage::has_password(given);
    const std::string kept = postgres ? storage::without_password(given) : given;
    try {
        app.store->set(storage::kStoreSetting, kept);
        s.setting_text = kept;
        s.setting_message = app.text.get(had_password ? "sync.saved_without_password" : "sync.saved");
    } catch (const storage::StorageError& e) {
        s.setting_message = e.what();
    }
}

}  // namespace

void draw_sync_status(App& app) {
    if (!app.storage.server) return;  // this installation only: nothing to show
    start_worker(app);
    const storage::SyncStatus s = app.storage.worker->status();
    const ImU32 color = s.state == storage::SyncStatus::State::Offline   ? IM_COL32(0xB0, 0x20, 0x20, 255)
                        : s.state == storage::SyncStatus::State::Pending ? accent_color()
                                                                           : ink_color(Ink::Muted);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImColor(color), "%s", status_text(app, s).c_str());
    app.target(std::string("sync:") + state_id(s.state) + ":" + std::to_string(s.pending - s.held));
    if (ImGui::IsItemHovered() && !s.error.empty()) ImGui::SetTooltip("%s", s.error.c_str());
    ImGui::SameLine();
}

float sync_status_width(App& app) {
    if (!app.storage.server || !app.storage.worker) return 0;
    return ImGui::CalcTextSize(status_text(app, app.storage.worker->status()).c_str()).x;
}

void draw_store_admin(App& app) {
    StoreUi& s = app.storage;
    KioskUi& k = app.kiosk;
    const float body = app.ui_fonts.scale.body;
    if (!s.setting_loaded && app.options.system.store) {
        s.setting_text = storage::without_password(*app.options.system.store);
        s.setting_loaded = true;
    }
    if (!s.setting_loaded && app.store) {
        try {
            s.setting_text = app.store->get(storage::kStoreSetting).value_or("");
        } catch (const storage::StorageError&) {
        }
        s.setting_loaded = true;
    }
    // Compact (two rows): the admin screen must fit a 1280×800 kiosk without scrolling.
    ImGui::Separator();
    if (ImGui::Button(app.text.get("ward.open"))) {
        k.admin_open = false;
        ImGui::CloseCurrentPopup();
        app.open_ward();
    }
    app.target("kiosk:ward");
    ImGui::SameLine(0, body);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app.text.format("sync.in_use", {s.choice.shown}).c_str());
    // The machine's config fixes the store: shown, not changed here (--store and TEBIKI_STORE,
    // for tests and repairs, still win over it).
    const bool fixed = app.options.system.store.has_value();
    ImGui::SetNextItemWidth(body * 30);
    ImGui::BeginDisabled(fixed);
    ImGui::InputTextWithHint("##store_uri", app.text.get("sync.setting_hint"), &s.setting_text);
    app.target(fixed ? "kiosk:store:fixed" : "kiosk:store");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("sync.save")) && app.store && !fixed) save_setting(app);
    ImGui::EndDisabled();
    app.target("kiosk:store_save");
    if (fixed) draw_wrapped(app, app.text.format("kiosk.system_fixed", {app.options.system.file.string()}), ImGui::GetContentRegionAvail().x, FontRole::Regular, body, Ink::Muted);
    if (!s.setting_message.empty()) draw_wrapped(app, s.setting_message, body * 34, FontRole::Regular, body, Ink::Muted);
}

bool take_background_news(App& app) { return app.storage.news.exchange(false); }

void stop_background_work(App& app) {
    app.storage.worker.reset();  // joins its thread
    if (app.ward.loading.valid()) app.ward.loading.wait();
    if (app.ward.loader.joinable()) app.ward.loader.join();  // a joinable std::thread at exit would terminate
}

std::string sync_state_json(const App& app) {
    JsonObject o;
    o.add("store", app.storage.server ? "postgresql" : "sqlite").add("shown", app.storage.choice.shown);
    if (app.storage.worker) {
        const storage::SyncStatus s = app.storage.worker->status();
        o.add("state", state_id(s.state)).add("pending", s.pending).add("held", s.held).add("last_contact", s.last_contact).add("error", s.error);
    }
    return o.str();
}

}  // namespace tebiki::ui
