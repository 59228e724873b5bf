// Everything the kiosk has stored, as one JSON document (the admin's 「すべてのデータを書き出す」):
// every department with its profile and every assessment, with its answers as stored and its
// results scored against the questionnaire version it was taken on.
#pragma once
#include <string>

#include "storage/store.h"

namespace tebiki::assessment {

std::string export_all_json(storage::Store& store);

}  // namespace tebiki::assessment
