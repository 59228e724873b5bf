// Who wrote what, across a ward's machines: each installation (a data folder) has a random UUID,
// created the first time its local store is opened and kept in that store's settings, and a
// readable name (the host name). A copied data folder would share the UUID: give each machine
// its own folder (see README, "One server for the ward").
#pragma once
#include <string>

#include "storage/database.h"

namespace tebiki::storage {

struct Installation {
    std::string id;    // "3f0c…-…" (UUID version 4)
    std::string name;  // host name
};

// Reads the identity from the settings table of `db`, creating it when missing.
Installation installation_identity(Database& db);

std::string new_uuid();

}  // namespace tebiki::storage
