#include "kiosk/pin.h"

#include <sodium.h>

#include <algorithm>

namespace tebiki::kiosk {

namespace {

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

}  // namespace

std::string pin_problem(const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 12) return "暗証番号は4桁から12桁の数字にしてください。";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return "暗証番号は数字だけにしてください。";
    return {};
}

std::optional<std::string> hash_pin(const std::string& pin) {
    if (!sodium_ready()) return std::nullopt;
    char out[crypto_pwhash_STRBYTES];
    // "Interactive" limits: about 0.1 s and 64 MiB here, fine for a PIN typed at a kiosk.
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::nullopt;
    return std::string(out);
}

bool verify_pin(const std::string& hash, const std::string& pin) {
    if (!sodium_ready() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool looks_like_pin_hash(const std::string& hash) {
    return hash.rfind("$argon2id$", 0) == 0 && hash.size() < crypto_pwhash_STRBYTES;
}

PinStart pin_start(const PinSource& source) {
    if (!source.store_usable || source.read_failed) return PinStart::Locked;
    if (source.hash) return looks_like_pin_hash(*source.hash) ? PinStart::Guarded : PinStart::Locked;
    return source.store_trusted ? PinStart::FirstStart : PinStart::Locked;
}

PinGuard::Result PinGuard::attempt(const std::string& pin, Clock::time_point now) {
    if (locked(now)) return Result::Locked;
    if (verify_pin(hash_, pin)) {
        wrong_ = 0;
        lockouts_ = 0;
        return Result::Correct;
    }
    if (++wrong_ >= kTries) {
        // 1 minute, then 2, 4 … up to 30 minutes: guessing 10^4 PINs takes days.
        locked_until_ = now + std::chrono::minutes(std::min(30, 1 << std::min(lockouts_, 5)));
        ++lockouts_;
        wrong_ = 0;
        return Result::Locked;
    }
    return Result::Wrong;
}

int PinGuard::seconds_left(Clock::time_point now) const {
    if (!locked(now)) return 0;
    return int(std::chrono::duration_cast<std::chrono::seconds>(locked_until_ - now).count()) + 1;
}

}  // namespace tebiki::kiosk
