// The outbox: the writes made at this installation while a server is configured, in the order
// they were made, waiting to be delivered. A row is appended inside the write's own transaction
// (so a write and its outbox row are committed together or not at all) and removed only after
// the server has committed it; its op id — installation uuid + ":" + seq — is what the server
// records to apply each operation once. seq comes from AUTOINCREMENT: never reused, even after
// the rows before it were delivered and removed.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace tebiki::storage {

struct OutboxOp {
    int64_t seq = 0;
    std::string op;    // "department.save", "answer.set" … (the list is in pg_apply.cpp)
    std::string data;  // JSON object
    std::string created_at;
};

std::string op_id(const std::string& installation_id, int64_t seq);

// Appends one operation (inside the caller's transaction).
void outbox_append(Database& db, std::string_view op, const std::string& data_json);
// The oldest `limit` operations not held back (see outbox_hold), oldest first.
std::vector<OutboxOp> outbox_pending(Database& db, int limit);
void outbox_remove(Database& db, int64_t seq);
// An operation the server refused (not for want of a connection: bad data). It is kept, with
// the server's message, and no longer stops the ones after it.
void outbox_hold(Database& db, int64_t seq, const std::string& error);
int64_t outbox_count(Database& db);        // waiting, held ones included
int64_t outbox_held_count(Database& db);

// Text as the server accepts it in JSON: invalid UTF-8 becomes U+FFFD and NUL is dropped
// (PostgreSQL's jsonb refuses both, and a refused operation would be held back).
std::string server_text(std::string_view text);

}  // namespace tebiki::storage
