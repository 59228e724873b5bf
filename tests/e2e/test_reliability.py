"""Reliability of the command line (issue 12): a full disk is an error, never a truncated file
reported as saved; unknown options and bad numbers are refused with the usage line; exotic
files (FIFO, /dev/zero, folders, huge numbers, deep nesting) give clear messages, not hangs or
crashes; search works without a writable data folder."""
import os
import resource
import signal
import subprocess
import tempfile

from harness import BIN, SOURCE, FIXTURE_CONTENT, Display, fail, run

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


# --- Defect 10: options each command does not know, bad numbers, folders for files ------------
ANSWERS = os.path.join(SOURCE, "tests", "data", "assessment", "readiness-partial.answers.toml")
COMMON = ["--content", FIXTURE_CONTENT, "--data", tempfile.mkdtemp(prefix="data-", dir=work)]
commands = {
    "check": ["check"],
    "toc": ["toc"],
    "search": ["search", "要綱"],
    "layout": ["layout", "1-first/01-typography", "--width", "600"],
    "assess": ["assess", "readiness", "--answers", ANSWERS],
    "list": ["list", "questionnaires"],
    "generate": ["generate", "yoko", "--profile", PROFILE, "--out", os.path.join(work, "x.md")],
    "admin": ["admin", "set-pin"],
    "screenshot": ["screenshot", "home", "--out", os.path.join(work, "x.png")],
    "": [],  # the window
}
for name, args in commands.items():
    for extra in (["--no-such-option"], ["--no-such-option=1"], ["--frobnicate", "3"]):
        result = run([BIN, *args, *COMMON, *extra], input="", timeout=30)
        usage = "使い方: tebiki" + (" " + name if name else "")
        if result.returncode != 2 or extra[0].split("=")[0] not in result.stderr or usage not in result.stderr:
            fail(f"`tebiki {name} {' '.join(extra)}` must be refused with the usage line (exit 2): "
                 f"exit {result.returncode}, {result.stderr}")
# An option that belongs to another command is refused as well; so are stray arguments.
for args in (["toc", "--limit", "3"], ["check", "--json"], ["list", "questionnaires", "--width", "5"], ["toc", "extra"],
             ["assess", "readiness", "more", "--answers", ANSWERS], ["layout", "a", "b", "--width", "600"]):
    result = run([BIN, *args, *COMMON], timeout=30)
    if result.returncode != 2 or "使い方: tebiki " + args[0] not in result.stderr:
        fail(f"`tebiki {' '.join(args)}` must be refused with the usage line: exit {result.returncode}, {result.stderr}")
# Numbers: not a number, out of range, NaN, infinity, 1e30.
for args in (["layout", "1-first/01-typography", "--width", "abc"], ["layout", "1-first/01-typography", "--width", "-5"],
             ["layout", "1-first/01-typography", "--width", "nan"], ["layout", "1-first/01-typography", "--width", "1e30"],
             ["layout", "1-first/01-typography", "--width", "600", "--zoom", "nan"],
             ["layout", "1-first/01-typography", "--width", "600", "--zoom", "inf"],
             ["layout", "1-first/01-typography", "--width", "600", "--zoom", "0"],
             ["layout", "1-first/01-typography", "--width", ""],
             ["search", "要綱", "--limit", "1e30"], ["search", "要綱", "--limit", "0"], ["search", "要綱", "--limit", "2.5"],
             ["search", "要綱", "--limit", "-1"], ["search", "要綱", "--limit", "99999999999999999999"],
             ["--zoom", "nan"], ["--size", "abc"], ["--size", "10x10"], ["--monitor", "0"], ["--idle-timeout", "abc"],
             ["--kiosk", "--idle-countdown", "-3"], ["screenshot", "home", "--out", os.path.join(work, "y.png"), "--present", "--slide", "0"]):
    result = run([BIN, *args, *COMMON], timeout=30)
    if result.returncode != 2 or "--" + next(a for a in reversed(args) if a.startswith("--")).lstrip("-") not in result.stderr:
        fail(f"`tebiki {' '.join(args)}` must be refused (exit 2) naming the option: exit {result.returncode}, {result.stderr}")
# Good values, in both spellings, still work.
for args in (["layout", "1-first/01-typography", "--width", "600", "--zoom", "1.5"], ["layout", "1-first/01-typography", "--width=600"],
             ["search", "要綱", "--limit", "3", "--json"], ["toc", "--json"]):
    result = run([BIN, *args, *COMMON], timeout=30)
    if result.returncode != 0:
        fail(f"`tebiki {' '.join(args)}` must work: exit {result.returncode}, {result.stderr}")
# A folder where a file belongs says so.
for args in (["assess", "readiness", "--answers", work], ["generate", "yoko", "--profile", work, "--out", os.path.join(work, "z.md")],
             ["generate", "yoko", "--profile", PROFILE, "--answers", work, "--out", os.path.join(work, "z.md")]):
    result = run([BIN, *args], timeout=30)
    if result.returncode == 0 or "フォルダです" not in result.stderr:
        fail(f"`tebiki {' '.join(args)}` with a folder must say so: exit {result.returncode}, {result.stderr}")

# --- Defect 11: search without a writable data folder, and with a dropped FTS table -----------
unwritable = ["/dev/null/tebiki"]  # nothing can be created below /dev/null, not even by root
if os.geteuid() != 0:  # root writes into a chmod 555 folder anyway
    read_only = tempfile.mkdtemp(prefix="read-only-", dir=work)
    os.chmod(read_only, 0o555)
    unwritable.append(read_only)
for data in unwritable:
    result = run([BIN, "search", "要綱", "--content", FIXTURE_CONTENT, "--data", data], timeout=30)
    if result.returncode != 0 or "要綱" not in result.stdout:
        fail(f"search with the data folder {data} unwritable must fall back to memory: exit {result.returncode}, {result.stderr}")
import sqlite3
data = tempfile.mkdtemp(prefix="data-", dir=work)
first = run([BIN, "search", "テレワーク", "--content", FIXTURE_CONTENT, "--data", data], timeout=30)
with sqlite3.connect(os.path.join(data, "search-index.sqlite")) as db:
    db.execute("DROP TABLE sections_fts")
again = run([BIN, "search", "テレワーク", "--content", FIXTURE_CONTENT, "--data", data], timeout=30)
if first.returncode != 0 or again.returncode != 0 or not first.stdout or again.stdout != first.stdout:
    fail(f"search after the FTS table was dropped: exit {again.returncode}, {again.stderr}; before: {first.stdout}")

# --- Defects 8 and 9: deep nesting and exotic files in content/ and assessment/ ----------------
def content_with(chapters):
    root = tempfile.mkdtemp(prefix="content-", dir=work)
    part = os.path.join(root, "1-a")
    os.makedirs(part)
    with open(os.path.join(part, "part.toml"), "w") as f:
        f.write('title = "テスト編"\n')
    with open(os.path.join(part, "01-ok.md"), "w") as f:
        f.write("# 普通の章\n\n本文です。\n")
    for name, make in chapters.items():
        make(os.path.join(part, name))
    return root


def text_file(text):
    def make(path):
        with open(path, "w") as f:
            f.write(text)
    return make


deep = content_with({
    "02-quotes.md": text_file("# 深い引用\n\n" + ">" * 100000 + " 深い本文\n"),
    "03-lists.md": text_file("# 深い箇条書き\n\n" + "- " * 100000 + "深い項目\n"),
    "04-emphasis.md": text_file("# 深い強調\n\n" + "*" * 100000 + "強調" + "*" * 100000 + "\n"),
})
exotic = content_with({
    "02-pipe.md": lambda path: os.mkfifo(path),
    "03-zero.md": lambda path: os.symlink("/dev/zero", path),
    "99999999999999999999-huge.md": text_file("# 大きな番号\n"),
})
for name, content, expected in (
        ("deep nesting", deep, ["02-quotes.md:3: ", "03-lists.md:3: ", "04-emphasis.md:3: ", "入れ子が深すぎる"]),
        ("FIFO, /dev/zero, 20 digits", exotic, ["02-pipe.md: ", "03-zero.md: ", "通常のファイルではありません",
                                                 "99999999999999999999-huge.md: ", "番号が大きすぎます"])):
    for command in (["check"], ["toc"], ["search", "本文"], ["layout", "1-a/01-ok", "--width", "600"]):
        try:
            result = run([BIN, *command, "--content", content, "--data", tempfile.mkdtemp(dir=work)], timeout=60)
        except subprocess.TimeoutExpired:
            fail(f"{command[0]} hangs on {name}")
        if result.returncode < 0:
            fail(f"{command[0]} crashed (signal {-result.returncode}) on {name}: {result.stderr[-500:]}")
        if command == ["check"]:
            if result.returncode != 1:
                fail(f"check on {name} exited {result.returncode}")
            for needle in expected:
                if needle not in result.stdout:
                    fail(f"check on {name}: no '{needle}' in:\n{result.stdout}")

# The window loads, lays out and draws the deep chapters (the old window crashed at start).
with Display() as display:
    for page in ("1-a/02-quotes", "1-a/03-lists", "1-a/04-emphasis"):
        shot = os.path.join(work, page.replace("/", "_") + ".png")
        result = run([BIN, "screenshot", page, "--out", shot, "--content", deep, "--data", tempfile.mkdtemp(dir=work)],
                     env=display.env, timeout=120)
        if result.returncode != 0 or not os.path.exists(shot):
            fail(f"screenshot of {page} (100,000 levels) exited {result.returncode}: {result.stderr[-500:]}")

# --- Defect 10: a 19999 × 19999 PNG (about 50 KB on disk, 1.6 GB decoded) --------------------
def huge_png(path, side=19999):
    import struct
    import zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\0" + b"\0" * ((side + 7) // 8)  # filter byte + one bit per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                + chunk(b"IDAT", data) + chunk(b"IEND", b""))


assets = tempfile.mkdtemp(prefix="assets-", dir=work)
huge_png(os.path.join(assets, "huge.png"))
images = content_with({"02-image.md": text_file("# 大きな画像\n\n![とても大きな画像](huge.png)\n\n本文です。\n")})
result = run([BIN, "check", "--content", images, "--assets", assets], timeout=60)
if result.returncode != 1 or "02-image.md:3: 画像「huge.png」: 画像が大きすぎます（19999×19999" not in result.stdout:
    fail(f"check does not report the 19999 x 19999 image: {result.stdout}")
with Display() as display:
    shot = os.path.join(work, "huge-image.png")
    result = run([BIN, "screenshot", "1-a/02-image", "--out", shot, "--content", images, "--assets", assets,
                  "--data", tempfile.mkdtemp(dir=work)], env=display.env, timeout=120)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # the largest child so far
    # Decoding the image would take 1.6 GB; AddressSanitizer's shadow roughly doubles the rest.
    limit_mib = 1200 if os.environ.get("TEBIKI_SANITIZE") == "1" else 600
    if result.returncode != 0 or peak_mib > limit_mib:
        fail(f"the window with a 19999 x 19999 image: exit {result.returncode}, peak {peak_mib} MiB: {result.stderr[-300:]}")
    print(f"window with a 19999 x 19999 PNG: peak RSS {peak_mib} MiB (largest child of this test)")

# A questionnaire with a 100,000-part table header and one with a condition 100,000 levels deep.
mini = open(os.path.join(SOURCE, "tests", "data", "questionnaires", "mini.toml"), encoding="utf-8").read()
for name, text, needle in (
        ("table header", mini + "\n[" + "a." * 100000 + "a]\nk = 1\n", "mini.toml:"),
        ("dotted key", mini.replace('id = "mini"', "a" + ".a" * 100000 + ' = 1\nid = "mini"'), "mini.toml:"),
        ("condition", mini.replace("when = \"report == 'none'\"", 'when = "' + "(" * 100000 + "report == 'none'" + ")" * 100000 + '"'),
         "入れ子が深すぎます")):
    folder = tempfile.mkdtemp(prefix="assessment-", dir=work)
    with open(os.path.join(folder, "mini.toml"), "w", encoding="utf-8") as f:
        f.write(text)
    os.makedirs(os.path.join(folder, "documents"))
    result = run([BIN, "check", "--content", FIXTURE_CONTENT, "--assessment", folder], timeout=60)
    if result.returncode != 1 or needle not in result.stdout or "入れ子" not in result.stdout:
        fail(f"check of a questionnaire with a deep {name}: exit {result.returncode}: {result.stdout[-800:]} {result.stderr[-300:]}")

print("ok")
