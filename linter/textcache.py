"""``short_text_cache``: an LRU cache for functions of one text that keeps only short texts.

Labels, cells and values repeat table after table, so the readers and checks remember what they
made of each. A long text (a run-on line of prose, an OCR page in one cell) is met once, and kept,
it would hold its memory until pushed out: four thousand entries of a few kilobytes each are tens
of megabytes. Longer texts are worked out every time instead.
"""

from __future__ import annotations

from functools import lru_cache, wraps

LONGEST = 200  # characters: far beyond any label or value, short of a paragraph


def short_text_cache(maxsize: int):
    """An LRU cache of ``maxsize`` for a function of one text, caching only short texts."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str):
            return cached(text) if len(text) <= LONGEST else function(text)

        call.cache_info = cached.cache_info  # type: ignore[attr-defined]  # as lru_cache's own wrapper has
        return call

    return decorate
