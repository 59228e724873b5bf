"""Number answers are stored only when committed with a valid value (issue 12, defect 6): typing
150 into a 0–100 field stored 15 (an intermediate keystroke) while the screen showed 150 and
「保存済み」. Now nothing is stored while typing; Enter, leaving the field or the question stores
a valid value; an invalid one is not stored and the screen says what is stored."""
import os
import signal
import sqlite3
import tempfile
import time

from harness import App, Display, SOURCE, fail

BUNDLED = os.path.join(SOURCE, "content")
QUESTION = "managers_tried"  # 管理職のうち、自らテレワークを実施した人はおよそ何％ですか (0–100)


def stored(app):
    with sqlite3.connect(os.path.join(app.data_dir, "tebiki.sqlite")) as db:
        row = db.execute("SELECT value FROM answers WHERE question_id = ?", (QUESTION,)).fetchone()
    return row[0] if row else None


def settle(app, seconds=0.6):
    time.sleep(seconds)
    return app.state()


with Display() as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-number-field-{os.getpid()}.png")
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, content=BUNDLED)
    try:
        app.wait_for(lambda s: "assess" in s["targets"], "toolbar")
        app.focus()
        app.register_department("Chiyoda", "Somu")
        app.click_target("assess:start:readiness")
        state = app.wait_for(lambda s: s["screen"] == "assess:question" and s.get("question"), "first question")
        for _ in range(120):
            if state["question"] == QUESTION:
                break
            previous = state["question"]
            state = app.key_until("Next", lambda s, p=previous: s["question"] != p, "the next question")
        else:
            fail(f"never reached {QUESTION}")

        # Typing 150: no keystroke is stored (not 1, not 15), and the screen does not say 保存済み.
        app.click_target("assess:input")
        app.xdotool("type", "--delay", "80", "150")
        state = settle(app)
        if stored(app) is not None or state["answers"] != 0:
            fail(f"typing stored an intermediate value: {stored(app)} ({state['answers']} answers)")
        state = app.wait_for(lambda s: s.get("draft") == "150", "150 typed")
        if state.get("draft_saved"):
            fail("an unsaved draft is shown as 保存済み")
        # Enter with 150 (over the maximum of 100): still nothing stored.
        app.key("Return")
        state = settle(app)
        if stored(app) is not None or state["draft_saved"]:
            fail(f"150 in a 0–100 field was stored: {stored(app)}")
        # 15 and Enter: stored, shown as saved.
        app.key("BackSpace", "BackSpace", "BackSpace")
        app.xdotool("type", "--delay", "80", "15")
        app.wait_for(lambda s: s.get("draft") == "15", "15 typed")
        app.key("Return")
        state = app.wait_for(lambda s: s["draft_saved"], "15 saved on Enter")
        if stored(app) != "15" or state["answers"] != 1:
            fail(f"Enter did not store 15: {stored(app)}")
        # A third digit makes 150 again: the stored 15 stays, and the screen says the draft is not saved.
        app.xdotool("type", "--delay", "80", "0")
        app.wait_for(lambda s: s.get("draft") == "150", "150 typed again")
        app.key("Return")
        state = settle(app)
        if stored(app) != "15" or state["draft_saved"]:
            fail(f"an invalid 150 replaced the stored 15 or shows as saved: {stored(app)}, {state}")
        before = state["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshot")
        print(f"number field screenshot (150 typed, 15 stored): {shot}")
        # 80, then leave the question with PageDown (no Enter): committed on the way out.
        app.key("BackSpace", "BackSpace", "BackSpace")
        app.xdotool("type", "--delay", "80", "80")
        app.wait_for(lambda s: s.get("draft") == "80", "80 typed")
        app.key_until("Next", lambda s: s["question"] != QUESTION, "the next question")
        deadline = time.time() + 5
        while time.time() < deadline and stored(app) != "80":
            time.sleep(0.1)
        if stored(app) != "80":
            fail(f"leaving the question did not store 80: {stored(app)}")
        state = app.key_until("Prior", lambda s: s["question"] == QUESTION, "back to the question")
        state = app.wait_for(lambda s: s.get("draft") == "80" and s["draft_saved"], "80 shown as saved")
    finally:
        app.close()
print("ok")
