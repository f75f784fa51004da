"""The years an undated article can be from, read off the offices of the persons it titles.

An article that states no year and has no publication date may still name its actors in
office: "Presiden Joko Widodo", "Menteri Perdagangan Zulkifli Hasan". News titles a person
by the office held at the time of the story, so the story falls in the years that every
person so titled held office (by the knowledge base's dated roles). Where those years are few,
a weekday beside a day and month ("Selasa (17/10)") picks the one year among them in which
that day is that weekday (``kronik.time.infer``).
"""
from __future__ import annotations

import re

from kronik.actors.kb import KnowledgeBase
from kronik.actors.recognise import grammar
from kronik.document import Document, Entity

# The longest stretch of years an answer may span: the weekday's year is then sought in it and
# one year either side (five years in all), and a day and month fall on the same weekday
# again only after 5, 6 or 11 years, so at most one year there gives the written weekday.
MAX_OFFICE_YEARS = 3
# How far before a name its title may end: the title's complement and a comma stand between
# them at most ("Presiden China, Xi Jinping").
TITLE_GAP_CHARS = 40
WORD = re.compile(r"\w+")


def office_years(doc: Document, kb: KnowledgeBase | None = None) -> list[int]:
    """The years in which every person the text titles in office held one of their roles,
    where they are at most ``MAX_OFFICE_YEARS``; else none. A person titled as a former
    holder ("mantan Presiden X") tells nothing of the story's years; a role still held has no
    last year, so the others must bound it."""
    kb = kb or KnowledgeBase.default()
    lowered = doc.text.lower()
    first, last = None, None
    for entity in doc.entities:
        span = _office_span(doc, lowered, entity, kb)
        if span is None:
            continue
        start, end = span
        first = start if first is None else max(first, start)
        if end is not None:
            last = end if last is None else min(last, end)
    if first is None or last is None or not 0 <= last - first < MAX_OFFICE_YEARS:
        return []
    return list(range(first, last + 1))


def _office_span(doc: Document, lowered: str, entity: Entity,
                 kb: KnowledgeBase) -> tuple[int, int | None] | None:
    """The first and last year (None while still held) of the roles a person held under the
    title the text gives right before the name; None for anyone else, and for a title the
    knowledge base lists no role under (its list of a person's offices may be incomplete)."""
    if entity.kind != "person" or not entity.name or not entity.title or not _titled_here(doc, lowered, entity):
        return None
    match = kb.person(entity.name)
    title = entity.title.lower()
    roles = [role for role in (match.person.roles if match else ())
             if role.title and title.startswith(role.title.lower())]
    if not roles:
        return None
    still_held = any(role.end is None for role in roles)
    return (min(role.start.year for role in roles),
            None if still_held else max(role.end.year for role in roles if role.end is not None))


def _titled_here(doc: Document, lowered: str, entity: Entity) -> bool:
    """Whether the entity's title stands in the text (``lowered``: in lower case) right before
    its name, not after a marker of a former holder ("mantan", "eks")."""
    start = max(0, entity.start - len(entity.title) - TITLE_GAP_CHARS)
    at = lowered.rfind(entity.title.lower(), start, entity.start)
    if at < 0:
        return False
    before = WORD.findall(doc.text[max(0, at - TITLE_GAP_CHARS):at].lower())
    return not before or before[-1] not in grammar(doc.language).former
