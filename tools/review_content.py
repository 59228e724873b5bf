#!/usr/bin/env python3
"""Editor's review aid for content/ (not a test): what of the source report may be missing, and
which house rules a chapter breaks that `tebiki check` does not enforce.

  tools/review_content.py [SEED_TXT]

Reports: Latin-script names and URLs of the report that appear nowhere in the guide; tables
without a 表N-M caption or an 出典 line; glossary terms whose first use in a chapter is not linked;
chapters without the closing checklist.
"""
import glob
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seed", "000_6795179466daad91.txt")
GLOSSARY = os.path.join(ROOT, "content", "7-shiryo", "90-yogoshu.md")


def norm(text):
    return unicodedata.normalize("NFKC", text).lower()


chapters = {p: open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "content", "*", "*.md")))
            if not p.endswith("README.md")}
corpus = norm("\n".join(chapters.values()))
seed = norm(open(SEED, encoding="utf-8").read()) if os.path.exists(SEED) else ""

print("== Latin names and URLs in the report that the guide never mentions")
names = set(re.findall(r"https?://[^\s）)」]+|[a-z][a-z0-9+\-.&]{2,}(?: [a-z][a-z0-9+\-.&]{2,})*", seed))
stop = {"the", "and", "for", "work", "tele", "information", "communication", "technology", "special", "ward",
        "association", "research", "organization", "point", "column"}
missing = sorted(n for n in names if n not in stop and n.rstrip(".") not in corpus)
for n in missing:
    print("  " + n)

print("== tables without caption (**表N-M …**) or 出典")
for path, text in chapters.items():
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and (i == 0 or not lines[i - 1].startswith("|")):
            before = next((l for l in reversed(lines[:i]) if l.strip()), "")
            end = i
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            after = next((l for l in lines[end:] if l.strip()), "")
            rel = os.path.relpath(path, ROOT)
            if not re.match(r"\*\*表\d+-\d+", before):
                print(f"  {rel}:{i + 1}: no caption")
            if "出典" not in after:
                print(f"  {rel}:{end + 1}: no 出典 after the table")
            i = end
        i += 1

print("== glossary terms whose first use in a chapter is not a link")
terms = re.findall(r"^## (.+)$", open(GLOSSARY, encoding="utf-8").read(), re.M) if os.path.exists(GLOSSARY) else []
for path, text in chapters.items():
    if path == GLOSSARY:
        continue
    body = "\n".join(l for l in text.splitlines() if not l.startswith("#"))
    for term in terms:
        at = body.find(term)
        if at < 0:
            continue
        link_at = body.find("90-yogoshu.md#")
        window = body[max(0, at - 2):at + len(term) + 2]
        if "[" + term not in body[:at + len(term) + 1] and not window.startswith("[") and "](" not in body[at:at + len(term) + 3]:
            print(f"  {os.path.relpath(path, ROOT)}: {term}")

print("== chapters without the closing checklist")
for path, text in chapters.items():
    if "## この章のチェックリスト" not in text or "- [ ]" not in text:
        print("  " + os.path.relpath(path, ROOT))
