"""Presentation mode: slides readable from the back of a room (body glyphs >= 4 % of the screen
height at 1920x1080 and 1280x720, measured in the screenshot), `screenshot --present --slide N`
shows slide N, F5 starts at the section being read, clicker keys, B, room presets, Esc from the
last slide returns to that slide's section, and the two-screen presenter view with notes."""
import os
import re
import signal
import subprocess
import tempfile
import time

from harness import BIN, SOURCE, App, Display, fail, ink_ratio, read_png, run

BUNDLED = os.path.join(SOURCE, "content")


def ink_bands(png, box):
    """Heights and tops of the bands of rows holding dark ink in box (lines of text, rules)."""
    width, height, channels, rows = read_png(png)
    x0, y0, x1, y1 = box
    bands, top = [], None
    for y in range(y0, min(y1, height)):
        row = rows[y]
        inked = any((row[x * channels] * 299 + row[x * channels + 1] * 587 + row[x * channels + 2] * 114) // 1000 < 110
                    for x in range(x0, min(x1, width), 2))
        if inked and top is None:
            top = y
        elif not inked and top is not None:
            bands.append((top, y - top))
            top = None
    return bands


def screenshot_slide(display, page, slide, size):
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-slide-{os.getpid()}-{size}-{slide}.png")
    data = tempfile.mkdtemp()
    state = os.path.join(data, "state.json")
    env = dict(display.env, TEBIKI_STATE_FILE=state)
    result = run([BIN, "screenshot", page, "--present", "--slide", str(slide), "--size", size, "--out", shot,
                  "--content", BUNDLED, "--data", data], env=env)
    if result.returncode != 0:
        fail(f"screenshot --present --slide {slide} at {size}: {result.stderr}")
    with open(state) as f:
        import json
        return shot, json.load(f)


def settled_at(app, section, what):
    """Waits until the reader shows `section` (the scroll lands a frame or two after Esc) and stays there."""
    app.wait_for(lambda s: s["screen"] == "reader" and s["section"] == section, what)
    time.sleep(0.5)
    now = app.state()["section"]
    if now != section:
        fail(f"{what}: it moved on to 「{now}」")


with Display(size="2000x1200") as display:
    # Type size, measured on the screen: the tallest band of ink below the title is a line of body
    # text whose kanji stand as tall as the font's ink allows. 4-kanri/02-rodo-jikan slide 2 is
    # prose (its first sentences); slide 1 of 1-lead is the title slide.
    for size in ("1920x1080", "1280x720"):
        w, h = map(int, size.split("x"))
        for page, slide in (("4-kanri/02-rodo-jikan", 2), ("1-lead/01-tebiki-no-tsukaikata", 1)):
            shot, state = screenshot_slide(display, page, slide, size)
            if state["slide"] != slide - 1 or not state["present"]:
                fail(f"--slide {slide} showed slide {state['slide'] + 1} ({page}, {size})")
            if state["missing_glyphs"]:
                fail(f"missing glyphs on {page} slide {slide} at {size}")
            bands = ink_bands(shot, (int(w * 0.06), int(h * 0.04), int(w * 0.94), int(h * 0.93)))
            if len(bands) < 3:
                fail(f"{page} slide {slide} at {size}: expected a title and text, found ink bands {bands}")
            title = bands[0][1]
            body = max(b[1] for b in bands[2:])  # after the title and the rule under it
            print(f"{page} slide {slide} at {size}: title ink {title} px, body ink {body} px ({body / h:.1%} of the height)")
            if body < 0.04 * h:
                fail(f"body glyphs are {body} px at {size}, less than 4 % of {h} px: {shot}")
            if title < 1.3 * body:
                fail(f"the title ({title} px) is not clearly larger than the body ({body} px) at {size}")
    # --slide 3 is the third slide, also after the atlas is rebuilt for the slides (it was the second).
    shot, state = screenshot_slide(display, "4-kanri/05-kitei", 3, "1600x900")
    if state["slide"] != 2:
        fail(f"screenshot --present --slide 3 rendered slide {state['slide'] + 1}")
    if ink_ratio(shot, (80, 60, 1500, 800)) < 0.01:
        fail("the slide screenshot looks empty")

    chapter = "4-kanri/05-kitei"
    with open(os.path.join(BUNDLED, chapter + ".md"), encoding="utf-8") as f:
        sections = [m.group(2) for m in re.finditer(r"^(##|###) (.+)$", f.read(), re.M)]
    app = App(display, args=("--open", chapter), content=BUNDLED, size="1400x850")
    try:
        app.wait_for(lambda s: s["page"] == chapter, "chapter open")
        app.focus()
        # F5 from a section in the middle of the chapter starts at that section's slide.
        for _ in range(12):
            app.key("Next")
        reading = app.wait_for(lambda s: s["section"] in sections[3:-2], "a section in the middle of the chapter")["section"]
        state = app.key_until("F5", lambda s: s["present"] and s["slides"] > 3, "presentation started")
        if state["slide"] == 0:
            fail(f"F5 at 「{reading}」 must start at its slide, not at the first slide")
        start = state["slide"]
        app.key_until("Escape", lambda s: not s["present"], "Esc leaves the presentation")
        settled_at(app, reading, f"Esc from 「{reading}」's slide: the reader at that section")
        app.key_until("F5", lambda s: s["present"] and s["slide"] == start, "F5 again: the same slide")
        app.key_until("Home", lambda s: s["slide"] == 0, "Home: first slide")
        app.key_until("Next", lambda s: s["slide"] == 1, "PageDown: next slide")
        app.key_until("Right", lambda s: s["slide"] == 2, "→: next slide")
        app.key_until("Prior", lambda s: s["slide"] == 1, "PageUp: previous slide")
        app.key_until("BackSpace", lambda s: s["slide"] == 0, "Backspace: previous slide")
        app.key_until("b", lambda s: s["blank"], "B blanks the screen")
        app.key_until("Next", lambda s: not s["blank"] and s["slide"] == 1, "a key brings the slides back")
        # Room presets re-cut the chapter (larger type: more slides) and keep the audience's place.
        before = app.state()["slides"]
        app.key_until("4", lambda s: s["slides"] > before and s["slide"] >= 1, "preset 4: larger type, more slides")
        app.key_until("1", lambda s: s["slides"] == before and s["slide"] == 1, "preset 1: back to the same slide")
        # Esc from the last slide opens the reader at the last slide's section, even though the
        # page cannot scroll that near its end without the room the reader leaves below it.
        state = app.key_until("End", lambda s: s["slide"] == s["slides"] - 1, "End: last slide")
        app.key_until("Escape", lambda s: not s["present"] and s["screen"] == "reader", "Esc leaves the presentation")
        settled_at(app, sections[-1], "Esc from the last slide: the reader at the last slide's section")
        if app.state()["missing_glyphs"]:
            fail("missing glyphs while presenting")
    finally:
        app.close()
# Two screens (forced with --presenter-window on Xvfb's single monitor): the audience window shows
# the slide, the main window the presenter view with the notes and the next slide; a screenshot
# saves both.
with Display(size="2400x1000") as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-presenter-{os.getpid()}.png")
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, args=("--present", "--presenter-window", "--open", "4-kanri/05-kitei"), content=BUNDLED, size="1280x800")
    try:
        app.wait_for(lambda s: s["present"] and s["two_screens"] and s["slides"] > 2 and "present:notes" in s["targets"],
                     "presenter view with notes, and the audience window")
        windows = subprocess.run(["xdotool", "search", "--pid", str(app.proc.pid)], env=display.env, capture_output=True, text=True).stdout.split()
        if len(windows) < 2:
            fail(f"expected two windows, found {windows}")
        app.focus()
        app.key_until("Next", lambda s: s["slide"] == 1, "PageDown moves both screens")
        before = app.state()["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshots of both screens")
        audience = shot.replace(".png", "-audience.png")
        if ink_ratio(audience, (40, 40, 900, 400)) < 0.01:
            fail("the audience window is empty")
        x, y, w, h = app.state()["targets"]["present:notes"]
        if ink_ratio(shot, (int(x), int(y), int(x + w), int(y + h))) < 0.005:
            fail("the notes in the presenter view are empty")
        print(f"presenter: {shot}, audience: {audience}")
        app.key_until("Escape", lambda s: not s["present"] and not s["two_screens"], "Esc closes the audience window")
    finally:
        app.close()
print("ok")
