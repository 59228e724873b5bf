// The pieces of the ward's storage that need no server: choosing and parsing the store, keeping
// passwords out, the department key, and the outbox (order, same transaction as the write).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "storage/local_store.h"
#include "storage/ops.h"
#include "storage/outbox.h"
#include "storage/store_uri.h"

using namespace tebiki;
using namespace tebiki::storage;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string("tebiki-store-") + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<std::string> pending_ops(Database& db) {
    std::vector<std::string> out;
    for (const OutboxOp& op : outbox_pending(db, 1000)) out.push_back(op.op);
    return out;
}

}  // namespace

TEST_CASE("[StoreUri] sqlite, sqlite:PATH and postgresql URIs are told apart; anything else is refused naming its origin") {
    std::string error;
    auto plain = parse_store("sqlite", "--store", &error);
    REQUIRE(plain);
    CHECK(plain->kind == StoreChoice::Kind::Sqlite);
    CHECK(plain->sqlite_path.empty());
    auto file = parse_store("sqlite:/tmp/x/ward.sqlite", "--store", &error);
    REQUIRE(file);
    CHECK(file->sqlite_path == fs::path("/tmp/x/ward.sqlite"));
    auto pg = parse_store("postgresql://tebiki@db.example:5433/ward?sslmode=verify-full", "TEBIKI_STORE", &error);
    REQUIRE(pg);
    CHECK(pg->kind == StoreChoice::Kind::Postgres);
    CHECK(pg->uri.find("sslmode=verify-full") != std::string::npos);  // TLS passes through untouched
    CHECK(pg->origin == "TEBIKI_STORE");

    CHECK_FALSE(parse_store("mysql://x/y", "--store", &error));
    CHECK(error.find("--store") != std::string::npos);
    CHECK_FALSE(parse_store("postgresql://host/db?no_such_option=1", "setting", &error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("[StoreUri] --store beats TEBIKI_STORE beats the setting beats sqlite; empty counts as not given") {
    std::string error;
    const std::string a = "postgresql://a@h/db", b = "postgresql://b@h/db";
    CHECK(choose_store(a, b, "sqlite", &error)->origin == "--store");
    CHECK(choose_store(std::nullopt, b, "sqlite", &error)->origin == "TEBIKI_STORE");
    CHECK(choose_store(std::string(), b, "sqlite", &error)->origin == "TEBIKI_STORE");
    CHECK(choose_store(std::nullopt, std::nullopt, a, &error)->origin == "setting");
    const auto fallback = choose_store(std::nullopt, std::string(), std::nullopt, &error);
    REQUIRE(fallback);
    CHECK(fallback->kind == StoreChoice::Kind::Sqlite);
    CHECK(fallback->origin == "default");
}

TEST_CASE("[StoreUri] a password is taken out of what is shown and stored, wherever the URI carries it") {
    std::string error;
    const auto c = parse_store("postgresql://tebiki:p%40ss-w0rd@db:5432/ward?sslmode=require", "--store", &error);
    REQUIRE(c);
    CHECK(c->uri.find("p%40ss-w0rd") != std::string::npos);  // libpq gets it
    CHECK(c->shown.find("p%40ss") == std::string::npos);
    CHECK(c->shown.find("p@ss") == std::string::npos);
    CHECK(c->server_key.find("ss-w0rd") == std::string::npos);
    CHECK(has_password("postgresql://tebiki:secret@db/ward"));
    CHECK(has_password("postgresql://tebiki@db/ward?password=secret&sslmode=require"));
    CHECK_FALSE(has_password("postgresql://tebiki@db/ward?sslmode=require"));
    for (const char* uri : {"postgresql://tebiki:secret@db/ward", "postgresql://tebiki@db/ward?password=secret&sslmode=require",
                            "postgresql://tebiki@db/ward?sslmode=require&password=secret"}) {
        const std::string kept = without_password(uri);
        CAPTURE(kept);
        CHECK(kept.find("secret") == std::string::npos);
        CHECK(kept.find("tebiki@db") != std::string::npos);
    }
    CHECK(without_password("postgresql://tebiki@db/ward?password=secret&sslmode=require").find("sslmode=require") != std::string::npos);
}

TEST_CASE("[Ops] a department's key is municipality and name in NFC, so decomposed input meets the composed one") {
    const std::string composed = "\xE5\xB9\xB3\xE5\x92\x8C\xE3\x81\x8C\xE4\xB8\x98\xE8\xAA\xB2";  // 平和が丘課 (が = U+304C)
    const std::string decomposed = "\xE5\xB9\xB3\xE5\x92\x8C\xE3\x81\x8B\xE3\x82\x99\xE4\xB8\x98\xE8\xAA\xB2";  // か + U+3099
    const ops::Key a = ops::department_key("千代田区", composed), b = ops::department_key("千代田区", decomposed);
    CHECK(a.name == b.name);
    CHECK(a.name == composed);
    CHECK(ops::department_save(b, {}, std::nullopt, "2026-01-01T00:00:00.000Z").find(composed) != std::string::npos);
}

TEST_CASE("[Outbox] every write appends its operation in the same transaction, in order, and op ids are never reused") {
    const fs::path dir = fresh_dir("outbox");
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    REQUIRE(opened.store);
    std::string error;
    const auto server = parse_store("postgresql://tebiki@127.0.0.1:1/ward", "--store", &error);
    REQUIRE(server);
    int writes = 0;
    LocalStore local = open_local_store(*server, opened.store.get(), [&] { ++writes; });
    REQUIRE(local.store);
    SqliteStore& store = *local.store;
    Database& db = store.database();
    CHECK(outbox_count(db) == 0);
    writes = 0;  // opening ran the (empty) catch-up copy

    Department d{0, "千代田区", "総務部人事課", "", "", std::nullopt, "", ""};
    d.id = store.save_department(d);
    store.keep_questionnaire_source("mini", 1, "id = \"mini\"");
    const int64_t a = store.start_assessment(d.id, "mini", 1);
    store.set_answer(a, -1, "q1", "true");
    store.set_answer(a, -1, "q1", "false");
    store.clear_answer(a, -1, "q1");
    store.finish_assessment(a);
    CHECK(writes == 7);
    const std::vector<std::string> expected = {"department.save", "questionnaire.source", "assessment.start", "answer.set",
                                               "answer.set",      "answer.clear",         "assessment.finish"};
    CHECK(pending_ops(db) == expected);
    // The resume point is this screen's own state: not sent.
    store.set_current_question(a, "q1");
    CHECK(outbox_count(db) == 7);

    const std::vector<OutboxOp> ops = outbox_pending(db, 3);
    REQUIRE(ops.size() == 3);
    CHECK(ops[0].seq < ops[1].seq);
    CHECK(ops[1].seq < ops[2].seq);
    CHECK(op_id(store.installation().id, ops[0].seq) == store.installation().id + ":" + std::to_string(ops[0].seq));
    // Delivered rows go; the next sequence number is never one already used.
    const int64_t last = outbox_pending(db, 1000).back().seq;
    for (const OutboxOp& op : outbox_pending(db, 1000)) outbox_remove(db, op.seq);
    CHECK(outbox_count(db) == 0);
    store.set_answer(a, -1, "q1", "true");
    REQUIRE(outbox_pending(db, 10).size() == 1);
    CHECK(outbox_pending(db, 10)[0].seq > last);

    // A held operation is kept but no longer stops the ones after it.
    const int64_t held = outbox_pending(db, 10)[0].seq;
    outbox_hold(db, held, "bad data");
    store.set_answer(a, -1, "q1", "false");
    CHECK(outbox_count(db) == 2);
    CHECK(outbox_held_count(db) == 1);
    REQUIRE(outbox_pending(db, 10).size() == 1);
    CHECK(outbox_pending(db, 10)[0].seq > held);
}

TEST_CASE("[Outbox] a server configured after use first gets a copy of everything already stored") {
    const fs::path dir = fresh_dir("seed");
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    REQUIRE(opened.store);
    {
        SqliteStore plain(*opened.store);
        const int64_t dept = plain.save_department({0, "千代田区", "会計室", "", "", std::nullopt, "", ""});
        plain.record_assessment(dept, "mini", 1, {}, {{-1, "q1", "true"}});
        CHECK(outbox_count(opened.store->database()) == 0);  // no server: no outbox
    }
    std::string error;
    const auto server = parse_store("postgresql://tebiki@127.0.0.1:1/ward", "--store", &error);
    LocalStore local = open_local_store(*server, opened.store.get());
    const std::vector<std::string> ops = pending_ops(local.store->database());
    REQUIRE_FALSE(ops.empty());
    CHECK(ops.front() == "department.save");
    CHECK(std::find(ops.begin(), ops.end(), "assessment.migrate") != ops.end());  // its answers, in one operation
    CHECK(ops.back() == "assessment.finish");
    const size_t seeded = ops.size();
    // Opened again for the same server: nothing is copied twice.
    LocalStore again = open_local_store(*server, opened.store.get());
    CHECK(outbox_count(again.store->database()) == int64_t(seeded));
}
