#include "storage/user_store.h"

#include "util/local_time.h"

#include <sqlite3.h>

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
};

fs::path move_aside(const fs::path& path) {
    const fs::path aside = path.string() + ".broken-" + local_timestamp();
    std::error_code ec;
    fs::rename(path, aside, ec);
    for (const char* suffix : {"-wal", "-shm"}) fs::rename(path.string() + suffix, aside.string() + suffix, ec);
    return aside;
}
}  // namespace

int UserStore::schema_version() { return int(kMigrations.size()); }

void migrate(Database& db) {
    const int from = db.user_version();
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
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            Database db(path);
            if (!db.integrity_ok()) throw StorageError("integrity", SQLITE_CORRUPT);
            if (db.user_version() > schema_version()) {
                result.notice = "データファイル " + path.string() +
                                " は新しい版の tebiki で作成されたため、この版では開けません（ファイルは変更していません）。"
                                "入力内容は保存されません。";
                return result;
            }
            db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
            migrate(db);
            result.store.reset(new UserStore(std::move(db)));
            return result;
        } catch (const StorageError& e) {
            // Only damage moves the file aside; a busy, full or unreadable file is left alone.
            if (!e.corrupt()) {
                result.notice = "データファイル " + path.string() + " を開けません（" + e.what() +
                                "）。ファイルは変更していません。入力内容は保存されません。";
                return result;
            }
            if (attempt == 1) break;
            const fs::path aside = move_aside(path);
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
