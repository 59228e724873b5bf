"""`tebiki screenshot` renders a real page: glyphs are drawn, none is missing, zoom re-typesets."""
import os
import tempfile

from harness import BIN, Display, FIXTURE_ASSETS, FIXTURE_CONTENT, fail, ink_ratio, read_png, run, text_line_height

out_dir = tempfile.mkdtemp(prefix="tebiki-shot-")
with Display() as display:
    shots = {}
    for name, zoom in (("normal", "1"), ("large", "2")):
        path = os.path.join(out_dir, f"{name}.png")
        result = run([BIN, "screenshot", "1-first/01-typography", "--content", FIXTURE_CONTENT, "--assets", FIXTURE_ASSETS,
                      "--data", out_dir, "--out", path, "--size", "1200x800", "--zoom", zoom], env=display.env, timeout=60)
        if result.returncode != 0:
            fail(f"screenshot exited {result.returncode}: {result.stderr}")
        if "表示できない文字" in result.stderr:
            fail("glyphs were missing: " + result.stderr)
        shots[name] = path

    width, height, _, _ = read_png(shots["normal"])
    size = (width, height)
    if size != (1200, 800):
        fail(f"screenshot size {size}, expected the window size 1200x800")
    page = (420, 140, 1150, 780)  # the page column, right of the table of contents
    normal = ink_ratio(shots["normal"], page)
    print(f"ink in page area at zoom 1: {normal:.3f}")
    if normal < 0.01:
        fail("almost nothing was drawn in the page area: text is missing")
    small_line, large_line = text_line_height(shots["normal"], page), text_line_height(shots["large"], (40, 140, 1150, 780))
    print(f"height of a line of text: zoom 1 = {small_line}px, zoom 2 = {large_line}px")
    if not (1.6 * small_line <= large_line <= 2.6 * small_line):
        fail("zoom 2 must re-typeset the text at about twice the size")

    bad = run([BIN, "screenshot", "no/such-page", "--content", FIXTURE_CONTENT, "--out", os.path.join(out_dir, "x.png")],
              env=display.env, timeout=30)
    if bad.returncode == 0 or "ありません" not in bad.stderr:
        fail("an unknown page must fail with a Japanese message")
print("ok")
