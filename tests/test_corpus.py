"""The readers on 36 published documents (tests/corpus/), scored against hand-written expected files.

The totals are asserted, not row by row (bench/corpus_rows.py prints the detail): improving one
layout must never mean rewriting the expected file of another. The floors are what the readers
reach today; raise them as they improve, never lower them to let a change through.
"""

from __future__ import annotations

import pytest

from bench.corpus_rows import documents, score_all, totals

EXPECTED = 221  # rows in the expected files
EXACT_AT_LEAST = 221  # rows read with name, value and normalised 二级 all right
INVENTED_AT_MOST = 2  # rows read that the document does not have
NO_TABLE_AT_MOST = 0  # documents with indicator rows of which no table is read


@pytest.fixture(scope="module")
def scores():
    return score_all()


def test_every_corpus_document_has_an_expected_file():
    from bench.corpus_rows import CORPUS

    texts = sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert texts == documents()
    assert len(texts) == 36


def test_corpus_rows_read_exactly(scores):
    t = totals(scores)
    assert t["expected"] == EXPECTED  # the expected files are all there and read
    assert t["exact"] >= EXACT_AT_LEAST, t


def test_corpus_rows_invented(scores):
    t = totals(scores)
    assert t["invented"] <= INVENTED_AT_MOST, t


def test_corpus_documents_with_no_table(scores):
    assert totals(scores)["no_table"] <= NO_TABLE_AT_MOST
