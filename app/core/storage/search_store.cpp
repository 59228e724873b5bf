#include "storage/search_store.h"

#include "util/utf8.h"

namespace tebiki::storage {

namespace fs = std::filesystem;

static constexpr int kIndexSchema = 1;

static Database open_index(const fs::path& path) {
    if (path.empty()) return Database::in_memory();
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    try {
        Database db(path);
        if (db.integrity_ok()) return db;
    } catch (const StorageError&) {
    }
    fs::remove(path, ec);  // a damaged cache is rebuilt from content/, nothing is lost
    return Database(path);
}

SearchStore::SearchStore(const fs::path& path) : db_(open_index(path)) {
    db_.exec("PRAGMA journal_mode=WAL");
    if (db_.user_version() != kIndexSchema || !schema_complete()) reset();
}

bool SearchStore::schema_complete() {
    Statement s = db_.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'sections', 'sections_fts')");
    return s.step() && s.column_int(0) == 3;
}

void SearchStore::reset() {
    // Dropping the FTS table also drops its shadow tables; a missing one is no reason to fail.
    db_.exec("DROP TABLE IF EXISTS sections_fts; DROP TABLE IF EXISTS sections; DROP TABLE IF EXISTS meta;");
    create_schema();
    db_.set_user_version(kIndexSchema);
}

void SearchStore::create_schema() {
    db_.exec(
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE IF NOT EXISTS sections(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);"
        "CREATE VIRTUAL TABLE IF NOT EXISTS sections_fts USING fts5(title, body, content='sections', "
        "content_rowid='id', tokenize='trigram');");
}

bool SearchStore::is_current(uint64_t fingerprint) {
    Statement s = db_.prepare("SELECT value FROM meta WHERE key = 'fingerprint'");
    return s.step() && s.column_text(0) == std::to_string(fingerprint);
}

void SearchStore::rebuild(const std::vector<SectionRow>& rows, uint64_t fingerprint) {
    Transaction tx(db_);
    db_.exec("DELETE FROM sections; INSERT INTO sections_fts(sections_fts) VALUES('delete-all');");
    Statement insert = db_.prepare("INSERT INTO sections(id, title, body) VALUES(?, ?, ?)");
    Statement insert_fts = db_.prepare("INSERT INTO sections_fts(rowid, title, body) VALUES(?, ?, ?)");
    for (size_t i = 0; i < rows.size(); ++i) {
        insert.bind(1, int64_t(i)).bind(2, rows[i].title_folded).bind(3, rows[i].body_folded).run();
        insert.reset();
        insert_fts.bind(1, int64_t(i)).bind(2, rows[i].title_folded).bind(3, rows[i].body_folded).run();
        insert_fts.reset();
    }
    db_.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('fingerprint', ?)").bind(1, std::to_string(fingerprint)).run();
    tx.commit();
}

static std::string like_pattern(const std::string& term) {
    std::string out = "%";
    for (char c : term) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

static std::string fts_phrase(const std::string& term) {
    std::string out = "\"";
    for (char c : term) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::vector<int64_t> SearchStore::candidates(const std::vector<std::string>& terms) {
    std::string match;
    std::vector<std::string> short_terms;
    for (const std::string& t : terms) {
        if (utf8_length(t) >= 3) {
            if (!match.empty()) match += " AND ";
            match += fts_phrase(t);
        } else {
            short_terms.push_back(t);
        }
    }
    std::string sql = "SELECT id FROM sections WHERE 1";
    if (!match.empty()) sql += " AND id IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?1)";
    for (size_t i = 0; i < short_terms.size(); ++i) {
        const std::string p = "?" + std::to_string(i + 2);
        sql += " AND (title LIKE " + p + " ESCAPE '\\' OR body LIKE " + p + " ESCAPE '\\')";
    }
    sql += " ORDER BY id";
    Statement s = db_.prepare(sql);
    if (!match.empty()) s.bind(1, match);
    for (size_t i = 0; i < short_terms.size(); ++i) s.bind(int(i + 2), like_pattern(short_terms[i]));
    std::vector<int64_t> ids;
    while (s.step()) ids.push_back(s.column_int(0));
    return ids;
}

}  // namespace tebiki::storage
