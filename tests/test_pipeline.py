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
