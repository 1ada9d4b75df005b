"""The citation tests read each table of forms through every backend of the cell pass
(extractors.citing.cell), as eyecite runs each of its find tests through every tokenizer: a case
the backends read differently fails under the one that is wrong."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from extractors import get_citations
from extractors.citing.cell import BACKENDS, Backend, read_cell
from extractors.models import Citation

Cite = Callable[[str], list[Citation]]


def reader(backend: Backend) -> Cite:
    """What reads a cell through ``backend``: the public ``get_citations`` for the fast backend
    (its cell skip and cache included), the cell pass itself for the general one."""
    return get_citations if backend == "fast" else partial(read_cell, backend=backend)


@pytest.fixture(params=BACKENDS)
def cite(request: pytest.FixtureRequest) -> Cite:
    """One cell's citations, read by each backend in turn."""
    return reader(request.param)
