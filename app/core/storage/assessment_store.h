// The SQLite back end under the name the storage tests and older callers know.
#pragma once
#include "storage/sqlite_store.h"

namespace tebiki::storage {
using AssessmentStore = SqliteStore;
}  // namespace tebiki::storage
