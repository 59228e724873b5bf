"""業務の仕分け, a per-task questionnaire, in the window: add two tasks, answer one of them, finish,
and see each task classified (the unanswered one marked 暫定) in a table that wraps with 禁則."""
import os
import signal
import tempfile
import tomllib

from harness import App, Display, SOURCE, fail, ink_ratio

with open(os.path.join(SOURCE, "assessment", "tasks.toml"), "rb") as f:
    TASKS = {q["id"]: q for q in tomllib.load(f)["questions"]}

with Display() as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-tasks-{os.getpid()}.png")
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, content=os.path.join(SOURCE, "content"), size="1400x900")
    try:
        app.wait_for(lambda s: "assess" in s["targets"], "toolbar")
        app.focus()
        app.register_department("Shibuya", "Kuminka")
        app.click_target("assess:start:tasks")
        app.wait_for(lambda s: s["screen"] == "assess:tasks", "task list")
        for name in ("Madoguchi", "Shiryo"):
            app.click_target("assess:new_task")
            app.xdotool("type", "--delay", "40", name)
            app.click_target("assess:add_task")
            app.wait_for(lambda s, n=name: s["tasks"] == (1 if n == "Madoguchi" else 2), f"task {name} added")
        app.click_target("assess:task:0")
        state = app.wait_for(lambda s: s["screen"] == "assess:question" and s.get("question"), "first question of the task")
        for _ in range(len(TASKS)):
            q = TASKS[state["question"]]
            if q["type"] in ("single", "multiple"):
                app.click_target("assess:option:" + q["options"][0]["id"])
            elif q["type"] == "yesno":
                app.click_target("assess:option:yes")
            app.click_target("assess:next")
            state = app.wait_for(lambda s, q=q["id"]: s["screen"] == "assess:tasks" or s["question"] != q, "next question")
            if state["screen"] == "assess:tasks":
                break
        if state["screen"] != "assess:tasks":
            fail("answering every question of a task returns to the task list")
        app.click_target("assess:finish")
        app.wait_for(lambda s: s["screen"] == "assess:results", "results")
        before = app.state()["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshot")
        if ink_ratio(shot, (30, 150, 1350, 600)) < 0.01:
            fail("the task table looks empty")
        if app.state()["missing_glyphs"]:
            fail("missing glyphs in the task table")
        print(f"tasks screenshot: {shot}")
    finally:
        app.close()
print("ok")
