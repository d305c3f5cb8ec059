"""The pool that reads and writes many workbooks: its workers end when okrxl is killed."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from okrxl.excel import pool

# A parent that runs 200 slow jobs in okrxl's pool; each job notes its worker's pid and a line per job.
PARENT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from okrxl.jobs import run_jobs

    out = Path(sys.argv[1])

    def job(number):
        (out / f"pid-{os.getpid()}").touch()
        time.sleep(0.05)
        with (out / "done").open("a") as done:
            done.write(f"{number}\\n")
        return number

    print("started", flush=True)
    run_jobs(job, list(range(200)))
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone, only not yet collected
        return stat.read().split(") ")[1][0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux") or pool.workers() < 2, reason="needs Linux and 2 cores")
def test_killing_okrxl_ends_its_pool_workers_and_their_work(tmp_path):
    with subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path)], stdout=subprocess.PIPE, text=True) as parent:
        assert parent.stdout.readline().strip() == "started"
        _kill_when_working(parent, tmp_path)
    workers = [int(p.name.removeprefix("pid-")) for p in tmp_path.glob("pid-*")]
    time.sleep(3 * pool.WATCH_SECONDS + 0.5)
    assert [pid for pid in workers if _alive(pid)] == []
    done = (tmp_path / "done").read_text().split()
    time.sleep(0.5)
    assert (tmp_path / "done").read_text().split() == done  # nothing written after they ended
    assert len(done) < 200


def _kill_when_working(parent, folder):
    """SIGKILL the parent once every worker has started a job."""
    deadline = time.monotonic() + 20
    while len(list(folder.glob("pid-*"))) < pool.workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(list(folder.glob("pid-*"))) == pool.workers()
    parent.send_signal(signal.SIGKILL)
    parent.wait()


def test_small_jobs_run_in_this_process_and_many_in_parallel_where_there_are_cores():
    assert not pool.in_parallel(pool.PARALLEL_FROM - 1)
    assert pool.in_parallel(pool.PARALLEL_FROM) is (pool.workers() >= 2)
