"""Time: find temporal expressions and resolve them to intervals against the publication date.

Where the publication date is unknown, it is first inferred from the dates the article states
(``kronik.time.infer``) and marked ``published_inferred``; where nothing allows that, relative
expressions stay unresolved with the error "no anchor".
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

from kronik.document import Document, TimeExpression
from kronik.pipeline import Stage
from kronik.time.find import Mention, find_mentions, years_mentioned
from kronik.time.grammar import lexicon, normal, refers_back
from kronik.time.infer import infer_published
from kronik.time.office import office_years
from kronik.time.resolve import Context, resolve
from kronik.time.tense import CueWords, tense_of
from kronik.tokens import document_tokens


class Time(Stage):
    name = "time"
    requires = ("text", "sentences", "published")
    provides = ("time_expressions", "published_inferred")

    def __init__(self, language: str = "id"):
        """Builds ``language``'s time grammar (about 20 ms of compiling its patterns) when the
        pipeline is built, so that its first article does not wait for it."""
        find_mentions("", language)
        refers_back(language)
        _weekday_names(language)

    def __call__(self, doc: Document) -> Document:
        lex = lexicon(doc.language)
        tokens = document_tokens(doc)
        mentions = find_mentions(doc.text, doc.language, tokens)
        starts = [sentence.start for sentence in doc.sentences]
        bounds = [_sentence_bounds(doc, starts, m.start) for m in mentions]
        cues = CueWords.of(tokens, lex)
        tenses = [tense_of(m, doc.text, b, cues, lex) for m, b in zip(mentions, bounds)]
        if doc.anchor is None:
            years = years_mentioned(doc.text, doc.language) or office_years(doc)
            inferred = infer_published(mentions, tenses, years, lex)
            if inferred is not None:
                doc.published, doc.published_inferred = inferred, True
        resolved: list[TimeExpression] = []
        back, anchor = refers_back(doc.language), doc.anchor
        for mention, tense, sentence in zip(mentions, tenses, bounds):
            pointing = bool(back.match(doc.text, mention.end, sentence[1]))
            context = Context(anchor, tense, tuple(resolved), sentence[0], pointing)
            resolved.append(resolve(mention, context, lex))
        doc.time_expressions = resolved
        doc.warnings.extend(_weekday_warnings(mentions, resolved, doc.language))
        return doc


def _weekday_warnings(mentions: list[Mention], resolved: list[TimeExpression],
                        language: str) -> list[str]:
    """A warning for each date repaired from its weekday, and for each whose written weekday
    is not the day it falls on (the numbers are kept): the text contradicts itself there."""
    lex, names = lexicon(language), _weekday_names(language)
    warnings = []
    for mention, expression in zip(mentions, resolved):
        name = mention.get("wd")
        if name and mention.get("d") and expression.first is not None and not mention.get("d2"):
            actual = expression.first.weekday()
            written = (int(mention.get("d")), int(mention.get("m") or expression.first.month))
            if written != (expression.first.day, expression.first.month):
                warnings.append(f"time: '{expression.text}' is not a real date; read as "
                                f"{expression.first.isoformat()} from its weekday")
            elif actual != lex.weekdays[normal(name)]:
                warnings.append(f"time: '{expression.text}' falls on {names[actual]}, "
                                f"not {name}; the date was kept")
    return warnings


@cache
def _weekday_names(language: str) -> dict[int, str]:
    """Each weekday's number (Monday 0) -> its first name in the word list, capitalised."""
    names: dict[int, str] = {}
    for word, index in lexicon(language).weekdays.items():
        names.setdefault(index, word.capitalize())
    return names


def _sentence_bounds(doc: Document, starts: list[int], offset: int) -> tuple[int, int]:
    """The start and end of the sentence holding ``offset`` (the whole text without sentences),
    found by bisection over the sentences' ``starts`` (sentences are in order, apart)."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < doc.sentences[index].end:
        sentence = doc.sentences[index]
        return sentence.start, sentence.end
    return 0, len(doc.text)
