import os

import pytest

import aci_cost

# The optional parts (Dask, SALib) are tested where they are installed; CTest installs them all
# (scripts/bootstrap) and sets ACI_COST_EXTRAS_REQUIRED=1, so that a missing one fails there
# instead of skipping silently (issue 26).
EXTRAS_REQUIRED = os.environ.get("ACI_COST_EXTRAS_REQUIRED") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if EXTRAS_REQUIRED and report.skipped and call.excinfo is not None:
        reason = str(call.excinfo.value)
        if reason.startswith("could not import"):  # pytest.importorskip's message
            report.outcome = "failed"
            report.longrepr = f"{item.nodeid}: an optional part is missing ({reason}) and ACI_COST_EXTRAS_REQUIRED=1"


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
