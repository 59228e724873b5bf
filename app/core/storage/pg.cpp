#include "storage/pg.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace tebiki::storage {

namespace {

std::string trimmed(const char* message) {
    std::string out = message ? message : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

// Parameters as libpq takes them: all typed text (a parameter a statement does not use is no error).
struct TextParams {
    explicit TextParams(const PgParams& params) : types(params.size(), 25) {
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    }
    int count() const { return int(values.size()); }
    std::vector<const char*> values;
    std::vector<Oid> types;
};

}  // namespace

bool PgError::data_refused() const {
    // Classes 22 (data exception), 23 (integrity constraint) and 54 (program limit exceeded).
    return !connection && sqlstate.size() == 5 && (sqlstate.rfind("22", 0) == 0 || sqlstate.rfind("23", 0) == 0 || sqlstate.rfind("54", 0) == 0);
}

PgResult::~PgResult() {
    if (result_) PQclear(result_);
}

int PgResult::rows() const { return PQntuples(result_); }
std::string PgResult::text(int row, int column) const { return std::string(PQgetvalue(result_, row, column), size_t(PQgetlength(result_, row, column))); }
int64_t PgResult::integer(int row, int column) const { return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10); }
bool PgResult::is_null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
int64_t PgResult::affected() const { return std::strtoll(PQcmdTuples(result_), nullptr, 10); }

PgConnection::PgConnection(const std::string& uri, int connect_timeout_seconds) {
    // Earlier entries are defaults: the URI (expanded from dbname) overrides them.
    const std::string timeout = std::to_string(connect_timeout_seconds);
    const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {timeout.c_str(), "tebiki", uri.c_str(), nullptr};
    conn_ = PQconnectdbParams(keywords, values, 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        const std::string message = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
        if (conn_) PQfinish(conn_);
        conn_ = nullptr;
        throw PgError(message, "", true);
    }
    PQsetClientEncoding(conn_, "UTF8");
}

PgConnection::~PgConnection() {
    if (conn_) PQfinish(conn_);
}

bool PgConnection::ok() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

// Throws PgError unless `raw` is a successful result (it is freed by the caller's PgResult).
static void check(pg_conn* conn, const PGresult* raw) {
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    const bool lost = PQstatus(conn) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0 || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03";
    throw PgError(trimmed(raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn)), sqlstate, lost);
}

PgResult PgConnection::exec(std::string_view sql, const PgParams& params) {
    const TextParams p(params);
    PGresult* raw = PQexecParams(conn_, std::string(sql).c_str(), p.count(), p.types.data(), p.values.data(), nullptr, nullptr, 0);
    PgResult result(raw);
    check(conn_, raw);
    return result;
}

void PgConnection::exec_script(const char* sql) {
    PGresult* raw = PQexec(conn_, sql);
    const PgResult result(raw);
    check(conn_, raw);
}

void PgConnection::exec_all(const std::vector<PgQuery>& queries) {
    if (PQenterPipelineMode(conn_) != 1) throw PgError(trimmed(PQerrorMessage(conn_)), "", !ok());
    bool sent = true;
    for (const PgQuery& q : queries) {
        const TextParams p(q.params);
        sent = sent && PQsendQueryParams(conn_, std::string(q.sql).c_str(), p.count(), p.types.data(), p.values.data(), nullptr, nullptr, 0) == 1;
    }
    sent = sent && PQpipelineSync(conn_) == 1;
    // Each query answers with its result and a NULL; after a failure the rest answer
    // PGRES_PIPELINE_ABORTED; the sync's result ends the pipeline.
    std::optional<PgError> failed;
    while (sent && ok()) {
        PGresult* raw = PQgetResult(conn_);
        if (!raw) continue;
        const PgResult result(raw);
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_PIPELINE_SYNC) break;
        if (status == PGRES_PIPELINE_ABORTED || failed) continue;
        try {
            check(conn_, raw);
        } catch (const PgError& e) {
            failed = e;
        }
    }
    if (!sent || !ok() || PQexitPipelineMode(conn_) != 1) throw PgError(trimmed(PQerrorMessage(conn_)), "", true);
    if (failed) throw *failed;
}

PgTransaction::PgTransaction(PgConnection& c) : c_(c) { c_.exec("BEGIN"); }

PgTransaction::~PgTransaction() {
    if (done_ || !c_.ok()) return;
    try {
        c_.exec("ROLLBACK");
    } catch (...) {
    }
}

void PgTransaction::commit() {
    c_.exec("COMMIT");
    done_ = true;
}

}  // namespace tebiki::storage
