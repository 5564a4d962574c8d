"""Random draws from a pool without repeats: cheap for a large pool, a shuffle for a small one."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import TypeVar

_T = TypeVar("_T")


def draw_indices(size: int, rng: random.Random, wanted: int) -> Iterator[int]:
    """Random indices into a pool of `size`, without repeats: cheap draws from a large pool, a
    shuffled range for a small one."""
    if size <= 4 * wanted + 4:
        yield from rng.sample(range(size), size)
        return
    seen: set[int] = set()
    for _ in range(4 * wanted + 8):
        index = int(rng.random() * size)  # randrange costs ten times as much in this loop
        if index not in seen:
            seen.add(index)
            yield index


def draw(pool: Sequence[_T], rng: random.Random, wanted: int) -> Iterator[_T]:
    """Random members of `pool`, without repeats."""
    return (pool[index] for index in draw_indices(len(pool), rng, wanted))
