// The window-less commands. Each returns the process exit code.
#pragma once
#include "cli/options.h"
#include "documents/wareki.h"

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
int run_ward(const Options& options);

// --date YYYY-MM-DD (default today) into `date`; prints the Japanese error and returns false
// for a date that is not real or has no 和暦.
bool read_date_option(const Options& options, documents::Date& date);

}  // namespace tebiki::cli
