"""The extraction pipeline: small stages over one ``Document``.

Each stage names the fields it needs (``requires``) and the fields it fills (``provides``).
``Pipeline`` checks the chain when it is built, so a missing or misordered stage fails at
start-up with a clear message instead of deep inside a run.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import ClassVar

from kronik.document import Document
from kronik.errors import PipelineError

# Container objects allocated (less those freed) before the collector walks the youngest
# generation: Python's default of 700 makes it walk several times inside every article, whose
# stages make and drop tens of thousands of short-lived tuples, lists and records that
# reference counting frees anyway. Twenty thousand walks it far less often (1.6% fewer
# instructions per real article) and leaves at most that many objects of cyclic garbage
# waiting, a few MB.
YOUNG_OBJECTS_BEFORE_COLLECTION = 20_000


class Stage:
    """One step of the pipeline. Subclasses set ``name``, ``requires``, ``provides``."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError


class Pipeline:
    """An ordered chain of stages whose requirements were checked when it was built."""

    INITIAL_FIELDS: ClassVar[frozenset[str]] = frozenset({"raw_text", "source", "url", "published"})

    def __init__(self, stages: Sequence[Stage]):
        available = set(self.INITIAL_FIELDS)
        for stage in stages:
            missing = [f for f in stage.requires if f not in available]
            if missing:
                raise PipelineError(
                    f"stage '{stage.name}' needs {', '.join(missing)}, which no earlier stage provides")
            available.update(stage.provides)
        self.stages = list(stages)
        self._data_frozen = False

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, doc: Document, spent: dict[str, float] | None = None) -> Document:
        """Run every stage on ``doc``; with ``spent``, add each stage's CPU seconds to it under
        the stage's name (the benchmark's per-stage table, on the path every caller takes)."""
        if spent is None:
            for stage in self.stages:
                doc = stage(doc)
        else:
            for stage in self.stages:
                began = time.process_time()
                doc = stage(doc)
                spent[stage.name] = spent.get(stage.name, 0.0) + time.process_time() - began
        doc.tokens = None  # the stages' shared token layer is not kept with the result
        if not self._data_frozen:
            _freeze_loaded_data()
            self._data_frozen = True
        return doc

    def run(self, text: str, *, published: date | datetime | str | None = None,
            source: str | None = None, url: str | None = None) -> Document:
        """Extract one article given as text (plain text; HTML is converted by the reader)."""
        doc = Document(raw_text=text, source=source, url=url)
        if published is not None:
            doc.published = _as_date(published)
            doc.published_given = True
        return self(doc)

    def warm(self, text: str, published: date | datetime | str | None = None) -> None:
        """Run one invented article through the stages and drop the result: what they load on
        first use (lexicons, the knowledge base, compiled patterns; about a quarter of a second)
        is then loaded, and frozen for the collector, when the pipeline is built rather than
        inside the first real article."""
        self.run(text, published=published)

    def run_many(self, docs: Iterable[Document]) -> Iterable[Document]:
        for doc in docs:
            yield self(doc)


def _freeze_loaded_data() -> None:
    """Take every object now alive out of the garbage collector's generations (``gc.freeze``).

    Called once a pipeline has run its first document (its warm-up article), when its stages have loaded what they
    load on first use (lexicons, the knowledge base, compiled patterns: about 50,000 objects
    kept for the life of the process). The collector then no longer walks them on each of its
    full passes over the objects that articles leave behind (about 1.7% of the instructions of
    an extraction), and worker processes forked afterwards (``kronik.scale.processes``) do not
    copy the memory pages that such a walk would write to. The youngest generation is then
    walked only every ``YOUNG_OBJECTS_BEFORE_COLLECTION`` allocations.
    """
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTION)


def _as_date(value: date | datetime | str) -> date | datetime:
    if isinstance(value, (date, datetime)):
        return value
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise PipelineError(f"published date '{value}' is not an ISO 8601 date") from exc
    return parsed if ("T" in text or " " in text) else parsed.date()


def default_pipeline() -> Pipeline:
    """The full Indonesian pipeline: clean, metadata, sentences, entities, time, quotes, events,
    warmed up on the language's invented article (``lang/id/warmup.yaml``)."""
    # What the stages load (about 70,000 objects that live as long as the process) is made with
    # the collector already at the threshold it keeps once they are frozen: at Python's default
    # it walks the young generations some 200 times over objects that all survive, about a
    # fifth of the CPU time of building.
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTION)
    from kronik.stages.clean import Clean
    from kronik.stages.entities import Entities
    from kronik.stages.events import Events
    from kronik.stages.metadata import Metadata
    from kronik.stages.quotes import Quotes
    from kronik.stages.sentences import Sentences
    from kronik.stages.timex import Time

    from kronik.resources import load_data

    pipeline = Pipeline([Clean(), Metadata(), Sentences(), Entities(), Time(), Quotes(), Events()])
    warmup = load_data("warmup")
    pipeline.warm(warmup["text"], published=warmup["published"])
    return pipeline
