"""The process pool that reads and writes many workbooks at once, and whose workers die with okrxl.

okrxl reads (consolidate, check) and writes (generate, rollover) workbooks in parallel from 40
files on. When the okrxl process is killed (Ctrl-C twice, `kill -9`, a closed terminal), a plain
`ProcessPoolExecutor`'s workers would go on reading and writing the files queued to them; here each
worker watches its parent and exits as soon as the parent is gone.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PARALLEL_FROM = 40
"""From this many files on, they are read or written by a pool of processes, one per core."""
WATCH_SECONDS = 0.2
"""How often a worker looks whether its parent is still there (where the system cannot tell it)."""


def workers() -> int:
    """How many processes a pool has: one per core, at most 8."""
    return min(os.cpu_count() or 1, 8)


def in_parallel(count: int) -> bool:
    """Whether `count` files are worth a pool on this machine."""
    return count >= PARALLEL_FROM and workers() >= 2


def worker_pool(initializer=None, initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of `workers()` processes that exit when the process that made them is gone."""
    return ProcessPoolExecutor(max_workers=workers(), initializer=_start_worker, initargs=(initializer, initargs))


def _start_worker(initializer, initargs: tuple) -> None:
    _die_with_parent()
    if initializer is not None:
        initializer(*initargs)


def _die_with_parent() -> None:
    """End this worker within WATCH_SECONDS of its parent: a thread watches the parent's process id,
    which becomes another (the system's) when the parent is gone."""
    parent = os.getppid()
    if parent == 1:  # the parent died before the pool started this worker
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="okrxl-parent-watch", daemon=True).start()
