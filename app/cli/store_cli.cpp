#include "cli/store_cli.h"

#include <cstdio>
#include <cstdlib>

#include "storage/outbox.h"

namespace tebiki::cli {

namespace fs = std::filesystem;

namespace {

// The admin screen's setting, read without creating, migrating or moving anything aside.
std::optional<std::string> stored_setting(const fs::path& data) {
    const fs::path file = data / "tebiki.sqlite";
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::nullopt;
    try {
        storage::Database db(file, false);
        storage::Statement s = db.prepare("SELECT value FROM settings WHERE key = ?");
        s.bind(1, storage::kStoreSetting);
        if (s.step()) return s.column_text(0);
    } catch (const storage::StorageError&) {
    }
    return std::nullopt;
}

void print_report(const storage::DeliveryReport& report) {
    if (report.error.empty()) return;
    std::fprintf(stderr, "tebiki: %s\n", report.error.c_str());
    if (report.pending > 0)
        std::fprintf(stderr, "tebiki: 未送信の %lld 件はこの端末に保存してあり、次にサーバーに接続できたときに送ります。\n", static_cast<long long>(report.pending));
}

}  // namespace

std::optional<storage::StoreChoice> store_choice(const Options& options) {
    const char* env = std::getenv("TEBIKI_STORE");
    std::string error, skipped;
    const std::optional<std::string> environment = env ? std::optional<std::string>(env) : std::nullopt;
    const bool given = options.value("store") || (env && *env);
    auto choice = storage::choose_store(options.value("store"), environment, options.system.store, options.system.store_origin,
                                        given ? std::nullopt : stored_setting(options.paths.data), &error, &skipped);
    // A bad store in the machine's config is said, and the command goes on with what comes next.
    if (!skipped.empty()) std::fprintf(stderr, "tebiki: %s（この値は使わず、既定値を使います）\n", skipped.c_str());
    if (!choice) std::fprintf(stderr, "tebiki: %s\n", error.c_str());
    return choice;
}

std::optional<CommandStore> open_command_store(const Options& options, const storage::StoreChoice& choice) {
    CommandStore out;
    auto opened = storage::UserStore::open(options.paths.data / "tebiki.sqlite");
    if (!opened.notice.empty()) std::fprintf(stderr, "tebiki: %s\n", opened.notice.c_str());
    out.settings = std::move(opened.store);
    try {
        out.local = storage::open_local_store(choice, out.settings.get());
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki: 記録を開けません：%s\n", e.what());
        return std::nullopt;
    }
    if (!out.local.notice.empty()) std::fprintf(stderr, "tebiki: %s\n", out.local.notice.c_str());
    if (!out.local.store) {
        std::fprintf(stderr, "tebiki: 記録（%s）を開けません。\n", choice.shown.c_str());
        return std::nullopt;
    }
    return out;
}

storage::DeliveryReport deliver_now(storage::LocalStore& local) {
    storage::DeliveryReport report;
    if (!local.server || !local.store) return report;
    report = storage::deliver(local.store->database(), local.store->installation(), *local.server);
    print_report(report);
    return report;
}

void deliver_at_start(const Options& options, const storage::StoreChoice& choice) {
    if (choice.kind != storage::StoreChoice::Kind::Postgres) return;
    std::error_code ec;
    if (!fs::exists(options.paths.data / "tebiki.sqlite", ec)) return;  // nothing written here yet
    try {
        auto opened = storage::UserStore::open(options.paths.data / "tebiki.sqlite");
        if (!opened.store) return;
        storage::Database& db = opened.store->database();
        if (storage::outbox_count(db) == storage::outbox_held_count(db)) return;  // nothing waiting: no connection needed
        storage::LocalStore local = storage::open_local_store(choice, opened.store.get());
        deliver_now(local);
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki: 未送信の記録を送れません：%s\n", e.what());
    }
}

UiStrings load_words(const Options& options) {
    UiStrings words;
    Diagnostics diagnostics;
    words.load_first(options.paths.asset_dirs, diagnostics);
    return words;
}

}  // namespace tebiki::cli
