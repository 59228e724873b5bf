#include "util/file_io.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

namespace tebiki {

std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = "ファイルを開けません: " + path.string();
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        if (error) *error = "ファイルを読み込めません: " + path.string();
        return std::nullopt;
    }
    return buffer.str();
}

bool write_file_atomic(const std::filesystem::path& path, std::string_view data, std::string* error) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    const auto tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(data.data(), std::streamsize(data.size()));
        out.flush();
        if (!out) {
            if (error) *error = "ファイルを書き込めません: " + path.string();
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        if (error) *error = "ファイルを保存できません: " + path.string();
        return false;
    }
    return true;
}

}  // namespace tebiki
