"""Pausing Python's cycle collector around work that makes many small objects that live on and no
cycles (generating questions, extracting an article): its passes, each full one walking every
object alive (lemma tables, catalogs), only slow such work. It runs again afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the `with` block, then as it was. The objects the block made
    go straight to the oldest generation (freeze, then unfreeze): the young pass that would
    otherwise walk them all on the next allocation (a fifth of a second after generating a large
    bank's questions) finds nothing, and they are walked with the rest at the next full pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
