// Kiosk mode (--kiosk or the admin setting): full screen, the ways out ask for the admin PIN,
// an idle countdown resets the screen for the next person, and an admin screen behind the PIN.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/idle.h"
#include "kiosk/pin.h"
#include "util/paths.h"

namespace tebiki::ui {

struct KioskUi {
    bool on = false;
    // The PIN could not be read (store refused, recreated after damage, unreadable): a locked
    // screen and nothing else until `tebiki admin set-pin` stores a PIN (polled every second).
    bool locked = false;
    std::string lock_reason;               // the store's notice, shown on the locked screen
    std::chrono::steady_clock::time_point next_poll{};
    std::unique_ptr<kiosk::IdleTimer> idle;
    std::optional<kiosk::PinGuard> guard;  // null until a PIN is set
    enum class Ask { None, Quit, Admin, SetPin };
    Ask ask = Ask::None;                   // the PIN dialog, and what follows a right PIN
    std::string pin, pin_again, pin_message;
    int keypad_field = 0;                  // the on-screen keypad types into pin (0) or pin_again (1)
    bool admin_open = false;
    bool admin_after_set_pin = false;      // the PIN is being set from the 管理 button
    bool confirm_delete = false;
    int64_t delete_id = 0;
    std::string admin_message;
    bool admin_message_error = false;
    bool quit = false;                     // the main loop closes the window
    float default_zoom = 1.0f;             // the admin's zoom: every visitor starts with it
};

// DATA_DIR/kiosk-mode: written with the 「次回の起動からキオスクモードにする」 setting, so that a
// damaged database (which takes the setting with it) still starts a kiosk — a locked one.
inline std::filesystem::path kiosk_marker(const Paths& paths) { return paths.data / "kiosk-mode"; }

}  // namespace tebiki::ui
