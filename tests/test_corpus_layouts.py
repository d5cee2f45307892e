"""The readers on the corpus rows laid out in every layout family (bench/corpus_layouts.py).

The rows are the hand-read ones of tests/corpus/*.expected.yaml; each family prints them anew. A
family far below the others is one the reader learnt from a single document. Floors, as in
test_corpus.py: raise them as the readers improve, never lower them to let a change through.
"""

from __future__ import annotations

import pytest

from bench.corpus_layouts import LAYOUTS, score_layout

EXACT_AT_LEAST = {  # rows of the 221, as read on 7 December 2026
    "pipes": 220,
    "tabs": 220,
    "spaces": 217,
    "cell-per-line": 219,
    "cell-per-paragraph": 217,
    "fused": 183,  # run together: where a name ends and its value begins is often a guess
    "split-columns": 217,
    "narrative": 135,  # 名称值 with no sign between them: a word such as 良好 ends a statement
    "brackets": 215,
}
INVENTED_AT_MOST = 4


def test_every_layout_has_a_floor():
    assert set(EXACT_AT_LEAST) == set(LAYOUTS)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_family(layout):
    score = score_layout(layout)
    assert score.expected == 221  # every expected row, in every layout
    assert score.exact >= EXACT_AT_LEAST[layout], (score.exact, score.expected)
    assert score.invented <= INVENTED_AT_MOST, score.invented
