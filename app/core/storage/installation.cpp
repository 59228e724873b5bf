#include "storage/installation.h"

#include <sodium.h>
#include <unistd.h>

#include <cstdio>

namespace tebiki::storage {

std::string new_uuid() {
    static const bool ready = sodium_init() >= 0;
    (void)ready;
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4],
                  b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

namespace {

std::optional<std::string> setting(Database& db, const char* key) {
    Statement s = db.prepare("SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (s.step()) return s.column_text(0);
    return std::nullopt;
}

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || !name[0]) return "tebiki";
    return name;
}

}  // namespace

Installation installation_identity(Database& db) {
    Installation me;
    if (auto id = setting(db, "installation.id"); id && id->size() == 36) me.id = *id;
    if (me.id.empty()) {
        // INSERT OR IGNORE, then read back: two processes opening a new store agree on one id.
        db.prepare("INSERT OR IGNORE INTO settings(key, value) VALUES('installation.id', ?)").bind(1, new_uuid()).run();
        db.prepare("UPDATE settings SET value = ?1 WHERE key = 'installation.id' AND length(value) <> 36").bind(1, new_uuid()).run();
        me.id = setting(db, "installation.id").value_or("");
    }
    me.name = host_name();
    if (setting(db, "installation.name") != me.name)
        db.prepare("INSERT INTO settings(key, value) VALUES('installation.name', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, me.name)
            .run();
    return me;
}

}  // namespace tebiki::storage
