// Kiosk idle reset: after `timeout` without input the screen asks 「操作を続けますか？」 and counts
// down `countdown`; any input cancels it; at zero the kiosk resets. Time is passed in.
#pragma once
#include <chrono>

namespace tebiki::kiosk {

class IdleTimer {
public:
    using Clock = std::chrono::steady_clock;
    enum class State { Active, Countdown, Expired };

    IdleTimer(std::chrono::seconds timeout, std::chrono::seconds countdown, Clock::time_point now)
        : timeout_(timeout), countdown_(countdown), last_input_(now) {}

    void input(Clock::time_point now) { last_input_ = now; }
    State state(Clock::time_point now) const {
        if (now < last_input_ + timeout_) return State::Active;
        return now < last_input_ + timeout_ + countdown_ ? State::Countdown : State::Expired;
    }
    // Seconds left on the countdown (rounded up), for the dialog.
    int countdown_left(Clock::time_point now) const {
        const auto end = last_input_ + timeout_ + countdown_;
        return now >= end ? 0 : int(std::chrono::duration_cast<std::chrono::milliseconds>(end - now).count() + 999) / 1000;
    }
    // When the loop must wake next even without input (to start or tick the countdown).
    Clock::time_point next_wake(Clock::time_point now) const {
        const auto countdown_at = last_input_ + timeout_;
        return now < countdown_at ? countdown_at : now + std::chrono::milliseconds(250);
    }
    void set_timeout(std::chrono::seconds timeout) { timeout_ = timeout; }
    std::chrono::seconds timeout() const { return timeout_; }

private:
    std::chrono::seconds timeout_, countdown_;
    Clock::time_point last_input_;
};

}  // namespace tebiki::kiosk
