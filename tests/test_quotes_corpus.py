"""Quotes on the development corpus, scored the way ../shared/eval/score.py scores them.

A gold quote is found when its first 60 normalised characters lie inside a predicted quote; its
speaker is right when the gold speaker's last name is in the predicted name, or, for an unnamed
speaker, when the countries agree. The gate holds on the seeds and on the dev set separately.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import kronik
from conftest import SCORER, load_gold

MIN_RECALL = 0.90
MIN_SPEAKER_ACCURACY = 0.95


def scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    spec = importlib.util.spec_from_file_location("kronik_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(folder: Path) -> tuple[list[dict], list[dict]]:
    gold = load_gold(folder)
    predicted = [kronik.extract((folder / g["doc"]).read_text(encoding="utf-8"), source=g["doc"]).to_dict()
                 for g in gold]
    return gold, predicted


@pytest.mark.parametrize("corpus", ["seeds_dir", "dev_dir"])
def test_quote_recall_and_speakers(corpus: str, request: pytest.FixtureRequest):
    score = scorer()
    gold, predicted = extract(request.getfixturevalue(corpus))
    result = score.score(gold, predicted)
    misses = [(g["doc"], q["text"][:50]) for g, p in zip(gold, predicted) for q in g["quotes"]
              if not any(score.norm(q["text"])[:60] in score.norm(x["text"]) for x in p["quotes"])]
    assert result["quote_recall"] >= MIN_RECALL, misses
    assert result["quote_speaker_accuracy"] >= MIN_SPEAKER_ACCURACY, result


@pytest.mark.parametrize("corpus", ["seeds_dir", "dev_dir"])
def test_every_quote_is_long_enough_and_points_into_the_text(corpus: str, request: pytest.FixtureRequest):
    folder = request.getfixturevalue(corpus)
    for gold in load_gold(folder):
        doc = kronik.extract((folder / gold["doc"]).read_text(encoding="utf-8"), source=gold["doc"])
        for quote in doc.quotes:
            assert doc.text[quote.start:quote.end] == quote.text
            assert len(quote.text.split()) >= 6, quote.text
            assert quote.speaker is not None
