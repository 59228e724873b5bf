"""Readiness assessment in the real window: register a department, answer questions, SIGKILL,
restart and resume with every answer kept, finish, and see the results dashboard.
Issue 10: the chooser, the question screen and the results count the same questions; choosing an
exclusive 「ない」 clears the other options (and the reverse); four answers give no level
(判定には回答が足りません); a not-ready department's results show the blocker and 準備を始める段階."""
import os
import signal
import sqlite3
import time
import tomllib

from harness import App, Display, SOURCE, fail, ink_ratio

BUNDLED = os.path.join(SOURCE, "content")
with open(os.path.join(SOURCE, "assessment", "readiness.toml"), "rb") as f:
    READINESS = tomllib.load(f)
QUESTIONS = {q["id"]: q for q in READINESS["questions"]}
NOT_READY = os.path.join(SOURCE, "tests", "data", "assessment", "readiness-rules-no-devices.answers.toml")


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
        app.type("12" if kind == "number" else "メモ", delay=60)
        if kind == "number":
            app.key("Return")  # a number is stored when committed
    return app.wait_for(lambda s: s["answers"] > state["answers"], f"answer to {q['id']} saved")


def stored(app, question):
    """The value stored for a question of the department's assessments (the database is WAL: readers are fine)."""
    with sqlite3.connect(os.path.join(app.data_dir, "tebiki.sqlite")) as db:
        row = db.execute("SELECT value FROM answers WHERE question_id = ? ORDER BY rowid DESC", (question,)).fetchone()
    return row[0] if row else None


def wait_stored(app, question, value, what):
    deadline = time.time() + 10
    while time.time() < deadline:
        if stored(app, question) == value:
            return
        time.sleep(0.1)
    fail(f"{what}: stored {question} = {stored(app, question)!r}, expected {value!r}")


def toml_value(v):
    """An answer as the database keeps it: the TOML value an answers file would hold."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return '"' + v + '"'


def resume(app, department):
    """Restarted window: opens the department's (only) assessment where it stopped."""
    app.wait_for(lambda s: "assess" in s["targets"], f"toolbar for {department}")
    app.focus()
    app.click_target("assess")
    app.click_target("assess:dept:" + department)
    state = app.wait_for(lambda s: any(k.startswith("assess:history:") for k in s["targets"]), f"{department} history")
    app.click_target(next(k for k in state["targets"] if k.startswith("assess:history:")))
    return app.wait_for(lambda s: s["screen"] == "assess:question", f"{department} resumed")


def screenshot(app, path):
    """Asks the running window for a screenshot (SIGUSR1 → TEBIKI_SCREENSHOT_FILE)."""
    before = app.state()["screenshots"]
    app.proc.send_signal(signal.SIGUSR1)
    app.wait_for(lambda s: s["screenshots"] > before, "screenshot saved")
    return path


with Display() as display:
    shot = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"tebiki-assess-{os.getpid()}.png")
    shot_not_ready = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"tebiki-assess-not-ready-{os.getpid()}.png")
    os.environ["TEBIKI_SCREENSHOT_FILE"] = shot
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, content=BUNDLED)
    app.wait_for(lambda s: "assess" in s["targets"], "toolbar")
    app.focus()
    app.register_department("Chiyoda", "Somu")
    chooser = app.wait_for(lambda s: "readiness" in s.get("chooser", {}), "chooser counts")["chooser"]["readiness"]
    app.click_target("assess:start:readiness")
    state = app.wait_for(lambda s: s["screen"] == "assess:question" and s.get("question"), "first question")
    if state["visible"] != chooser:
        fail(f"the chooser shows {chooser} questions, the question screen {state['visible']}")

    answered = []
    for _ in range(4):
        state = answer_current(app, state)
        answered.append(state["question"])
        app.click_target("assess:next")
        state = app.wait_for(lambda s, q=state["question"]: s["question"] != q, "next question")
    stopped_at = state["question"]
    if "top_commitment" not in answered:
        fail(f"expected top_commitment among the first four questions: {answered}")
    time.sleep(0.3)
    app.kill(signal.SIGKILL)

    again = App(display, data_dir=app.data_dir, content=BUNDLED)
    try:
        state = resume(again, "Somu")
        if state["answers"] != 4:
            fail(f"{state['answers']} answers after SIGKILL, expected 4")
        if state["question"] != stopped_at:
            fail(f"resumed at {state['question']}, expected {stopped_at}")

        # An exclusive option clears the others, and another option clears it.
        again.click_target("assess:prev")
        again.wait_for(lambda s: s["question"] == "top_commitment", "back at top_commitment")
        wait_stored(again, "top_commitment", '["announced"]', "first option saved before the SIGKILL")
        again.click_target("assess:option:not_yet")
        wait_stored(again, "top_commitment", '["not_yet"]', "「まだ区長に説明していない」 clears 「意思を示した」")
        again.click_target("assess:option:message")
        wait_stored(again, "top_commitment", '["message"]', "another option clears 「まだ区長に説明していない」")

        again.click_target("assess:review")
        again.wait_for(lambda s: s["screen"] == "assess:review", "review page")
        again.click_target("assess:finish")
        state = again.wait_for(lambda s: s["screen"] == "assess:results", "results dashboard")
        if state["overall"] is not None or state["level"]:
            fail(f"four answers must give no score or level (判定には回答が足りません): {state['overall']} {state['level']}")
        if state["applicable"] != state["visible"]:
            fail(f"the results count {state['applicable']} questions, the question screen {state['visible']}")
        if state["confirmations"] < 1:
            fail("unanswered blocker questions must be listed as 確認が必要")
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

    # A department that is not ready (rules in place, but no access and no devices): registered in
    # the window, its answers written to the database as the window would store them.

    third = App(display, data_dir=app.data_dir, content=BUNDLED)
    try:
        third.wait_for(lambda s: "assess" in s["targets"], "toolbar for the second department")
        third.focus()
        third.register_department("Chiyoda", "Kikaku")
        third.click_target("assess:start:readiness")
        third.wait_for(lambda s: s["screen"] == "assess:question", "first question of Kikaku")
    finally:
        third.close()
    with open(NOT_READY, "rb") as f:
        profile = tomllib.load(f)["answers"]
    with sqlite3.connect(os.path.join(app.data_dir, "tebiki.sqlite")) as db:
        (assessment,) = db.execute("SELECT a.id FROM assessments a JOIN departments d ON d.id = a.department_id"
                                   " WHERE d.name = 'Kikaku'").fetchone()
        db.executemany("INSERT INTO answers(assessment_id, task, question_id, value) VALUES(?, -1, ?, ?)",
                       [(assessment, k, toml_value(v)) for k, v in profile.items()])

    display.env["TEBIKI_SCREENSHOT_FILE"] = shot_not_ready
    last = App(display, data_dir=app.data_dir, content=BUNDLED)
    try:
        resume(last, "Kikaku")
        last.click_target("assess:review")
        last.wait_for(lambda s: s["screen"] == "assess:review", "Kikaku review")
        last.click_target("assess:finish")
        state = last.wait_for(lambda s: s["screen"] == "assess:results" and "assess:export_csv" in s["targets"], "Kikaku results")
        if state["level"] != "start" or state["blockers"] != 2:
            fail(f"no access and no devices: 準備を始める段階 with two blockers, got {state['level']} / {state['blockers']}")
        screenshot(last, shot_not_ready)
        if last.state()["missing_glyphs"]:
            fail("missing glyphs on the not-ready dashboard")
        print(f"not-ready results screenshot: {shot_not_ready}")
    finally:
        last.close()
print("ok")
