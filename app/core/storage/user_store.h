// The user's own data (settings, reading position, departments and answers, the outbox) in one
// SQLite file with WAL and one transaction per change, so a crash loses nothing already saved.
//
// Schema changes are ordered migrations keyed by PRAGMA user_version. A database written by a
// newer tebiki is refused and left untouched; a damaged one is moved aside (kept, renamed with a
// timestamp) and a fresh one created — the caller shows `notice` to the user in both cases.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "storage/database.h"

namespace tebiki::storage {

class UserStore {
public:
    // What open() found: the kiosk trusts "no PIN stored" only from an Existing or New file.
    enum class Status {
        Existing,   // an existing, healthy database
        New,        // there was no file: a new one was created
        Recreated,  // the file was damaged: kept aside, a new one created in its place
        Refused,    // newer schema, unreadable, busy or cannot be created: store is null
    };
    struct Opened {
        std::unique_ptr<UserStore> store;  // null when the database was refused
        std::string notice;                // Japanese, empty when all went well
        Status status = Status::Refused;
    };
    static Opened open(const std::filesystem::path& path);
    static int schema_version();

    std::optional<std::string> get(std::string_view key);
    void set(std::string_view key, std::string_view value);

    Database& database() { return db_; }

private:
    explicit UserStore(Database db) : db_(std::move(db)) {}
    Database db_;
};

// Runs every migration above the file's version, each inside a SAVEPOINT. Throws StorageError.
void migrate(Database& db);

}  // namespace tebiki::storage
