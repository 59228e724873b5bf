// Reads refuse what is not a regular file; writes are atomic, never follow planted symlinks and
// report a full disk instead of leaving a truncated file (issue 12, defects 2, 3 and 9).
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "util/file_io.h"

using namespace tebiki;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string("tebiki-fileio-") + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// RLIMIT_FSIZE stands in for a full disk: a write past the limit fails (EFBIG, with SIGXFSZ
// ignored) exactly where a full disk fails with ENOSPC. Restored when the scope ends.
struct FileSizeLimit {
    rlimit old{};
    void (*old_handler)(int);
    explicit FileSizeLimit(rlim_t bytes) {
        old_handler = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit limit{bytes, old.rlim_max};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, old_handler);
    }
};

}  // namespace

TEST_CASE("[FileIO] a symlink planted at a temporary name is not written through (defect 2)") {
    const fs::path dir = fresh_dir("symlink");
    const fs::path victim = dir / "victim.txt";
    std::ofstream(victim) << "victim";
    fs::create_directories(dir / "out");
    // The names the old writer used (X.tmp) and anything a guess could reach: none may be followed.
    fs::create_symlink(victim, dir / "out" / "answers.json.tmp");
    REQUIRE(write_file_atomic(dir / "out" / "answers.json", "{\"new\":1}"));
    CHECK(slurp(victim) == "victim");
    CHECK(slurp(dir / "out" / "answers.json") == "{\"new\":1}");
    // Nothing left behind but the file and the planted link.
    CHECK(names_in(dir / "out") == std::vector<std::string>{"answers.json", "answers.json.tmp"});
}

TEST_CASE("[FileIO] a full disk keeps the old file, removes the temporary file and says why (defect 3)") {
    const fs::path dir = fresh_dir("full");
    const fs::path file = dir / "report.csv";
    REQUIRE(write_file_atomic(file, "old contents"));
    std::string error;
    bool written = true;
    {
        FileSizeLimit limit(4096);
        written = write_file_atomic(file, std::string(64 * 1024, 'x'), &error);
    }
    CHECK_FALSE(written);
    CHECK(error.find("report.csv") != std::string::npos);
    CHECK(slurp(file) == "old contents");
    CHECK(names_in(dir) == std::vector<std::string>{"report.csv"});
}

TEST_CASE("[FileIO] reads refuse a FIFO, a device, a folder and an oversized file at once (defect 9)") {
    const fs::path dir = fresh_dir("exotic");
    std::string error;

    SUBCASE("a FIFO does not hang") {
        REQUIRE(::mkfifo((dir / "01-pipe.md").c_str(), 0644) == 0);
        const auto started = std::chrono::steady_clock::now();
        CHECK_FALSE(read_file(dir / "01-pipe.md", &error).has_value());
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
        CHECK(error.find("01-pipe.md") != std::string::npos);
        CHECK(error.find("通常のファイルではありません") != std::string::npos);
    }
    SUBCASE("a symlink to /dev/zero is not read without end") {
        fs::create_symlink("/dev/zero", dir / "02-zero.md");
        CHECK_FALSE(read_file(dir / "02-zero.md", &error).has_value());
        CHECK(error.find("通常のファイルではありません") != std::string::npos);
    }
    SUBCASE("a folder given for a file says so") {
        fs::create_directories(dir / "answers.toml");
        CHECK_FALSE(read_file(dir / "answers.toml", &error).has_value());
        CHECK(error.find("フォルダです") != std::string::npos);
    }
    SUBCASE("a file over 16 MiB is refused") {
        const fs::path big = dir / "03-big.md";
        std::ofstream(big) << "x";
        fs::resize_file(big, (16u << 20) + 1);  // sparse: costs no disk
        CHECK_FALSE(read_file(big, &error).has_value());
        CHECK(error.find("大きすぎます") != std::string::npos);
    }
    SUBCASE("a missing file names the file") {
        CHECK_FALSE(read_file(dir / "missing.toml", &error).has_value());
        CHECK(error.find("missing.toml") != std::string::npos);
    }
}

TEST_CASE("[FileIO] a new file never replaces an existing one: the next free name is taken") {
    const fs::path dir = fresh_dir("new");
    std::ofstream(dir / "export.json") << "first";
    std::string error;
    CHECK(write_file(dir / "export.json", "second", &error, WriteOptions{.replace = false}) == WriteResult::Exists);
    CHECK(slurp(dir / "export.json") == "first");
    const auto written = write_new_file(dir, "export", ".json", "second", &error);
    REQUIRE(written);
    CHECK(written->filename() == "export-2.json");
    CHECK(slurp(dir / "export.json") == "first");
    CHECK(slurp(*written) == "second");
    CHECK(names_in(dir) == std::vector<std::string>{"export-2.json", "export.json"});
}

TEST_CASE("[FileIO] a write into a place that cannot hold a folder fails with a message") {
    std::string error;
    CHECK_FALSE(write_file_atomic("/dev/null/exports/a.pdf", "x", &error));
    CHECK(error.find("a.pdf") != std::string::npos);
}

TEST_CASE("[FileIO] temporary files left by a killed write are removed by the next write into the folder") {
    const fs::path dir = fresh_dir("stale");
    const auto two_hours_ago = fs::file_time_type::clock::now() - std::chrono::hours(2);
    auto plant = [&](const std::string& name, bool old) {
        std::ofstream(dir / name) << "half a PDF";
        if (old) fs::last_write_time(dir / name, two_hours_ago);
    };
    plant(".要綱.pdf.tmp-0123456789ab", true);   // a save killed two hours ago: removed
    plant(".other.docx.tmp-abcdef012345", true);  // another file's, just as old: removed too
    plant(".要綱.md.tmp-00000000000f", false);    // a write in flight elsewhere: kept
    plant(".notes.tmp-xyz", true);                // not a name tebiki makes: kept
    plant("report.tmp-0123456789ab", true);       // no leading dot: kept
    fs::create_symlink("/etc/hostname", dir / ".link.pdf.tmp-0123456789ab");  // a link: kept

    REQUIRE(write_new_file(dir, "要綱", ".pdf", "%PDF"));
    CHECK(names_in(dir) == std::vector<std::string>{".link.pdf.tmp-0123456789ab", ".notes.tmp-xyz", ".要綱.md.tmp-00000000000f",
                                                    "report.tmp-0123456789ab", "要綱.pdf"});
}
