"""What the build keeps of each list until its commit, packed: pickled and compressed.

A list's part of the derived facts that needs the store to name it (``derived.Collector``'s
counts per article and authorities, and per authorities and power type) waits for the commit at
the build's end, when the store holds the authorities' and types' labels. As Python objects that
was some 84 KB a 300-item list (a key per article it cites, each with its own IRI strings), some
280 MB at 1 M items, held while Oxigraph's loader holds its batches: the build's peak. Pickled
and compressed it is some 4 KB, packed in a fraction of a millisecond (docs/national.md).

>>> from collections import Counter
>>> unpack(pack(Counter({("urn:a", ("urn:o",)): 2}))) == Counter({("urn:a", ("urn:o",)): 2})
True
"""

from __future__ import annotations

import pickle
import zlib
from typing import Any

#: zlib's fastest level: these counts compress some fivefold at it, and the build packs every list
_LEVEL = 1


def pack(value: Any) -> bytes:
    """``value`` (plain values, as a worker of ``--jobs N`` hands back) as compact bytes."""
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), _LEVEL)


def unpack(data: bytes) -> Any:
    """The value ``pack`` made ``data`` of (this build's own bytes, never read from outside)."""
    return pickle.loads(zlib.decompress(data))
