#include "util/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>

namespace tebiki {

namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& path) { return "「" + path.string() + "」"; }

std::string system_reason(int err) {
    switch (err) {
    case ENOSPC: return "ディスクの空きがありません";
    case EDQUOT: return "ディスクの割り当て量を超えました";
    case EFBIG: return "ファイルの大きさの上限を超えました";
    case EACCES:
    case EPERM: return "書き込む権限がありません";
    case EROFS: return "読み取り専用の場所です";
    case ENOENT: return "フォルダがありません";
    case ENOTDIR: return "途中にフォルダでないものがあります";
    case EISDIR: return "フォルダです";
    case EIO: return "入出力エラーです";
    default: return std::strerror(err);
    }
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    int release() {
        const int f = fd;
        fd = -1;
        return f;
    }
};

// A name no other process picks: ".NAME.tmp-XXXXXXXXXXXX" with 48 random bits, created with O_EXCL
// (and O_NOFOLLOW: a planted symlink makes the open fail instead of being followed).
int create_temp(const fs::path& dir, const std::string& name, fs::path& temp) {
    static thread_local std::mt19937_64 random{std::random_device{}() ^ (uint64_t(::getpid()) << 32)};
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "%012llx", static_cast<unsigned long long>(random() & 0xFFFFFFFFFFFFull));
        temp = dir / ("." + name.substr(0, 100) + ".tmp-" + suffix);  // short enough for NAME_MAX
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

bool write_all(int fd, std::string_view data) {
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = ENOSPC;
            return false;
        }
        done += size_t(n);
    }
    return true;
}

bool sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL;  // some file systems cannot sync folders
    ::close(fd);
    return ok;
}

// True for the names create_temp makes: "." NAME ".tmp-" and 12 hex digits.
bool is_temp_name(const std::string& name) {
    const size_t at = name.rfind(".tmp-");
    if (name.size() < 2 || name[0] != '.' || at == std::string::npos || at < 2 || name.size() - at != 5 + 12) return false;
    return std::all_of(name.begin() + long(at) + 5, name.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// A write killed between creating its temporary file and the rename (SIGKILL, a power cut)
// leaves ".NAME.tmp-…" in the user's folder. The next successful write into that folder removes
// such files of ours: regular files (never a link), owned by this user, untouched for an hour
// (a write in flight in another process is seconds old).
void remove_stale_temps(const fs::path& dir) {
    std::error_code ec;
    const auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!is_temp_name(it->path().filename().string())) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::getuid()) continue;
        std::error_code time_ec;
        if (fs::last_write_time(it->path(), time_ec) < hour_ago && !time_ec) ::unlink(it->path().c_str());
    }
}

}  // namespace

// renameat2(RENAME_NOREPLACE), or where the file system lacks it, link() + unlink(), which
// never replaces either.
bool rename_without_replacing(const fs::path& from, const fs::path& to, int* err) {
    bool ok = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0;
    if (!ok && (errno == EINVAL || errno == ENOSYS)) {
        ok = ::link(from.c_str(), to.c_str()) == 0;
        if (ok) ::unlink(from.c_str());
    }
    if (!ok && err) *err = errno;
    return ok;
}

namespace {

// read_file and read_file_head: everything, or at most `head` bytes.
std::optional<std::string> read_regular(const fs::path& path, std::string* error, std::uintmax_t max_bytes, size_t head) {
    auto fail = [&](const std::string& message) -> std::optional<std::string> {
        if (error) *error = message;
        return std::nullopt;
    };
    // O_NONBLOCK: opening a FIFO must not wait for a writer; what it is is decided by fstat below.
    Fd in{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (in.fd < 0) {
        const int err = errno;
        if (err == ENOENT) return fail("ファイル" + quoted(path) + "がありません。");
        return fail("ファイル" + quoted(path) + "を開けません（" + system_reason(err) + "）。");
    }
    struct stat st {};
    if (::fstat(in.fd, &st) != 0) return fail("ファイル" + quoted(path) + "を調べられません（" + system_reason(errno) + "）。");
    if (S_ISDIR(st.st_mode)) return fail(quoted(path) + "はフォルダです。ファイルを指定してください。");
    if (!S_ISREG(st.st_mode))
        return fail(quoted(path) + "は通常のファイルではありません（名前付きパイプ・デバイスなど）。読み込みません。");
    if (std::uintmax_t(st.st_size) > max_bytes)
        return fail("ファイル" + quoted(path) + "が大きすぎます（" + std::to_string(std::uintmax_t(st.st_size) >> 20) + " MiB。上限は " +
                    std::to_string(max_bytes >> 20) + " MiB）。");
    // A file may grow while it is read: never read more than the limit (plus one byte, to notice).
    const std::uintmax_t limit = std::min<std::uintmax_t>(head, max_bytes + 1);
    std::string data;
    data.resize(size_t(std::min<std::uintmax_t>(std::uintmax_t(st.st_size), limit)));
    size_t done = 0;
    for (;;) {
        if (done == data.size()) {
            if (data.size() >= limit) break;
            data.resize(size_t(std::min<std::uintmax_t>(limit, data.size() + 65536)));
        }
        const ssize_t n = ::read(in.fd, data.data() + done, data.size() - done);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) return fail("ファイル" + quoted(path) + "を読み込めません（" + system_reason(errno) + "）。");
        if (n == 0) break;
        done += size_t(n);
    }
    if (done > max_bytes)
        return fail("ファイル" + quoted(path) + "が大きすぎます（上限は " + std::to_string(max_bytes >> 20) + " MiB）。");
    data.resize(done);
    return data;
}

}  // namespace

std::optional<std::string> read_file(const fs::path& path, std::string* error, std::uintmax_t max_bytes) {
    return read_regular(path, error, max_bytes, SIZE_MAX);
}

std::optional<std::string> read_file_head(const fs::path& path, size_t bytes, std::string* error, std::uintmax_t max_bytes) {
    return read_regular(path, error, max_bytes, bytes);
}

WriteResult write_file(const fs::path& path, std::string_view data, std::string* error, WriteOptions options) {
    const fs::path dir = path.parent_path();
    auto fail = [&](const std::string& what, int err) {
        if (error) *error = "ファイル" + quoted(path) + "を" + what + "（" + system_reason(err) + "）。以前のファイルはそのままです。";
        return WriteResult::Failed;
    };
    if (path.filename().empty()) return fail("保存できません", EISDIR);
    std::error_code ec;
    if (!dir.empty()) fs::create_directories(dir, ec);
    fs::path temp;
    Fd out{create_temp(dir.empty() ? fs::path(".") : dir, path.filename().string(), temp)};
    if (out.fd < 0) return fail("作成できません", errno);
    auto abandon = [&](const char* what) {
        const int err = errno;
        ::close(out.release());
        ::unlink(temp.c_str());
        return fail(what, err);
    };
    if (!write_all(out.fd, data)) return abandon("書き込めません");
    if (options.sync && ::fsync(out.fd) != 0) return abandon("書き込めません");
    if (::close(out.release()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return fail("書き込めません", err);
    }
    int err = 0;
    bool renamed = false;
    if (!options.replace) renamed = rename_without_replacing(temp, path, &err);
    else if (!(renamed = ::rename(temp.c_str(), path.c_str()) == 0)) err = errno;
    if (!renamed) {
        ::unlink(temp.c_str());
        if (!options.replace && err == EEXIST) {
            if (error) *error = "ファイル" + quoted(path) + "はすでにあります。";
            return WriteResult::Exists;
        }
        return fail("保存できません", err);
    }
    if (options.sync && !sync_dir(dir)) return fail("保存しましたが、ディスクへの書き込みを確かめられません", errno);
    remove_stale_temps(dir);
    return WriteResult::Written;
}

bool write_file_atomic(const fs::path& path, std::string_view data, std::string* error) {
    return write_file(path, data, error) == WriteResult::Written;
}

std::optional<fs::path> write_new_file(const fs::path& dir, const std::string& stem, const std::string& ext, std::string_view data,
                                       std::string* error) {
    for (int n = 1; n <= 1000; ++n) {
        const fs::path file = dir / (stem + (n == 1 ? "" : "-" + std::to_string(n)) + ext);
        switch (write_file(file, data, error, WriteOptions{.replace = false})) {
        case WriteResult::Written: return file;
        case WriteResult::Failed: return std::nullopt;
        case WriteResult::Exists: break;
        }
    }
    if (error) *error = "フォルダ" + quoted(dir) + "に同じ名前のファイルが多すぎます。";
    return std::nullopt;
}

}  // namespace tebiki
