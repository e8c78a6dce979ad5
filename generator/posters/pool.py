"""The forked process pool that rendering and writing share.

Forked workers inherit the parent's heap: the loaded province, every commune's plan and, when
writing, every parsed PDF. Before forking, ``gc.freeze()`` moves those objects out of the cyclic
garbage collector's reach, so a worker's full collections walk only what the worker itself made
(WeasyPrint's boxes) instead of the whole inherited heap, and do not touch, and so copy, the
parent's pages. Nothing is freed by it that would otherwise be: the parent still needs those
objects until the pool is done, and they are unfrozen afterwards.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


@contextmanager
def forked_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """``jobs`` forked processes, with the parent's objects frozen out of garbage collection meanwhile."""
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool
    finally:
        gc.unfreeze()
