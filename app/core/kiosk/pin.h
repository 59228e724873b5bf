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

// True for what hash_pin stores (an Argon2id string); a damaged or foreign value is not a PIN.
bool looks_like_pin_hash(const std::string& hash);

// How a kiosk starts, from what the user store could say about the PIN. It fails closed: only
// a healthy store that existed, or a new one where there was no file at all, may say "no PIN
// yet" (first start: the admin chooses one on screen). A store that was refused, recreated in
// place of a damaged file, or could not be read, or a stored value that is not a PIN hash,
// locks the kiosk until `tebiki admin set-pin` stores a PIN at a terminal.
enum class PinStart { Guarded, FirstStart, Locked };
struct PinSource {
    bool store_usable = false;     // the user store opened
    bool store_trusted = false;    // …and was Existing or New (not Recreated)
    bool read_failed = false;      // reading the stored hash threw
    std::optional<std::string> hash;
};
PinStart pin_start(const PinSource& source);

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
