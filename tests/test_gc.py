"""Full garbage collections stay short: what lives a few seconds is frozen out of them, and the periodic full
collection still frees the cyclic garbage of pages that went away (no leak)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import weakref

from facilitation.app import keep_collections_short


class Page:
    """Like an element tree: a cycle, freed only by a collection, never by reference counting."""

    def __init__(self) -> None:
        self.me = self


async def until(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.005)


async def test_what_lives_is_frozen_and_cycles_that_left_are_freed_at_the_full_collection() -> None:
    gc.unfreeze()
    task = asyncio.create_task(keep_collections_short(freeze_every=0.01, full_every=1.0))
    try:
        page = Page()
        gone = weakref.ref(page)
        await until(lambda: gc.get_freeze_count() > 0)  # frozen: left out of the collections that stall phones
        del page  # the phone left: its page is cyclic garbage among the frozen objects
        gc.collect()
        assert gone() is not None  # an ordinary collection does not look at frozen objects
        await until(lambda: gone() is None)  # the periodic full collection frees it
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        gc.unfreeze()
