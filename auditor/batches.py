"""Items a batch at a time (pure, a leaf: the state's readers and the report writers share it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

#: articles read from a source at once
BATCH = 200


def batched(items: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """`items` in lists of `size` (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
