// Index of this file
// [SECTION] The PIN dialog (set, change, quit, admin) with its on-screen keypad
// [SECTION] The idle countdown 「操作を続けますか？」
// [SECTION] The admin screen
// [SECTION] The locked screen (the PIN could not be read)
// [SECTION] Entry points
//
// Kiosk dialogs. A kiosk never runs without a PIN: on a first start the dialog that sets one
// cannot be cancelled, escaped or closed away, and a kiosk whose PIN cannot be read shows only
// the locked screen until `tebiki admin set-pin` stores one.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "assessment/export_all.h"
#include "storage/assessment_store.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "util/file_io.h"
#include "util/local_time.h"

namespace tebiki::ui {

namespace {

void setting(App& app, const char* key, const std::string& value) {
    if (!app.store) return;
    try {
        app.store->set(key, value);
    } catch (const storage::StorageError&) {
    }
}

//-----------------------------------------------------------------------------
// [SECTION] The PIN dialog (set, change, quit, admin) with its on-screen keypad
//-----------------------------------------------------------------------------

// A PIN field; the one the keypad types into is outlined. Clicking (or tapping) a field makes
// it the keypad's.
bool pin_field(App& app, const char* id, std::string& value, bool focus, int index) {
    KioskUi& k = app.kiosk;
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(app.ui_fonts.scale.body * 10);
    const bool selected = k.keypad_field == index;
    if (selected) {
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
        ImGui::PushStyleColor(ImGuiCol_Border, accent_color());
    }
    const bool enter = ImGui::InputText(id, &value, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal |
                                                         ImGuiInputTextFlags_EnterReturnsTrue);
    if (selected) {
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
    }
    if (ImGui::IsItemActivated()) k.keypad_field = index;
    app.target(std::string("kiosk:") + (id + 2));
    return enter;
}

// Digits for touch-only kiosks: 1–9, 消去 0 ←, each at least 44 px square, typing into the
// selected field (at most 12 digits).
void keypad(App& app) {
    KioskUi& k = app.kiosk;
    std::string& field = k.keypad_field == 1 && k.ask == KioskUi::Ask::SetPin ? k.pin_again : k.pin;
    const float size = std::max(44.0f, std::round(app.ui_fonts.scale.body * 2.4f));
    static const char* const kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"};
    for (int i = 0; i < 12; ++i) {
        const std::string key = kKeys[i];
        const char* label = key == "clear" ? app.text.get("kiosk.key_clear") : key == "back" ? app.text.get("kiosk.key_back") : kKeys[i];
        if (i % 3 != 0) ImGui::SameLine();
        if (ImGui::Button((std::string(label) + "##key" + key).c_str(), ImVec2(size, size))) {
            if (key == "clear") field.clear();
            else if (key == "back") {
                if (!field.empty()) field.pop_back();
            } else if (field.size() < 12) {
                field += key;
            }
        }
        app.target("kiosk:key:" + key);
    }
}

bool store_pin(App& app, const std::string& hash) {
    if (!app.store) return false;
    try {
        app.store->set("kiosk.pin_hash", hash);
        return true;
    } catch (const storage::StorageError&) {
        return false;
    }
}

void finish_ask(KioskUi& k) {
    k.ask = KioskUi::Ask::None;
    k.pin.clear();
    k.pin_again.clear();
    k.pin_message.clear();
    ImGui::CloseCurrentPopup();
}

void draw_pin_dialog(App& app) {
    KioskUi& k = app.kiosk;
    const float body = app.ui_fonts.scale.body;
    const char* id = "##pin";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowSize(ImVec2(body * 26, 0));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) return;
    const bool appearing = ImGui::IsWindowAppearing();
    ImGui::PushFont(app.ui_fonts.heading[3]);
    ImGui::TextUnformatted(app.text.get("kiosk.pin_title"));
    ImGui::PopFont();
    const char* prompt = k.ask == KioskUi::Ask::SetPin ? (k.guard ? "kiosk.pin_change" : "kiosk.pin_set")
                         : k.ask == KioskUi::Ask::Quit ? "kiosk.pin_quit"
                                                       : "kiosk.pin_admin";
    draw_wrapped(app, app.text.get(prompt), body * 24, FontRole::Regular, body, Ink::Text);
    if (appearing) k.keypad_field = 0;
    bool submit = pin_field(app, "##pin_entry", k.pin, appearing, 0);
    if (k.ask == KioskUi::Ask::SetPin) {
        ImGui::TextUnformatted(app.text.get("kiosk.pin_again"));
        submit = pin_field(app, "##pin_again", k.pin_again, false, 1) || submit;
    }
    ImGui::Spacing();
    keypad(app);
    draw_message(app, k.pin_message, true, body * 24);
    ImGui::Spacing();
    const ImVec2 big(std::max(44.0f, body * 5), std::max(44.0f, body * 2));
    submit = ImGui::Button(app.text.get("kiosk.ok"), big) || submit;
    app.target("kiosk:ok");
    // A kiosk with no PIN yet must get one: no cancel (Esc and closing the window do nothing).
    bool cancel = false;
    if (!(k.on && !k.guard)) {
        ImGui::SameLine();
        cancel = ImGui::Button(app.text.get("kiosk.cancel"), big);
        app.target("kiosk:cancel");
    }

    if (cancel) {
        k.admin_open = k.admin_after_set_pin && k.guard;  // changing the PIN: back to the admin screen
        k.admin_after_set_pin = false;
        finish_ask(k);
    } else if (submit && k.ask == KioskUi::Ask::SetPin) {
        const std::string problem = kiosk::pin_problem(k.pin);
        if (!problem.empty()) k.pin_message = problem;
        else if (k.pin != k.pin_again) k.pin_message = app.text.get("kiosk.pin_mismatch");
        else if (const auto hash = kiosk::hash_pin(k.pin); !hash) {
            k.pin_message = app.text.get("kiosk.pin_not_saved");
        } else if (!store_pin(app, *hash)) {
            k.pin_message = app.text.get("kiosk.pin_not_saved");  // a PIN only on screen would be gone at the next start
        } else {
            k.guard.emplace(*hash);
            k.admin_open = k.admin_after_set_pin;
            k.admin_after_set_pin = false;
            finish_ask(k);
        }
    } else if (submit && k.guard) {
        const auto now = kiosk::Clock::now();
        switch (k.guard->attempt(k.pin, now)) {
        case kiosk::PinGuard::Result::Correct:
            if (k.ask == KioskUi::Ask::Quit) k.quit = true;
            else k.admin_open = true;
            finish_ask(k);
            break;
        case kiosk::PinGuard::Result::Wrong:
            k.pin.clear();
            k.pin_message = app.text.format("kiosk.pin_wrong", {std::to_string(k.guard->tries_left())});
            break;
        case kiosk::PinGuard::Result::Locked:
            k.pin.clear();
            k.pin_message = app.text.format("kiosk.pin_locked", {std::to_string(k.guard->seconds_left(now))});
            break;
        }
    }
    ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] The idle countdown 「操作を続けますか？」
//-----------------------------------------------------------------------------

void draw_idle_countdown(App& app, int seconds) {
    const float body = app.ui_fonts.scale.body;
    const char* id = "##idle";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowSize(ImVec2(body * 26, 0));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::PushFont(app.ui_fonts.heading[2]);
    ImGui::TextUnformatted(app.text.get("kiosk.idle_title"));
    ImGui::PopFont();
    draw_wrapped(app, app.text.format("kiosk.idle_body", {std::to_string(seconds)}), body * 24, FontRole::Regular, body, Ink::Text);
    if (ImGui::Button(app.text.get("kiosk.continue"), ImVec2(body * 10, body * 2))) ImGui::CloseCurrentPopup();
    app.target("kiosk:continue");
    ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] The admin screen
//-----------------------------------------------------------------------------

// 「次回の起動からキオスクモードにする」: the setting, and the marker file that survives a damaged
// database.
void set_kiosk_at_start(App& app, bool on) {
    setting(app, "kiosk.enabled", on ? "1" : "0");
    std::error_code ec;
    if (on) write_file_atomic(kiosk_marker(app.paths), "1\n");
    else std::filesystem::remove(kiosk_marker(app.paths), ec);
}

void draw_admin(App& app) {
    KioskUi& k = app.kiosk;
    const float body = app.ui_fonts.scale.body;
    const char* id = "##admin";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(viewport->Size.x * 0.9f, body * 40), viewport->Size.y * 0.85f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::PushFont(app.ui_fonts.heading[1]);
    ImGui::TextUnformatted(app.text.get("kiosk.admin_title"));
    ImGui::PopFont();

    const SystemConfig& system = app.options.system;
    if (system.any_kiosk_value())  // what /etc/tebiki/config.toml sets is shown, greyed, not changed here
        draw_wrapped(app, app.text.format("kiosk.system_fixed", {system.file.string()}), ImGui::GetContentRegionAvail().x, FontRole::Regular, body, Ink::Muted);
    int seconds = k.idle ? int(k.idle->timeout().count()) : 180;
    ImGui::TextUnformatted(app.text.get("kiosk.idle_timeout"));
    ImGui::SetNextItemWidth(body * 8);
    ImGui::BeginDisabled(system.idle_seconds.has_value());
    const bool idle_changed = ImGui::InputInt("##idle_seconds", &seconds, 30, 60);
    ImGui::EndDisabled();
    app.target(system.idle_seconds ? "kiosk:idle_seconds:fixed" : "kiosk:idle_seconds");
    if (idle_changed && k.idle) {
        seconds = std::clamp(seconds, 30, 3600);
        k.idle->set_timeout(std::chrono::seconds(seconds));
        setting(app, "kiosk.idle_seconds", std::to_string(seconds));
    }
    int zoom = int(k.default_zoom * 100 + 0.5f);
    ImGui::TextUnformatted(app.text.get("kiosk.default_zoom"));
    ImGui::SetNextItemWidth(body * 8);
    ImGui::BeginDisabled(system.zoom.has_value());
    const bool zoom_changed = ImGui::InputInt("##zoom", &zoom, 25, 25);
    ImGui::EndDisabled();
    if (zoom_changed) {
        k.default_zoom = float(std::clamp(zoom, 50, 300)) / 100.0f;
        setting(app, "kiosk.default_zoom", std::to_string(k.default_zoom));
        app.set_zoom(k.default_zoom);
    }
    app.target(system.zoom ? "kiosk:default_zoom:fixed" : "kiosk:default_zoom");
    bool kiosk_at_start = system.kiosk.value_or(false);
    if (app.store && !system.kiosk) {
        try {
            kiosk_at_start = app.store->get("kiosk.enabled").value_or("") == "1";
        } catch (const storage::StorageError&) {
        }
    }
    ImGui::BeginDisabled(system.kiosk.has_value());
    if (ImGui::Checkbox(app.text.get("kiosk.kiosk_at_start"), &kiosk_at_start)) set_kiosk_at_start(app, kiosk_at_start);
    ImGui::EndDisabled();
    app.target(system.kiosk ? "kiosk:kiosk_at_start:fixed" : "kiosk:kiosk_at_start");
    bool contrast = app.present.high_contrast;
    ImGui::BeginDisabled(system.high_contrast.has_value());
    const bool contrast_changed = ImGui::Checkbox(app.text.get("kiosk.theme"), &contrast);
    ImGui::EndDisabled();
    app.target(system.high_contrast ? "kiosk:theme:fixed" : "kiosk:theme");
    if (contrast_changed) {
        app.present.high_contrast = contrast;
        setting(app, "present.high_contrast", contrast ? "1" : "0");
    }
    std::string dir = app.export_dir().string();
    ImGui::TextUnformatted(app.text.get("kiosk.export_dir"));
    ImGui::SetNextItemWidth(body * 30);
    ImGui::BeginDisabled(system.export_dir.has_value());
    if (ImGui::InputText("##export_dir", &dir)) setting(app, "export.dir", dir);
    ImGui::EndDisabled();
    app.target(system.export_dir ? "kiosk:export_dir:fixed" : "kiosk:export_dir");
    ImGui::Spacing();
    if (ImGui::Button(app.text.get("kiosk.export_all")) && app.assess.store) {
        const std::string json = assessment::export_all_json(*app.assess.store);
        bool saved = false;
        k.admin_message = app.save_export(
            "tebiki-all", "-" + local_timestamp(), ".json", [&](std::string*) { return std::optional<std::string>(json); },
            "kiosk.exported", "kiosk.export_failed", &saved);
        k.admin_message_error = !saved;
    }
    app.target("kiosk:export_all");
    draw_message(app, k.admin_message, k.admin_message_error, body * 34);
    draw_store_admin(app);  // view_store.cpp: where records are kept, and the 全庁 screen

    ImGui::Separator();
    ImGui::TextUnformatted(app.text.get("kiosk.delete_department"));
    if (app.assess.store)
        for (const storage::Department& d : app.assess.store->departments()) {
            ImGui::PushID(int(d.id));
            if (ImGui::Button(app.text.get("kiosk.delete"))) {
                k.confirm_delete = true;
                k.delete_id = d.id;
            }
            ImGui::SameLine();
            ImGui::TextUnformatted((d.municipality + "　" + d.name).c_str());
            ImGui::PopID();
        }
    if (k.confirm_delete && app.assess.store) {
        const auto d = app.assess.store->department(k.delete_id);
        if (!d) k.confirm_delete = false;
        else {
            draw_wrapped(app, app.text.format("kiosk.confirm_delete", {d->municipality + "　" + d->name}), body * 34, FontRole::Bold, body, Ink::Text);
            if (ImGui::Button(app.text.get("kiosk.delete"))) {
                app.assess.store->delete_department(d->id);
                if (app.assess.department && app.assess.department->id == d->id) {
                    app.assess.department.reset();
                    app.assess.session.reset();
                }
                k.confirm_delete = false;
            }
            ImGui::SameLine();
            if (ImGui::Button(app.text.get("kiosk.cancel"))) k.confirm_delete = false;
        }
    }
    ImGui::Separator();
    if (ImGui::Button(app.text.get("kiosk.change_pin"))) {
        k.admin_open = false;
        k.admin_after_set_pin = true;
        k.ask = KioskUi::Ask::SetPin;
        ImGui::CloseCurrentPopup();
    }
    app.target("kiosk:change_pin");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("kiosk.quit"))) k.quit = true;
    app.target("kiosk:quit");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("kiosk.close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        k.admin_open = false;
        ImGui::CloseCurrentPopup();
    }
    app.target("kiosk:close");
    ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] The locked screen (the PIN could not be read)
//-----------------------------------------------------------------------------

// Once a second: has `tebiki admin set-pin` stored a PIN? A store that was refused at start is
// opened again (it may have been busy, or the admin moved the file away).
void poll_for_pin(App& app) {
    KioskUi& k = app.kiosk;
    const auto now = std::chrono::steady_clock::now();
    if (now < k.next_poll) return;
    k.next_poll = now + std::chrono::seconds(1);
    if (!app.store) {
        auto opened = storage::UserStore::open(app.paths.data / "tebiki.sqlite");
        if (!opened.store) return;
        app.store = std::move(opened.store);
        app.store_status = opened.status;
        app.open_assessment_store();
    }
    std::optional<std::string> hash;
    try {
        hash = app.store->get("kiosk.pin_hash");
    } catch (const storage::StorageError&) {
        return;
    }
    if (!hash || !kiosk::looks_like_pin_hash(*hash)) return;  // only a PIN lifts the lock
    k.guard.emplace(*hash);
    k.locked = false;
    k.lock_reason.clear();
    if (k.idle) k.idle->input(kiosk::IdleTimer::Clock::now());
    app.request_frames();
}

}  // namespace

void draw_kiosk_locked(App& app) {
    poll_for_pin(app);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##locked", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float body = app.ui_fonts.scale.body;
    const float width = std::min(viewport->WorkSize.x - body * 4, body * 36);
    ImGui::SetCursorPos(ImVec2((viewport->WorkSize.x - width) * 0.5f, viewport->WorkSize.y * 0.2f));
    ImGui::BeginGroup();
    ImGui::PushFont(app.ui_fonts.heading[1]);
    ImGui::TextUnformatted(app.text.get("kiosk.locked_title"));
    ImGui::PopFont();
    ImGui::Spacing();
    draw_wrapped(app, app.text.get("kiosk.locked_body"), width, FontRole::Regular, body, Ink::Text);
    ImGui::Spacing();
    draw_wrapped(app, "tebiki admin set-pin --data " + app.paths.data.string(), width, FontRole::Mono, body, Ink::Code);
    if (!app.kiosk.lock_reason.empty()) {
        ImGui::Spacing();
        draw_wrapped(app, app.text.format("kiosk.locked_reason", {app.kiosk.lock_reason}), width, FontRole::Regular, body, Ink::Muted);
    }
    ImGui::EndGroup();
    ImGui::End();  // the main loop draws a frame on each wake (at most 1 s apart): the poll above
}

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

void request_kiosk_quit(App& app) {
    KioskUi& k = app.kiosk;
    if (k.locked) return;                            // nothing gets past the locked screen
    if (k.ask == KioskUi::Ask::SetPin && !k.guard) return;  // first start: a PIN first
    if (k.ask == KioskUi::Ask::None) k.ask = KioskUi::Ask::Quit;
}

void draw_kiosk(App& app) {
    KioskUi& k = app.kiosk;
    if (k.locked) return;  // draw_root shows only the locked screen
    // The idle reset comes first: an admin screen or PIN dialog left open must not stay open
    // for the next person (the reset closes both).
    if (k.on && k.idle) {
        const auto now = kiosk::IdleTimer::Clock::now();
        if (k.idle->state(now) == kiosk::IdleTimer::State::Expired) {
            app.reset_for_next_person();
            k.idle->input(now);
            return;
        }
    }
    // A kiosk without a PIN is always asking for one (after a cancel, an idle reset, anything).
    if (k.on && !k.guard && k.ask != KioskUi::Ask::SetPin) {
        k.ask = KioskUi::Ask::SetPin;
        k.admin_open = false;
    }
    // One modal at a time: a start-up notice or link dialog is read and closed first, then the
    // kiosk's dialog opens (opening both made ImGui swap them every frame).
    if (!app.notices.empty() || app.external_link.open || !app.app_link_notice.empty()) return;
    if (k.ask != KioskUi::Ask::None) {
        draw_pin_dialog(app);
        return;
    }
    if (k.admin_open) {
        draw_admin(app);
        return;
    }
    if (!k.on || !k.idle) return;
    const auto now = kiosk::IdleTimer::Clock::now();
    if (k.idle->state(now) == kiosk::IdleTimer::State::Countdown) draw_idle_countdown(app, k.idle->countdown_left(now));
}

}  // namespace tebiki::ui
