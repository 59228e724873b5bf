#include "cli/print_diagnostics.h"

#include <algorithm>

#include "cli/store_cli.h"

namespace tebiki::cli {

void print_diagnostics(const Options& options, Diagnostics diagnostics, std::FILE* out) {
    if (std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return !d.said.empty(); }))
        load_words(options).word(diagnostics);
    for (const Diagnostic& d : diagnostics) std::fprintf(out, "%s\n", d.to_string().c_str());
}

}  // namespace tebiki::cli
