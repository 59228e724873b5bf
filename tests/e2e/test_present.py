"""Presentation mode: F5 starts it, clicker keys move between slides, B blanks the screen, Esc
leaves; `tebiki screenshot --present` saves a slide at 200 % as the projector shows it."""
import os
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
print("ok")
