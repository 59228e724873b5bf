// Index of this file
// [SECTION] The option tables: one per command
// [SECTION] Checking values (integers, numbers, sizes)
// [SECTION] Parsing
// [SECTION] Usage

#include "cli/options.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace tebiki::cli {

//-----------------------------------------------------------------------------
// [SECTION] The option tables: one per command
//-----------------------------------------------------------------------------

namespace {

using K = ValueKind;

OptionSpec flag(const char* name, bool in_usage = true) { return {name, K::Flag, "", 0, 0, false, in_usage}; }
OptionSpec text(const char* name, const char* value_name, bool required = false) { return {name, K::Text, value_name, 0, 0, required}; }
OptionSpec path(const char* name, const char* value_name, bool required = false) { return {name, K::Path, value_name, 0, 0, required}; }
OptionSpec integer(const char* name, const char* value_name, double min, double max, bool in_usage = true) {
    return {name, K::Integer, value_name, min, max, false, in_usage};
}
OptionSpec number(const char* name, const char* value_name, double min, double max) { return {name, K::Number, value_name, min, max}; }

const OptionSpec kZoom = number("zoom", "Z", 0.5, 3.0);
const OptionSpec kSize = {"size", K::Size, "WxH", 101, 16384};
const OptionSpec kJson = flag("json");

}  // namespace

const std::vector<OptionSpec>& common_options() {
    static const std::vector<OptionSpec> common = {path("content", "DIR"), path("assessment", "DIR"), path("data", "DIR"),
                                                   path("assets", "DIR"), text("store", "URI"), flag("help", false),
                                                   flag("version", false)};
    return common;
}

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> all = {
        {"", "", 0, 0,
         {text("open", "ページID"), kSize, kZoom, flag("kiosk"), integer("monitor", "N", 1, 16), integer("idle-timeout", "秒", 1, 86400),
          integer("idle-countdown", "秒", 1, 3600, false), integer("sync-interval", "秒", 1, 60, false), flag("present"), flag("presenter-window", false),
          flag("exit-after-first-frame", false), flag("bench-scroll", false), flag("bench-idle", false)},
         "画面を開きます（--kiosk はキオスクモード、--present は発表モード）"},
        {"check", "", 0, 0, {}, "ガイド・質問票・文書の内容を検査します（問題があれば終了コード 1。表記の注意は知らせるだけ）"},
        {"toc", "", 0, 0, {kJson}, "編・章・見出しと ID を表示します"},
        {"search", "語句…", 1, 64, {integer("limit", "N", 1, 1000), kJson}, "ガイドを検索します"},
        {"layout", "ページID", 1, 1, {number("width", "PX", 100, 10000), kZoom}, "ページを画面と同じ幅で改行した行を表示します"},
        {"screenshot", "ページID", 1, 1, {path("out", "FILE.png", true), kSize, kZoom, flag("present"), integer("slide", "N", 1, 100000)},
         "画面を開いてページを PNG に保存します（ディスプレイが必要）"},
        {"assess", "質問票ID", 1, 1, {path("answers", "回答.toml", true), kJson, path("profile", "部署.toml"), flag("save")},
         "回答ファイルを採点し、レベル・妨げ・助言を表示します（--save --profile で部署の完了した診断として記録します）"},
        {"list", "questionnaires|documents", 1, 1, {}, "質問票、または作成できる文書とオプションの一覧を表示します"},
        {"generate", "文書ID", 1, 1,
         {path("profile", "部署.toml", true), path("out", "出力.{docx,pdf,md}", true), path("answers", "回答.toml"),
          text("date", "YYYY-MM-DD"), {"set", K::Repeated, "オプション=値"}},
         "要綱・様式の案を作成します"},
        {"compare", "改正前.md 改正後.md", 2, 2, {path("out", "出力.{docx,pdf,md}", true), text("date", "YYYY-MM-DD")},
         "二つの要綱の新旧対照表を作成します"},
        {"admin", "set-pin", 1, 1, {}, "キオスクの管理者の暗証番号を設定します（端末から2回、または標準入力から2行）"},
        {"ward", "", 0, 0, {text("questionnaire", "質問票ID"), kJson, flag("csv"), text("history", "部署")},
         "全庁の状況（部署ごとのレベル・得点・妨げ・前回からの変化、推移）を表示します（--history は部署の記録の履歴）"},
    };
    return all;
}

//-----------------------------------------------------------------------------
// [SECTION] Checking values (integers, numbers, sizes)
//-----------------------------------------------------------------------------

namespace {

std::string range_text(const OptionSpec& o) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g〜%g", o.min, o.max);
    return buffer;
}

std::optional<long long> whole_number(const std::string& text) {
    if (text.empty() || text.size() > 18) return std::nullopt;  // 18 digits: no overflow
    size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
    if (i == text.size()) return std::nullopt;
    for (size_t j = i; j < text.size(); ++j)
        if (text[j] < '0' || text[j] > '9') return std::nullopt;
    return std::strtoll(text.c_str(), nullptr, 10);
}

std::optional<double> finite_number(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789.+-eE") != std::string::npos) return std::nullopt;  // no nan, inf, hex
    char* end = nullptr;
    errno = 0;
    const double d = std::strtod(text.c_str(), &end);
    if (*end != '\0' || errno == ERANGE || !std::isfinite(d)) return std::nullopt;
    return d;
}

// Japanese problem with `value` for option `o`; empty when it is fine.
std::string value_problem(const OptionSpec& o, const std::string& value) {
    const std::string shown = "（「" + value + "」）";
    switch (o.kind) {
    case K::Integer: {
        const auto n = whole_number(value);
        if (!n || double(*n) < o.min || double(*n) > o.max)
            return "--" + std::string(o.name) + " には " + range_text(o) + " の整数を指定してください" + shown + "。";
        return {};
    }
    case K::Number: {
        const auto d = finite_number(value);
        if (!d || *d < o.min || *d > o.max) return "--" + std::string(o.name) + " には " + range_text(o) + " の数を指定してください" + shown + "。";
        return {};
    }
    case K::Size: {
        const size_t x = value.find('x');
        const auto w = x == std::string::npos ? std::nullopt : whole_number(value.substr(0, x));
        const auto h = x == std::string::npos ? std::nullopt : whole_number(value.substr(x + 1));
        if (!w || !h || double(*w) < o.min || double(*w) > o.max || double(*h) < o.min || double(*h) > o.max)
            return "--" + std::string(o.name) + " は 1280x800 のように、幅と高さを " + range_text(o) + " で指定してください" + shown + "。";
        return {};
    }
    case K::Text:
    case K::Path:
    case K::Repeated:
        if (value.empty()) return "--" + std::string(o.name) + " の値が空です。";
        return {};
    case K::Flag: return {};
    }
    return {};
}

const OptionSpec* find_option(const std::vector<OptionSpec>& options, const std::string& name) {
    for (const OptionSpec& o : options)
        if (name == o.name) return &o;
    return nullptr;
}

// Any command's option of that name (kinds agree across commands): how to read argv before the
// command is known (`tebiki --kiosk --monitor 2` has none).
const OptionSpec* any_option(const std::string& name) {
    if (const OptionSpec* o = find_option(common_options(), name)) return o;
    for (const CommandSpec& c : commands())
        if (const OptionSpec* o = find_option(c.options, name)) return o;
    return nullptr;
}

const CommandSpec* find_command(const std::string& name) {
    for (const CommandSpec& c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace

bool parse_size(const std::string& text, int& w, int& h) {
    if (!value_problem(kSize, text).empty()) return false;
    w = std::atoi(text.c_str());
    h = std::atoi(text.c_str() + text.find('x') + 1);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Parsing
//-----------------------------------------------------------------------------

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
    return std::strtod(v->c_str(), nullptr);  // checked by parse()
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    o.paths = default_paths();
    struct Given {
        std::string name, value;
        bool has_value;
    };
    std::vector<Given> given;
    std::string problem;
    auto note = [&](const std::string& p) {
        if (problem.empty()) problem = p;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
            std::string name = arg.substr(2), value;
            bool has_value = false;
            if (const size_t eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                has_value = true;
            } else if (const OptionSpec* spec = any_option(name); spec && spec->kind != K::Flag) {
                if (i + 1 >= argc) {
                    note("--" + name + " には値が必要です。");
                    continue;
                }
                value = argv[++i];
                has_value = true;
            }
            given.push_back({name, value, has_value});
        } else if (o.command.empty() && o.positional.empty() && arg != "-") {
            o.command = arg;
        } else {
            o.positional.push_back(arg);
        }
    }
    // `tebiki help` and `--help` anywhere: the caller prints the usage.
    const bool help = o.command == "help" || std::any_of(given.begin(), given.end(), [](const Given& g) { return g.name == "help"; });
    const CommandSpec* command = find_command(o.command);
    if (!command && !help) {
        // `tebiki --frobnicate 3`: "3" looks like a command only because the option is unknown.
        for (const Given& g : given)
            if (!any_option(g.name)) {
                std::fprintf(stderr, "tebiki: オプション --%s はありません（tebiki --help で一覧を表示します）。\n%s\n", g.name.c_str(),
                             usage_line(commands().front()).c_str());
                return std::nullopt;
            }
        std::fprintf(stderr, "tebiki: 不明なコマンド「%s」です。tebiki --help で使い方を表示します。\n", o.command.c_str());
        return std::nullopt;
    }
    if (help) {
        o.flags.push_back("help");
        return o;
    }
    std::set<std::string> seen;
    for (const Given& g : given) {
        const OptionSpec* spec = find_option(command->options, g.name);
        if (!spec) spec = find_option(common_options(), g.name);
        if (!spec) {
            note(any_option(g.name) ? "オプション --" + g.name + " は tebiki" + (command->name.empty() ? "" : " " + command->name) + " では使えません。"
                                    : "オプション --" + g.name + " はありません。");
            continue;
        }
        if (spec->kind != K::Repeated && !seen.insert(g.name).second) note("オプション --" + g.name + " が2回指定されています。");
        if (spec->kind == K::Flag) {
            if (g.has_value) note("オプション --" + g.name + " には値を付けません。");
            else o.flags.push_back(g.name);
            continue;
        }
        if (const std::string p = value_problem(*spec, g.value); !p.empty()) note(p);
        o.values[g.name] = g.value;
        o.all_values.emplace_back(g.name, g.value);
    }
    if (problem.empty()) {
        if (int(o.positional.size()) > command->max_args)
            note("余分な引数「" + o.positional[size_t(command->max_args)] + "」があります。");
        else if (int(o.positional.size()) < command->min_args)
            note(command->arguments + " を指定してください。");
        for (const OptionSpec& spec : command->options)
            if (spec.required && !o.value(spec.name)) note("--" + std::string(spec.name) + " を指定してください。");
    }
    if (!problem.empty()) {
        std::fprintf(stderr, "tebiki%s: %s\n%s\n", command->name.empty() ? "" : (" " + command->name).c_str(), problem.c_str(),
                     usage_line(*command).c_str());
        return std::nullopt;
    }
    // The machine's config first (a ward's own edited guide), the command line over it.
    o.system = load_system_config(system_config_path());
    if (o.system.content) o.paths.content = *o.system.content;
    if (o.system.assessment) o.paths.assessment = *o.system.assessment;
    if (auto v = o.value("content")) o.paths.content = *v;
    if (auto v = o.value("assessment")) o.paths.assessment = *v;
    if (auto v = o.value("data")) o.paths.data = *v;
    if (auto v = o.value("assets")) o.paths.asset_dirs.insert(o.paths.asset_dirs.begin(), *v);
    return o;
}

//-----------------------------------------------------------------------------
// [SECTION] Usage
//-----------------------------------------------------------------------------

std::string usage_line(const CommandSpec& command) {
    std::string line = "使い方: tebiki";
    if (!command.name.empty()) line += " " + command.name;
    if (!command.arguments.empty()) line += " " + command.arguments;
    for (const OptionSpec& o : command.options) {
        if (!o.in_usage) continue;
        std::string part = "--" + std::string(o.name);
        if (o.kind != K::Flag) part += " " + std::string(o.value_name);
        if (o.kind == K::Repeated) part += " …";
        line += o.required ? " " + part : " [" + part + "]";
    }
    return line;
}

void print_usage() {
    std::puts("使い方: tebiki [コマンド] [オプション]\n");
    for (const CommandSpec& c : commands()) {
        std::printf("  %s\n", usage_line(c).c_str() + std::string("使い方: ").size());
        std::printf("      %s\n", c.summary.c_str());
    }
    std::puts("  tebiki --version\n      版を表示します");
    std::string common;
    for (const OptionSpec& o : common_options())
        if (o.in_usage) common += "  --" + std::string(o.name) + " " + o.value_name;
    std::printf("\n共通オプション:%s（--assets は画像を先に探すフォルダ、--store は記録の保存先：sqlite、sqlite:パス、"
                "postgresql://利用者@ホスト:ポート/データベース。環境変数 TEBIKI_STORE でも指定できます）\n",
                common.c_str());
}

}  // namespace tebiki::cli
