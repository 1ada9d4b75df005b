"""How many sorting threads Oxigraph's bulk loader runs, and so how many of its batches it holds.

pyoxigraph 0.5's ``Store.bulk_load`` reads a million quads at a time and sorts each batch on a
thread of its own while it reads the next, with as many sorting threads at once as the cores it
counts when the load starts (Rust's ``available_parallelism``, which on Linux is the calling
thread's CPU affinity); pyoxigraph lets neither the batch nor the threads be set. Each batch in
flight holds some 540 MB (a 100k-item build's loading process peaked at 1,840 MB with two sorting
threads, 1,301 MB with one), so the number of threads is the loader's memory.

``counted_as(cores)`` narrows the calling thread's affinity to ``cores`` of the CPUs it may use
for the moment the loader counts them, and ``widen`` (called on the load's first read, before any
sorting thread is started) gives them all back: the load then runs on every core, with at most
``cores`` sorting threads. ``quanze build --jobs N`` gives its load the cores its workers leave
(``graph.app.pipeline``), one on two cores, which keeps the build within 2 GB (docs/national.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def counted_as(cores: int | None) -> Iterator[Callable[[], None]]:
    """Within it the calling thread may run on ``cores`` of its CPUs (all when ``None``, or when
    it may not use more, or where affinity cannot be set) until the function it gives is called;
    they are all given back then, or at its end."""
    try:
        allowed = os.sched_getaffinity(0)
    except AttributeError:  # not on Linux: the loader counts what it counts
        allowed = None
    if allowed is None or cores is None or len(allowed) <= max(1, cores):
        yield _nothing
        return
    os.sched_setaffinity(0, sorted(allowed)[: max(1, cores)])
    narrowed = True

    def widen() -> None:
        nonlocal narrowed
        if narrowed:
            narrowed = False
            os.sched_setaffinity(0, allowed)

    try:
        yield widen
    finally:
        widen()


def _nothing() -> None:
    """Nothing was narrowed: nothing to give back."""
