// Which store a command or the window uses: `sqlite` (DATA_DIR/tebiki.sqlite, the default),
// `sqlite:PATH`, or a libpq URI `postgresql://user@host:port/db?sslmode=…` for a ward's server.
// Chosen by --store > TEBIKI_STORE > /etc/tebiki/config.toml > the admin screen's setting > sqlite.
//
// A URI may carry a password (libpq reads it, as it reads PGPASSFILE or ~/.pgpass), but tebiki
// never stores or prints one: `shown` is the URI without it, and the admin setting is stored
// that way. TLS parameters (sslmode, sslrootcert …) pass through to libpq untouched.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tebiki::storage {

struct StoreChoice {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    std::filesystem::path sqlite_path;  // Sqlite: the file; empty for DATA_DIR/tebiki.sqlite
    std::string uri;                    // Postgres: as given (may hold a password)
    std::string shown;                  // for messages and settings: never a password
    std::string origin;                 // "--store", "TEBIKI_STORE", "setting" or "default"
    // The server as the outbox knows it (user@host:port/db), so that a different server gets a
    // copy of everything already stored.
    std::string server_key;
};

// Nullopt with a Japanese `error` (naming `origin`) when the text is neither sqlite[:PATH] nor a
// URI libpq accepts.
std::optional<StoreChoice> parse_store(std::string_view text, const std::string& origin, std::string* error);

// --store > TEBIKI_STORE > setting > sqlite; an empty value counts as not given.
std::optional<StoreChoice> choose_store(const std::optional<std::string>& option, const std::optional<std::string>& environment,
                                        const std::optional<std::string>& setting, std::string* error);
// The same with the machine's config (/etc/tebiki/config.toml, named by `system_file` in
// messages and as the origin: "file:line: store") between TEBIKI_STORE and the setting. A bad
// value there never stops tebiki: it is said in *skipped and the choice goes on to the setting.
std::optional<StoreChoice> choose_store(const std::optional<std::string>& option, const std::optional<std::string>& environment,
                                        const std::optional<std::string>& system, const std::string& system_file,
                                        const std::optional<std::string>& setting, std::string* error, std::string* skipped);

// The URI without the password, wherever it is (user:PASSWORD@ or ?password=).
std::string without_password(std::string_view uri);
bool has_password(std::string_view uri);

}  // namespace tebiki::storage
