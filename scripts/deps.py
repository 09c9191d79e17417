"""Prints the Python packages a developer needs, read from pyproject.toml (one list to keep)."""
import sys
import tomllib
from pathlib import Path

data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
reqs = list(data["build-system"]["requires"]) + list(data["project"]["dependencies"])
for extra in sys.argv[1:] or data["project"]["optional-dependencies"]:
    reqs += data["project"]["optional-dependencies"][extra]
print("\n".join(dict.fromkeys(reqs)))
