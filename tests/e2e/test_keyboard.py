"""Keyboard alone: arrow keys move a visible focus between the home tiles and Space opens the
focused part; buttons are at least 44 px tall for touch screens."""
import os

from harness import App, Display, SOURCE, fail

with Display() as display:
    app = App(display, content=os.path.join(SOURCE, "content"), size="1280x800")
    try:
        state = app.wait_for(lambda s: s["screen"] == "home" and "home" in s["targets"], "home screen")
        for name in ("home", "assess", "docs", "present", "admin"):
            if state["targets"][name][3] < 44:
                fail(f"button {name} is {state['targets'][name][3]} px tall, less than 44")
        app.focus()
        for _ in range(3):
            app.key("Down")
        app.key_until("space", lambda s: s["screen"] == "reader", "Space opens the focused tile")
        if not app.state()["page"].startswith(("1-", "3-", "5-", "7-", "2-", "4-", "6-")):
            fail("no chapter opened")
    finally:
        app.close()
print("ok")
