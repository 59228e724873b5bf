// tebiki — entry point. Parses arguments and hands over to a command or the GUI; nothing else.
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstring>

#ifndef TEBIKI_VERSION
#define TEBIKI_VERSION "unknown"
#endif

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/store_cli.h"
#ifdef TEBIKI_WITH_GUI
#include "ui/gui.h"
#endif

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    // A write past the file size limit (ulimit -f) must fail like a full disk and be reported,
    // not kill the process with the answer half-saved.
    std::signal(SIGXFSZ, SIG_IGN);
    auto options = tebiki::cli::parse(argc, argv);  // refuses what the command does not declare
    if (!options) return 2;
    const std::string& command = options->command;
    if (options->flag("help")) {
        tebiki::cli::print_usage();
        return 0;
    }
    if (options->flag("version")) {  // the one version: project() in CMakeLists.txt
        std::printf("tebiki %s\n", TEBIKI_VERSION);
        return 0;
    }
    // A bad /etc/tebiki/config.toml never stops tebiki: each problem is said, defaults are used
    // (the window also shows them as notices).
    for (const std::string& problem : options->system.problems) std::fprintf(stderr, "tebiki: %s\n", problem.c_str());
    // --store, TEBIKI_STORE or the stored setting: a bad one is refused by every command. With a
    // server, what this installation has not yet delivered goes first (the window does it on
    // its own thread).
    const auto store = tebiki::cli::store_choice(*options);
    if (!store) return 2;
    if (!command.empty() && command != "screenshot") tebiki::cli::deliver_at_start(*options, *store);
    if (command == "check") return tebiki::cli::run_check(*options);
    if (command == "toc") return tebiki::cli::run_toc(*options);
    if (command == "search") return tebiki::cli::run_search(*options);
    if (command == "layout") return tebiki::cli::run_layout(*options);
    if (command == "assess") return tebiki::cli::run_assess(*options);
    if (command == "generate") return tebiki::cli::run_generate(*options);
    if (command == "compare") return tebiki::cli::run_compare(*options);
    if (command == "admin") return tebiki::cli::run_admin(*options);
    if (command == "ward") return tebiki::cli::run_ward(*options);
    if (command == "list" && options->positional[0] == "documents") return tebiki::cli::run_list_documents(*options);
    if (command == "list") return tebiki::cli::run_list(*options);
#ifdef TEBIKI_WITH_GUI
    return tebiki::ui::run_gui(*options);  // the window, or `screenshot`
#else
    std::fprintf(stderr, "tebiki: この版は画面なしでビルドされています（TEBIKI_BUILD_GUI=OFF）。\n");
    return 2;
#endif
}
