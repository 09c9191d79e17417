"""Concurrency and faults (issue 19, item 4): sweeps started from several threads at once equal the
same sweeps run one after another; Ctrl-C stops a sweep within about a second and leaks no thread;
a Dask worker killed mid-sweep leaves a complete result equal to the local run; a sweep written to
a directory survives SIGKILL and resumes without recomputing its finished chunks or reading a torn
file. Every expectation comes from an independent in-memory run (``sweep.run``)."""
import json
import math
import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import aci_cost
from aci_cost import sweep

HERE = Path(__file__).resolve().parent

TRAINING = {
    "model": "training",
    "inputs": [
        {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
        {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.02, "mode": 0.06, "high": 0.15}},
        {"name": "training.workforce.contract_months", "distribution": {"kind": "truncated_normal", "mean": 10, "sd": 3, "low": 4, "high": 24}},
    ],
    "design": {"kind": "monte_carlo", "n": 3000, "seed": 5},
    "outputs": ["cost_per_productive_hour_honoured", "training_debt", "lost_hours"],
}


def spec(n=3000, seed=5, kind="monte_carlo", **extra):
    d = json.loads(json.dumps(TRAINING))
    d["design"] = {"kind": kind, "n": n, "seed": seed}
    d.update(extra)
    return d


def same_bits(a: sweep.SweepRun, b: sweep.SweepRun) -> bool:
    """Equal runs (spec, frames, summaries) whose columns and summary states are equal bit for bit."""
    bits = lambda f: f.to_numpy(dtype=np.float64).view(np.uint64)  # noqa: E731
    return (a == b and list(a.outputs.columns) == list(b.outputs.columns)
            and np.array_equal(bits(a.outputs), bits(b.outputs)) and np.array_equal(bits(a.inputs), bits(b.inputs))
            and a.summary_states == b.summary_states)


# ---- several Python threads at once ---------------------------------------------------------

def test_sweeps_started_from_several_threads_equal_the_same_sweeps_in_turn():
    calls = [(spec(seed=1), 1), (spec(seed=2, kind="latin_hypercube"), 2), (spec(seed=3, kind="sobol"), 1),
             (spec(seed=1), 2), (spec(seed=4, summary_only=True), 2), (spec(n=2000, seed=9), 1)]
    one_by_one = [sweep.run(s, threads=t, chunk=500) for s, t in calls]
    start = threading.Barrier(len(calls))

    def at_once(s, t):
        start.wait()  # every thread enters the engine together
        return sweep.run(s, threads=t, chunk=500)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        together = list(pool.map(lambda c: at_once(*c), calls))
    for k, (a, b) in enumerate(zip(together, one_by_one)):
        assert same_bits(a, b), calls[k]
    # The calls differ from one another, so equality is not vacuous.
    assert not one_by_one[0].outputs.equals(one_by_one[1].outputs)
    assert one_by_one[0].outputs.equals(one_by_one[3].outputs)  # the same spec on 1 and 2 threads


def test_directories_written_from_several_threads_at_once(tmp_path):
    calls = [(spec(seed=s), t, rows) for s, t, rows in [(1, 1, 700), (2, 2, 1000), (3, 1, 3000), (4, 2, 450)]]
    start = threading.Barrier(len(calls))

    def at_once(k, s, t, rows):
        start.wait()
        return sweep.run_to_directory(s, tmp_path / f"d{k}", threads=t, chunk_rows=rows)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        runs = list(pool.map(lambda kc: at_once(kc[0], *kc[1]), enumerate(calls)))
    for (s, t, _), r in zip(calls, runs):
        assert same_bits(r, sweep.run(s, threads=t))


# ---- Ctrl-C ---------------------------------------------------------------------------------

SMALL = spec(n=2000, seed=8)
# A joined thread leaves /proc/self/task a moment after pthread_join returns (the kernel wakes the
# joiner before it reaps the task): threads() waits up to 2 s for the count to settle at the baseline.
BASELINE = ("import json, os, threading, time\n"
            "import numpy as np\n"
            f"small = json.loads({json.dumps(json.dumps(SMALL))})\n"
            "aci_cost.sweep.run(small, threads=2)  # warm-up: whatever a first sweep starts for good\n"
            "def count():\n"
            "    return threading.active_count(), len(os.listdir('/proc/self/task'))\n"
            "baseline = count()\n"
            "def threads():\n"
            "    for _ in range(200):\n"
            "        if count() == baseline:\n"
            "            break\n"
            "        time.sleep(0.01)\n"
            "    return count()\n")


def after_interrupt(out: Path) -> str:
    """Checks run in the interrupted process: its threads are back to the baseline, and a following
    sweep's columns (saved to `out`) are compared with a fresh process's."""
    return ("assert threads() == baseline, ('threads after Ctrl-C', threads(), 'baseline', baseline)\n"
            "r = aci_cost.sweep.run(small, threads=2)\n"
            f"np.save({str(out)!r}, r.outputs.to_numpy())\n"
            "assert threads() == baseline, ('threads after a sweep', threads(), 'baseline', baseline)\n")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_ctrl_c_stops_a_long_sweep_and_leaks_nothing(interrupted, tmp_path):
    # 2^32 scenarios run for many minutes: stopping within the 30 s timeout means the Ctrl-C was
    # heard (the engine polls for signals every 50 ms).
    long = spec(n=2**32, summary_only=True)
    out = tmp_path / "after.npy"
    interrupted(f"aci_cost.sweep.run({long!r}, threads=2)", wait=1.0, timeout=30,
                before=BASELINE, after=after_interrupt(out))
    fresh = sweep.run(SMALL, threads=2).outputs.to_numpy()
    assert np.array_equal(np.load(out).view(np.uint64), fresh.view(np.uint64))


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_ctrl_c_stops_a_directory_sweep_and_releases_the_directory(interrupted, tmp_path):
    long = spec(n=2**32, summary_only=True)
    directory = tmp_path / "long"
    out = tmp_path / "after.npy"
    # After Ctrl-C the directory is unlocked (a new run reaches the manifest check: another
    # chunk_rows is refused by name, not as "being written by another run") and holds no temporary entry.
    check = ("try:\n"
             f"    aci_cost.sweep.run_to_directory({long!r}, {str(directory)!r}, chunk_rows=7)\n"
             "    raise AssertionError('a run with another chunk_rows was accepted')\n"
             "except ValueError as e:\n"
             "    assert 'chunk_rows = 1000000 in the directory, 7 in this run' in str(e), str(e)\n"
             f"assert not [p for p in os.listdir({str(directory)!r}) if p.endswith('.tmp')]\n")
    interrupted(
        f"aci_cost.sweep.run_to_directory({long!r}, {str(directory)!r}, chunk_rows=1_000_000, threads=2)",
        wait=1.5, timeout=30, before=BASELINE, after=after_interrupt(out) + check)
    fresh = sweep.run(SMALL, threads=2).outputs.to_numpy()
    assert np.array_equal(np.load(out).view(np.uint64), fresh.view(np.uint64))


# ---- a Dask worker killed mid-sweep ---------------------------------------------------------

@dataclass(frozen=True)
class KillsItsWorkerOnce:
    """A model function that kills its own process (SIGKILL, as the OOM killer would) the first
    time it runs while `flag` is absent, then computes like any other."""

    flag: str

    def __call__(self, columns):
        try:
            with open(self.flag, "x"):
                pass
        except FileExistsError:
            pass
        else:
            os.kill(os.getpid(), signal.SIGKILL)
        x1, x2 = columns["x1"], columns["x2"]
        return {"y": np.sin(x1) + 7 * np.sin(x2) ** 2, "z": x1 * x2}


def test_a_dask_worker_killed_mid_sweep_leaves_a_complete_identical_result(tmp_path, extra):
    distributed = extra("dask.distributed")
    from aci_cost import dask as aci_dask

    flag = tmp_path / "killed"
    model = sweep.Model("kills_once", {"x1": (-math.pi, math.pi), "x2": (-math.pi, math.pi)}, ["y", "z"],
                        KillsItsWorkerOnce(str(flag)))
    s = {"inputs": [{"name": k, "distribution": {"kind": "uniform", "low": -math.pi, "high": math.pi}} for k in ("x1", "x2")],
         "outputs": ["y", "z"], "design": {"kind": "sobol", "n": 6000, "seed": 3}}
    flag.touch()  # the local run must not kill the test's own process
    local = sweep.run(s, model=model)
    flag.unlink()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        pids = set(client.run(os.getpid).values())
        r = aci_dask.run_sweep(s, client=client, chunks=6, model=model)
        client.wait_for_workers(2, timeout=60)
        after = set(client.run(os.getpid).values())
    assert flag.exists()  # a task did kill its worker...
    assert pids - after  # ...whose process is gone (the nanny started another)
    assert r.outputs.equals(local.outputs) and r.inputs.equals(local.inputs) and r.summary.equals(local.summary)
    assert np.array_equal(r.outputs.to_numpy().view(np.uint64), local.outputs.to_numpy().view(np.uint64))


def test_dask_run_sweep_refuses_bad_retries(extra):
    extra("dask.distributed")
    from aci_cost import dask as aci_dask

    with pytest.raises(ValueError, match=r"retries = -1"):
        aci_dask.run_sweep(spec(), client=object(), retries=-1)


# ---- the resumable directory ----------------------------------------------------------------

@pytest.mark.parametrize("chunk_rows", [37, 1000, 2999, 3000, 4096])
@pytest.mark.parametrize("threads", [1, 2])
def test_a_directory_sweep_equals_the_in_memory_run(tmp_path, chunk_rows, threads):
    s = spec(seed=11)
    ref = sweep.run(s)
    r = sweep.run_to_directory(s, tmp_path / "d", chunk_rows=chunk_rows, threads=threads, chunk=333)
    chunks = -(-3000 // chunk_rows)
    assert r.chunks == {"chunks": chunks, "computed": chunks, "reused": 0, "discarded": 0}
    assert same_bits(r, ref)
    assert same_bits(sweep.read_directory(tmp_path / "d"), ref)
    again = sweep.run_to_directory(s, tmp_path / "d", chunk_rows=chunk_rows, threads=3 - threads)
    assert again.chunks["computed"] == 0 and again.chunks["reused"] == chunks
    assert same_bits(again, ref)
    # The column files are plain NumPy files.
    first = np.load(tmp_path / "d" / "chunk-000000" / "output-1.npy")
    assert np.array_equal(first, ref.outputs["training_debt"].to_numpy()[:chunk_rows])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 400), at_most=st.integers(1, 12), stop_after=st.integers(0, 5),
       kind=st.sampled_from(["monte_carlo", "latin_hypercube", "sobol"]), summary_only=st.booleans())
def test_any_chunking_and_interruption_resumes_to_the_in_memory_run(tmp_path_factory, n, at_most, stop_after, kind,
                                                                    summary_only):
    directory = tmp_path_factory.mktemp("h")
    chunk_rows = -(-n // at_most)  # at most 12 chunks: each is flushed to disk
    s = spec(n=n, seed=n, kind=kind, summary_only=summary_only)
    chunks = -(-n // chunk_rows)

    def stop(index, begin, end, computed):
        if index + 1 >= stop_after:
            raise KeyboardInterrupt

    if stop_after and stop_after < chunks:
        with pytest.raises(KeyboardInterrupt):
            sweep.run_to_directory(s, directory, chunk_rows=chunk_rows, on_chunk=stop)
    log = []
    r = sweep.run_to_directory(s, directory, chunk_rows=chunk_rows, on_chunk=lambda *c: log.append(c))
    kept = stop_after if stop_after and stop_after < chunks else 0
    assert r.chunks["reused"] == kept and r.chunks["computed"] == chunks - kept
    assert [c[3] for c in log] == [k >= kept for k in range(chunks)]
    assert same_bits(r, sweep.run(s))


@dataclass(frozen=True)
class Stalls:
    """A stochastic model that stalls (sleeps an hour) on scenarios >= `stall_from`, as a run
    killed mid-chunk would be, and records the scenarios it evaluates."""

    stall_from: int = -1
    seen: list = field(default_factory=list, compare=False)

    def __call__(self, columns):
        key = columns["draw_key"]
        self.seen.append((int(key.min()), int(key.max())))
        if 0 <= self.stall_from <= int(key.max()):
            time.sleep(3600)
        x1, x2 = columns["x1"], columns["x2"]
        return {"y": np.sin(x1) * x2 + (key % 97) / 97.0, "z": np.cos(x1 + x2)}


STORE_SPEC = {"inputs": [{"name": k, "distribution": {"kind": "uniform", "low": 0, "high": 2}} for k in ("x1", "x2")],
              "outputs": ["y", "z"], "design": {"kind": "latin_hypercube", "n": 5000, "seed": 21}}
ROWS = 800  # 7 chunks


def stalling_model(stall_from=-1):
    return sweep.Model("stalls", {"x1": (0, 2), "x2": (0, 2)}, ["y", "z"], Stalls(stall_from), stochastic=True)


def test_a_sigkilled_directory_sweep_resumes_without_recomputing_or_reading_torn_files(tmp_path):
    directory = tmp_path / "run"
    child = tmp_path / "child.py"
    child.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(HERE)!r})\n"
        "from test_faults import STORE_SPEC, ROWS, stalling_model, sweep\n"
        f"sweep.run_to_directory(STORE_SPEC, {str(directory)!r}, chunk_rows=ROWS, chunk=200, threads=2,\n"
        "                       model=stalling_model(3 * ROWS + 100))\n")
    p = subprocess.Popen([sys.executable, str(child)], env=os.environ.copy())
    manifest = directory / "manifest.json"
    deadline = time.time() + 120
    finished = []
    while time.time() < deadline and p.poll() is None:
        if manifest.exists():
            finished = json.loads(manifest.read_text())["finished"]  # replaced atomically: never half-read
            if len(finished) >= 3:
                break
        time.sleep(0.05)
    assert p.poll() is None, "the child ended before it was killed"
    assert finished == [0, 1, 2]
    time.sleep(0.2)  # into chunk 3, where the model stalls
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    kept = {f: os.stat(f) for c in finished for f in (directory / f"chunk-{c:06d}").iterdir()}
    # What a kill inside the write of chunk 3 leaves: a chunk renamed into place but not listed, with a
    # torn file, and a temporary chunk 4; the resumed run must delete them, never read them.
    (directory / "chunk-000003").mkdir()
    (directory / "chunk-000003" / "output-0.npy").write_bytes(np.lib.format.magic(1, 0) + b"{'descr': '<f8'")
    (directory / "chunk-000004.tmp").mkdir()

    model = stalling_model()
    log = []
    r = sweep.run_to_directory(STORE_SPEC, directory, chunk_rows=ROWS, chunk=200, model=model,
                               on_chunk=lambda *c: log.append(c))
    assert r.chunks == {"chunks": 7, "computed": 4, "reused": 3, "discarded": 2}
    assert [(i, b, e, computed) for i, b, e, computed in log] == [
        (i, i * ROWS, min(5000, (i + 1) * ROWS), i >= 3) for i in range(7)]
    assert min(lo for lo, _ in model.function.seen) == 3 * ROWS  # no scenario of chunks 0-2 evaluated again
    for f, before in kept.items():  # the finished chunks' files are the very ones the killed run wrote
        now = os.stat(f)
        assert (now.st_ino, now.st_mtime_ns, now.st_size) == (before.st_ino, before.st_mtime_ns, before.st_size), f
    ref = sweep.run(STORE_SPEC, model=stalling_model())
    assert same_bits(r, ref)
    assert same_bits(sweep.read_directory(directory), ref)
    assert not [e for e in os.listdir(directory) if e.endswith(".tmp")]


def test_a_seed_left_to_draw_is_the_directorys_on_resumption(tmp_path):
    s = spec(n=1200, seed=None)

    def stop(index, *_):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sweep.run_to_directory(s, tmp_path / "d", chunk_rows=500, on_chunk=stop)
    r = sweep.run_to_directory(s, tmp_path / "d", chunk_rows=500)
    assert r.chunks["reused"] == 1
    assert same_bits(r, sweep.run(spec(n=1200, seed=r.seed)))


def test_a_directory_of_another_sweep_is_refused_naming_the_field(tmp_path):
    d = tmp_path / "d"
    sweep.run_to_directory(spec(n=1000), d, chunk_rows=400)
    with pytest.raises(ValueError, match=r"manifest\.json: spec\.design\.seed = 5 in the directory, 6 in this run"):
        sweep.run_to_directory(spec(n=1000, seed=6), d, chunk_rows=400)
    with pytest.raises(ValueError, match=r"manifest\.json: spec\.design\.n = 1000 in the directory, 1001 in this run"):
        sweep.run_to_directory(spec(n=1001), d, chunk_rows=400)
    with pytest.raises(ValueError, match=r"manifest\.json: chunk_rows = 400 in the directory, 500 in this run"):
        sweep.run_to_directory(spec(n=1000), d, chunk_rows=500)
    other = aci_cost.default_scenario()
    t = other.training
    m = t.model
    m.seed = m.seed + 1
    t.model = m
    other.training = t
    with pytest.raises(ValueError, match=r"manifest\.json: scenario\.\S*seed"):
        sweep.run_to_directory(spec(n=1000), d, other, chunk_rows=400)
    assert same_bits(sweep.read_directory(d), sweep.run(spec(n=1000)))  # untouched by the refusals


def test_bad_arguments_are_value_errors_naming_them(tmp_path):
    s = spec(n=100)
    with pytest.raises(ValueError, match=r"chunk_rows = -5"):
        sweep.run_to_directory(s, tmp_path / "a", chunk_rows=-5)
    with pytest.raises(ValueError, match=r"chunk_rows = 0"):
        sweep.run_to_directory(s, tmp_path / "a", chunk_rows=0)
    with pytest.raises(ValueError, match=r"directory = None"):
        sweep.run_to_directory(s, None)
    with pytest.raises(ValueError, match=r"on_chunk = 3"):
        sweep.run_to_directory(s, tmp_path / "a", on_chunk=3)
    assert not (tmp_path / "a").exists()
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(ValueError, match=r"directory = \".*file\": is a file"):
        sweep.run_to_directory(s, a_file)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match=r"notes\.txt"):
        sweep.run_to_directory(s, foreign)
    assert (foreign / "notes.txt").read_text() == "mine"
    with pytest.raises(ValueError, match=r"manifest\.json = missing"):
        sweep.read_directory(foreign)
    with pytest.raises(ValueError, match=r"sweep\.outputs\[0\] = \"profit\""):
        sweep.run_to_directory(dict(s, outputs=["profit"]), tmp_path / "b")
    assert not (tmp_path / "b").exists()  # a bad spec is refused before the directory is made

    def stop(*_):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sweep.run_to_directory(s, tmp_path / "c", chunk_rows=10, on_chunk=stop)
    with pytest.raises(ValueError, match=r"1 of 10 chunks"):
        sweep.read_directory(tmp_path / "c")


@pytest.mark.parametrize("key, value, message", [
    ("chunk_rows", 0, r"manifest\.json: chunk_rows = 0: must be a whole number >= 1"),  # was SIGFPE
    ("chunk_rows", -1, r"manifest\.json: chunk_rows = -1: must be a whole number >= 1"),
    ("chunk_rows", "400", r"manifest\.json: chunk_rows = \"400\": must be a whole number >= 1"),
    ("finished", [0, None], r"manifest\.json: finished\[1\] = null: must be a chunk number"),
    ("input_names", "x", r"manifest\.json: input_names = \"x\": must be a list of names"),
    # fuzz_sweep_store's finding: a number as the format threw nlohmann's type_error (a RuntimeError here)
    ("format", 2222243474, r"manifest\.json = unreadable: expected a manifest of format"),
])
def test_an_edited_manifest_is_refused_naming_the_field_never_a_crash(tmp_path, key, value, message):
    # Issue 34 item 1: "chunk_rows": 0 crashed read_directory with SIGFPE. Run in a child so that
    # a crash fails this test instead of killing pytest.
    d = tmp_path / "d"
    sweep.run_to_directory(spec(n=1000), d, chunk_rows=400)
    manifest = json.loads((d / "manifest.json").read_text())
    manifest[key] = value
    (d / "manifest.json").write_text(json.dumps(manifest))
    code = ("import sys\nfrom aci_cost import sweep\n"
            "try:\n    sweep.read_directory(sys.argv[1])\n"
            "except ValueError as e:\n    print(e)\n    sys.exit(3)\n")
    r = subprocess.run([sys.executable, "-c", code, str(d)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 3, (r.returncode, r.stderr[-2000:])
    assert re.search(message, r.stdout), r.stdout
    with pytest.raises(ValueError, match=message):  # resuming refuses it as well
        sweep.run_to_directory(spec(n=1000), d, chunk_rows=400)


def test_a_flipped_bit_or_relabelled_columns_are_found_by_the_checksums(tmp_path):
    # Issue 34 item 5: a bit flipped inside a listed chunk was reused by read_directory and by
    # resume; swapped output_names in the manifest relabelled the columns.
    d = tmp_path / "d"
    s = spec(n=1000)
    want = sweep.run(s)
    sweep.run_to_directory(s, d, chunk_rows=400)  # 3 chunks
    manifest = json.loads((d / "manifest.json").read_text())
    assert manifest["checksums"]["1"]["output-0.npy"].startswith("fnv1a64:")
    f = d / "chunk-000001" / "output-0.npy"
    raw = bytearray(f.read_bytes())
    raw[128 + 8 * 17 + 3] ^= 0x10  # one bit of one value, past the header: still a whole .npy file
    f.write_bytes(bytes(raw))
    assert np.load(f).shape == (400,)
    with pytest.raises(ValueError, match=r"chunk-000001/output-0\.npy = checksum fnv1a64:[0-9a-f]{16}: expected"):
        sweep.read_directory(d)
    chunks = []
    again = sweep.run_to_directory(s, d, chunk_rows=400, on_chunk=lambda i, b, e, computed: chunks.append((i, computed)))
    assert chunks == [(0, False), (1, True), (2, False)]  # only the damaged chunk is recomputed
    assert same_bits(again, want) and same_bits(sweep.read_directory(d), want)
    manifest = json.loads((d / "manifest.json").read_text())
    manifest["output_names"][0], manifest["output_names"][1] = manifest["output_names"][1], manifest["output_names"][0]
    (d / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ValueError, match=r"chunk-000000/output-0\.npy = checksum .*names were edited"):
        sweep.read_directory(d)


def test_a_file_system_error_is_an_oserror_with_its_errno(tmp_path):
    import errno
    spec = {"model": "training", "design": {"kind": "monte_carlo", "n": 10, "seed": 1},
            "inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0, "high": 0.1}}]}
    with pytest.raises(OSError) as e:  # was a RuntimeError ("filesystem error: ...")
        sweep.run_to_directory(spec, "/proc/aci_cost_no_such_dir/run")  # /proc refuses new directories, even to root
    assert e.value.errno == errno.ENOENT and "cannot create directories" in str(e.value)


# ---- a model that raises: an error, never a terminate (one parallel_for, issue 26) ----------

RAISING = '''
import sys, numpy as np
from aci_cost import sweep

def f(cols):
    x = cols["x"]
    if (x > 0.9).any():
        raise ValueError("model refuses x > 0.9")
    return {"y": 2 * x}

m = sweep.Model("raising", {"x": (0.0, 1.0)}, ["y"], f)
spec = {"inputs": [{"name": "x", "distribution": {"kind": "uniform", "low": 0, "high": 1}}],
        "design": {"kind": "monte_carlo", "n": 4000, "seed": 1}, "outputs": ["y"]}
caught = []
for call in (lambda: sweep.run(spec, model=m, threads=3, chunk=100),
             lambda: sweep.run({**spec, "summary_only": True}, model=m, threads=2, chunk=64),
             lambda: sweep.sobol(spec, model=m, n=256, seed=1, threads=2, resamples=10),
             lambda: sweep.morris(spec, model=m, trajectories=50, seed=1, threads=2, resamples=10),
             lambda: sweep.tornado(spec, model=m, threads=2, high=0.95)):
    try:
        call()
    except ValueError as e:
        caught.append(str(e))
print(len(caught), caught[0])
'''


def test_a_model_that_raises_in_a_worker_thread_is_an_error_not_a_terminate():
    # Run in a child process: a worker thread letting an exception escape would terminate it
    # (SIGABRT, "terminate called ..."), which a test in this process could not even report.
    r = subprocess.run([sys.executable, "-c", RAISING], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert r.returncode == 0, r.stderr[-2000:]
    assert "terminate" not in r.stderr
    count, message = r.stdout.strip().split(" ", 1)
    assert count == "5" and "model refuses x > 0.9" in message


def test_a_raising_model_reports_the_first_failing_chunk_whatever_the_threads():
    # The engine rethrows the exception of the lowest chunk that failed: the same message for
    # any thread count (the scenario index of the first x > 0.5 is in it).
    def f(cols):
        x = cols["x"]
        if (x > 0.5).any():
            raise ValueError(f"first bad value {x[x > 0.5][0]!r}")
        return {"y": x}

    m = sweep.Model("raising_first", {"x": (0.0, 1.0)}, ["y"], f)
    d = {"inputs": [{"name": "x", "distribution": {"kind": "uniform", "low": 0, "high": 1}}],
         "design": {"kind": "monte_carlo", "n": 2000, "seed": 3}, "outputs": ["y"]}
    messages = set()
    for threads in (1, 2, 3):
        with pytest.raises(ValueError, match="first bad value") as e:
            sweep.run(d, model=m, threads=threads, chunk=10)
        messages.add(str(e.value))
    assert len(messages) == 1


# ---- properties: summaries and out= whatever the threads and chunking ------------------------

@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 3000), chunk=st.integers(1, 5000), threads=st.sampled_from([1, 2, 3]),
       kind=st.sampled_from(["monte_carlo", "latin_hypercube", "sobol"]))
def test_summaries_are_identical_for_any_threads_and_chunking(n, chunk, threads, kind):
    d = spec(n=n, kind=kind, seed=7, summary_only=True)
    one = sweep.run(d)
    other = sweep.run(d, threads=threads, chunk=chunk)
    assert other.summary_states == one.summary_states and other.summary.equals(one.summary)
    # Cut in two ranges and merged (a cluster's tasks): the same states, byte for byte.
    cut = n // 3
    parts = [sweep.run(d, begin=0, end=cut, chunk=chunk), sweep.run(d, begin=cut, end=n, threads=threads)]
    for name in TRAINING["outputs"]:
        assert aci_cost._core.sweep.merge_summary_states([p.summary_states[name] for p in parts]) == \
            one.summary_states[name]


@settings(max_examples=10, deadline=None)
@given(n=st.integers(1, 2000), chunk=st.integers(1, 3000), threads=st.sampled_from([1, 2, 3]))
def test_out_columns_equal_fresh_ones_bit_for_bit(n, chunk, threads):
    d = spec(n=n, seed=11)
    fresh = sweep.run(d)
    target = sweep.run(spec(n=n, seed=12))  # the same shape, other values
    assert same_bits(sweep.run(d, threads=threads, chunk=chunk, out=target), fresh)
