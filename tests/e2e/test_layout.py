"""Issue 14, layout at every size: the window at 1280x720 200 %, 1080x1920 150 % and 200 % and
800x900 150 %; on home, the reader, the assessment chooser and question and the document screen
no two named targets overlap, none leaves the window and the search box keeps 160 px (read from
the state file). Screenshots
of every screen are kept for a person to look at (printed paths)."""
import os
import subprocess
import tempfile
import time

from harness import BIN, App, Display, SOURCE, fail, layout_problems, screenshot

SIZES = [("1280x720", "2"), ("1080x1920", "1.5"), ("1080x1920", "2"), ("800x900", "1.5")]
only = os.environ.get("TEBIKI_LAYOUT_ONLY")  # e.g. "800x900@1.5" while working on one size
shots = tempfile.mkdtemp(prefix="tebiki-layout-")
problems = []


def settle(app):
    """The targets once they stay put (an idle window draws no frames: wait for no change)."""
    last = app.state()
    for _ in range(20):
        time.sleep(0.3)
        state = app.state()
        if state and last and state["targets"] == last["targets"]:
            return state
        last = state
    return last


def check(app, size, zoom, where, width, height):
    state = settle(app)
    path = os.path.join(shots, f"{size}@{zoom}-{where}.png")
    screenshot(app, path)
    os.replace(app.shot, path)
    found = layout_problems(state, width, height)
    print(f"{size}@{zoom} {where}: {len(state['targets'])} targets, {len(found)} problems, missing glyphs "
          f"{state['missing_glyphs']}; screenshot {path}")
    problems.extend(f"{size}@{zoom} {where}: {p}" for p in found)
    search = state["targets"].get("search")
    if search and search[2] < 160:
        problems.append(f"{size}@{zoom} {where}: the search box is {search[2]} px wide (< 160)")
    if state["missing_glyphs"]:
        problems.append(f"{size}@{zoom} {where}: {state['missing_glyphs']} glyphs missing")
    return state


for size, zoom in SIZES:
    if only and only != f"{size}@{zoom}":
        continue
    width, height = (int(v) for v in size.split("x"))
    with Display(size) as display:
        shot = os.path.join(shots, "current.png")
        display.env["TEBIKI_SCREENSHOT_FILE"] = shot
        app = App(display, args=("--zoom", zoom), size=size, content=os.path.join(SOURCE, "content"))
        app.shot = shot
        try:
            state = app.wait_for(lambda s: s["screen"] == "home" and "search" in s["targets"], "home")
            if abs(state["zoom"] - float(zoom)) > 0.01:
                fail(f"started at zoom {state['zoom']}, not {zoom}")
            app.focus()
            check(app, size, zoom, "home", width, height)
            if "more" in state["targets"]:  # 「その他」 open: its entries inside the window, apart
                app.click_target("more")
                state = app.wait_for(lambda s: any(n.startswith("more:") for n in s["targets"]), "「その他」 open")
                menu = {"targets": {n: r for n, r in settle(app)["targets"].items() if n.startswith("more:")}}
                problems.extend(f"{size}@{zoom} その他: {p}" for p in layout_problems(menu, width, height))
                print(f"{size}@{zoom} その他: {sorted(menu['targets'])}")
                app.key("Escape")
                app.wait_for(lambda s: not any(n.startswith("more:") for n in s["targets"]), "「その他」 closed")
            parts = sorted(n for n in state["targets"] if n[5:6].isdigit() and n.startswith("home:"))
            app.click_target(parts[0] if parts else "home:journey:read")
            app.wait_for(lambda s: s["screen"] == "reader", "the reader")
            check(app, size, zoom, "reader", width, height)
            app.register_department("Chiyoda", "Soumu")
            check(app, size, zoom, "chooser", width, height)
            app.click_target("assess:start:readiness")
            app.wait_for(lambda s: s["screen"] == "assess:question", "first question")
            state = check(app, size, zoom, "question", width, height)
            options = [n for n in state["targets"] if n.startswith("assess:option:")]
            if not options:
                problems.append(f"{size}@{zoom}: no answer button on the first screen of the question")
            app.toolbar("docs")
            app.wait_for(lambda s: s["screen"] == "documents" and s.get("preview_pages", 0) >= 1, "the document screen")
            state = check(app, size, zoom, "documents", width, height)
            for name in ("docs:save_docx", "docs:save_pdf", "docs:save_md", "docs:preview"):
                if name not in state["targets"]:
                    problems.append(f"{size}@{zoom} documents: {name} is not on screen")
        finally:
            app.close()

# The portrait kiosk: its own toolbar, home and a page.
if not only or only == "kiosk":
    with Display("1080x1920") as display:
        shot = os.path.join(shots, "current.png")
        display.env["TEBIKI_SCREENSHOT_FILE"] = shot
        data = tempfile.mkdtemp(prefix="tebiki-layout-kiosk-")
        subprocess.run([BIN, "admin", "set-pin", "--data", data], input="2468\n2468\n", capture_output=True, text=True, check=True)
        app = App(display, args=("--kiosk", "--zoom", "1.5"), size="1080x1920", content=os.path.join(SOURCE, "content"), data_dir=data)
        app.shot = shot
        try:
            state = app.wait_for(lambda s: s["screen"] == "home" and "search" in s["targets"], "kiosk home")
            app.focus()
            check(app, "1080x1920", "kiosk", "home", 1080, 1920)
            parts = sorted(n for n in state["targets"] if n[5:6].isdigit() and n.startswith("home:"))
            app.click_target(parts[0])
            app.wait_for(lambda s: s["screen"] == "reader", "the reader")
            check(app, "1080x1920", "kiosk", "reader", 1080, 1920)
        finally:
            app.close()

if problems:
    fail("\n".join(problems))
print("ok")
