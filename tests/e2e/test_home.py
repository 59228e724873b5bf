"""Issue 14, home: the four journeys (ガイドを読む, 診断, 要綱・様式, 発表) each lead where they say;
the parts follow; 「続きから」 offers the last page and the unfinished assessment after a restart,
but not in a kiosk, which starts clean; the kiosk's hint does not mention Ctrl+F; the idle
reset brings the next visitor the admin's zoom and the home page."""
import os
import subprocess
import tempfile
import time

from harness import BIN, SOURCE, App, Display, fail

CONTENT = os.path.join(SOURCE, "content")
JOURNEYS = ("home:journey:read", "home:journey:assess", "home:journey:docs", "home:journey:present")
data = tempfile.mkdtemp(prefix="tebiki-home-")


def go_home(app):
    """ホーム in the toolbar. One retry: the first click after the presentation's full-screen
    window closes can arrive before the main window has the pointer again."""
    for attempt in range(2):
        app.toolbar("home")
        deadline = time.time() + 3
        while time.time() < deadline:
            if app.state()["screen"] == "home":
                return
            time.sleep(0.1)
    fail(f"ホーム did not lead home: {app.state()}")


with Display("1280x800") as display:
    app = App(display, size="1280x800", content=CONTENT, data_dir=data)
    try:
        state = app.wait_for(lambda s: s["screen"] == "home" and "home:journey:read" in s["targets"], "home")
        app.focus()
        missing = [j for j in JOURNEYS if j not in state["targets"]]
        if missing:
            fail(f"journeys missing from home: {missing}")
        if "home:continue" in state["targets"] or "home:resume" in state["targets"]:
            fail("「続きから」 on a first start, with nothing to continue")
        # ガイドを読む opens the first chapter; read on to the next one.
        app.click_target("home:journey:read")
        state = app.wait_for(lambda s: s["screen"] == "reader" and s["page"], "the guide from its start")
        first = state["page"]
        app.click_target("reader:next")
        state = app.wait_for(lambda s: s["page"] != first, "the next chapter")
        last_page = state["page"]
        # 研修で使う starts the presentation; Esc ends it.
        go_home(app)
        app.click_target("home:journey:present")
        app.wait_for(lambda s: s["present"], "the presentation")
        state = app.key_until("Escape", lambda s: not s["present"], "the presentation closed")
        last_page = state["page"] or last_page  # the presentation leaves the reader on its chapter
        # 部署の準備度を診断する, then one answer, left unfinished.
        go_home(app)
        app.register_department("Chuo", "Kikaku")  # starts from the toolbar's 診断, as the tile does
        go_home(app)
        app.click_target("home:journey:assess")
        app.wait_for(lambda s: s["screen"].startswith("assess:"), "the assessment from its tile")
        app.click_target("assess:start:readiness")
        state = app.wait_for(lambda s: s["screen"] == "assess:question", "the first question")
        app.click_target(sorted(n for n in state["targets"] if n.startswith("assess:option:"))[0])
        question = app.wait_for(lambda s: s["answers"] == 1, "an answer saved")["question"]
        # 要綱・様式を作る opens the document screen.
        go_home(app)
        app.click_target("home:journey:docs")
        app.wait_for(lambda s: s["screen"] == "documents", "the document screen from its tile")
    finally:
        app.close()

    # After a restart: 「続きから」 for the page last read and for the unfinished assessment.
    app = App(display, size="1280x800", content=CONTENT, data_dir=data)
    try:
        state = app.wait_for(lambda s: "search" in s["targets"], "the window again")
        app.focus()
        app.toolbar("home")
        state = app.wait_for(lambda s: s["screen"] == "home" and "home:resume" in s["targets"], "「続きから」 on home")
        if "home:continue" not in state["targets"]:
            fail("no 「前回の続きから読む」 after reading a chapter")
        app.click_target("home:continue")
        app.wait_for(lambda s: s["screen"] == "reader" and s["page"] == last_page, "the page last read")
        app.toolbar("home")
        app.click_target("home:resume")
        state = app.wait_for(lambda s: s["screen"] == "assess:question", "the unfinished assessment resumed")
        if state["answers"] != 1:
            fail(f"the resumed assessment has {state['answers']} answers, not the 1 given")
    finally:
        app.close()

# The kiosk: no 「続きから」 (same data: there is something to continue), no Ctrl+F in the hint,
# and the idle reset restores the admin's zoom and home.
strings = open(os.path.join(SOURCE, "assets", "strings", "ja.toml"), encoding="utf-8").read()
lead_kiosk = next(line for line in strings.splitlines() if line.startswith("lead_kiosk"))
if "Ctrl" in lead_kiosk:
    fail("the kiosk's hint mentions Ctrl+F: " + lead_kiosk)
subprocess.run([BIN, "admin", "set-pin", "--data", data], input="2468\n2468\n", capture_output=True, text=True, check=True)
with Display("1080x1920") as display:
    app = App(display, args=("--kiosk", "--zoom", "1.25", "--idle-timeout", "3", "--idle-countdown", "2"),
              size="1080x1920", content=CONTENT, data_dir=data)
    try:
        state = app.wait_for(lambda s: s["screen"] == "home" and "home:journey:read" in s["targets"], "kiosk home")
        app.focus()
        if "home:continue" in state["targets"] or "home:resume" in state["targets"]:
            fail("a kiosk offers the last visitor's 「続きから」")
        if abs(state["zoom"] - 1.25) > 0.01:
            fail(f"the kiosk started at zoom {state['zoom']}, not the admin's 1.25")
        app.click_target("zoom:in")
        app.click_target("zoom:in")
        app.wait_for(lambda s: s["zoom"] > 1.3, "a visitor's zoom")
        app.click_target("home:journey:read")
        app.wait_for(lambda s: s["screen"] == "reader", "a visitor reading")
        app.xdotool("mousemove", "5", "5")
        state = app.wait_for(lambda s: s["screen"] == "home" and abs(s["zoom"] - 1.25) < 0.01 and s["idle_countdown"] == 0,
                             "the idle reset: home at the admin's zoom", timeout=20)
        print(f"after the idle reset: screen {state['screen']}, zoom {state['zoom']}")
    finally:
        app.close()
print("ok")
