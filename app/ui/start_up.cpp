#include "ui/start_up.h"

#include <GLFW/glfw3.h>
#include <stb/stb_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "guide/link.h"
#include "ui/textures.h"

namespace tebiki::ui {

// The page the window opens on: the one a screenshot asks for, --open, or the last read one
// (restored by load_app). Returns an exit code (non-zero: a screenshot of a page that is not there).
int open_start_page(App& app, const cli::Options& options) {
    if (options.value("zoom")) app.zoom = std::clamp(float(options.number("zoom", 1)), 0.5f, 3.0f);  // range checked by parse
    if (options.command == "screenshot") {
        const std::string& page = options.positional.front();
        const size_t hash = page.find('#');
        const std::string id = page.substr(0, hash);
        if (id != "home" && !app.book.find(id)) {
            std::fprintf(stderr, "tebiki screenshot: ページ「%s」はありません。\n", id.c_str());
            return 1;
        }
        app.notices.clear();  // a screenshot shows the page, not start-up messages
        app.restore_position.reset();
        app.history = History();
        if (id != "home") app.navigate(Location{id, hash == std::string::npos ? "" : page.substr(hash + 1), -1});
    } else if (auto page = options.value("open"); page && app.book.find(*page)) {
        app.restore_position.reset();
        app.navigate(Location{*page, "", -1});
    }
    return 0;
}

// Kiosk mode (--kiosk, the stored setting or the marker file), its PIN and idle timer, and
// presentation at start. The PIN decides how a kiosk starts (kiosk::pin_start): guarded, first
// start (the admin chooses a PIN on screen) or locked — never open because the PIN was lost.
void set_up_modes(App& app, const cli::Options& options) {
    auto setting = [&](const char* key) -> std::string {
        if (!app.store) return {};
        try {
            return app.store->get(key).value_or("");
        } catch (const storage::StorageError&) {
            return {};
        }
    };
    const bool screenshot = options.command == "screenshot";
    std::error_code ec;
    // The marker outlives a damaged database, which would take the stored setting with it.
    const bool marker = std::filesystem::exists(kiosk_marker(app.paths), ec);
    // Each value: the command line, else /etc/tebiki/config.toml, else the admin's setting.
    const SystemConfig& system = options.system;
    const bool stored_kiosk = system.kiosk ? *system.kiosk : setting("kiosk.enabled") == "1" || marker;
    app.kiosk.on = !screenshot && (options.flag("kiosk") || stored_kiosk);
    int timeout = system.idle_seconds ? *system.idle_seconds : std::atoi(setting("kiosk.idle_seconds").c_str());
    if (options.value("idle-timeout")) timeout = int(options.number("idle-timeout", 180));
    const int countdown = int(options.number("idle-countdown", 30));
    app.kiosk.idle = std::make_unique<kiosk::IdleTimer>(std::chrono::seconds(timeout > 0 ? timeout : 180), std::chrono::seconds(countdown),
                                                        kiosk::IdleTimer::Clock::now());
    kiosk::PinSource pin;
    pin.store_usable = app.store != nullptr;
    pin.store_trusted = app.store_status == storage::UserStore::Status::Existing || app.store_status == storage::UserStore::Status::New;
    if (app.store) {
        try {
            pin.hash = app.store->get("kiosk.pin_hash");
        } catch (const storage::StorageError&) {
            pin.read_failed = true;
        }
    }
    switch (kiosk::pin_start(pin)) {
    case kiosk::PinStart::Guarded: app.kiosk.guard.emplace(*pin.hash); break;
    case kiosk::PinStart::FirstStart:
        if (app.kiosk.on) app.kiosk.ask = KioskUi::Ask::SetPin;  // the admin chooses a PIN; no way around it
        break;
    case kiosk::PinStart::Locked:
        if (app.kiosk.on) {
            app.kiosk.locked = true;
            app.kiosk.lock_reason = app.store_notice;
            app.notices.clear();  // the locked screen says it all
        }
        break;
    }
    app.kiosk.default_zoom = app.zoom;
    if (app.kiosk.on) {
        // Every visitor starts on the home screen at the admin's zoom, never where the last one was.
        const float z = system.zoom ? *system.zoom : float(std::atof(setting("kiosk.default_zoom").c_str()));
        if (z >= 0.5f && z <= 3.0f && !options.value("zoom"))
            app.zoom = app.kiosk.default_zoom = z;
        app.history = History();
        app.restore_position.reset();
        app.last_chapter.clear();
    }
    app.present.high_contrast = system.high_contrast ? *system.high_contrast : setting("present.high_contrast") == "1";
    if (options.flag("present") && !app.kiosk.locked) {
        app.start_presentation();
        if (options.value("slide")) app.present.pending_slide = int(options.number("slide", 1)) - 1;  // of the cut for the screen
    }
}

// Where the window was on the last normal start ("x,y,w,h"), to open it there again.
std::optional<std::array<int, 4>> saved_geometry(App& app) {
    if (!app.store) return std::nullopt;
    try {
        std::array<int, 4> g{};
        if (auto v = app.store->get("window.geometry"); v && std::sscanf(v->c_str(), "%d,%d,%d,%d", &g[0], &g[1], &g[2], &g[3]) == 4 &&
                                                          g[2] > 200 && g[3] > 200)
            return g;
    } catch (const storage::StorageError&) {
    }
    return std::nullopt;
}

void set_window_icon(GLFWwindow* window, const App& app) {
    const auto file = find_asset(app.paths.asset_dirs, "icons/tebiki.png");
    if (file.empty()) return;
    GLFWimage image{};
    image.pixels = decode_png(file, image.width, image.height);
    if (!image.pixels) return;
    glfwSetWindowIcon(window, 1, &image);
    stbi_image_free(image.pixels);
}

}  // namespace tebiki::ui
