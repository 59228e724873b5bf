#include <doctest/doctest.h>

#include "kiosk/idle.h"
#include "kiosk/pin.h"

using namespace tebiki::kiosk;
using namespace std::chrono_literals;

TEST_CASE("[Pin] only 4 to 12 digits are accepted, and only the hash is kept") {
    CHECK_FALSE(pin_problem("123").empty());
    CHECK_FALSE(pin_problem("1234567890123").empty());
    CHECK_FALSE(pin_problem("12a4").empty());
    CHECK(pin_problem("1234").empty());
    const auto hash = hash_pin("2468");
    REQUIRE(hash);
    CHECK(hash->find("2468") == std::string::npos);
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(verify_pin(*hash, "2468"));
    CHECK_FALSE(verify_pin(*hash, "2469"));
    CHECK_FALSE(verify_pin("", "2468"));
}

TEST_CASE("[Pin] five wrong tries lock the PIN, for longer each time") {
    PinGuard guard(*hash_pin("2468"));
    const Clock::time_point t0{};
    for (int i = 0; i < 4; ++i) CHECK(guard.attempt("0000", t0) == PinGuard::Result::Wrong);
    CHECK(guard.tries_left() == 1);
    CHECK(guard.attempt("0000", t0) == PinGuard::Result::Locked);
    CHECK(guard.attempt("2468", t0 + 59s) == PinGuard::Result::Locked);  // even the right PIN
    CHECK(guard.seconds_left(t0 + 30s) == 31);
    const Clock::time_point t1 = t0 + 61s;
    CHECK_FALSE(guard.locked(t1));
    for (int i = 0; i < 5; ++i) guard.attempt("0000", t1);
    CHECK(guard.locked(t1 + 119s));  // second lockout: two minutes
    CHECK_FALSE(guard.locked(t1 + 121s));
    CHECK(guard.attempt("2468", t1 + 121s) == PinGuard::Result::Correct);
    CHECK(guard.tries_left() == PinGuard::kTries);
}

TEST_CASE("[Idle] the countdown starts after the timeout and input cancels it") {
    const IdleTimer::Clock::time_point t0{};
    IdleTimer idle(180s, 30s, t0);
    CHECK(idle.state(t0 + 179s) == IdleTimer::State::Active);
    CHECK(idle.next_wake(t0 + 10s) == t0 + 180s);
    CHECK(idle.state(t0 + 181s) == IdleTimer::State::Countdown);
    CHECK(idle.countdown_left(t0 + 181s) == 29);
    idle.input(t0 + 200s);
    CHECK(idle.state(t0 + 201s) == IdleTimer::State::Active);
    CHECK(idle.state(t0 + 200s + 210s) == IdleTimer::State::Expired);
}

TEST_CASE("[Pin] a kiosk whose PIN cannot be read starts locked, never as a first start (defect 1)") {
    const std::string hash = *hash_pin("2468");
    auto start = [](bool usable, bool trusted, bool read_failed, std::optional<std::string> h) {
        return pin_start(PinSource{usable, trusted, read_failed, std::move(h)});
    };
    CHECK(start(true, true, false, hash) == PinStart::Guarded);
    CHECK(start(true, false, false, hash) == PinStart::Guarded);  // set-pin wrote it into the new file
    CHECK(start(true, true, false, std::nullopt) == PinStart::FirstStart);
    // Damaged and moved aside: the new file has no PIN, but that says nothing about the kiosk.
    CHECK(start(true, false, false, std::nullopt) == PinStart::Locked);
    // Newer schema, busy, unreadable: no store at all.
    CHECK(start(false, false, false, std::nullopt) == PinStart::Locked);
    CHECK(start(true, true, true, std::nullopt) == PinStart::Locked);
    // A value that is not a PIN hash (damaged, or typed in by hand) locks too.
    CHECK(start(true, true, false, std::string("")) == PinStart::Locked);
    CHECK(start(true, true, false, std::string("2468")) == PinStart::Locked);
    CHECK(looks_like_pin_hash(hash));
}
