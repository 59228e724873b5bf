#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

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
