"""The pipeline checks its chain of stages when it is built."""
from __future__ import annotations

import gc

import pytest

import kronik
from kronik.document import Document
from kronik.errors import PipelineError
from kronik.pipeline import Pipeline, Stage


class NeedsEntities(Stage):
    name = "needs-entities"
    requires = ("entities",)
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc


def test_missing_requirement_fails_at_build_time():
    with pytest.raises(PipelineError, match="needs-entities.*entities"):
        Pipeline([NeedsEntities()])


def test_default_pipeline_is_complete_and_ordered():
    names = kronik.pipeline().names
    assert names[0] == "clean"
    assert names.index("time") < names.index("events")
    assert names.index("quotes") < names.index("events")


def test_caller_given_date_wins():
    doc = kronik.extract("Senin lalu kedua menteri bertemu di Jakarta.", published="2024-03-06")
    assert doc.to_dict()["published"] == "2024-03-06"
    assert doc.published_inferred is False


def test_malformed_caller_date_is_a_clear_error():
    with pytest.raises(PipelineError, match="not an ISO 8601 date"):
        kronik.extract("Teks.", published="kemarin sore")


class LoadsOnFirstUse(Stage):
    """A stage that loads its data with its first document, as the real stages do."""

    name = "loads-on-first-use"
    data: list[dict] = []

    def __call__(self, doc: Document) -> Document:
        if not self.data:
            self.data.append({"lexicon": ["kata"]})
        return doc


def test_data_loaded_by_the_first_document_leave_the_collectors_generations():
    gc.unfreeze()
    pipeline = Pipeline([LoadsOnFirstUse()])
    pipeline.run("Teks pertama.")
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    pipeline.run("Teks kedua.")
    assert gc.get_freeze_count() == 0  # once per pipeline, not per document


def test_the_warm_up_article_runs_every_stage_and_finds_its_events():
    # The default pipeline loads its stages' data on this article when it is built; were it to
    # stop reaching the events stage, the first real article would pay for that loading again.
    from kronik.resources import load_data

    warmup = load_data("warmup")
    doc = kronik.pipeline().run(warmup["text"], published=warmup["published"])
    assert ("CONSULT", "visit") in {(e.type, e.mode) for e in doc.events}
    assert doc.quotes and doc.title


def test_a_pipeline_given_a_tally_adds_each_stages_seconds_to_it():
    spent = {"clean": 1.0}
    pipeline = kronik.pipeline()
    pipeline(Document(raw_text="Peru dan Chili bertemu di Lima pada Senin (4/3/2024).", source="a"), spent)
    assert set(spent) == set(pipeline.names)
    assert spent["clean"] >= 1.0 and all(seconds >= 0.0 for seconds in spent.values())
