"""Quality gate: extraction must not fall below the pinned floors on any labelled set.

Five sets: the development articles in ``../shared/corpus`` (seeds, dev), the real articles
of many outlets in ``../shared/corpus/real`` (87, developed on the odd-numbered half, the even
half kept blind), and two sets of invented articles written blind to the code
(``tests/heldout``, later used for development, and ``tests/blind``, kept for measurement;
their README.md files say how). Each is extracted
through the real pipeline and scored by the shared scorer; the floors live in
``quality_floors.json`` so that a change that lowers a figure fails here, visibly.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEV, REAL, SEEDS, extract_and_score, figure

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
TESTS = Path(__file__).resolve().parent
SETS = {"seeds": SEEDS, "dev": DEV, "heldout": TESTS / "heldout", "blind": TESTS / "blind",
        "real": REAL}
# Sets read from one input file in their folder rather than from every file in it.
INPUTS = {"real": REAL / "input.jsonl"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_quality_floors_hold(name: str, tmp_path: Path):
    scores = extract_and_score(SETS[name], tmp_path, INPUTS.get(name))
    assert scores["missing_documents"] == [], f"{name}: articles not extracted"
    below = {key: (figure(scores, key), floor) for key, floor in FLOORS[name].items()
             if figure(scores, key) < floor}
    assert not below, f"{name}: below the floor (figure, floor): {below}"
