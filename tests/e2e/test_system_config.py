"""/etc/tebiki/config.toml (here through TEBIKI_SYSTEM_CONFIG): a ward's own content folder for
the command line, the kiosk defaults a machine starts with and the admin screen showing them as
fixed, and a config that does not parse: a notice naming file:line, the defaults, the app up."""
import os
import shutil
import subprocess
import tempfile

from harness import BIN, FIXTURE_CONTENT, App, Display, fail, screenshot


work = tempfile.mkdtemp(prefix="tebiki-sysconf-")
config = os.path.join(work, "config.toml")
env = dict(os.environ, TEBIKI_SYSTEM_CONFIG=config, XDG_DATA_HOME=os.path.join(work, "xdg"))

# The ward's edited guide, selected by the config; --content still wins over it.
ward_content = os.path.join(work, "ward-content")
shutil.copytree(FIXTURE_CONTENT, ward_content)
with open(config, "w") as f:
    f.write(f'content = "{ward_content}"\n')
fixture_toc = subprocess.run([BIN, "toc", "--content", FIXTURE_CONTENT], capture_output=True, text=True, env=env).stdout
ward_toc = subprocess.run([BIN, "toc"], capture_output=True, text=True, env=env)
if ward_toc.returncode != 0 or ward_toc.stdout != fixture_toc:
    fail(f"toc did not read the config's content folder:\n{ward_toc.stdout[:500]}{ward_toc.stderr}")

# Kiosk defaults for the machine, and the admin screen showing them as fixed.
exports = os.path.join(work, "exports")
with open(config, "w") as f:
    f.write(f'[kiosk]\nenabled = true\nidle_seconds = 600\nzoom = 1.5\ntheme = "dark"\nexport_dir = "{exports}"\n')
data = os.path.join(work, "data")
pin = subprocess.run([BIN, "admin", "set-pin", "--data", data], input="2468\n2468\n", capture_output=True, text=True, env=env)
if pin.returncode != 0:
    fail("admin set-pin: " + pin.stderr)
shot = os.path.join(os.environ.get("TEBIKI_SHOTS", work), "system-config-admin.png")
os.environ.update(TEBIKI_SYSTEM_CONFIG=config, TEBIKI_SCREENSHOT_FILE=shot)
with Display(size="1280x800") as display:
    app = App(display, data_dir=data, size="1280x800")
    try:
        state = app.wait_for(lambda s: "search" in s["targets"], "the window")
        if not state["kiosk"] or abs(state["zoom"] - 1.5) > 0.01:
            fail(f"the config's kiosk and zoom were not used: kiosk={state['kiosk']} zoom={state['zoom']}")
        app.focus()
        app.click_target("admin")
        app.wait_for(lambda s: s["pin_prompt"] == "admin", "PIN asked for the admin screen")
        app.enter_pin("2468", lambda s: s["admin_open"], "the admin screen")
        state = app.wait_for(lambda s: "kiosk:export_dir:fixed" in s["targets"], "the admin screen with fixed values")
        for name in ("kiosk:idle_seconds:fixed", "kiosk:default_zoom:fixed", "kiosk:kiosk_at_start:fixed", "kiosk:theme:fixed"):
            if name not in state["targets"]:
                fail(f"{name} not shown as fixed: {sorted(state['targets'])}")
        screenshot(app, shot)
    finally:
        app.close()

# A config that does not parse: the app starts on its defaults and says where the mistake is.
with open(config, "w") as f:
    f.write("[kiosk]\nzoom = 1.5\nstore = \n")
with Display(size="1280x800") as display:
    os.makedirs(os.path.join(work, "data2"))
    app = App(display, data_dir=os.path.join(work, "data2"), size="1280x800")
    try:
        state = app.wait_for(lambda s: s["popup"] == "notice", "the notice about the config")
        if state["kiosk"] or abs(state["zoom"] - 1.0) > 0.01:
            fail(f"a config that does not parse must leave the defaults: {state}")
        if f"{config}:3: 設定ファイルを読めません" not in app.log():
            fail("stderr does not name file:line: " + app.log())
    finally:
        app.close()
print("ok")
