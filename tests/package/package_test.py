"""The Debian package as a ward installs it: `package.*` CTest tests (tests/CMakeLists.txt).

    package_test.py build      cmake --build BUILD --target package, then dpkg -x into BUILD/package/root
    package_test.py version    the unpacked tebiki --version is project()'s; tebiki(1) lists every command of --help
    package_test.py check      the unpacked tebiki check passes, and reads the unpacked tree (not the source tree)
    package_test.py screenshot one screenshot from the unpacked tree under a private Xvfb
    package_test.py lintian    lintian reports no errors (warnings are listed in README, Deploying to a ward)
    package_test.py kiosk_unit systemd-analyze verify accepts the packaged kiosk unit without a word

`build` is the fixture the others need. Environment: TEBIKI_BUILD, TEBIKI_SOURCE, TEBIKI_VERSION.
"""
import glob
import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "e2e"))
from harness import Display, fail  # noqa: E402

BUILD = os.environ["TEBIKI_BUILD"]
VERSION = os.environ["TEBIKI_VERSION"]
DEB = os.path.join(BUILD, "package", f"tebiki_{VERSION}_amd64.deb")
ROOT = os.path.join(BUILD, "package", "root")
TEBIKI = os.path.join(ROOT, "usr", "bin", "tebiki")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)


def private_env():
    """A home of its own: no user data, atlas cache or system config of this machine."""
    home = tempfile.mkdtemp(prefix="tebiki-pkg-")
    return dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                XDG_CACHE_HOME=os.path.join(home, "cache"),
                TEBIKI_SYSTEM_CONFIG=os.path.join(home, "no-system-config.toml"))


def build():
    for old in glob.glob(os.path.join(BUILD, "package", "tebiki_*.deb")):
        os.remove(old)
    r = run(["cmake", "--build", BUILD, "--target", "package"])
    if r.returncode != 0 or not os.path.exists(DEB):
        fail(f"no {DEB}: {r.stdout[-3000:]}{r.stderr[-3000:]}")
    shutil.rmtree(ROOT, ignore_errors=True)
    r = run(["dpkg", "-x", DEB, ROOT])
    if r.returncode != 0:
        fail("dpkg -x: " + r.stderr)
    control = run(["dpkg-deb", "-f", DEB, "Version", "Depends"]).stdout
    for wanted in (f"Version: {VERSION}", "fonts-noto-cjk", "fonts-ipaexfont-mincho", "libglfw3", "libpq5", "libsqlite3-0"):
        if wanted not in control:
            fail(f"the control file lacks {wanted!r}:\n{control}")
    for path in ("usr/share/applications/tebiki.desktop", "usr/share/icons/hicolor/256x256/apps/tebiki.png",
                 "usr/share/man/man1/tebiki.1.gz", "usr/share/doc/tebiki/copyright",
                 "usr/share/tebiki/kiosk/tebiki-kiosk.service", "usr/share/tebiki/content/README.md",
                 "usr/share/tebiki/assets/diagrams", "usr/share/tebiki/assets/strings/ja.toml"):
        if not os.path.exists(os.path.join(ROOT, path)):
            fail(f"the package lacks /{path}")
    print(f"ok: {DEB} ({os.path.getsize(DEB) // 1024} KiB) unpacked into {ROOT}")


def version():
    r = run([TEBIKI, "--version"], env=private_env())
    if r.returncode != 0 or r.stdout.strip() != f"tebiki {VERSION}":
        fail(f"tebiki --version printed {r.stdout!r} (exit {r.returncode}), expected 'tebiki {VERSION}'")
    help_text = run([TEBIKI, "--help"], env=private_env()).stdout
    with gzip.open(os.path.join(ROOT, "usr/share/man/man1/tebiki.1.gz"), "rt") as f:
        man = f.read().replace("\\-", "-")
    if f'"tebiki {VERSION}"' not in man:
        fail("tebiki(1) does not carry the version")
    for line in help_text.splitlines():
        if line.startswith("  tebiki") and line.strip() not in man:
            fail(f"tebiki(1) lacks the --help line {line.strip()!r}")
    print("ok:", r.stdout.strip(), "and tebiki(1) matches --help")


def check():
    env = private_env()
    r = run([TEBIKI, "check"], env=env)
    if r.returncode != 0:
        fail(f"tebiki check on the unpacked tree: exit {r.returncode}\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    # It must read the unpacked share/tebiki: a heading added there shows in its toc.
    scratch = tempfile.mkdtemp(prefix="tebiki-pkg-root-")
    copy = os.path.join(scratch, "root")
    shutil.copytree(ROOT, copy, symlinks=True)
    chapter = sorted(glob.glob(os.path.join(copy, "usr/share/tebiki/content/1-*/0*.md")))[0]
    with open(chapter, "a", encoding="utf-8") as f:
        f.write("\n## 展開した木から読む見出し\n\n本文。\n")
    toc = run([os.path.join(copy, "usr/bin/tebiki"), "toc"], env=env)
    if "展開した木から読む見出し" not in toc.stdout:
        fail("the unpacked tebiki does not read its own share/tebiki:\n" + toc.stdout[-1500:] + toc.stderr[-1500:])
    shutil.rmtree(scratch, ignore_errors=True)
    print("ok: tebiki check passes on the unpacked tree and reads it")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def screenshot():
    env = private_env()
    out = os.path.join(env["HOME"], "home.png")
    state = os.path.join(env["HOME"], "state.json")
    with Display() as display:
        env.update(DISPLAY=display.name, TEBIKI_STATE_FILE=state)
        r = run([TEBIKI, "screenshot", "home", "--out", out, "--size", "1280x800"], env=env)
    if r.returncode != 0 or not os.path.exists(out):
        fail(f"screenshot from the unpacked tree: exit {r.returncode}\n{r.stderr[-2000:]}")
    if png_size(out) != (1280, 800):
        fail(f"the screenshot is {png_size(out)}, expected 1280x800")
    import json
    with open(state) as f:
        missing = json.load(f).get("missing_glyphs", 0)
    if missing:
        fail(f"{missing} glyphs missing in the screenshot (fonts from Depends not found?)")
    keep = os.environ.get("TEBIKI_SHOTS")
    if keep:
        shutil.copy(out, os.path.join(keep, "package-home.png"))
    print(f"ok: {out} 1280x800, no missing glyph")


def lintian():
    if not shutil.which("lintian"):
        fail("lintian is not installed (tools/setup.sh --with-tests installs it)")
    r = run(["lintian", "--fail-on", "error", DEB])
    print(r.stdout + r.stderr)
    if r.returncode != 0 or any(line.startswith("E: ") for line in r.stdout.splitlines()):
        fail("lintian reports errors")
    print("ok: lintian reports no errors")


def kiosk_unit():
    """systemd only warns about a misspelt key or value (and goes on without it), so any word
    from `systemd-analyze verify` fails the test: a kiosk unit that silently loses Restart= or
    User= would not come back after a crash, or would run as root."""
    if not shutil.which("systemd-analyze"):
        fail("systemd-analyze is not installed (tools/setup.sh --with-tests installs systemd)")
    unit = os.path.join(ROOT, "usr/share/tebiki/kiosk/tebiki-kiosk.service")
    r = run(["systemd-analyze", "verify", "--man=no", unit])
    words = (r.stdout + r.stderr).strip()
    if r.returncode != 0 or words:
        fail(f"systemd-analyze verify {unit}: exit {r.returncode}\n{words}")
    r = run(["bash", "-n", os.path.join(ROOT, "usr/share/tebiki/kiosk/install-kiosk.sh")])
    if r.returncode != 0:
        fail("install-kiosk.sh: " + r.stderr)
    print(f"ok: systemd-analyze verify accepts {unit}; install-kiosk.sh parses")


if __name__ == "__main__":
    {"build": build, "version": version, "check": check, "screenshot": screenshot, "lintian": lintian,
     "kiosk_unit": kiosk_unit}[sys.argv[1]]()
