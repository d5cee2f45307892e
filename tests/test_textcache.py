"""``short_text_cache``: short texts are worked out once, long ones every time and never kept."""

from __future__ import annotations

from linter.textcache import LONGEST, short_text_cache


def test_a_short_text_is_worked_out_once_and_a_long_one_every_time_without_being_kept():
    calls = []

    @short_text_cache(16)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short, long = "产出指标", "长" * (LONGEST + 1)
    assert [length(short), length(short), length(long), length(long)] == [4, 4, LONGEST + 1, LONGEST + 1]
    assert calls == [short, long, long]
    assert length.cache_info().currsize == 1  # the long text holds no memory once worked out
    assert length.__name__ == "length"
