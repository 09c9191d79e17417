#!/usr/bin/env python3
"""Checks that every C++ file of the project is formatted as .clang-format says.

The files are the tracked *.hpp, *.cpp and *.h of the git work tree (every such file below the
source root when it is not a git checkout). The house format is that of clang-format 14, Debian 12's
(scripts/bootstrap installs it): another major version may lay out some lines otherwise, so with
one the check stops with exit status 77, which CTest reports as skipped, saying why.
Run: python3 scripts/check_format.py [source root]      Fix: the same with --fix
"""
from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

HOUSE_MAJOR = 14
SKIP = 77
SUFFIXES = (".hpp", ".cpp", ".h")


def cpp_files(root: pathlib.Path) -> list[pathlib.Path]:
    """The C++ files to check, sorted."""
    git = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", *(f"*{s}" for s in SUFFIXES)],
                         capture_output=True)
    if git.returncode == 0 and git.stdout:
        return sorted(root / p for p in git.stdout.decode().split("\0") if p and (root / p).is_file())
    skip = {"build", ".venv", ".git"}
    return sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and not skip & set(p.relative_to(root).parts))


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    args = [a for a in argv if a != "--fix"]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parent.parent)
    tool = shutil.which(f"clang-format-{HOUSE_MAJOR}") or shutil.which("clang-format")
    if tool is None:
        print(f"check_format: clang-format is not installed (scripts/bootstrap installs clang-format {HOUSE_MAJOR})")
        return 1
    version = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"version (\d+)", version)
    if found is None or int(found.group(1)) != HOUSE_MAJOR:
        print(f"check_format: skipped: {tool} is {version.strip()!r}; the house format is clang-format {HOUSE_MAJOR}'s")
        return SKIP
    files = cpp_files(root)
    if not files:
        print(f"check_format: no C++ file below {root}")
        return 1
    if fix:
        subprocess.run([tool, "-i", *map(str, files)], check=True)
        print(f"check_format: {len(files)} files formatted")
        return 0
    bad = []
    for f in files:
        run = subprocess.run([tool, "--dry-run", "--Werror", str(f)], capture_output=True, text=True)
        if run.returncode != 0:
            bad.append(f.relative_to(root))
            print(run.stderr.strip().split("\n")[0])
    if bad:
        print(f"check_format: {len(bad)} of {len(files)} files differ from .clang-format "
              f"(python3 scripts/check_format.py --fix formats them): {', '.join(map(str, bad))}")
        return 1
    print(f"check_format: {len(files)} files follow .clang-format")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
