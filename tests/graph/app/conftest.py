"""The tests that run commands in process leave no query result of pyoxigraph to the garbage
collector (``no_query_result_left_in_a_cycle``, used by the modules that run them).

A pyoxigraph result (``QuerySolutions``) may only be dropped on the thread that made it. One left
in a reference cycle (a test frame holding it, kept by the traceback a ``CliRunner`` result holds)
was freed by whichever thread next ran a collection: in a later test, often the query worker
thread of ``graph.store.query``, which made the collection raise "PyQuerySolutions is
unsendable" as an unraisable exception in an unrelated test. After each such test, what it left
in cycles is collected on this thread, and a query result among it fails the test, naming what
held it. (Two full collections a test: used where commands run in process, not everywhere.)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from types import FrameType

import pyoxigraph as ox
import pytest

_RESULTS = (ox.QuerySolutions, ox.QueryTriples, ox.QueryBoolean)


def _holders(result: object) -> list[str]:
    return [
        f"{frame.f_code.co_name} ({frame.f_code.co_filename}:{frame.f_lineno})"
        for frame in gc.get_referrers(result)
        if isinstance(frame, FrameType)
    ]


@pytest.fixture
def no_query_result_left_in_a_cycle() -> Iterator[None]:
    yield
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, _RESULTS)]
        held = sorted({h for result in left for h in _holders(result)})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()  # freed here, on the thread that made them
    if left:
        pytest.fail(f"{len(left)} query result(s) left in reference cycles, held by {held}")
