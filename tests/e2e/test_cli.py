"""The window-less commands on the fixture and on the bundled guide."""
import json
import os
import tempfile

from harness import BIN, FIXTURE_ASSETS, FIXTURE_CONTENT, SOURCE, fail, run

data = tempfile.mkdtemp()
common = ["--content", FIXTURE_CONTENT, "--assets", FIXTURE_ASSETS, "--data", data]

toc = run([BIN, "toc", "--json", *common])
parts = json.loads(toc.stdout)["parts"]
if [p["id"] for p in parts] != ["1-first", "2-second"]:
    fail("toc --json parts: " + toc.stdout)
if not any(s["anchor"] == "要綱に定める事項" for s in parts[1]["chapters"][0]["sections"]):
    fail("toc lists sections with anchors")

hits = json.loads(run([BIN, "search", "ＬＧＷＡＮ", "--json", *common]).stdout)
if not hits or not hits[0]["id"].startswith("1-first/01-typography"):
    fail("search ＬＧＷＡＮ: " + str(hits))
short = json.loads(run([BIN, "search", "要綱", "--json", "--limit", "1", *common]).stdout)
if len(short) != 1 or short[0]["title"] != "要綱に定める事項":
    fail("two-character search ranks the title hit first: " + str(short))

forbidden_start = set("、。，．）」』】〕・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ…")
for width in ("220", "400", "640"):
    lines = run([BIN, "layout", "1-first/01-typography", "--width", width, *common]).stdout.splitlines()
    if len(lines) < 20:
        fail(f"layout at {width}px printed too few lines")
    for line in lines:
        if line and line[0] in forbidden_start:
            fail(f"line starts with a forbidden character at {width}px: {line}")

good = run([BIN, "check", *common])
if good.returncode != 0:
    fail("fixture content must pass check: " + good.stdout)

bad_dir = tempfile.mkdtemp()
os.makedirs(os.path.join(bad_dir, "1-x"))
with open(os.path.join(bad_dir, "1-x", "part.toml"), "w") as f:
    f.write('title = "x"\n')
with open(os.path.join(bad_dir, "1-x", "01-a.md"), "w") as f:
    f.write("# 題\n\n[なし](02-b.md)\n")
bad = run([BIN, "check", "--content", bad_dir])
if bad.returncode != 1 or "01-a.md:3:" not in bad.stdout:
    fail("check reports file:line and exits 1: " + bad.stdout)

missing = run([BIN, "toc", "--content", "/nonexistent"])
if missing.returncode == 0 or "見つかりません" not in missing.stderr:
    fail("a missing content folder gives a Japanese message")
print("ok")
