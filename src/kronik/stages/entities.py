"""Entities: every mention of an actor or a place in the text, resolved, each with its reason.

States (and capitals and seats standing for them), organisations, institutions of a state,
people known to the knowledge base or introduced by a title ("Menteri Keuangan AS <name>"),
place names, and the references that point back to them (surnames, role mentions, pronouns,
"kedua pemimpin"). Recognition is ``kronik.actors.recognise``; coreference
``kronik.actors.coref``. A person's role, and so their state, is looked up on the article's
date (``Document.anchor``).

Consumers: a mention with ``part_of`` set only modifies another one (the state in "militer
China"), and ``refers_to`` lists the mentions a reference was resolved from.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache, partial
from itertools import repeat
from operator import attrgetter

from kronik.actors.coref import Coreference
from kronik.actors.kb import KnowledgeBase
from kronik.actors.recognise import Found, Recogniser
from kronik.document import Document, Entity
from kronik.pipeline import Stage
from kronik.tokens import document_tokens

_START, _ENTITY = attrgetter("start"), attrgetter("entity")


class Entities(Stage):
    name = "entities"
    requires = ("text", "sentences")
    provides = ("entities",)

    def __init__(self, kb: KnowledgeBase | None = None, language: str = "id"):
        """``kb``: the knowledge base to resolve with (default: the packaged one). Its
        recogniser and coreference resolver are built here, when the pipeline is, so that
        reading the data files (a few tenths of a second, once per process) is part of
        building the stage and not of its first article."""
        self.kb = kb
        self.language = language
        _tools(kb or KnowledgeBase.default(), language)

    def __call__(self, doc: Document) -> Document:
        recogniser, coreference = _tools(self.kb or KnowledgeBase.default(), self.language)
        tokens = document_tokens(doc)
        on = doc.anchor
        # The starts of the sentences after the first: the number of them at or before an
        # offset is the index of its sentence (text before the first sentence is in it).
        later_starts = list(map(_START, doc.sentences[1:]))
        sentence_of = partial(bisect_right, later_starts)

        found = recogniser.find(doc.text, tokens, on)
        found = coreference.resolve(found, tokens, doc.text, on, sentence_of)
        doc.entities = _entities(found, later_starts if doc.sentences else None)
        return doc


@cache
def _tools(kb: KnowledgeBase, language: str) -> tuple[Recogniser, Coreference]:
    """The recogniser and the coreference resolver of a knowledge base, built once."""
    return Recogniser(kb, language), Coreference(kb, language)


def _entities(found: list[Found], later_starts: list[int] | None) -> list[Entity]:
    """The entities in text order, with ``part_of`` and ``refers_to`` as indices and the
    sentence each starts in, from the starts of the sentences after the first (none where
    the text has no sentences). The sentences are found in C, by one map over the entities."""
    index = dict(zip(map(id, found), range(len(found))))
    entities = list(map(_ENTITY, found))
    sentences = map(bisect_right, repeat(later_starts), map(_START, entities)) \
        if later_starts is not None else repeat(None)
    for item, entity, sentence in zip(found, entities, sentences):
        entity.sentence = sentence
        entity.part_of = index.get(id(item.part_of)) if item.part_of is not None else None
        entity.refers_to = [index[id(r)] for r in item.refers_to if id(r) in index] \
            if item.refers_to else []  # most mentions refer to none: no list to build
    return entities
