// The local time as file names want it ("20261125-083015"), and the UTC time as the stores keep
// it ("2026-11-25T07:34:11.123Z": sorts as text in time order).
#pragma once
#include <string>

namespace tebiki {

std::string local_timestamp();
std::string utc_iso_now();
// "2026-11-25T07:34:11.123Z" as the local time "2026-11-25 16:34:11" (the text itself when it is not such a time).
std::string local_display_time(const std::string& utc_iso);

}  // namespace tebiki
