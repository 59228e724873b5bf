"""Issue 14: dialogs are opaque and failures are in the error colour. The kiosk's PIN dialog is
drawn over home and over a page of the guide: inside the dialog the pixels are the same both
times (nothing shows through). A wrong PIN's message is red."""
import os
import subprocess
import tempfile
import time

from harness import BIN, App, Display, fail, read_png, screenshot

data = tempfile.mkdtemp(prefix="tebiki-dialogs-")
subprocess.run([BIN, "admin", "set-pin", "--data", data], input="2468\n2468\n", capture_output=True, text=True, check=True)
shot = os.path.join(data, "shot.png")


def dialog_box(state):
    """The dialog's controls (keypad, entry, buttons) with a margin: inside the dialog."""
    boxes = [r for n, r in state["targets"].items() if n.startswith("kiosk:")]
    x0 = min(r[0] for r in boxes) + 2
    y0 = min(r[1] for r in boxes) + 2
    x1 = max(r[0] + r[2] for r in boxes) - 2
    y1 = max(r[1] + r[3] for r in boxes) - 2
    return int(x0), int(y0), int(x1), int(y1)


def pixels(path, box):
    width, height, channels, rows = read_png(path)
    x0, y0, x1, y1 = box
    return [tuple(rows[y][x * channels:x * channels + 3]) for y in range(y0, y1) for x in range(x0, x1, 2)]


def open_pin(app, name):
    app.click_target("admin")
    state = app.wait_for(lambda s: s["pin_prompt"] == "admin" and "kiosk:cancel" in s["targets"], "the PIN dialog")
    time.sleep(0.4)  # the dialog's fade-in and layout
    state = app.state()
    path = os.path.join(data, name)
    screenshot(app, shot)
    os.replace(shot, path)
    print(f"PIN dialog over {name}: {path}")
    return state, path


with Display("1280x800") as display:
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, args=("--kiosk",), size="1280x800", data_dir=data)
    try:
        state = app.wait_for(lambda s: s["screen"] == "home" and "admin" in s["targets"], "kiosk home")
        app.focus()
        over_home, home_png = open_pin(app, "over-home.png")
        app.click_target("kiosk:cancel")
        state = app.wait_for(lambda s: s["pin_prompt"] == "" and any(n[5:6].isdigit() for n in s["targets"] if n.startswith("home:")),
                             "dialog closed")
        parts = sorted(n for n in state["targets"] if n.startswith("home:") and n[5:6].isdigit())
        app.click_target(parts[0])
        app.wait_for(lambda s: s["screen"] == "reader", "a page of the guide")
        over_page, page_png = open_pin(app, "over-page.png")
        box, box_page = dialog_box(over_home), dialog_box(over_page)
        if max(abs(p - q) for p, q in zip(box, box_page)) > 2:  # a pixel of rounding at most
            fail(f"the dialog moved: {box} vs {box_page}")
        a, b = pixels(home_png, box), pixels(page_png, (box_page[0], box_page[1], box_page[0] + box[2] - box[0], box_page[1] + box[3] - box[1]))
        differ = sum(1 for p, q in zip(a, b) if max(abs(p[i] - q[i]) for i in range(3)) > 24) / max(1, len(a))
        print(f"pixels inside the dialog that differ between home and a page behind it: {differ:.3%}")
        if differ > 0.01:
            fail(f"the page shows through the dialog ({differ:.1%} of its pixels change with what is behind)")

        # A wrong PIN: the message is red (Ink::Error), not grey.
        app.click_target("kiosk:pin_entry")
        app.xdotool("type", "--delay", "60", "0000")
        app.key("Return")
        state = app.wait_for(lambda s: "あと" in s["pin_message"], "the wrong-PIN message")
        time.sleep(0.3)
        screenshot(app, shot)
        x0, y0, x1, y1 = dialog_box(app.state())
        red = sum(1 for r, g, b in pixels(shot, (x0, max(0, y0 - 150), x1, min(800, y1 + 150))) if r > 140 and g < 80 and b < 80)
        print(f"red pixels in the dialog after a wrong PIN: {red}")
        if red < 40:
            fail("the wrong-PIN message is not drawn in the error colour")
    finally:
        app.close()
print("ok")
