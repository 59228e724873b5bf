#include "storage/sync_worker.h"

#include <optional>

#include "storage/deliver.h"
#include "storage/outbox.h"
#include "util/local_time.h"

namespace tebiki::storage {

SyncWorker::SyncWorker(std::filesystem::path database, Installation me, StoreChoice server, std::function<void()> changed,
                       std::chrono::seconds interval)
    : database_(std::move(database)), me_(std::move(me)), server_(std::move(server)), changed_(std::move(changed)), interval_(interval),
      thread_([this] { run(); }) {}

SyncWorker::~SyncWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SyncWorker::poke() {
    {
        std::lock_guard lock(mutex_);
        poked_ = true;
    }
    wake_.notify_all();
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void SyncWorker::run() {
    using Clock = std::chrono::steady_clock;
    std::optional<Database> local;
    std::optional<Clock::time_point> last_attempt;
    for (;;) {
        bool poked = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, interval_, [this] { return poked_ || stop_; });
            if (stop_) return;
            poked = poked_;
            poked_ = false;
        }
        SyncStatus next = status();
        try {
            if (!local) local.emplace(database_, false);
            // Offline: a write only updates the count; the server is tried again 10 s after the
            // last attempt at the earliest (each answer must not wait for a connection timeout).
            const bool throttled = poked && next.state == SyncStatus::State::Offline && last_attempt && Clock::now() - *last_attempt < std::chrono::seconds(10);
            if (throttled) {
                next.pending = outbox_count(*local);
                next.held = outbox_held_count(*local);
            } else {
                const bool first = !last_attempt;
                last_attempt = Clock::now();
                // A write is delivered at once; the rounds in between (and the first) check the server.
                const DeliveryReport report = deliver(*local, me_, server_, first || !poked);
                next.pending = report.pending;
                next.held = report.held;
                next.error = report.error;
                if (report.reached) next.last_contact = utc_iso_now();
                next.state = !report.reached ? SyncStatus::State::Offline
                             : report.pending > report.held ? SyncStatus::State::Pending
                                                            : SyncStatus::State::Connected;
            }
        } catch (const StorageError& e) {
            next.error = e.what();  // the local file is busy or gone: try again next round
        }
        bool different = false;
        {
            std::lock_guard lock(mutex_);
            different = !status_.shows_same(next);
            status_ = next;
        }
        if (different && changed_) changed_();
    }
}

}  // namespace tebiki::storage
