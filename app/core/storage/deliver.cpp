#include "storage/deliver.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
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
        for (std::vector<OutboxOp> batch; !(batch = outbox_pending(local, 200)).empty();) {
            for (const OutboxOp& op : batch) {
                bool held = false;
                for (int attempt = 0;; ++attempt) {
                    try {
                        pg->apply(op_id(me.id, op.seq), me, op);
                        break;
                    } catch (const PgError& e) {
                        if (transient(e) && attempt < 3) continue;
                        if (!e.data_refused()) throw;
                        outbox_hold(local, op.seq, e.what());
                        report.error = "サーバーが受け付けない操作（" + op.op + "）を未送信のまま残しました：" + std::string(e.what());
                        held = true;
                        break;
                    }
                }
                if (held) continue;
                crash_here_for_tests("after_server_commit");
                outbox_remove(local, op.seq);
                ++report.delivered;
            }
        }
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
