// The department a document is drafted for, from a TOML profile file (`tebiki generate
// --profile`): municipality, department, head_title, head_name, staff_count, contact.
#pragma once
#include <filesystem>

#include "documents/assemble.h"
#include "util/diagnostics.h"

namespace tebiki::documents {

bool load_profile(const std::filesystem::path& file, Profile& out, Diagnostics& diagnostics);

}  // namespace tebiki::documents
