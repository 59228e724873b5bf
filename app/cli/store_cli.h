// The store a command works on (--store > TEBIKI_STORE > the admin screen's setting > sqlite),
// and the delivery of the outbox that every command attempts first when a server is configured.
#pragma once
#include <memory>
#include <optional>

#include "cli/options.h"
#include "storage/deliver.h"
#include "storage/local_store.h"
#include "util/ui_strings.h"

namespace tebiki::cli {

// Nullopt after printing a Japanese message naming the option, variable or setting at fault.
std::optional<storage::StoreChoice> store_choice(const Options& options);

// The installation's store for a command that reads or writes departments and assessments.
struct CommandStore {
    std::unique_ptr<storage::UserStore> settings;
    storage::LocalStore local;
};
// Nullopt after printing why the local file cannot be opened.
std::optional<CommandStore> open_command_store(const Options& options, const storage::StoreChoice& choice);

// Delivers the outbox when a server is configured and something waits; prints a line to stderr
// when the server cannot be reached (the operations stay in the outbox). Opens nothing that does
// not exist: a data folder without a database is left alone.
void deliver_at_start(const Options& options, const storage::StoreChoice& choice);
// The same for a store already open; returns the report.
storage::DeliveryReport deliver_now(storage::LocalStore& local);

// The words of assets/strings/ja.toml (the first asset folder that has it).
UiStrings load_words(const Options& options);

}  // namespace tebiki::cli
