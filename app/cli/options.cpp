#include "cli/options.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace tebiki::cli {

// Options that take a value; everything else that starts with "--" is a flag.
static const std::set<std::string> kValued = {"content", "assessment", "data", "assets", "size", "limit", "width",
                                              "zoom", "out", "answers", "profile", "date", "slide", "open", "set",
                                              "monitor", "idle-timeout", "idle-countdown"};

bool Options::flag(const std::string& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }

std::optional<std::string> Options::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Options::values_of(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [key, value] : all_values)
        if (key == name) out.push_back(value);
    return out;
}

double Options::number(const std::string& name, double fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    char* end = nullptr;
    const double d = std::strtod(v->c_str(), &end);
    return end && *end == '\0' ? d : fallback;
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    o.paths = default_paths();
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
            std::string name = arg.substr(2), value;
            const size_t eq = name.find('=');
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (kValued.count(name)) {
                if (i + 1 >= argc) {
                    std::fprintf(stderr, "tebiki: --%s には値が必要です。\n", name.c_str());
                    return std::nullopt;
                }
                value = argv[++i];
            } else {
                o.flags.push_back(name);
                continue;
            }
            o.values[name] = value;
            o.all_values.emplace_back(name, value);
        } else if (o.command.empty() && o.positional.empty() && arg != "-") {
            o.command = arg;
        } else {
            o.positional.push_back(arg);
        }
    }
    if (auto v = o.value("content")) o.paths.content = *v;
    if (auto v = o.value("assessment")) o.paths.assessment = *v;
    if (auto v = o.value("data")) o.paths.data = *v;
    if (auto v = o.value("assets")) o.paths.asset_dirs.insert(o.paths.asset_dirs.begin(), *v);
    return o;
}

void print_usage() {
    std::puts(
        "使い方: tebiki [コマンド] [オプション]\n"
        "\n"
        "  tebiki [--open ページID]       画面を開きます（--size WxH, --zoom Z）\n"
        "  tebiki check                   ガイドの内容を検査します（問題があれば終了コード 1）\n"
        "  tebiki toc [--json]            編・章・見出しと ID を表示します\n"
        "  tebiki search 語句 [--limit N] [--json]\n"
        "                                 ガイドを検索します\n"
        "  tebiki layout ページID --width PX [--zoom Z]\n"
        "                                 ページを画面と同じ幅で改行した行を表示します\n"
        "  tebiki screenshot ページID --out FILE.png [--size WxH] [--zoom Z] [--present [--slide N]]\n"
        "                                 画面を開いてページを PNG に保存します（ディスプレイが必要）\n"
        "  tebiki assess 質問票ID --answers 回答.toml [--json]\n"
        "                                 回答ファイルを採点し、レベル・妨げ・助言を表示します\n"
        "  tebiki list questionnaires     質問票の一覧を表示します\n"
        "  tebiki generate 文書ID --profile 部署.toml --out 出力.{docx,pdf,md} [--answers 回答.toml]\n"
        "                 [--date YYYY-MM-DD] [--set オプション=値]\n"
        "                                 要綱・様式の案を作成します\n"
        "  tebiki compare 改正前.md 改正後.md --out 出力.{docx,pdf,md}\n"
        "                                 二つの要綱の新旧対照表を作成します\n"
        "  tebiki list documents          作成できる文書とオプションの一覧を表示します\n"
        "  tebiki admin set-pin           キオスクの管理者の暗証番号を設定します（標準入力から2回）\n"
        "  tebiki --kiosk [--monitor N] [--idle-timeout 秒]\n"
        "                                 キオスクモード（全画面、終了に暗証番号、無操作で初期画面に戻る）\n"
        "  tebiki --present [--open ページID]  発表モードで開きます（F5 でも切り替え）\n"
        "\n"
        "共通オプション: --content DIR  --assessment DIR  --data DIR  --assets DIR（画像を先に探すフォルダ）");
}

}  // namespace tebiki::cli
