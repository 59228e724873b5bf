// The window-less commands. Each returns the process exit code.
#pragma once
#include "cli/options.h"

namespace tebiki::cli {

int run_check(const Options& options);
int run_toc(const Options& options);
int run_search(const Options& options);
int run_layout(const Options& options);
int run_assess(const Options& options);
int run_list(const Options& options);
int run_generate(const Options& options);
int run_compare(const Options& options);
int run_list_documents(const Options& options);
int run_admin(const Options& options);

}  // namespace tebiki::cli
