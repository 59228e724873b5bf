#!/usr/bin/env python3
"""Renumbers 表P-N and 図P-N captions so each part counts 1, 2, 3 … in reading order.

Editors insert tables anywhere; this keeps the numbers consecutive and rewrites every
reference to them (in any chapter) in one go. Usage: tools/renumber_captions.py [CONTENT_DIR]
Prints what it changed; with --check it changes nothing and exits 1 if anything is out of order.
"""
import pathlib
import re
import sys

CAPTION = re.compile(r"^\*\*([表図])(\d+)-(\d+)[　 ]")
REFERENCE = re.compile(r"([表図])(\d+)-(\d+)(?!\d)")


def chapters(content):
    for part in sorted(p for p in content.iterdir() if p.is_dir()):
        for md in sorted(part.glob("*.md")):
            yield md


def plan(content):
    """Maps (kind, part, old) to new numbers, counting per kind and part in reading order."""
    mapping, counters = {}, {}
    for md in chapters(content):
        for line in md.read_text(encoding="utf-8").splitlines():
            m = CAPTION.match(line)
            if not m:
                continue
            kind, part, old = m.group(1), m.group(2), m.group(3)
            key = (kind, part)
            counters[key] = counters.get(key, 0) + 1
            if (kind, part, old) in mapping:
                print(f"{md}: {kind}{part}-{old} is captioned twice", file=sys.stderr)
                continue
            mapping[(kind, part, old)] = str(counters[key])
    return mapping


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check_only = "--check" in sys.argv
    content = pathlib.Path(args[0] if args else pathlib.Path(__file__).parent.parent / "content")
    mapping = plan(content)
    moved = {k: v for k, v in mapping.items() if k[2] != v}
    if check_only:
        for (kind, part, old), new in sorted(moved.items()):
            print(f"{kind}{part}-{old} should be {kind}{part}-{new}")
        return 1 if moved else 0

    def renumber(m):
        new = mapping.get((m.group(1), m.group(2), m.group(3)))
        return f"{m.group(1)}{m.group(2)}-{new}" if new else m.group(0)

    for md in chapters(content):
        text = md.read_text(encoding="utf-8")
        updated = REFERENCE.sub(renumber, text)
        if updated != text:
            md.write_text(updated, encoding="utf-8")
            print(f"renumbered {md}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
