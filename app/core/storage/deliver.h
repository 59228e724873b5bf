// Delivers the outbox to the ward's server: oldest first, in batches of up to 100 operations,
// each batch applied in one server transaction that records every operation's op id
// (tebiki_applied_ops), and removed from the outbox (one local transaction) only after that
// commit. A crash between the two leaves the rows, which are sent again at the next delivery
// and change nothing on the server: every operation is applied once, in order.
//
// One process delivers a folder's outbox at a time (a lock file next to the database; another
// process waits up to 10 s, then delivers what is left). An operation the server refuses as bad
// data is held back in the outbox with the server's message and no longer stops the rest (its
// batch is rolled back and sent again one operation per transaction, to find it).
#pragma once
#include <string>

#include "storage/database.h"
#include "storage/installation.h"
#include "storage/store_uri.h"

namespace tebiki::storage {

struct DeliveryReport {
    bool reached = false;  // the server answered
    int delivered = 0;     // operations applied by this delivery
    int64_t pending = 0;   // still in the outbox (held ones included)
    int64_t held = 0;      // refused by the server as bad data
    std::string error;     // Japanese, never a password; empty when all went well
};

// With nothing to send it connects only when asked (the window checks the server that way).
DeliveryReport deliver(Database& local, const Installation& me, const StoreChoice& server, bool connect_when_empty = false);

}  // namespace tebiki::storage
