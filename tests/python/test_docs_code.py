"""The code blocks of README.md and docs/*.md run as written: every ```python block of a page,
in order, in one namespace per page (a later block may use an earlier one's names), in a scratch
directory where the repository's examples/ are at hand, with the files a reader brings (an FEC
named as the docs name it, hours.csv: made by scripts/make_actuals_data.py for the default ACI, as
the actuals tests make them). A block that names something it never defines fails here, as it
would for a reader pasting it."""
import datetime as dt
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _pages():
    for page in PAGES:
        blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
        if blocks:
            yield pytest.param(page, blocks, id=page.relative_to(ROOT).as_posix())


def _readers_files(folder: Path) -> None:
    import aci_cost

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_actuals_data
    finally:
        sys.path.pop(0)
    made = make_actuals_data.to_plan(folder / "made", aci_cost.default_scenario(), dt.date(2026, 1, 1))
    made["fec"].rename(folder / "123456789FEC20261231.txt")
    made["hours"].rename(folder / "hours.csv")


@pytest.mark.parametrize("page,blocks", list(_pages()))
def test_code_blocks_run_as_written(page, blocks, tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    for name in ("examples", "tests"):
        os.symlink(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    _readers_files(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for k, block in enumerate(blocks):
        try:
            exec(compile(block, f"{page.name}[block {k}]", "exec"), namespace)  # noqa: S102 (the docs' own code)
        except Exception as e:  # name the page and the block, then fail
            pytest.fail(f"{page.relative_to(ROOT)} block {k} fails: {type(e).__name__}: {e}\n{block}")
    shutil.rmtree(tmp_path / "runs", ignore_errors=True)
