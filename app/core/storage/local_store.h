// The store the window and the commands work on: always the installation's own SQLite file
// (DATA_DIR/tebiki.sqlite, or PATH for sqlite:PATH) — every screen reads it and every write
// lands there first. When the choice names a server, the outbox is on, and a server this
// installation has not sent to before first gets a copy of everything already stored.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "storage/sqlite_store.h"
#include "storage/store_uri.h"
#include "storage/user_store.h"

namespace tebiki::storage {

struct LocalStore {
    std::unique_ptr<UserStore> own_file;  // sqlite:PATH: that file; otherwise the settings store is used
    std::unique_ptr<SqliteStore> store;   // null when the file cannot be opened (see notice)
    std::optional<StoreChoice> server;    // the ward's server, when one is configured
    std::string notice;                   // Japanese
};

// `settings` is the user store of DATA_DIR (null when it could not be opened); `after_write`
// runs after each committed write when a server is configured.
LocalStore open_local_store(const StoreChoice& choice, UserStore* settings, std::function<void()> after_write = {});

// The admin screen's choice, stored without any password (settings key "store.uri").
inline constexpr const char* kStoreSetting = "store.uri";

}  // namespace tebiki::storage
