// Kiosk mode (--kiosk or the admin setting): full screen, the ways out ask for the admin PIN,
// an idle countdown resets the screen for the next person, and an admin screen behind the PIN.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "kiosk/idle.h"
#include "kiosk/pin.h"

namespace tebiki::ui {

struct KioskUi {
    bool on = false;
    std::unique_ptr<kiosk::IdleTimer> idle;
    std::optional<kiosk::PinGuard> guard;  // null until a PIN is set
    enum class Ask { None, Quit, Admin, SetPin };
    Ask ask = Ask::None;                   // the PIN dialog, and what follows a right PIN
    std::string pin, pin_again, pin_message;
    bool admin_open = false;
    bool admin_after_set_pin = false;      // the PIN is being set from the 管理 button
    bool confirm_delete = false;
    int64_t delete_id = 0;
    std::string admin_message;
    bool quit = false;                     // the main loop closes the window
};

}  // namespace tebiki::ui
