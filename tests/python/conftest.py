import pytest

import aci_cost


@pytest.fixture
def scenario():
    """A fresh copy of the embedded default scenario."""
    return aci_cost.default_scenario()


@pytest.fixture
def seconds_to_stop(tmp_path):
    """Runs a call in a fresh interpreter, sends it Ctrl-C after `wait` seconds and returns how
    long it took to stop; asserts that it stopped with KeyboardInterrupt."""
    import os
    import signal
    import subprocess
    import sys
    import time

    def run(call: str, wait: float, timeout: float = 60) -> float:
        script = tmp_path / "interrupted.py"
        script.write_text(
            "import aci_cost, sys\n"
            "print('started', flush=True)\n"
            "try:\n"
            f"    {call}\n"
            "except KeyboardInterrupt:\n"
            "    print('interrupted', flush=True)\n"
            "    sys.exit(3)\n")
        p = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        assert p.stdout.readline().strip() == "started"
        time.sleep(wait)
        t = time.time()
        p.send_signal(signal.SIGINT)
        out, _ = p.communicate(timeout=timeout)
        assert p.returncode == 3 and "interrupted" in out
        return time.time() - t

    return run
