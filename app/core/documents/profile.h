// The department a document is drafted for and its municipality's own 例規, from a TOML profile
// (`tebiki generate --profile`, format in assessment/documents/README.md). The window keeps the
// municipality facts in the same format (facts_only) and checks them with the same code.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "documents/assemble.h"
#include "util/diagnostics.h"

namespace tebiki::documents {

bool load_profile(const std::filesystem::path& file, Profile& out, Diagnostics& diagnostics);
// `facts_only`: only the municipality facts (no municipality/department keys): what the window stores.
bool parse_profile(std::string_view text, const std::string& file, Profile& out, Diagnostics& diagnostics, bool facts_only = false);
// The municipality facts of `p` as profile TOML (the keys parse_profile reads with facts_only).
std::string facts_to_toml(const Profile& p);

// Problems that make a profile unusable however it was entered (Japanese): an empty
// municipality, an unknown kind of enactment or exclusion, a number that is not a number.
std::vector<std::string> profile_problems(const Profile& p);

// The accepted values of `enactment` and `exclude`.
const std::vector<std::string>& enactment_kinds();
const std::vector<std::string>& staff_exclusions();

// What templates see: {{municipality}} … {{mayor}} (empty when not given; the regulation's
// [profile_defaults] fill them), and the yes/no facts that `when` conditions and {{#…}} read.
std::map<std::string, std::string> profile_texts(const Profile& p);
std::map<std::string, bool> profile_flags(const Profile& p);
// Every name profile_texts / profile_flags can give (for `tebiki check`).
const std::vector<std::string>& profile_text_names();
const std::vector<std::string>& profile_flag_names();

}  // namespace tebiki::documents
