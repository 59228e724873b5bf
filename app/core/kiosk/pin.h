// The kiosk's admin PIN: 4–12 digits, stored only as a libsodium crypto_pwhash_str (Argon2id)
// hash; five wrong tries in a row lock it for a while, longer each time. Time is passed in, so
// the lockout can be tested without waiting.
#pragma once
#include <chrono>
#include <optional>
#include <string>

namespace tebiki::kiosk {

using Clock = std::chrono::steady_clock;

// Japanese reason when `pin` is not 4–12 ASCII digits; empty when it is fine.
std::string pin_problem(const std::string& pin);
// Argon2id hash string (self-describing: salt and cost included); nullopt when libsodium fails.
std::optional<std::string> hash_pin(const std::string& pin);
bool verify_pin(const std::string& hash, const std::string& pin);

class PinGuard {
public:
    static constexpr int kTries = 5;
    enum class Result { Correct, Wrong, Locked };

    explicit PinGuard(std::string hash) : hash_(std::move(hash)) {}
    Result attempt(const std::string& pin, Clock::time_point now);
    bool locked(Clock::time_point now) const { return now < locked_until_; }
    int seconds_left(Clock::time_point now) const;
    int tries_left() const { return kTries - wrong_; }

private:
    std::string hash_;
    int wrong_ = 0;
    int lockouts_ = 0;
    Clock::time_point locked_until_{};
};

}  // namespace tebiki::kiosk
