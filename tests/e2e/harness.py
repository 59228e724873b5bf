"""Shared helpers for tebiki's end-to-end tests: a private Xvfb, the real binary, xdotool.

Each test starts its own X server (Xvfb picks a free display with -displayfd), so tests can
run in parallel and never touch the developer's screen.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("TEBIKI_BIN", "build/app/tebiki")
SOURCE = os.environ.get("TEBIKI_SOURCE", os.getcwd())
FIXTURE_CONTENT = os.path.join(SOURCE, "tests", "data", "content")
FIXTURE_ASSETS = os.path.join(SOURCE, "tests", "data", "assets")


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class Display:
    def __init__(self, size="1600x1000"):
        self.size = size

    def __enter__(self):
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.size + "x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()
        if not number:
            fail("Xvfb did not start")
        self.name = ":" + number
        self.env = dict(os.environ, DISPLAY=self.name)
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def bind_keys(self, text):
        """Binds the characters of `text` that the keymap lacks to spare keycodes, for good.
        xdotool types such a character by binding a scratch keycode, pressing it and unbinding
        it 40 ms later; the window looks the keycode up in the keymap when it reads the press,
        which under load is after the unbinding: the character never arrives (5 of 12 runs of
        test_touch_search). A bound character is a plain key press to xdotool and the window."""
        from Xlib import display  # python3-xlib
        d = display.Display(self.name)
        first, last = d.display.info.min_keycode, d.display.info.max_keycode
        mapping = d.get_keyboard_mapping(first, last - first + 1)
        mapped = {sym for row in mapping for sym in row}
        spare = [first + i for i, row in enumerate(mapping) if not any(row)]  # xdotool's scratch is the lowest
        for ch in dict.fromkeys(text):
            sym = ord(ch) if ord(ch) < 0x100 else 0x1000000 + ord(ch)  # Latin-1 and Unicode keysyms
            if sym in mapped:
                continue
            if len(spare) < 2:
                fail(f"no spare keycode left for {ch!r}")
            d.change_keyboard_mapping(spare.pop(), [(sym,) * len(mapping[0])])
            mapped.add(sym)
        d.sync()
        d.close()


class App:
    """The real tebiki window, observed through TEBIKI_STATE_FILE."""

    def __init__(self, display, args=(), data_dir=None, content=FIXTURE_CONTENT, size="1400x900"):
        self.display = display
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="tebiki-e2e-")
        self.state_file = os.path.join(self.data_dir, "state.json")
        self.width, self.height = (int(v) for v in size.split("x"))
        env = dict(display.env, TEBIKI_STATE_FILE=self.state_file)
        cmd = [BIN, "--content", content, "--assets", FIXTURE_ASSETS, "--data", self.data_dir, "--size", size, *args]
        if os.path.exists(self.state_file):
            os.remove(self.state_file)
        self.stderr_path = os.path.join(self.data_dir, "stderr.log")
        self.proc = subprocess.Popen(cmd, env=env, stderr=open(self.stderr_path, "w"), text=True)

    def log(self):
        with open(self.stderr_path) as f:
            return f.read()[-2000:]

    def state(self):
        try:
            with open(self.state_file) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def wait_for(self, predicate, what, timeout=20):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                fail(f"tebiki exited while waiting for {what}: {self.log()}")
            last = self.state()
            if last and predicate(last):
                return last
            time.sleep(0.1)
        fail(f"timed out waiting for {what}; last state: {last}")

    def xdotool(self, *args):
        subprocess.run(["xdotool", *args], env=self.display.env, check=True)

    def window(self):
        out = subprocess.run(["xdotool", "search", "--sync", "--pid", str(self.proc.pid)], env=self.display.env,
                             capture_output=True, text=True, timeout=20).stdout.split()
        return out[0] if out else None

    def focus(self):
        win = self.window()
        if win:
            self.xdotool("windowfocus", "--sync", win)
        return win

    def click_target(self, name):
        state = self.wait_for(lambda s: name in s.get("targets", {}), f"target {name}")
        # A screen that just opened may still be settling (a scroll reset, a wrapped row): click
        # where the target stays for two reads in a row.
        deadline = time.time() + 2
        while time.time() < deadline:
            time.sleep(0.08)
            again = self.wait_for(lambda s: name in s.get("targets", {}), f"target {name}")
            if again["targets"][name] == state["targets"][name]:
                break
            state = again
        x, y, w, h = state["targets"][name]
        win = self.window()
        self.xdotool("mousemove", "--window", win, str(int(x + min(w / 2, 40))), str(int(y + h / 2)))
        time.sleep(0.1)
        self.xdotool("click", "1")

    def scroll_to(self, name, x=None, y=None, button="5", limit=40):
        """Turns the wheel over (x, y) (the window's middle) until target `name` is fully drawn: on
        a small window or at a large zoom a form runs below the fold, as it does for a person."""
        for _ in range(limit):
            state = self.state() or {}
            r = state.get("targets", {}).get(name)
            if r and r[3] >= 20 and r[1] + r[3] < self.height - 4:
                return state
            self.xdotool("mousemove", "--window", self.window(), str(x or self.width // 2), str(y or self.height // 2))
            self.xdotool("click", button)
            time.sleep(0.15)
        fail(f"scrolling did not bring {name} into view; last state: {self.state()}")

    def toolbar(self, name):
        """Clicks toolbar button `name`, through 「その他」 when the toolbar has folded it away."""
        state = self.wait_for(lambda s: name in s["targets"] or "more" in s["targets"], f"toolbar button {name}")
        if name in state["targets"]:
            self.click_target(name)
        else:
            self.click_target("more")
            self.click_target("more:" + name)

    def key(self, *keys):
        for k in keys:
            self.xdotool("key", "--clearmodifiers", k)
            time.sleep(0.15)

    def key_until(self, key, predicate, what):
        """Presses key until predicate holds (one resend, as until()). No chord was lost when
        measured (160 under ctest -j2 load all reached the window and acted)."""
        return self.until(lambda: self.key(key), predicate, what, repr(key))

    def until(self, act, predicate, what, label, exit_ok=False):
        """act() until predicate holds (or, with exit_ok, the app has exited): one resend after
        5 s, with a note on stderr; a second miss fails the test. The misses traced so far were
        races, not lost input, and were fixed where they were (close_window, bind_keys, the
        assessment's scroll): a note is a new one to find. TEBIKI_TRACE_EVENTS=1 makes the window
        log each event it gets (and the target under a click) to its stderr.log."""
        for attempt in range(2):
            act()
            deadline = time.time() + 5
            while time.time() < deadline:
                if exit_ok and self.proc.poll() is not None:
                    return None
                state = self.state()
                if state and predicate(state):
                    if attempt:
                        print(f"note: {label} needed a resend for {what}", file=sys.stderr)
                    return state
                time.sleep(0.1)
        fail(f"{label} did not lead to {what}; last state: {self.state()}")

    def type(self, text, delay=80):
        """xdotool type, with the characters the keymap lacks bound first (Display.bind_keys)."""
        self.display.bind_keys(text)
        self.xdotool("type", "--delay", str(delay), text)

    def enter_pin(self, pin, predicate, what, exit_ok=False):
        """Types the PIN into the PIN dialog and presses Enter until predicate holds (exit_ok:
        or the app has quit, as a kiosk does after the PIN on close)."""
        def act():
            self.click_target("kiosk:pin_entry")
            self.xdotool("type", "--delay", "60", pin)
            self.key("Return")
        return self.until(act, predicate, what, "entering the PIN", exit_ok)

    def register_department(self, municipality, department):
        """Registers a department through the assessment screens (ASCII names: xdotool types them)."""
        self.toolbar("assess")
        self.click_target("assess:new_department")
        self.click_target("assess:field:municipality")
        self.xdotool("type", "--delay", "50", municipality)
        self.click_target("assess:field:department")
        self.xdotool("type", "--delay", "50", department)
        self.scroll_to("assess:save")
        self.click_target("assess:save")
        self.wait_for(lambda s: s["screen"] == "assess:chooser", "department saved")

    def exported(self, suffix, timeout=10):
        """Waits for a file ending in `suffix` in DATA_DIR/exports; returns the names there."""
        exports = os.path.join(self.data_dir, "exports")
        deadline = time.time() + timeout
        while time.time() < deadline:
            names = os.listdir(exports) if os.path.isdir(exports) else []
            if any(n.endswith(suffix) for n in names):
                return names
            time.sleep(0.2)
        fail(f"no {suffix} file was exported: {os.listdir(exports) if os.path.isdir(exports) else []}")

    def kill(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=10)

    def close(self):
        self.kill()


def close_window(display_name, window_id):
    """Sends WM_DELETE_WINDOW, as a window manager does (xdotool windowclose would destroy it).
    sync(), not flush(), before closing: the X server drops a client's unread requests when its
    connection hangs up, and python-xlib's close() does not wait as Xlib's XCloseDisplay does
    (with flush() 4-43 of 100 messages never arrived, with sync() none was lost)."""
    from Xlib import X, display, protocol  # python3-xlib
    d = display.Display(display_name)
    window = d.create_resource_object("window", int(window_id))
    protocols, delete = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(event, event_mask=X.NoEventMask)
    d.sync()
    d.close()


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def read_png(path):
    """Decodes an 8-bit RGB/RGBA non-interlaced PNG (what tebiki writes) to (width, height, rows)."""
    import struct
    import zlib
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4}[color]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def ink_ratio(png_path, box):
    """Share of pixels in box (x0, y0, x1, y1) that are clearly darker than the background."""
    width, height, channels, rows = read_png(png_path)
    x0, y0, x1, y1 = box
    dark = total = 0
    for y in range(y0, min(y1, height)):
        row = rows[y]
        for x in range(x0, min(x1, width), 2):
            r, g, b = row[x * channels], row[x * channels + 1], row[x * channels + 2]
            total += 1
            dark += (r * 299 + g * 587 + b * 114) // 1000 < 110
    return dark / max(1, total)


def text_line_height(png_path, box):
    """Median height of the bands of rows that hold dark pixels in box: the height of a line of text."""
    width, height, channels, rows = read_png(png_path)
    x0, y0, x1, y1 = box
    bands, current = [], 0
    for y in range(y0, min(y1, height)):
        row = rows[y]
        inked = any((row[x * channels] * 299 + row[x * channels + 1] * 587 + row[x * channels + 2] * 114) // 1000 < 110
                    for x in range(x0, min(x1, width), 2))
        if inked:
            current += 1
        elif current:
            bands.append(current)
            current = 0
    bands = sorted(b for b in bands if b > 3)
    return bands[len(bands) // 2] if bands else 0


def layout_problems(state, width, height, ignore=()):
    """Named targets that overlap each other or reach outside the window (issue 14). Targets are
    [x, y, w, h] as the state file lists them (only what is visible of a scrolled one)."""
    problems = []
    boxes = [(name, r) for name, r in state["targets"].items() if r[2] > 0 and r[3] > 0
             and not any(name.startswith(p) for p in ignore)]
    for name, (x, y, w, h) in boxes:
        if x < -0.5 or y < -0.5 or x + w > width + 0.5 or y + h > height + 0.5:
            problems.append(f"{name} {[x, y, w, h]} leaves the {width}x{height} window")
    for i, (a, (ax, ay, aw, ah)) in enumerate(boxes):
        for b, (bx, by, bw, bh) in boxes[i + 1:]:
            # One pixel of touching edges (rounding) is not an overlap.
            if min(ax + aw, bx + bw) - max(ax, bx) > 1 and min(ay + ah, by + bh) - max(ay, by) > 1:
                problems.append(f"{a} {[ax, ay, aw, ah]} overlaps {b} {[bx, by, bw, bh]}")
    return problems


def screenshot(app, path, timeout=10):
    """Asks the window for a screenshot (SIGUSR1; the app must run with TEBIKI_SCREENSHOT_FILE)."""
    before = (app.state() or {}).get("screenshots", 0)
    app.proc.send_signal(signal.SIGUSR1)
    app.wait_for(lambda s: s.get("screenshots", 0) > before, "screenshot saved", timeout)
    return path
