"""Departments and assessments for the 全庁 tests: profiles and answers files written to a folder,
and `tebiki assess --save` runs that put them into a store."""
import json
import os
import subprocess

from harness import BIN, SOURCE

ANSWERS = os.path.join(SOURCE, "tests", "data", "assessment")

# (department, answers file): a spread of levels, blockers and 確認が必要 across three 部.
DEPARTMENTS = [
    ("総務部人事課", "readiness-ready"),
    ("総務部総務課", "readiness-partial"),
    ("総務部情報政策課", "readiness-trip-regular"),
    ("区民部戸籍住民課", "readiness-takehome-no-rules"),
    ("区民部区民課", "readiness-devices-no-rules"),
    ("福祉部介護保険課", "readiness-no-access"),
    ("福祉部生活福祉課", "readiness-nothing-done"),
    ("会計室", "readiness-early"),
]


def answers(name):
    return os.path.join(ANSWERS, name + ".answers.toml")


def profile(folder, department, municipality="千代田区", head_name=""):
    path = os.path.join(folder, f"profile-{abs(hash((municipality, department, head_name)))}.toml")
    with open(path, "w") as f:
        # A JSON string is a TOML basic string (quotes and backslashes escaped the same way).
        f.write(f"municipality = {json.dumps(municipality, ensure_ascii=False)}\n"
                f"department = {json.dumps(department, ensure_ascii=False)}\n")
        if head_name:
            f.write(f"head_name = {json.dumps(head_name, ensure_ascii=False)}\n")
    return path


def save(data, store, department, answers_name, folder, head_name="", env=None, check=True):
    """`tebiki assess readiness --save` for one department; returns the finished process."""
    result = subprocess.run([BIN, "assess", "readiness", "--answers", answers(answers_name), "--profile",
                             profile(folder, department, head_name=head_name), "--save", "--data", data,
                             *(["--store", store] if store else [])],
                            capture_output=True, text=True, env=env, timeout=60)
    if check and result.returncode != 0:
        raise SystemExit(f"FAIL: assess --save {department}: {result.returncode} {result.stderr[-1500:]}")
    return result
