// Every file tebiki reads or writes goes through here. Errors come back as values (Japanese
// messages naming the file), never exceptions.
//
// Reads take only regular files up to a size limit: a FIFO, a device (a symlink to /dev/zero),
// a socket or a folder given where a file belongs is refused at once instead of hanging or
// exhausting memory.
//
// Writes are atomic and durable: the data goes to a fresh temporary file in the target folder
// (a unique name opened with O_CREAT|O_EXCL|O_NOFOLLOW, so nothing planted there is written
// through), every write is checked, the file is fsync'ed, renamed into place and the folder
// fsync'ed. On any failure the temporary file is removed, the old file is left as it was and
// the error says why (a full disk included).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tebiki {

// Text files (content, questionnaires, answers, profiles, UI strings) and images are at most this
// big; anything larger is refused as not what tebiki expects there.
inline constexpr std::uintmax_t kMaxReadBytes = 16u << 20;  // 16 MiB

// Reads the whole regular file; on failure returns nullopt and sets error (Japanese, for the user).
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr,
                                     std::uintmax_t max_bytes = kMaxReadBytes);

// The first `bytes` bytes of a regular file that is itself within `max_bytes` (image headers).
std::optional<std::string> read_file_head(const std::filesystem::path& path, size_t bytes, std::string* error = nullptr,
                                          std::uintmax_t max_bytes = kMaxReadBytes);

struct WriteOptions {
    bool replace = true;  // false: an existing file is never replaced (the write reports Exists)
    bool sync = true;     // fsync file and folder; only the test state file turns it off
};

enum class WriteResult { Written, Exists, Failed };

// The one writer: temp file beside `path`, checked writes, fsync, rename, fsync of the folder.
// Creates the folder when it is missing. After a successful write, temporary files of earlier
// writes into the folder that were killed mid-way (older than an hour) are removed.
WriteResult write_file(const std::filesystem::path& path, std::string_view data, std::string* error = nullptr,
                       WriteOptions options = {});

// write_file with the defaults (replacing), as a yes/no.
bool write_file_atomic(const std::filesystem::path& path, std::string_view data, std::string* error = nullptr);

// Writes `stem + ext` into `dir`, or `stem-2 + ext`, `stem-3 + ext` … when that name is taken:
// an existing file is never overwritten. Returns the path written, nullopt (and error) on failure.
std::optional<std::filesystem::path> write_new_file(const std::filesystem::path& dir, const std::string& stem,
                                                    const std::string& ext, std::string_view data, std::string* error = nullptr);

// rename() that never replaces: fails (false, *err = EEXIST) when `to` exists.
bool rename_without_replacing(const std::filesystem::path& from, const std::filesystem::path& to, int* err = nullptr);

}  // namespace tebiki
