// The only code that talks to libpq: a connection, a result, a transaction — RAII as database.h
// does for SQLite. Parameters are sent as text ($1, $2 … cast in the SQL); errors are thrown as
// PgError with the server's SQLSTATE, and whether the connection itself is gone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

struct pg_conn;
struct pg_result;

namespace tebiki::storage {

struct PgError : StorageError {
    PgError(const std::string& message, std::string sqlstate, bool connection)
        : StorageError(message), sqlstate(std::move(sqlstate)), connection(connection) {}
    std::string sqlstate;  // "23505" …; empty when the connection failed
    bool connection;       // the server could not be reached or went away
    // The server refused this data for good (bad value, constraint): retrying will not help.
    bool data_refused() const;
};

using PgParams = std::vector<std::optional<std::string>>;  // nullopt is SQL NULL

struct PgQuery {
    std::string_view sql;
    PgParams params;
};

class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    ~PgResult();
    PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    std::string text(int row, int column) const;
    int64_t integer(int row, int column) const;
    bool is_null(int row, int column) const;
    int64_t affected() const;  // rows an INSERT/UPDATE/DELETE changed

private:
    pg_result* result_;
};

class PgConnection {
public:
    // Connects with connect_timeout (unless the URI sets one) and application_name=tebiki.
    // Throws PgError (connection = true) with libpq's message, which never holds the password.
    PgConnection(const std::string& uri, int connect_timeout_seconds);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    PgResult exec(std::string_view sql, const PgParams& params = {});
    void exec_script(const char* sql);  // several statements, no parameters (migrations)
    // Runs `queries` in order, sent together and answered together (libpq pipeline mode): one
    // wait for the server instead of one per query. Inside the caller's transaction; throws the
    // first failing query's error, and the queries after it are not run. Their results are
    // small (command tags), so a batch of a few hundred cannot fill the socket buffers both ways.
    void exec_all(const std::vector<PgQuery>& queries);
    bool ok() const;  // still connected

private:
    pg_conn* conn_ = nullptr;
};

class PgTransaction {
public:
    explicit PgTransaction(PgConnection& c);
    ~PgTransaction();  // rolls back unless committed
    void commit();

private:
    PgConnection& c_;
    bool done_ = false;
};

}  // namespace tebiki::storage
