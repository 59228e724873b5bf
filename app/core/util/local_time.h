// The local time as file names want it: "20261125-083015".
#pragma once
#include <string>

namespace tebiki {

std::string local_timestamp();

}  // namespace tebiki
