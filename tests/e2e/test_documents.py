"""Draft documents: `tebiki generate` writes .docx that python-docx reads and LibreOffice converts,
.pdf whose text holds the articles with the font embedded, and .md; hostile profiles still give
valid files; bad input gets Japanese errors. Then the document screen in the real window."""
import os
import signal
import subprocess
import tempfile
import time
import zipfile

from harness import BIN, SOURCE, App, Display, fail, ink_ratio, run

DATA = os.path.join(SOURCE, "tests", "data", "documents")
out = tempfile.mkdtemp(prefix="tebiki-docs-")


def generate(doc, ext, answers="order-both", profile="profile", extra=()):
    path = os.path.join(out, f"{doc}-{answers}-{profile}{ext}")
    result = run([BIN, "generate", doc, "--answers", os.path.join(DATA, answers + ".answers.toml"),
                  "--profile", os.path.join(DATA, profile + ".toml"), "--out", path, "--date", "2026-11-25", *extra])
    if result.returncode != 0:
        fail(f"generate {doc}{ext}: {result.stderr}")
    return path


# Every document in every format, for both profiles.
documents = [line.split("\t")[0] for line in run([BIN, "list", "documents"]).stdout.splitlines() if not line.startswith(" ")]
if documents[:1] != ["yoko"] or len(documents) < 6:
    fail("list documents: " + str(documents))
every_form = ("--set", "lend=true", "--set", "head_order=true", "--set", "registration=true", "--set", "daily_report=true")
for profile in ("profile", "profile-hostile"):
    for doc in documents:
        for ext in (".md", ".docx", ".pdf"):
            generate(doc, ext, profile=profile, extra=every_form)

# Word: python-docx reads the paragraphs and the form's table; the XML is well formed.
import docx  # python3-docx

yoko = docx.Document(os.path.join(out, "yoko-order-both-profile.docx"))
texts = [p.text for p in yoko.paragraphs]
if not any(t.startswith("第1条　この要綱は、千代田区の職員が") for t in texts):
    fail("docx lacks 第1条: " + str(texts[:5]))
if "（目的）" not in texts or not any(t.startswith("２　") for t in texts) or not any(t.startswith("(1)　") for t in texts):
    fail("docx lacks the 見出し, 項 or 号 layout")
section = yoko.sections[0]
if abs(section.page_width.mm - 210) > 1 or abs(section.page_height.mm - 297) > 1:
    fail(f"docx page is not A4: {section.page_width.mm} x {section.page_height.mm} mm")
with zipfile.ZipFile(os.path.join(out, "yoko-order-both-profile.docx")) as z:
    if "明朝" not in z.read("word/styles.xml").decode():
        fail("docx declares no Mincho font")
form = docx.Document(os.path.join(out, "apply-order-both-profile.docx"))
if not form.tables or len(form.tables[0].rows) < 4:
    fail("the application form has no boxed table")
hostile = docx.Document(os.path.join(out, "apply-order-both-profile-hostile.docx"))
cells = [c.text for t in hostile.tables for r in t.rows for c in r.cells] + [p.text for p in hostile.paragraphs]
if not any("総務部<&\"'>人事課" in c for c in cells):
    fail("hostile characters were lost instead of escaped: " + str(cells[:6]))

# LibreOffice converts the .docx without complaint.
converted = tempfile.mkdtemp(prefix="tebiki-lo-")
lo = subprocess.run(["libreoffice", "--headless", "--norestore", f"-env:UserInstallation=file://{converted}/profile",
                     "--convert-to", "pdf", "--outdir", converted, os.path.join(out, "yoko-order-both-profile.docx")],
                    capture_output=True, text=True, timeout=240)
if lo.returncode != 0 or not os.path.exists(os.path.join(converted, "yoko-order-both-profile.pdf")):
    fail("libreoffice could not convert the docx: " + lo.stdout + lo.stderr)

# PDF: the text holds the articles in order; the Japanese font is embedded.
pdf = os.path.join(out, "yoko-order-both-profile.pdf")
text = run(["pdftotext", "-layout", pdf, "-"]).stdout
for needle in ("千代田区職員の在宅勤務（テレワーク）実施要綱", "第1条", "第7条", "様式第3号", "附"):
    if needle not in text:
        fail(f"pdf text lacks {needle}")
if text.index("第1条") > text.index("第7条"):
    fail("articles out of order in the pdf")
fonts = run(["pdffonts", pdf]).stdout
if "IPAexMincho" not in fonts or not all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if "IPAex" in line):
    fail("IPAex Mincho is not embedded: " + fonts)

# Options from the command line, and the errors.
no_order = generate("yoko", ".md", extra=("--set", "head_order=false"))
if "所属長が命ずる在宅勤務" in open(no_order, encoding="utf-8").read():
    fail("--set head_order=false left the article in")
bad = run([BIN, "generate", "yoko", "--profile", os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.md"),
           "--set", "nonsense=1"])
if bad.returncode == 0 or "オプション「nonsense」はありません" not in bad.stderr:
    fail("unknown option: " + bad.stderr)
bad = run([BIN, "generate", "yoko", "--profile", os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.txt")])
if bad.returncode == 0 or ".docx, .pdf, .md" not in bad.stderr:
    fail("unknown format: " + bad.stderr)
bad = run([BIN, "generate", "yoko", "--profile", os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.md"),
           "--date", "2026-02-30"])
if bad.returncode == 0 or "--date" not in bad.stderr:
    fail("impossible date: " + bad.stderr)
bad = run([BIN, "generate", "order", "--answers", os.path.join(DATA, "apply-only.answers.toml"), "--profile",
           os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.md")])
if bad.returncode == 0 or "作成しない文書" not in bad.stderr:
    fail("a form that does not apply: " + bad.stderr)

# The document screen: register a department, open 文書, look at the preview, save a PDF.
with Display() as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-documents-{os.getpid()}.png")
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, content=os.path.join(SOURCE, "content"), size="1500x950")
    try:
        app.wait_for(lambda s: "docs" in s["targets"], "toolbar")
        app.focus()
        app.register_department("Minato", "Jinji")
        app.click_target("docs")
        state = app.wait_for(lambda s: s["screen"] == "documents" and s.get("preview_pages", 0) >= 2, "preview of the 要綱")
        app.click_target("docs:save_pdf")
        saved = app.exported(".pdf")
        exports = os.path.join(app.data_dir, "exports")
        if not saved or not saved[0].endswith(".pdf") or "Minato_Jinji" not in saved[0]:
            fail(f"the PDF was not saved with a safe name: {saved}")
        if "実施要綱" not in run(["pdftotext", os.path.join(exports, saved[0]), "-"]).stdout:
            fail("the saved PDF lacks the title")
        # An option changed on the screen is in the very next saved file.
        app.click_target("docs:option:head_order")
        app.click_target("docs:save_md")
        names = app.exported(".md")
        markdown = open(os.path.join(exports, next(n for n in names if n.endswith(".md"))), encoding="utf-8").read()
        if "（所属長が命ずる在宅勤務）" not in markdown:
            fail("turning on 所属長が命ずる場合 did not reach the saved 要綱")
        before = app.state()["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshot")
        x, y, w, h = app.state()["targets"]["docs:preview"]
        if ink_ratio(shot, (int(x), int(y), int(x + w), int(y + h * 0.5))) < 0.003:
            fail("the preview page looks blank")
        print(f"documents screenshot: {shot}")
    finally:
        app.close()
print("ok")
