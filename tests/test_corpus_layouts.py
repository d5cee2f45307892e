"""The readers on the corpus rows laid out in every layout family (bench/corpus_layouts.py).

The rows are the hand-read ones of tests/corpus/*.expected.yaml; each family prints them anew. A
family far below the others is one the reader learnt from a single document. Floors, as in
test_corpus.py: raise them as the readers improve, never lower them to let a change through.
"""

from __future__ import annotations

import pytest

from bench.corpus_layouts import LAYOUTS, score_layout

EXACT_AT_LEAST = {
    "pipes": 0.97,
    "tabs": 0.98,
    "spaces": 0.97,
    "cell-per-line": 0.97,
    "cell-per-paragraph": 0.97,
    "fused": 0.80,  # run together: where a name ends and its value begins is often a guess
    "split-columns": 0.96,
    "narrative": 0.60,  # 名称值 with no sign between them: a word such as 良好 ends a statement
    "brackets": 0.97,
}


def test_every_layout_has_a_floor():
    assert set(EXACT_AT_LEAST) == set(LAYOUTS)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_family(layout):
    score = score_layout(layout)
    assert score.expected == 221  # every expected row, in every layout
    assert score.exact / score.expected >= EXACT_AT_LEAST[layout], (score.exact, score.expected)
    assert score.invented / score.expected <= 0.03, score.invented
