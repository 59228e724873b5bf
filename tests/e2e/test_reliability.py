"""Reliability of the command line (issue 12): a full disk is an error, never a truncated file
reported as saved; unknown options and bad numbers are refused with the usage line; exotic
files (FIFO, /dev/zero, folders, huge numbers, deep nesting) give clear messages, not hangs or
crashes; search works without a writable data folder."""
import os
import resource
import signal
import subprocess
import tempfile

from harness import BIN, SOURCE, FIXTURE_CONTENT, fail, run

DOCS = os.path.join(SOURCE, "tests", "data", "documents")
PROFILE = os.path.join(DOCS, "profile.toml")
work = tempfile.mkdtemp(prefix="tebiki-reliability-")


def run_limited(cmd, file_size_limit, timeout=60):
    """Runs cmd as if the disk filled up after `file_size_limit` bytes of any one file."""
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
    return subprocess.run(cmd, preexec_fn=limit, capture_output=True, text=True, timeout=timeout)


# --- Defect 3: a full disk during `generate` -------------------------------------------------
# Each format, the disk filling 10 bytes before the end (the old PDF writer lost exactly that
# tail in fclose and exited 0) and after 4 KiB: exit non-zero, a Japanese message, the old file
# untouched, no temporary file left.
for ext in (".pdf", ".docx", ".md"):
    full = os.path.join(work, "full" + ext)
    result = run([BIN, "generate", "yoko", "--profile", PROFILE, "--out", full, "--date", "2026-11-25"])
    if result.returncode != 0:
        fail(f"generate{ext}: {result.stderr}")
    size = os.path.getsize(full)
    for limit in (size - 10, 4096):
        folder = tempfile.mkdtemp(prefix="full-disk-", dir=work)
        out = os.path.join(folder, "yoko" + ext)
        with open(out, "w") as f:
            f.write("old")
        result = run_limited([BIN, "generate", "yoko", "--profile", PROFILE, "--out", out, "--date", "2026-11-25"], limit)
        if result.returncode == 0:
            fail(f"generate{ext} with the disk full after {limit} bytes exited 0 (file now {os.path.getsize(out)} bytes)")
        if "yoko" + ext not in result.stderr or "以前のファイルはそのままです" not in result.stderr:
            fail(f"generate{ext} on a full disk: unclear message: {result.stderr}")
        if open(out).read() != "old":
            fail(f"generate{ext} on a full disk changed the old file")
        if sorted(os.listdir(folder)) != ["yoko" + ext]:
            fail(f"generate{ext} on a full disk left files behind: {os.listdir(folder)}")

print("ok")
