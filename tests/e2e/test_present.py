"""Presentation mode: F5 starts it, clicker keys move between slides, B blanks the screen, Esc
leaves; `tebiki screenshot --present` saves a slide at 200 % as the projector shows it."""
import os
import signal
import subprocess
import tempfile

from harness import BIN, SOURCE, App, Display, fail, ink_ratio, run

BUNDLED = os.path.join(SOURCE, "content")

with Display(size="1600x1000") as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-slide-{os.getpid()}.png")
    result = run([BIN, "screenshot", "4-kanri/05-kitei", "--present", "--slide", "6", "--zoom", "2", "--size", "1600x900", "--out", shot,
                  "--content", BUNDLED, "--data", tempfile.mkdtemp()], env=display.env)
    if result.returncode != 0:
        fail("screenshot --present: " + result.stderr)
    if ink_ratio(shot, (80, 60, 1500, 800)) < 0.02:
        fail("the slide screenshot looks empty")
    print(f"slide screenshot: {shot}")

    app = App(display, args=("--open", "4-kanri/05-kitei"), content=BUNDLED, size="1400x850")
    try:
        app.wait_for(lambda s: s["page"] == "4-kanri/05-kitei", "chapter open")
        app.focus()
        state = app.key_until("F5", lambda s: s["present"] and s["slides"] > 3, "presentation started")
        if state["slide"] != 0:
            fail("presentation must start at the first slide")
        app.key_until("Next", lambda s: s["slide"] == 1, "PageDown: next slide")
        app.key_until("Right", lambda s: s["slide"] == 2, "→: next slide")
        app.key_until("Prior", lambda s: s["slide"] == 1, "PageUp: previous slide")
        app.key_until("BackSpace", lambda s: s["slide"] == 0, "Backspace: previous slide")
        app.key_until("End", lambda s: s["slide"] == s["slides"] - 1, "End: last slide")
        app.key_until("Home", lambda s: s["slide"] == 0, "Home: first slide")
        app.key_until("b", lambda s: s["blank"], "B blanks the screen")
        app.key_until("Next", lambda s: not s["blank"] and s["slide"] == 1, "a key brings the slides back")
        app.key_until("Escape", lambda s: not s["present"] and s["screen"] == "reader", "Esc leaves the presentation")
        if app.state()["missing_glyphs"]:
            fail("missing glyphs while presenting")
    finally:
        app.close()
# Two screens (forced with --presenter-window on Xvfb's single monitor): the audience window shows
# the slide, the main window the presenter view with the next slide; a screenshot saves both.
with Display(size="2400x1000") as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-presenter-{os.getpid()}.png")
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, args=("--present", "--presenter-window", "--open", "4-kanri/03-minashi-nakanuke"), content=BUNDLED, size="1280x800")
    try:
        app.wait_for(lambda s: s["present"] and s["two_screens"] and s["slides"] > 2, "presenter view and audience window")
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
        if ink_ratio(shot, (0, 0, 1200, 700)) < 0.01:
            fail("the presenter view is empty")
        print(f"presenter: {shot}, audience: {audience}")
        app.key_until("Escape", lambda s: not s["present"] and not s["two_screens"], "Esc closes the audience window")
    finally:
        app.close()
print("ok")
