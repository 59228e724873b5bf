// The window's deliverer: a thread of its own that delivers the outbox right after a write
// (poke) and at least every `interval`, so no frame ever waits for the network. `changed` runs
// on that thread whenever the status changes; the window uses it to wake its loop.
//
// It opens its own connection to the local file (SQLite connections are not shared between
// threads here) and keeps the last status for the toolbar: 接続中 / 未送信 N 件 / サーバーに
// 接続できません, with the time of the last successful contact.
#pragma once
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "storage/installation.h"
#include "storage/store_uri.h"

namespace tebiki::storage {

struct SyncStatus {
    enum class State { Checking, Connected, Pending, Offline };
    State state = State::Checking;
    int64_t pending = 0;       // in the outbox (held ones included)
    int64_t held = 0;          // refused by the server as bad data
    std::string last_contact;  // UTC ISO of the last time the server answered; empty: not yet
    std::string error;         // Japanese, never a password
    // What the toolbar shows changed (the time of contact matters only once it is lost).
    bool shows_same(const SyncStatus& o) const { return state == o.state && pending == o.pending && held == o.held && error == o.error; }
};

class SyncWorker {
public:
    SyncWorker(std::filesystem::path database, Installation me, StoreChoice server, std::function<void()> changed,
               std::chrono::seconds interval = std::chrono::seconds(60));
    ~SyncWorker();  // stops the thread (a delivery under way finishes first)
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void poke();  // something was written: deliver now
    SyncStatus status() const;

private:
    void run();

    const std::filesystem::path database_;
    const Installation me_;
    const StoreChoice server_;
    const std::function<void()> changed_;
    const std::chrono::seconds interval_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool poked_ = true;  // the first round starts at once
    bool stop_ = false;
    SyncStatus status_;
    std::thread thread_;  // last: started once everything above is ready
};

}  // namespace tebiki::storage
