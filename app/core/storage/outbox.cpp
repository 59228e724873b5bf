#include "storage/outbox.h"

#include "util/utf8.h"

namespace tebiki::storage {

std::string op_id(const std::string& installation_id, int64_t seq) { return installation_id + ":" + std::to_string(seq); }

void outbox_append(Database& db, std::string_view op, const std::string& data_json) {
    db.prepare("INSERT INTO outbox(op, data) VALUES(?1, ?2)").bind(1, op).bind(2, data_json).run();
}

std::vector<OutboxOp> outbox_pending(Database& db, int limit) {
    std::vector<OutboxOp> out;
    Statement s = db.prepare("SELECT seq, op, data, created_at FROM outbox WHERE error IS NULL ORDER BY seq LIMIT ?");
    s.bind(1, int64_t(limit));
    while (s.step()) out.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3)});
    return out;
}

void outbox_remove(Database& db, int64_t seq) { db.prepare("DELETE FROM outbox WHERE seq = ?").bind(1, seq).run(); }

void outbox_hold(Database& db, int64_t seq, const std::string& error) {
    db.prepare("UPDATE outbox SET error = ?1 WHERE seq = ?2").bind(1, error.empty() ? std::string("?") : error).bind(2, seq).run();
}

int64_t outbox_count(Database& db) {
    Statement s = db.prepare("SELECT count(*) FROM outbox");
    return s.step() ? s.column_int(0) : 0;
}

int64_t outbox_held_count(Database& db) {
    Statement s = db.prepare("SELECT count(*) FROM outbox WHERE error IS NOT NULL");
    return s.step() ? s.column_int(0) : 0;
}

std::string server_text(std::string_view text) {
    if (utf8_find_invalid(text) == std::string_view::npos && text.find('\0') == std::string_view::npos) return std::string(text);
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8_next(text, pos);
        if (cp != 0) utf8_append(out, cp);
    }
    return out;
}

}  // namespace tebiki::storage
