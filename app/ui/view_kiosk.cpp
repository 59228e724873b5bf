// Kiosk dialogs: the admin PIN (to set it, to quit, to open the admin screen), the idle
// countdown 「操作を続けますか？」, and the admin screen with its settings.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>

#include "assessment/export_all.h"
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

bool pin_field(App& app, const char* id, std::string& value, bool focus) {
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(app.ui_fonts.scale.body * 10);
    const bool enter = ImGui::InputText(id, &value, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal |
                                                         ImGuiInputTextFlags_EnterReturnsTrue);
    app.target(std::string("kiosk:") + (id + 2));
    return enter;
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
    const char* prompt = k.ask == KioskUi::Ask::SetPin ? "kiosk.pin_set" : k.ask == KioskUi::Ask::Quit ? "kiosk.pin_quit" : "kiosk.pin_admin";
    draw_wrapped(app, app.text.get(prompt), body * 24, FontRole::Regular, body, Ink::Text);
    bool submit = pin_field(app, "##pin_entry", k.pin, appearing);
    if (k.ask == KioskUi::Ask::SetPin) {
        ImGui::TextUnformatted(app.text.get("kiosk.pin_again"));
        submit = pin_field(app, "##pin_again", k.pin_again, false) || submit;
    }
    if (!k.pin_message.empty()) draw_wrapped(app, k.pin_message, body * 24, FontRole::Bold, body, Ink::Text);
    submit = ImGui::Button(app.text.get("kiosk.ok")) || submit;
    app.target("kiosk:ok");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(app.text.get("kiosk.cancel"));
    app.target("kiosk:cancel");

    if (cancel) {
        finish_ask(k);
    } else if (submit && k.ask == KioskUi::Ask::SetPin) {
        const std::string problem = kiosk::pin_problem(k.pin);
        if (!problem.empty()) k.pin_message = problem;
        else if (k.pin != k.pin_again) k.pin_message = app.text.get("kiosk.pin_mismatch");
        else if (const auto hash = kiosk::hash_pin(k.pin)) {
            setting(app, "kiosk.pin_hash", *hash);
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

    int seconds = k.idle ? int(k.idle->timeout().count()) : 180;
    ImGui::TextUnformatted(app.text.get("kiosk.idle_timeout"));
    ImGui::SetNextItemWidth(body * 8);
    if (ImGui::InputInt("##idle_seconds", &seconds, 30, 60) && k.idle) {
        seconds = std::clamp(seconds, 30, 3600);
        k.idle->set_timeout(std::chrono::seconds(seconds));
        setting(app, "kiosk.idle_seconds", std::to_string(seconds));
    }
    int zoom = int(app.zoom * 100 + 0.5f);
    ImGui::TextUnformatted(app.text.get("kiosk.default_zoom"));
    ImGui::SetNextItemWidth(body * 8);
    if (ImGui::InputInt("##zoom", &zoom, 25, 25)) app.set_zoom(float(std::clamp(zoom, 50, 300)) / 100.0f);
    bool kiosk_at_start = false;
    if (app.store) {
        try {
            kiosk_at_start = app.store->get("kiosk.enabled").value_or("") == "1";
        } catch (const storage::StorageError&) {
        }
    }
    if (ImGui::Checkbox(app.text.get("kiosk.kiosk_at_start"), &kiosk_at_start)) setting(app, "kiosk.enabled", kiosk_at_start ? "1" : "0");
    bool contrast = app.present.high_contrast;
    if (ImGui::Checkbox(app.text.get("kiosk.theme"), &contrast)) {
        app.present.high_contrast = contrast;
        setting(app, "present.high_contrast", contrast ? "1" : "0");
    }
    std::string dir = app.export_dir().string();
    ImGui::TextUnformatted(app.text.get("kiosk.export_dir"));
    ImGui::SetNextItemWidth(body * 30);
    if (ImGui::InputText("##export_dir", &dir)) setting(app, "export.dir", dir);
    ImGui::Spacing();
    if (ImGui::Button(app.text.get("kiosk.export_all")) && app.assess.store) {
        const std::string json = assessment::export_all_json(*app.assess.store);
        k.admin_message = app.save_export(
            "tebiki-all", "-" + local_timestamp(), ".json", [&](std::string*) { return std::optional<std::string>(json); },
            "kiosk.exported", "kiosk.export_failed");
    }
    app.target("kiosk:export_all");
    if (!k.admin_message.empty()) draw_wrapped(app, k.admin_message, body * 34, FontRole::Regular, body, Ink::Muted);

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

}  // namespace

void draw_kiosk(App& app) {
    KioskUi& k = app.kiosk;
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
