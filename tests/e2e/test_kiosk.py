"""Kiosk mode: a PIN set from the command line, idle reset clearing unsaved input, Esc and the
window's close asking for the PIN, a wrong PIN not quitting and the right one quitting."""
import os
import subprocess
import tempfile
import time

from harness import BIN, App, Display, close_window, fail, run

data = tempfile.mkdtemp(prefix="tebiki-kiosk-")
set_pin = subprocess.run([BIN, "admin", "set-pin", "--data", data], input="2468\n2468\n", capture_output=True, text=True)
if set_pin.returncode != 0:
    fail("admin set-pin: " + set_pin.stderr)
short = subprocess.run([BIN, "admin", "set-pin", "--data", tempfile.mkdtemp()], input="12\n12\n", capture_output=True, text=True)
if short.returncode == 0 or "4桁から12桁" not in short.stderr:
    fail("a 2-digit PIN must be refused: " + short.stderr)

with Display(size="1280x800") as display:
    app = App(display, args=("--kiosk", "--idle-timeout", "3", "--idle-countdown", "4"), data_dir=data)
    try:
        state = app.wait_for(lambda s: "search" in s["targets"], "kiosk window")
        if not state["kiosk"] or state["pin_prompt"]:
            fail(f"kiosk with a stored PIN must start without asking for one: {state}")
        app.focus()
        # Typed but never saved: the search box. The idle reset must clear it.
        app.click_target("search")
        app.xdotool("type", "--delay", "40", "youkou")
        # Which letters arrive does not matter (xdotool may drop one under load): that some did.
        app.wait_for(lambda s: s["query"] != "", "text typed")
        app.xdotool("mousemove", "5", "5")
        app.wait_for(lambda s: s["idle_countdown"] > 0, "「操作を続けますか？」 countdown", timeout=15)
        state = app.wait_for(lambda s: s["idle_countdown"] == 0 and s["query"] == "" and s["screen"] == "home", "reset to home", timeout=15)

        # An admin screen left open is closed by the idle reset too.
        app.focus()
        app.click_target("admin")
        app.wait_for(lambda s: s["pin_prompt"] == "admin", "PIN asked for the admin screen")
        app.enter_pin("2468", lambda s: s["admin_open"], "the admin screen")
        app.xdotool("mousemove", "5", "5")
        app.wait_for(lambda s: not s["admin_open"] and s["screen"] == "home", "admin screen closed by the idle reset", timeout=15)

        # Esc asks for the PIN; a wrong one does not quit, the right one does.
        app.focus()
        app.key_until("Escape", lambda s: s["pin_prompt"] == "quit", "PIN prompt on Esc")
        app.enter_pin("0000", lambda s: "あと" in s["pin_message"], "the wrong-PIN message")
        time.sleep(0.5)
        if app.proc.poll() is not None:
            fail("a wrong PIN quit the kiosk")
        app.click_target("kiosk:cancel")
        app.wait_for(lambda s: s["pin_prompt"] == "", "dialog cancelled")
        # Closing the window asks too: what a window manager sends for the close button or Alt+F4.
        close_window(display.name, app.window())
        app.wait_for(lambda s: s["pin_prompt"] == "quit", "PIN prompt on close", timeout=10)
        if app.proc.poll() is not None:
            fail("closing the window quit the kiosk without the PIN")
        app.focus()
        app.enter_pin("2468", lambda s: False, "quitting", exit_ok=True)
        deadline = time.time() + 10
        while time.time() < deadline and app.proc.poll() is None:
            time.sleep(0.1)
        if app.proc.poll() != 0:
            fail(f"the right PIN did not quit cleanly (exit {app.proc.poll()}): {app.log()}")
    finally:
        app.close()
print("ok")
