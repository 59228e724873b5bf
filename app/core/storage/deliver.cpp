#include "storage/deliver.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <span>
#include <thread>

#include "storage/outbox.h"
#include "storage/pg_store.h"
#include "util/test_hooks.h"

namespace tebiki::storage {

namespace {

// An flock on DATABASE.deliver-lock, waited for up to 10 s; without it the delivery goes ahead
// (the op ids keep a doubled delivery harmless, the lock only saves the traffic).
class DeliveryLock {
public:
    explicit DeliveryLock(const std::filesystem::path& database) {
        if (database.empty()) return;
        fd_ = ::open((database.string() + ".deliver-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) return;
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (::flock(fd_, LOCK_EX | LOCK_NB) != 0 && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ~DeliveryLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    DeliveryLock(const DeliveryLock&) = delete;
    DeliveryLock& operator=(const DeliveryLock&) = delete;

private:
    int fd_ = -1;
};

bool transient(const PgError& e) { return e.sqlstate == "40001" || e.sqlstate == "40P01"; }  // serialization, deadlock

// Operations per server transaction: one BEGIN/COMMIT, one pipeline and one local removal for
// up to this many (a first delivery of a machine's records sends thousands). More would gain
// little and lengthen the one-by-one retry of a batch holding a refused operation.
constexpr int kBatch = 100;

// One server transaction for `ops`; a transient conflict is retried (up to 3 times).
void apply_retrying(PgStore& pg, const Installation& me, std::span<const OutboxOp> ops) {
    for (int attempt = 0;; ++attempt) {
        try {
            pg.apply(me, ops);
            return;
        } catch (const PgError& e) {
            if (!transient(e) || attempt >= 3) throw;
        }
    }
}

// The server has committed `ops`: they leave the outbox in one local transaction. Dying before
// that only makes the next delivery send them again, which their op ids turn into no-ops.
void forget(Database& local, std::span<const OutboxOp> ops, DeliveryReport& report) {
    crash_here_for_tests("after_server_commit");
    Transaction t(local);
    for (const OutboxOp& op : ops) outbox_remove(local, op.seq);
    t.commit();
    report.delivered += int(ops.size());
}

// Delivers `batch` (oldest first) in one server transaction. When the server refuses it as bad
// data, nothing of it was applied: it is sent again one operation per transaction, so that only
// the refused operation is held back and the others are applied once, in order.
void deliver_batch(Database& local, PgStore& pg, const Installation& me, const std::vector<OutboxOp>& batch, DeliveryReport& report) {
    if (batch.size() > 1) {
        try {
            apply_retrying(pg, me, batch);
            forget(local, batch, report);
            return;
        } catch (const PgError& e) {
            if (!e.data_refused()) throw;
        }
    }
    for (const OutboxOp& op : batch) {
        try {
            apply_retrying(pg, me, {&op, 1});
        } catch (const PgError& e) {
            if (!e.data_refused()) throw;
            outbox_hold(local, op.seq, e.what());
            report.error = "サーバーが受け付けない操作（" + op.op + "）を未送信のまま残しました：" + std::string(e.what());
            continue;
        }
        forget(local, {&op, 1}, report);
    }
}

}  // namespace

DeliveryReport deliver(Database& local, const Installation& me, const StoreChoice& server, bool connect_when_empty) {
    DeliveryReport report;
    const DeliveryLock lock(local.path());
    auto count = [&] {
        report.pending = outbox_count(local);
        report.held = outbox_held_count(local);
    };
    try {
        count();
        if (report.pending == report.held && !connect_when_empty) {
            report.reached = true;  // nothing to send; the caller knows whether it connected before
            return report;
        }
        const auto pg = PgStore::open(server, me);
        report.reached = true;
        pg->register_installation(me);
        for (std::vector<OutboxOp> batch; !(batch = outbox_pending(local, kBatch)).empty();)
            deliver_batch(local, *pg, me, batch, report);
    } catch (const PgError& e) {
        report.error = (e.connection ? "サーバー（" + server.shown + "）に接続できません：" : "サーバー（" + server.shown + "）でエラーが起きました：") +
                       std::string(e.what());
    } catch (const StorageError& e) {
        report.error = e.what();
    }
    try {
        count();
    } catch (const StorageError&) {
    }
    return report;
}

}  // namespace tebiki::storage
