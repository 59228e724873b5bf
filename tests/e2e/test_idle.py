"""Idle means idle: with no input, the window draws no frames at all."""
import re

from harness import BIN, Display, FIXTURE_ASSETS, FIXTURE_CONTENT, fail, run
import tempfile

with Display() as display:
    result = run([BIN, "--bench-idle", "--content", FIXTURE_CONTENT, "--assets", FIXTURE_ASSETS,
                  "--data", tempfile.mkdtemp(), "--size", "1000x700"], env=display.env, timeout=60)
    match = re.search(r"frames_while_idle=(-?\d+)", result.stdout)
    if not match:
        fail("no idle report: " + result.stdout + result.stderr)
    frames = int(match.group(1))
    print(f"frames drawn in 4 idle seconds: {frames}")
    if frames != 0:
        fail(f"{frames} frames were drawn while idle")
print("ok")
