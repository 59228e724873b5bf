#include "storage/local_store.h"

namespace tebiki::storage {

namespace {

constexpr const char* kSentTo = "sync.server";  // the server the outbox has caught up with

std::optional<std::string> setting(Database& db, const char* key) {
    Statement s = db.prepare("SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (s.step()) return s.column_text(0);
    return std::nullopt;
}

}  // namespace

LocalStore open_local_store(const StoreChoice& choice, UserStore* settings, std::function<void()> after_write) {
    LocalStore local;
    UserStore* file = settings;
    if (choice.kind == StoreChoice::Kind::Sqlite && !choice.sqlite_path.empty()) {
        auto opened = UserStore::open(choice.sqlite_path);
        local.notice = opened.notice;
        local.own_file = std::move(opened.store);
        file = local.own_file.get();
    }
    if (!file) return local;
    local.store = std::make_unique<SqliteStore>(*file);
    if (choice.kind != StoreChoice::Kind::Postgres) return local;
    local.server = choice;
    local.store->enable_outbox(std::move(after_write));
    Database& db = local.store->database();
    if (setting(db, kSentTo) != choice.server_key) {
        local.store->seed_outbox();
        db.prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, kSentTo)
            .bind(2, choice.server_key)
            .run();
    }
    return local;
}

}  // namespace tebiki::storage
