// `tebiki ward [--questionnaire ID] [--json|--csv] [--history 部署]`: the 全庁 view from the
// configured store — the ward's server when there is one (this installation's outbox delivered
// first), or this installation's own records, said so on stderr, when the server cannot be
// reached.
#include <cstdio>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "storage/pg_store.h"
#include "text/normalize.h"
#include "ward/ward_report.h"

namespace tebiki::cli {

namespace {

int print_history(storage::Store& store, const std::string& wanted, bool json, const UiStrings& words) {
    const std::string name = normalize_nfc(wanted);
    int found = 0;
    for (const storage::Department& d : store.departments()) {
        if (d.name != name && d.municipality + "　" + d.name != name && d.municipality + " " + d.name != name) continue;
        const auto entries = store.history(d.municipality, d.name);
        std::fputs((json ? ward::history_json(d.municipality, d.name, entries) : ward::history_text(d.municipality, d.name, entries, words)).c_str(),
                   stdout);
        ++found;
    }
    if (found == 0) {
        std::fprintf(stderr, "tebiki ward: 部署「%s」の記録はありません。\n", wanted.c_str());
        return 1;
    }
    return 0;
}

}  // namespace

int run_ward(const Options& options) {
    if (options.flag("json") && options.flag("csv")) {
        std::fprintf(stderr, "tebiki ward: --json と --csv はどちらか一つを指定してください。\n");
        return 2;
    }
    const auto choice = store_choice(options);
    if (!choice) return 2;
    Diagnostics diagnostics;
    const std::vector<assessment::Questionnaire> all = assessment::load_questionnaires(options.paths.assessment, diagnostics);
    const std::string id = options.value("questionnaire").value_or("readiness");
    const assessment::Questionnaire* q = nullptr;
    for (const assessment::Questionnaire& candidate : all)
        if (candidate.id == id) q = &candidate;
    if (!q) {
        std::fprintf(stderr, "tebiki ward: 質問票「%s」がありません（tebiki list questionnaires で一覧を表示します）。\n", id.c_str());
        return 2;
    }
    if (q->kind != assessment::Questionnaire::Kind::Department) {
        std::fprintf(stderr, "tebiki ward: 全庁の状況は部署ごとに答える質問票だけを集計します（「%s」は業務ごとの質問票です）。\n", id.c_str());
        return 2;
    }
    auto opened = open_command_store(options, *choice);
    if (!opened) return 1;
    const UiStrings words = load_words(options);
    auto show = [&](storage::Store& store, const ward::Source& source) {
        if (const auto wanted = options.value("history")) return print_history(store, *wanted, options.flag("json"), words);
        const ward::Model model = ward::build_model(store, *q);
        if (options.flag("json")) std::fputs(ward::to_json(model, source).c_str(), stdout);
        else if (options.flag("csv")) std::fputs(ward::to_csv(model, words).c_str(), stdout);
        else std::fputs(ward::format_text(model, source, words).c_str(), stdout);
        return 0;
    };
    std::unique_ptr<storage::PgStore> server;
    try {
        if (opened->local.server) {
            deliver_now(opened->local);
            server = storage::PgStore::open(*opened->local.server, opened->local.store->installation());
            return show(*server, {"server", opened->local.server->shown});
        }
        return show(*opened->local.store, {"local", ""});
    } catch (const storage::PgError& e) {
        if (!e.connection || server) {
            std::fprintf(stderr, "tebiki ward: サーバー（%s）でエラーが起きました：%s\n", choice->shown.c_str(), e.what());
            return 1;
        }
        // The server cannot be reached: this installation's own records, and say so.
        std::fprintf(stderr, "tebiki ward: %s\n", words.format("ward.server_unreachable", {e.what()}).c_str());
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki ward: %s\n", e.what());
        return 1;
    }
    try {
        return show(*opened->local.store, {"local", ""});
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki ward: %s\n", e.what());
        return 1;
    }
}

}  // namespace tebiki::cli
