import importlib
import os
from types import ModuleType

import pytest

import aci_cost

# The optional parts (Dask, SALib, matplotlib) are tested where they are installed; CTest installs
# them all (scripts/bootstrap) and sets ACI_COST_EXTRAS_REQUIRED=1, so that a missing one fails
# there instead of skipping silently (issue 26).
EXTRAS_REQUIRED = os.environ.get("ACI_COST_EXTRAS_REQUIRED") == "1"


def require_extra(name: str) -> ModuleType:
    """The module `name` of an optional part; when it cannot be imported the test is skipped, or
    fails under ACI_COST_EXTRAS_REQUIRED=1. The one way tests reach an optional part (ruff bans
    pytest.importorskip, whose skip would be silent)."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        if EXTRAS_REQUIRED:
            pytest.fail(f"an optional part is missing ({name}: {e}) and ACI_COST_EXTRAS_REQUIRED=1", pytrace=False)
        pytest.skip(f"optional part {name} not installed ({e})")


@pytest.fixture
def extra():
    """require_extra, for a test: ``distributed = extra("dask.distributed")``."""
    return require_extra


@pytest.fixture
def scenario():
    """A fresh copy of the embedded default scenario."""
    return aci_cost.default_scenario()


@pytest.fixture
def interrupted(tmp_path):
    """Runs a call in a fresh interpreter, sends it Ctrl-C after `wait` seconds and asserts that it
    stopped with KeyboardInterrupt within `timeout` seconds. No tighter clock: callers pick a call
    that would run far longer than `timeout` unless interrupted (speed belongs to the benchmarks)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    def run(call: str, wait: float, timeout: float = 60, before: str = "", after: str = "") -> None:
        """`before` runs ahead of the call (e.g. a baseline), `after` once KeyboardInterrupt is
        caught (e.g. checks that nothing leaked: an exception there fails the run)."""
        script = tmp_path / "interrupted.py"
        indent = lambda code: "".join(f"    {line}\n" for line in code.splitlines())  # noqa: E731
        script.write_text(
            "import aci_cost, sys\n"
            f"{before}\n"
            "print('started', flush=True)\n"
            "try:\n"
            f"    {call}\n"
            "except KeyboardInterrupt:\n"
            f"{indent(after)}"
            "    print('interrupted', flush=True)\n"
            "    sys.exit(3)\n")
        p = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=os.environ.copy())
        assert p.stdout.readline().strip() == "started"
        time.sleep(wait)
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            raise AssertionError(f"still running {timeout} s after Ctrl-C: {call}") from None
        assert p.returncode == 3 and "interrupted" in out, (p.returncode, out, err[-2000:])

    return run
