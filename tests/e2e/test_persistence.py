"""The reading position and zoom survive a restart, even after SIGKILL."""
import signal
import time

from harness import App, Display, fail

with Display() as display:
    app = App(display)
    app.wait_for(lambda s: "home:1-first" in s["targets"], "home screen")
    app.focus()
    app.click_target("home:1-first")
    app.wait_for(lambda s: s["page"] == "1-first/01-typography", "chapter opened")
    app.key_until("ctrl+equal", lambda s: abs(s["zoom"] - 1.1) < 0.01, "Ctrl+= zooms in")
    app.click_target("toc:1-first/01-typography#表とリスト")
    first = app.wait_for(lambda s: s["section"] == "表とリスト", "scrolled to a section")
    time.sleep(1.0)
    app.kill(signal.SIGKILL)

    again = App(display, data_dir=app.data_dir)
    try:
        state = again.wait_for(lambda s: s["screen"] == "reader" and s["frames"] > 3, "reader reopened", timeout=20)
        if state["page"] != "1-first/01-typography":
            fail(f"reopened on {state['page']}, expected the last page")
        state = again.wait_for(lambda s: s["section"] == "表とリスト", "same section after restart")
        if abs(state["zoom"] - 1.1) > 0.01:
            fail(f"zoom {state['zoom']} was not kept")
    finally:
        again.close()
print("ok")
