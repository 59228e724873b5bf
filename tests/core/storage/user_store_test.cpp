#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <ctime>
#include <sys/wait.h>
#include <unistd.h>

#include "storage/user_store.h"

using namespace tebiki::storage;
namespace fs = std::filesystem;

static fs::path fresh(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string("tebiki-store-") + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir / "tebiki.sqlite";
}

TEST_CASE("[Storage] settings survive reopening") {
    const fs::path path = fresh("settings");
    {
        auto opened = UserStore::open(path);
        REQUIRE(opened.store);
        CHECK(opened.notice.empty());
        opened.store->set("zoom", "1.5");
        opened.store->set("zoom", "1.25");
    }
    auto again = UserStore::open(path);
    REQUIRE(again.store);
    CHECK(again.store->get("zoom") == std::optional<std::string>("1.25"));
    CHECK_FALSE(again.store->get("missing").has_value());
}

TEST_CASE("[Storage] a database from a newer tebiki is refused and left untouched") {
    const fs::path path = fresh("newer");
    {
        Database db(path);
        db.exec("CREATE TABLE future(x)");
        db.set_user_version(UserStore::schema_version() + 5);
    }
    const auto size_before = fs::file_size(path);
    auto opened = UserStore::open(path);
    CHECK_FALSE(opened.store);
    CHECK(opened.notice.find("新しい版") != std::string::npos);
    CHECK(fs::file_size(path) == size_before);
    Database check(path);
    CHECK(check.user_version() == UserStore::schema_version() + 5);
}

TEST_CASE("[Storage] a corrupt file is kept aside with a timestamp and a new one is created") {
    const fs::path path = fresh("corrupt");
    std::ofstream(path, std::ios::binary) << std::string(4096, 'x');
    auto opened = UserStore::open(path);
    REQUIRE(opened.store);
    CHECK(opened.notice.find("壊れていた") != std::string::npos);
    bool kept = false;
    for (const auto& entry : fs::directory_iterator(path.parent_path()))
        kept |= entry.path().filename().string().rfind("tebiki.sqlite.broken-", 0) == 0;
    CHECK(kept);
    opened.store->set("k", "v");
    CHECK(opened.store->get("k") == std::optional<std::string>("v"));
}

TEST_CASE("[Storage] migrations run from an empty file up to the current version") {
    const fs::path path = fresh("migrate");
    {
        Database db(path);
        CHECK(db.user_version() == 0);
    }
    auto opened = UserStore::open(path);
    REQUIRE(opened.store);
    CHECK(opened.store->database().user_version() == UserStore::schema_version());
}

namespace {

std::vector<fs::path> kept_aside(const fs::path& path) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(path.parent_path())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(path.filename().string() + ".broken-", 0) == 0 && name.find("-wal") == std::string::npos &&
            name.find("-shm") == std::string::npos)
            out.push_back(entry.path());
    }
    return out;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string timestamp_in(int seconds) {
    const std::time_t t = std::time(nullptr) + seconds;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &tm);
    return buffer;
}

}  // namespace

TEST_CASE("[Storage] a negative PRAGMA user_version is damage: kept aside, a new file created (defect 7)") {
    const fs::path path = fresh("negative");
    {
        Database db(path);
        db.exec("CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        db.exec("PRAGMA user_version = -1");
    }
    auto opened = UserStore::open(path);
    REQUIRE(opened.store);
    CHECK(opened.notice.find("壊れていた") != std::string::npos);
    CHECK(kept_aside(path).size() == 1);
    CHECK(opened.store->database().user_version() == UserStore::schema_version());
}

TEST_CASE("[Storage] a kept-aside name that is taken is never replaced (defect 4)") {
    const fs::path path = fresh("aside-taken");
    // Whatever second the rename happens in, the name with that timestamp is already there.
    for (int s = -1; s <= 3; ++s) std::ofstream(path.string() + ".broken-" + timestamp_in(s)) << "earlier damage " << s;
    std::ofstream(path, std::ios::binary) << std::string(4096, 'x');
    auto opened = UserStore::open(path);
    REQUIRE(opened.store);
    const auto aside = kept_aside(path);
    REQUIRE(aside.size() == 6);
    int earlier = 0, damaged = 0;
    for (const fs::path& p : aside) {
        const std::string text = slurp(p);
        earlier += text.rfind("earlier damage", 0) == 0;
        damaged += text == std::string(4096, 'x');
    }
    CHECK(earlier == 5);
    CHECK(damaged == 1);
}

TEST_CASE("[Storage] processes opening one damaged file at once keep it whole and lose nothing (defect 4)") {
    const fs::path path = fresh("aside-race");
    const std::string damage(8192, 'z');
    std::ofstream(path, std::ios::binary) << damage;
    constexpr int kProcesses = 6;
    int go[2];
    REQUIRE(::pipe(go) == 0);
    std::vector<pid_t> children;
    for (int i = 0; i < kProcesses; ++i) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(go[1]);
            char c;
            (void)!::read(go[0], &c, 1);  // all start together
            auto opened = UserStore::open(path);
            int code = 1;
            if (opened.store) {
                try {
                    opened.store->set("child-" + std::to_string(i), "here");
                    code = 0;
                } catch (const StorageError&) {
                    code = 2;
                }
            }
            opened.store.reset();
            ::_exit(code);
        }
        children.push_back(pid);
    }
    ::close(go[0]);
    ::close(go[1]);  // EOF releases every child at once
    int failures = 0;
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        failures += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK(failures == 0);
    // The damaged file is kept exactly once, whole.
    const auto aside = kept_aside(path);
    REQUIRE(aside.size() == 1);
    CHECK(slurp(aside[0]) == damage);
    // Every process wrote into the database that is now in place, not into one moved aside.
    auto opened = UserStore::open(path);
    REQUIRE(opened.store);
    for (int i = 0; i < kProcesses; ++i) CHECK(opened.store->get("child-" + std::to_string(i)) == std::optional<std::string>("here"));
}

TEST_CASE("[Storage] open() says whether the file existed, was new, was recreated or was refused") {
    const fs::path path = fresh("status");
    CHECK(UserStore::open(path).status == UserStore::Status::New);
    CHECK(UserStore::open(path).status == UserStore::Status::Existing);
    std::ofstream(path, std::ios::binary) << std::string(4096, 'x');
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
    CHECK(UserStore::open(path).status == UserStore::Status::Recreated);
    {
        Database db(path);
        db.set_user_version(UserStore::schema_version() + 1);
    }
    const auto refused = UserStore::open(path);
    CHECK(refused.status == UserStore::Status::Refused);
    CHECK_FALSE(refused.store);
}
