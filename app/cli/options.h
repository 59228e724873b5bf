// Command-line parsing shared by the window and the commands. Only parses; never acts.
//
// Every command declares the options it accepts in one table (commands() in options.cpp): their
// kind (flag, text, path, integer or number with a range, WxH) and how the usage line shows them.
// The usage line is generated from that table. Anything a command does not declare, a value of
// the wrong kind or out of range, a repeated option or a stray argument is refused with the
// command's usage line (exit 2), so nothing is silently ignored or clamped.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/paths.h"
#include "util/system_config.h"

namespace tebiki::cli {

enum class ValueKind {
    Flag,      // --json
    Text,      // --date 2026-11-25
    Path,      // --out FILE
    Integer,   // --limit 20 (within [min, max])
    Number,    // --zoom 1.5 (finite, within [min, max])
    Size,      // --size 1280x800 (each side within [min, max])
    Repeated,  // --set a=b --set c=d
};

struct OptionSpec {
    const char* name;  // without "--"
    ValueKind kind = ValueKind::Flag;
    const char* value_name = "";  // shown in the usage line: "PX", "N", "FILE.toml"
    double min = 0, max = 0;      // Integer, Number, Size
    bool required = false;        // the command cannot run without it
    bool in_usage = true;         // false: for tests and benchmarks only
};

struct CommandSpec {
    std::string name;       // "" for the window
    std::string arguments;  // what follows the name in the usage line: "ページID", "語句…"
    int min_args = 0, max_args = 0;
    std::vector<OptionSpec> options;  // its own; every command also takes the common ones
    std::string summary;              // Japanese, for --help
};

// Every command, the window first. The common options (--content, --assessment, --data,
// --assets, --help) are listed separately.
const std::vector<CommandSpec>& commands();
const std::vector<OptionSpec>& common_options();
// "使い方: tebiki layout ページID --width PX [--zoom Z]"
std::string usage_line(const CommandSpec& command);

struct Options {
    std::string command;                 // empty: the window
    std::vector<std::string> positional; // arguments after the command
    std::map<std::string, std::string> values;  // --name value
    std::vector<std::pair<std::string, std::string>> all_values;  // every --name value, in order
    std::vector<std::string> flags;      // --name without a value
    Paths paths;
    SystemConfig system;  // /etc/tebiki/config.toml (its content/assessment already in paths)

    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values_of(const std::string& name) const;  // a repeatable option (--set)
    // An Integer or Number option (already checked by parse), or `fallback` when not given.
    double number(const std::string& name, double fallback) const;
};

// Returns nullopt after printing a Japanese message and the usage line to stderr (exit 2).
std::optional<Options> parse(int argc, char** argv);

// WxH with both sides within [min, max] of the --size option.
bool parse_size(const std::string& text, int& w, int& h);

void print_usage();

}  // namespace tebiki::cli
