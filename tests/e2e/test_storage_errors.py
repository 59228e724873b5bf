"""A write that fails (here: another process holds the database's write lock) gives a Japanese
notice; the app keeps running and works again once the lock is gone."""
import os
import sqlite3

from harness import App, Display, SOURCE, fail

with Display() as display:
    app = App(display, content=os.path.join(SOURCE, "content"), size="1280x800")
    try:
        app.wait_for(lambda s: "assess" in s["targets"], "toolbar")
        app.focus()
        app.register_department("Taito", "Somu")
        locker = sqlite3.connect(os.path.join(app.data_dir, "tebiki.sqlite"), timeout=1)
        locker.execute("BEGIN EXCLUSIVE")
        app.click_target("assess:start:readiness")
        app.wait_for(lambda s: s["modal"], "a notice about the failed write", timeout=15)
        if app.proc.poll() is not None:
            fail("the app died on a failed write")
        if app.state()["screen"] == "assess:question":
            fail("the assessment started although it could not be saved")
        locker.rollback()
        locker.close()
        app.key("Escape")  # closes the notice
        app.wait_for(lambda s: not s["modal"], "notice closed")
        app.click_target("assess:start:readiness")
        app.wait_for(lambda s: s["screen"] == "assess:question", "the assessment starts once the lock is gone")
    finally:
        app.close()
print("ok")
