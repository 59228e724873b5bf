"""The rasterised font atlas is kept in $XDG_CACHE_HOME/tebiki: the first start bakes it, the
next rasterises nothing and draws the same pixels; a window completes the cache with the whole
Japanese range, so its next start takes the whole atlas from the cache; a damaged or foreign
cache file is ignored and replaced (never a crash)."""
import glob
import os
import tempfile

from harness import BIN, App, Display, FIXTURE_ASSETS, FIXTURE_CONTENT, fail, run

PAGE = "1-first/01-typography"


def atlas_line(stderr):
    lines = [l for l in stderr.splitlines() if l.startswith("atlas ")]
    return lines[0] if lines else ""


with Display() as display:
    cache = tempfile.mkdtemp(prefix="tebiki-cache-")
    data = tempfile.mkdtemp(prefix="tebiki-data-")
    env = dict(display.env, XDG_CACHE_HOME=cache, TEBIKI_TRACE_STARTUP="1")

    def screenshot(name):
        out = os.path.join(data, name)
        result = run([BIN, "screenshot", PAGE, "--content", FIXTURE_CONTENT, "--assets", FIXTURE_ASSETS, "--data", data,
                      "--out", out, "--size", "1200x800"], env=env, timeout=60)
        if result.returncode != 0:
            fail(f"screenshot {name} exited {result.returncode}: {result.stderr}")
        with open(out, "rb") as f:
            return atlas_line(result.stderr), f.read()

    first, cold = screenshot("cold.png")
    files = glob.glob(os.path.join(cache, "tebiki", "atlas-*.bin"))
    print(first, files)
    if "baked" not in first or len(files) != 1:
        fail(f"the first start must bake the atlas and keep it in the cache: {first!r}, {files}")
    second, warm = screenshot("warm.png")
    print(second)
    if second != "atlas from the cache, 0 glyphs rasterised":
        fail(f"the second start must take the atlas from the cache: {second!r}")
    if warm != cold:
        fail("the atlas from the cache must draw exactly what the baked one drew")

    # Damaged (truncated, flipped bytes) and foreign files: ignored, baked again, replaced.
    for damage in ("truncate", "flip", "foreign"):
        with open(files[0], "rb") as f:
            good = f.read()
        bad = {"truncate": good[: len(good) // 2], "flip": good[:500] + bytes([good[500] ^ 0xFF]) + good[501:],
               "foreign": b"\x89PNG\r\n\x1a\n" + good[8:]}[damage]
        with open(files[0], "wb") as f:
            f.write(bad)
        line, shot = screenshot(f"{damage}.png")
        if "baked" not in line or shot != cold:
            fail(f"a {damage} cache file must be ignored and the atlas baked again: {line!r}")
        line, _ = screenshot(f"{damage}-again.png")
        if "from the cache" not in line:
            fail(f"the {damage} cache file must have been replaced by a sound one: {line!r}")

    # A window adds the whole Japanese range (anything a user types) once; the next window's
    # first atlas is then the whole one, from the cache.
    class CachedDisplay:  # the display, with the cache folder and the trace in the window's environment
        name, env = display.name, env

    for run_number in (1, 2):
        app = App(CachedDisplay, args=("--open", PAGE), size="1200x800")
        try:
            app.wait_for(lambda s: s["page"] == PAGE and s["frames"] >= 2, "the window")
            # The first window adds the whole Japanese range after its first frame: two atlas lines.
            app.wait_for(lambda s: app.log().count("\natlas ") + app.log().startswith("atlas ") >= 3 - run_number, "its atlas lines")
        finally:
            app.close()
        log = [l for l in app.log().splitlines() if l.startswith("atlas ")]
        print(run_number, log)
        if run_number == 1 and (len(log) != 2 or not log[1].startswith("atlas from the cache plus new glyphs")):
            fail(f"the first window must add only the glyphs the cache lacks: {log}")
        if run_number == 2 and log != ["atlas from the cache, 0 glyphs rasterised"]:
            fail(f"after a window completed the cache, the next start must take the whole atlas from it and not rebuild it: {log}")
print("ok")
