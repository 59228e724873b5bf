// What the store status, the store setting and the 全庁 screen keep between frames. The work
// that may wait for the network — delivering the outbox, reading the ward's server — runs on
// threads of its own; they set `news` and wake the loop (glfwPostEmptyEvent, UI layer only).
#pragma once
#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "storage/installation.h"
#include "storage/store_uri.h"
#include "storage/sync_worker.h"
#include "storage/user_store.h"
#include "ward/ward_report.h"

namespace tebiki::ui {

struct StoreUi {
    storage::StoreChoice choice;                    // what this window uses (see store_uri.h)
    std::unique_ptr<storage::UserStore> data_file;  // sqlite:PATH: that file
    std::optional<storage::StoreChoice> server;     // the ward's server, when configured
    std::filesystem::path database;                 // the local file holding the outbox
    storage::Installation me;
    std::unique_ptr<storage::SyncWorker> worker;    // started with the first frame
    std::chrono::seconds interval{60};              // --sync-interval (tests)
    std::atomic<bool> news{false};                  // a background thread has something to show
    std::string setting_text;                       // the admin screen's field
    std::string setting_message;
    bool setting_loaded = false;
};

// One reading of the 全庁 view, done off the frame.
struct WardLoad {
    std::optional<ward::Model> model;
    ward::Source source;
    std::string error;       // why the server was not read (or nothing could be)
    bool fell_back = false;  // the server could not be reached: this installation's records
};

struct WardUi {
    std::string questionnaire = "readiness";
    std::future<WardLoad> loading;  // fulfilled by `loader` before it wakes the loop
    std::thread loader;
    std::optional<ward::Model> model;
    ward::Source source;
    std::string notice;   // the server could not be read
    std::string message;  // the last export
    std::string filter;   // a 部; empty: every department
    ward::SortBy sort = ward::SortBy::Department;
    size_t sort_area = 0;
    bool descending = false;
    std::vector<std::string> shown;  // the rows on screen, in order (for the state file)
};

}  // namespace tebiki::ui
