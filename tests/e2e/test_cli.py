"""The window-less commands on the fixture and on the bundled guide."""
import json
import os
import tempfile

from harness import BIN, FIXTURE_ASSETS, FIXTURE_CONTENT, SOURCE, fail, run

data = tempfile.mkdtemp()
QUESTIONNAIRES = os.path.join(SOURCE, "tests", "data", "questionnaires")
common = ["--content", FIXTURE_CONTENT, "--assessment", QUESTIONNAIRES, "--assets", FIXTURE_ASSETS, "--data", data]

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

# Questionnaires: list, assess (text and JSON), and the errors of check and of answers files.
listed = run([BIN, "list", "questionnaires", *common])
if listed.returncode != 0 or not listed.stdout.startswith("mini\t第2版\tミニ診断\t2問"):
    fail("list questionnaires: " + listed.stdout + listed.stderr)
answers = os.path.join(data, "answers.toml")
with open(answers, "w") as f:
    f.write('questionnaire = "mini"\n[answers]\nyoko = true\nreport = "none"\n')
text = run([BIN, "assess", "mini", "--answers", answers, *common])
if text.returncode != 0 or "総合: 50.0 点　レベル: 準備段階" not in text.stdout or "! 始業・終業を報告する方法がありません。" not in text.stdout:
    fail("assess prints score, level and blockers: " + text.stdout + text.stderr)
result = json.loads(run([BIN, "assess", "mini", "--answers", answers, "--json", *common]).stdout)
if result["overall"] != 50.0 or result["blockers"][0]["id"] != "no_report" or result["areas"][0]["answered"] != 2:
    fail("assess --json: " + str(result))
with open(answers, "w") as f:
    f.write('[answers]\nyoko = "maybe"\nghost = 1\n')
wrong = run([BIN, "assess", "mini", "--answers", answers, *common])
if wrong.returncode != 1 or "answers.toml:2:1: 回答「yoko」" not in wrong.stderr or "answers.toml:3:1: 回答「ghost」" not in wrong.stderr:
    fail("bad answers name the answer id and line: " + wrong.stderr)
bad_q = tempfile.mkdtemp()
with open(os.path.join(bad_q, "x.toml"), "w") as f:
    f.write('id = "x"\ntitle = "x"\ncolour = 1\n[[areas]]\nid = "a"\nname = "A"\n[[questions]]\nid = "q"\narea = "a"\n'
            'text = "q"\ntype = "yesno"\nshow_if = "q == "\n[[levels]]\nid = "l"\nlabel = "L"\nmin = 0\n')
checked = run([BIN, "check", "--content", FIXTURE_CONTENT, "--assessment", bad_q, "--assets", FIXTURE_ASSETS])
if checked.returncode != 1 or "x.toml:3:1: 未知のキー「colour」" not in checked.stdout or "x.toml:12:" not in checked.stdout:
    fail("check reports questionnaire problems as file:line:col: " + checked.stdout)

missing = run([BIN, "toc", "--content", "/nonexistent"])
if missing.returncode == 0 or "見つかりません" not in missing.stderr:
    fail("a missing content folder gives a Japanese message")
print("ok")
