"""Readiness assessment in the real window: register a department, answer questions, SIGKILL,
restart and resume with every answer kept, finish, and see the results dashboard."""
import os
import signal
import time
import tomllib

from harness import App, Display, SOURCE, fail, ink_ratio

BUNDLED = os.path.join(SOURCE, "content")
with open(os.path.join(SOURCE, "assessment", "readiness.toml"), "rb") as f:
    READINESS = tomllib.load(f)
QUESTIONS = {q["id"]: q for q in READINESS["questions"]}


def answer_current(app, state):
    """Clicks the first option of the question on screen (or types a number / text)."""
    q = QUESTIONS[state["question"]]
    kind = q["type"]
    if kind == "yesno":
        app.click_target("assess:option:yes")
    elif kind in ("single", "multiple"):
        app.click_target("assess:option:" + q["options"][0]["id"])
    else:
        app.click_target("assess:input")
        app.xdotool("type", "--delay", "60", "12" if kind == "number" else "メモ")
        if kind == "number":
            app.key("Return")  # a number is stored when committed
    return app.wait_for(lambda s: s["answers"] > state["answers"], f"answer to {q['id']} saved")


def screenshot(app, path):
    """Asks the running window for a screenshot (SIGUSR1 → TEBIKI_SCREENSHOT_FILE)."""
    before = app.state()["screenshots"]
    app.proc.send_signal(signal.SIGUSR1)
    app.wait_for(lambda s: s["screenshots"] > before, "screenshot saved")
    return path


with Display() as display:
    shot = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"tebiki-assess-{os.getpid()}.png")
    os.environ["TEBIKI_SCREENSHOT_FILE"] = shot
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, content=BUNDLED)
    app.wait_for(lambda s: "assess" in s["targets"], "toolbar")
    app.focus()
    app.register_department("Chiyoda", "Somu")
    app.click_target("assess:start:readiness")
    state = app.wait_for(lambda s: s["screen"] == "assess:question" and s.get("question"), "first question")

    answered = []
    for _ in range(4):
        state = answer_current(app, state)
        answered.append(state["question"])
        app.click_target("assess:next")
        state = app.wait_for(lambda s, q=state["question"]: s["question"] != q, "next question")
    stopped_at = state["question"]
    time.sleep(0.3)
    app.kill(signal.SIGKILL)

    again = App(display, data_dir=app.data_dir, content=BUNDLED)
    try:
        again.wait_for(lambda s: "assess" in s["targets"], "toolbar after restart")
        again.focus()
        again.click_target("assess")
        again.click_target("assess:dept:Somu")
        state = again.wait_for(lambda s: any(k.startswith("assess:history:") for k in s["targets"]), "history listed")
        entry = next(k for k in state["targets"] if k.startswith("assess:history:"))
        again.click_target(entry)
        state = again.wait_for(lambda s: s["screen"] == "assess:question", "resumed")
        if state["answers"] != 4:
            fail(f"{state['answers']} answers after SIGKILL, expected 4")
        if state["question"] != stopped_at:
            fail(f"resumed at {state['question']}, expected {stopped_at}")

        again.click_target("assess:review")
        again.wait_for(lambda s: s["screen"] == "assess:review", "review page")
        again.click_target("assess:finish")
        state = again.wait_for(lambda s: s["screen"] == "assess:results", "results dashboard")
        if state["overall"] is None:
            fail("no overall score after four answers")
        again.wait_for(lambda s: "assess:export_csv" in s["targets"], "dashboard drawn")
        screenshot(again, shot)
        if ink_ratio(shot, (100, 120, 1300, 800)) < 0.01:
            fail("the results dashboard looks empty")
        if again.state()["missing_glyphs"]:
            fail("missing glyphs on the dashboard")
        print(f"results screenshot: {shot}")
        again.click_target("assess:export_pdf")
        again.exported(".pdf")
    finally:
        again.close()
print("ok")
