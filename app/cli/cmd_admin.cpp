// `tebiki admin set-pin [--data DIR]`: sets the kiosk's admin PIN. Reads it twice, from the
// terminal without echo, or as two lines from standard input when that is not a terminal.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "kiosk/pin.h"
#include "storage/user_store.h"

namespace tebiki::cli {

namespace {

std::string read_pin(const char* prompt, bool terminal) {
    std::string pin;
    if (!terminal) {
        std::getline(std::cin, pin);
        return pin;
    }
    std::fprintf(stderr, "%s", prompt);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= tcflag_t(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::getline(std::cin, pin);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
    return pin;
}

}  // namespace

int run_admin(const Options& options) {
    if (options.positional[0] != "set-pin") {
        std::fprintf(stderr, "tebiki admin: 「%s」という操作はありません。\n使い方: tebiki admin set-pin [--data DIR]\n",
                     options.positional[0].c_str());
        return 2;
    }
    const bool terminal = isatty(STDIN_FILENO);
    const std::string pin = read_pin("管理者の暗証番号（4〜12桁の数字）: ", terminal);
    const std::string again = read_pin("もう一度入力してください: ", terminal);
    if (const std::string problem = kiosk::pin_problem(pin); !problem.empty()) {
        std::fprintf(stderr, "tebiki: %s\n", problem.c_str());
        return 1;
    }
    if (pin != again) {
        std::fprintf(stderr, "tebiki: 二つの暗証番号が一致しません。\n");
        return 1;
    }
    const auto hash = kiosk::hash_pin(pin);
    auto opened = storage::UserStore::open(options.paths.data / "tebiki.sqlite");
    if (!opened.notice.empty()) std::fprintf(stderr, "tebiki: %s\n", opened.notice.c_str());
    if (!hash || !opened.store) {
        std::fprintf(stderr, "tebiki: 暗証番号を保存できません。\n");
        return 1;
    }
    try {
        opened.store->set("kiosk.pin_hash", *hash);
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki: 暗証番号を保存できません: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "管理者の暗証番号を設定しました。\n");
    return 0;
}

}  // namespace tebiki::cli
