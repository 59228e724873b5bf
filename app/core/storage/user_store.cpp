#include "storage/user_store.h"

#include "util/file_io.h"
#include "util/local_time.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

namespace tebiki::storage {

namespace fs = std::filesystem;

namespace {
// One entry per schema version; never edit a shipped entry, append a new one.
const std::vector<const char*> kMigrations = {
    // 1: settings (reading position, zoom, window geometry)
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL,"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));",
    // 2: departments, assessments, answers, task rows, and the questionnaire text each was taken on
    "CREATE TABLE departments(id INTEGER PRIMARY KEY, municipality TEXT NOT NULL, name TEXT NOT NULL,"
    " head_title TEXT NOT NULL DEFAULT '', head_name TEXT NOT NULL DEFAULT '', staff_count INTEGER,"
    " contact TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));"
    "CREATE TABLE questionnaire_sources(questionnaire_id TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL,"
    " PRIMARY KEY(questionnaire_id, version));"
    "CREATE TABLE assessments(id INTEGER PRIMARY KEY,"
    " department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,"
    " questionnaire_id TEXT NOT NULL, questionnaire_version INTEGER NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'in_progress' CHECK(status IN ('in_progress', 'finished')),"
    " current_question TEXT NOT NULL DEFAULT '',"
    " started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), finished_at TEXT);"
    "CREATE INDEX assessments_by_department ON assessments(department_id, started_at);"
    "CREATE TABLE tasks(assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
    " task_index INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(assessment_id, task_index));"
    "CREATE TABLE answers(assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
    " task INTEGER NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL,"
    " answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
    " PRIMARY KEY(assessment_id, task, question_id));",
    // 3: the outbox of writes waiting for the ward's server, and the history of every write to a
    // department's fields and to answers (the server keeps the same table for all installations)
    "CREATE TABLE outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL, data TEXT NOT NULL,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), error TEXT);"
    "CREATE TABLE history(id INTEGER PRIMARY KEY, municipality TEXT NOT NULL, department TEXT NOT NULL,"
    " assessment TEXT NOT NULL DEFAULT '', field TEXT NOT NULL, value TEXT, installation TEXT NOT NULL,"
    " local_time TEXT NOT NULL, server_time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));"
    "CREATE INDEX history_by_department ON history(municipality, department, id);",
};

// "tebiki.sqlite.broken-20261125-083015", or "…-2", "…-3" when a file of that name exists
// (two damaged files in one second): a kept file is never replaced.
fs::path move_aside(const fs::path& path) {
    const std::string base = path.string() + ".broken-" + local_timestamp();
    for (int n = 1; n < 1000; ++n) {
        const fs::path aside = base + (n == 1 ? "" : "-" + std::to_string(n));
        int err = 0;
        if (rename_without_replacing(path, aside, &err)) {
            for (const char* suffix : {"-wal", "-shm"})
                rename_without_replacing(path.string() + suffix, aside.string() + suffix);
            return aside;
        }
        if (err != EEXIST) break;
    }
    throw StorageError("データファイル " + path.string() + " を別名で保管できません。");
}

// Opening, checking and (when damaged) replacing the file is one step for all processes using
// this folder: without it a second process that also found the damage would move the first
// one's fresh database aside while the first was writing into it. The lock is an flock on the
// folder itself, held only while opening; a process that cannot get it in 10 s goes ahead.
class FolderLock {
public:
    explicit FolderLock(const fs::path& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (fd_ < 0) return;
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (::flock(fd_, LOCK_EX | LOCK_NB) != 0 && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);  // releases the lock
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_;
};
}  // namespace

int UserStore::schema_version() { return int(kMigrations.size()); }

void migrate(Database& db) {
    const int from = db.user_version();
    if (from < 0) throw StorageError("negative schema version", SQLITE_CORRUPT);
    if (from > UserStore::schema_version()) throw StorageError("newer schema");
    for (int v = from; v < UserStore::schema_version(); ++v) {
        db.exec("SAVEPOINT migrate");
        try {
            db.exec(kMigrations[size_t(v)]);
            db.set_user_version(v + 1);
            db.exec("RELEASE migrate");
        } catch (...) {
            db.exec("ROLLBACK TO migrate; RELEASE migrate");
            throw;
        }
    }
}

UserStore::Opened UserStore::open(const fs::path& path) {
    Opened result;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const FolderLock lock(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    const bool existed = fs::exists(path, ec);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            Database db(path);
            if (!db.integrity_ok()) throw StorageError("integrity", SQLITE_CORRUPT);
            // No tebiki writes a negative version: the header is damaged (and would index the
            // migration table at -1).
            if (db.user_version() < 0) throw StorageError("negative schema version", SQLITE_CORRUPT);
            if (db.user_version() > schema_version()) {
                result.notice = "データファイル " + path.string() +
                                " は新しい版の tebiki で作成されたため、この版では開けません（ファイルは変更していません）。"
                                "入力内容は保存されません。";
                return result;
            }
            db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
            migrate(db);
            result.store.reset(new UserStore(std::move(db)));
            result.status = attempt == 1 ? Status::Recreated : existed ? Status::Existing : Status::New;
            return result;
        } catch (const StorageError& e) {
            // Only damage moves the file aside; a busy, full or unreadable file is left alone.
            if (!e.corrupt()) {
                result.notice = "データファイル " + path.string() + " を開けません（" + e.what() +
                                "）。ファイルは変更していません。入力内容は保存されません。";
                return result;
            }
            if (attempt == 1) break;
            fs::path aside;
            try {
                aside = move_aside(path);
            } catch (const StorageError& failed) {
                result.notice = std::string(failed.what()) + "入力内容は保存されません。";
                return result;
            }
            result.notice = "データファイルが壊れていたため " + aside.filename().string() +
                            " として保管し、新しいファイルを作成しました。";
        }
    }
    result.notice = "データファイル " + path.string() + " を作成できません。入力内容は保存されません。";
    return result;
}

std::optional<std::string> UserStore::get(std::string_view key) {
    Statement s = db_.prepare("SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (s.step()) return s.column_text(0);
    return std::nullopt;
}

void UserStore::set(std::string_view key, std::string_view value) {
    db_.prepare(
           "INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
           " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')")
        .bind(1, key)
        .bind(2, value)
        .run();
}

}  // namespace tebiki::storage
