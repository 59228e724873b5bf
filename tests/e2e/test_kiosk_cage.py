"""The kiosk session's command under cage, Wayland side: the ExecStart of
packaging/kiosk/tebiki-kiosk.service (`cage -- tebiki --kiosk`) run with cage's headless backend
(WLR_BACKENDS=headless, pixman renderer, no input devices). GLFW 3.3 is X11-only, so tebiki
reaches cage through Xwayland — the path a kiosk boots into. Waits for the first frame in the
state file, checks it is a full-screen kiosk on Xwayland, then stops cage (SIGTERM) and
checks that both are gone. cage refuses to run as root, so as root it runs as `nobody`.
Skipped (exit 0 with SKIP) only when cage or Xwayland is not installed."""
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from harness import BIN, SOURCE, fail

UNIT = os.path.join(SOURCE, "packaging", "kiosk", "tebiki-kiosk.service")

for tool in ("cage", "Xwayland"):
    if not shutil.which(tool):
        print(f"SKIP: {tool} is not installed (tools/setup.sh --with-tests installs cage and xwayland)")
        sys.exit(0)

# The unit: the command, the user, restarting on exit.
with open(UNIT) as f:
    unit = dict(line.strip().split("=", 1) for line in f if "=" in line and not line.startswith("#"))
if unit.get("ExecStart") != "/usr/bin/cage -- /usr/bin/tebiki --kiosk":
    fail(f"unexpected ExecStart in {UNIT}: {unit.get('ExecStart')}")
for key, wanted in (("User", "tebiki-kiosk"), ("Restart", "always"), ("TTYPath", "/dev/tty1")):
    if unit.get(key) != wanted:
        fail(f"{UNIT}: {key}={unit.get(key)}, expected {wanted}")

root = os.getuid() == 0
work = tempfile.mkdtemp(prefix="tebiki-cage-")
runtime = os.path.join(work, "run")
os.makedirs(runtime)
os.chmod(runtime, 0o700)
state_file = os.path.join(work, "state.json")
if root:
    nobody = pwd.getpwnam("nobody")
    for folder in (work, runtime):
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
env = dict(os.environ, XDG_RUNTIME_DIR=runtime, HOME=work, XDG_DATA_HOME=os.path.join(work, "data"),
           XDG_CACHE_HOME=os.path.join(work, "cache"), WLR_BACKENDS="headless", WLR_RENDERER="pixman",
           WLR_LIBINPUT_NO_DEVICES="1", WLR_HEADLESS_OUTPUTS="1", TEBIKI_STATE_FILE=state_file,
           TEBIKI_SYSTEM_CONFIG=os.path.join(work, "no-config.toml"))
for name in ("DISPLAY", "WAYLAND_DISPLAY"):
    env.pop(name, None)  # cage makes its own
command = ["cage", "--", os.path.abspath(BIN), "--kiosk"]
if root:
    command = ["runuser", "-u", "nobody", "--", "env", *[f"{k}={v}" for k, v in env.items()], *command]
log_path = os.path.join(work, "cage.log")
started = time.time()
cage = subprocess.Popen(command, env=env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT, start_new_session=True)


def log():
    with open(log_path, errors="replace") as f:
        return f.read()[-3000:]


try:
    state = None
    deadline = time.time() + 60
    while time.time() < deadline:
        if cage.poll() is not None:
            fail(f"cage exited ({cage.returncode}) before the first frame:\n{log()}")
        try:
            with open(state_file) as f:
                state = json.load(f)
            if state.get("frames", 0) > 0:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    else:
        fail(f"no first frame under cage within 60 s:\n{log()}")
    first_frame = time.time() - started
    if not state["kiosk"]:
        fail(f"not a kiosk under cage: {state}")
    # Through Xwayland: cage gave tebiki an X display.
    ps = subprocess.run(["ps", "-o", "pid=,comm=", "-s", str(cage.pid)], capture_output=True, text=True).stdout.split("\n")
    pids = [line.split()[0] for line in ps if line.strip().endswith("tebiki")]
    if not pids:
        fail("no tebiki process under cage:\n" + "\n".join(ps))
    with open(f"/proc/{pids[0]}/environ", "rb") as f:
        tebiki_env = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
    if not tebiki_env.get(b"DISPLAY") or not any("Xwayland" in line for line in ps):
        fail(f"tebiki did not get an Xwayland display from cage: DISPLAY={tebiki_env.get(b'DISPLAY')}\n" + "\n".join(ps))
    print(f"first frame under cage + Xwayland (DISPLAY={tebiki_env[b'DISPLAY'].decode()}) after {first_frame:.1f} s (kiosk)")
finally:
    os.killpg(cage.pid, signal.SIGTERM)
    try:
        cage.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(cage.pid, signal.SIGKILL)
        cage.wait()
        fail("cage did not stop on SIGTERM within 15 s")
# cage's children (Xwayland, tebiki) follow it out.
deadline = time.time() + 10
while True:
    leftover = subprocess.run(["ps", "-o", "pid=,comm=", "-s", str(cage.pid)], capture_output=True, text=True).stdout.strip()
    if not leftover or time.time() > deadline:
        break
    time.sleep(0.2)
if leftover:
    os.killpg(cage.pid, signal.SIGKILL)
    fail(f"processes left 10 s after cage stopped:\n{leftover}")
print("ok: kiosk started under cage, drew its first frame, stopped")
