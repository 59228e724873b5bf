// The only code that talks to SQLite. RAII wrappers in the spirit of SQLiteCpp: a Database, a
// Statement, and a Transaction that rolls back unless commit() was called. Errors are returned
// (or thrown as StorageError inside this module and caught at its boundary); nothing here shows UI.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace tebiki::storage {

struct StorageError : std::runtime_error {
    explicit StorageError(const std::string& message, int code = 0) : std::runtime_error(message), code(code) {}
    int code;  // SQLite's (extended) result code; 0 when not from SQLite
    // The file is damaged or not a database at all (as opposed to busy, full or unreadable).
    bool corrupt() const;
};

class Statement;

class Database {
public:
    // Opens (creating if needed). Throws StorageError when the file is not a usable database.
    explicit Database(const std::filesystem::path& path, bool create = true);
    static Database in_memory();
    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    int user_version();
    void set_user_version(int version);
    int64_t last_insert_id() const;
    int changes() const;  // rows changed by the last statement
    bool integrity_ok();
    sqlite3* handle() const { return db_; }
    const std::filesystem::path& path() const { return path_; }

private:
    Database() = default;
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&&) noexcept;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, double value);
    Statement& bind_null(int index);

    bool step();      // true while a row is available
    void run();       // step to completion
    void reset();

    std::string column_text(int index) const;
    int64_t column_int(int index) const;
    double column_double(int index) const;
    bool column_is_null(int index) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace tebiki::storage
