// /etc/tebiki/config.toml: what a ward sets for every machine, and that a bad file never stops
// tebiki (issue 16).
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "storage/store_uri.h"
#include "util/system_config.h"

using namespace tebiki;
namespace fs = std::filesystem;

TEST_CASE("[SystemConfig] every key is read with its range") {
    const auto c = parse_system_config(R"(
store = "postgresql://tebiki_writer@db.example:5432/tebiki?sslmode=verify-full"
content = "/etc/tebiki/content"
assessment = "/etc/tebiki/assessment"
[kiosk]
enabled = true
idle_seconds = 240
zoom = 1.25
monitor = 2
theme = "dark"
export_dir = "/srv/tebiki/exports"
)", "/etc/tebiki/config.toml");
    CHECK(c.problems.empty());
    CHECK(c.store == "postgresql://tebiki_writer@db.example:5432/tebiki?sslmode=verify-full");
    CHECK(c.store_origin == "/etc/tebiki/config.toml:2: store");
    CHECK(c.content == fs::path("/etc/tebiki/content"));
    CHECK(c.assessment == fs::path("/etc/tebiki/assessment"));
    CHECK(c.kiosk == true);
    CHECK(c.idle_seconds == 240);
    CHECK(c.zoom == doctest::Approx(1.25));
    CHECK(c.monitor == 2);
    CHECK(c.high_contrast == true);
    CHECK(c.export_dir == fs::path("/srv/tebiki/exports"));
    CHECK(c.any_kiosk_value());
    SUBCASE("a whole zoom and the normal theme") {
        const auto d = parse_system_config("[kiosk]\nzoom = 2\ntheme = \"normal\"\n", "f.toml");
        CHECK(d.problems.empty());
        CHECK(d.zoom == doctest::Approx(2.0));
        CHECK(d.high_contrast == false);
    }
}

TEST_CASE("[SystemConfig] a bad value is named with file:line and only it falls back to the default") {
    const auto c = parse_system_config("store = \"postgresql://db/tebiki\"\ncolour = 3\n[kiosk]\nidle_seconds = 0\nzoom = 1.5\ntheme = \"pink\"\n"
                                       "monitor = 17\nenabled = \"yes\"\nexport_dir = \"exports\"\nsize = 3\n",
                                       "/etc/tebiki/config.toml");
    REQUIRE(c.problems.size() == 7);
    CHECK(c.problems[0].rfind("/etc/tebiki/config.toml:2: 「colour」という設定はありません", 0) == 0);
    CHECK(c.problems[1].rfind("/etc/tebiki/config.toml:4: kiosk.idle_seconds には 1〜86400 の整数", 0) == 0);
    CHECK(c.problems[2].rfind("/etc/tebiki/config.toml:6: kiosk.theme", 0) == 0);
    CHECK(c.problems[3].rfind("/etc/tebiki/config.toml:7: kiosk.monitor には 1〜16", 0) == 0);
    CHECK(c.problems[4].rfind("/etc/tebiki/config.toml:8: kiosk.enabled には true か false", 0) == 0);
    CHECK(c.problems[5].rfind("/etc/tebiki/config.toml:9: kiosk.export_dir には / から始まるフォルダ", 0) == 0);
    CHECK(c.problems[6].rfind("/etc/tebiki/config.toml:10: [kiosk] に「size」という設定はありません", 0) == 0);
    for (const auto& p : c.problems) CHECK(p.find("既定値を使います") != std::string::npos);
    CHECK(c.store == "postgresql://db/tebiki");  // the good values stay
    CHECK(c.zoom == doctest::Approx(1.5));
    CHECK_FALSE(c.idle_seconds);
    CHECK_FALSE(c.high_contrast);
    CHECK_FALSE(c.monitor);
    CHECK_FALSE(c.kiosk);
    CHECK_FALSE(c.export_dir);
}

TEST_CASE("[SystemConfig] a file that does not parse is ignored whole, with its line") {
    const auto c = parse_system_config("[kiosk]\nzoom = 1.5\nstore = \n", "/etc/tebiki/config.toml");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].rfind("/etc/tebiki/config.toml:3: 設定ファイルを読めません", 0) == 0);
    CHECK(c.problems[0].find("既定値を使います") != std::string::npos);
    CHECK_FALSE(c.zoom);
    CHECK_FALSE(c.store);
}

TEST_CASE("[SystemConfig] no file is no settings; TEBIKI_SYSTEM_CONFIG names the file") {
    const fs::path dir = fs::temp_directory_path() / ("tebiki-sysconf-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto none = load_system_config(dir / "missing.toml");
    CHECK(none.problems.empty());
    CHECK_FALSE(none.store);
    CHECK_FALSE(none.any_kiosk_value());
    std::ofstream(dir / "config.toml") << "[kiosk]\nidle_seconds = 60\n";
    ::setenv("TEBIKI_SYSTEM_CONFIG", (dir / "config.toml").c_str(), 1);
    CHECK(system_config_path() == dir / "config.toml");
    CHECK(load_system_config(system_config_path()).idle_seconds == 60);
    ::unsetenv("TEBIKI_SYSTEM_CONFIG");
    CHECK(system_config_path() == fs::path("/etc/tebiki/config.toml"));
    SUBCASE("a folder in the file's place is a problem, not a crash") {
        fs::create_directories(dir / "folder.toml");
        const auto c = load_system_config(dir / "folder.toml");
        REQUIRE(c.problems.size() == 1);
        CHECK(c.problems[0].rfind((dir / "folder.toml").string() + ":1: ", 0) == 0);
    }
    fs::remove_all(dir);
}

TEST_CASE("[StoreUri] the machine's config comes after --store and TEBIKI_STORE, before the admin setting") {
    std::string error, skipped;
    const std::optional<std::string> system = "postgresql://writer@ward-db/tebiki";
    const std::string where = "/etc/tebiki/config.toml:1: store";
    auto c = storage::choose_store(std::nullopt, std::nullopt, system, where, std::string("sqlite:/tmp/x.sqlite"), &error, &skipped);
    REQUIRE(c);
    CHECK(c->kind == storage::StoreChoice::Kind::Postgres);
    CHECK(c->origin == where);
    c = storage::choose_store(std::nullopt, std::string("sqlite:/tmp/env.sqlite"), system, where, std::nullopt, &error, &skipped);
    REQUIRE(c);
    CHECK(c->origin == "TEBIKI_STORE");
    c = storage::choose_store(std::string("sqlite"), std::nullopt, system, where, std::nullopt, &error, &skipped);
    REQUIRE(c);
    CHECK(c->origin == "--store");
    c = storage::choose_store(std::nullopt, std::nullopt, std::nullopt, where, std::string("sqlite:/tmp/x.sqlite"), &error, &skipped);
    REQUIRE(c);
    CHECK(c->origin == "setting");
    CHECK(skipped.empty());
    // A bad value in the config is said and skipped: the setting, else the default, is used.
    c = storage::choose_store(std::nullopt, std::nullopt, std::string("mysql://x"), where, std::string("sqlite:/tmp/x.sqlite"), &error, &skipped);
    REQUIRE(c);
    CHECK(c->origin == "setting");
    CHECK(skipped.rfind(where, 0) == 0);
    skipped.clear();
    c = storage::choose_store(std::nullopt, std::nullopt, std::string("mysql://x"), where, std::nullopt, &error, &skipped);
    REQUIRE(c);
    CHECK(c->origin == "default");
    CHECK(skipped.rfind(where, 0) == 0);
}
