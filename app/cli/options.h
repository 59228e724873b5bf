// Command-line parsing shared by the GUI and the commands. Only parses; never acts.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/paths.h"

namespace tebiki::cli {

struct Options {
    std::string command;                 // empty: the GUI
    std::vector<std::string> positional; // arguments after the command
    std::map<std::string, std::string> values;  // --name value (the last one given)
    std::vector<std::pair<std::string, std::string>> all_values;  // every --name value, in order
    std::vector<std::string> flags;      // --name without a value
    Paths paths;

    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values_of(const std::string& name) const;  // a repeatable option (--set)
    double number(const std::string& name, double fallback) const;
};

// Returns nullopt and prints a Japanese message to stderr on bad arguments.
std::optional<Options> parse(int argc, char** argv);

void print_usage();

}  // namespace tebiki::cli
