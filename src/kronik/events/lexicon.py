"""The event lexicon (``lang/<language>/events.yaml``) compiled into matchers, once per language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kronik.events.anchors import Anchor, Anchors, anchor_or_none
from kronik.resources import load_data


@dataclass(frozen=True)
class Trigger:
    """One entry of the trigger lexicon: a pattern and what it codes."""

    pattern: re.Pattern[str]
    type: str
    mode: str | None
    form: str
    passive: bool = False
    needs: re.Pattern[str] | None = None
    needs_context: re.Pattern[str] | None = None
    clause_verb: bool = False
    factive: bool = False
    future_only: bool = False
    speaker_acts: bool = False
    object_in_pattern: bool = False
    host_subject: bool = False
    addressee_near: bool = False
    contest_prone: bool = False
    mutual: bool = False
    planned_type: str | None = None
    headline_only: bool = False

    @property
    def may_be_talks(self) -> bool:
        """Whether a hit of this trigger may make talks (CONSULT), as planned or as told: the
        gates of the events stage let talks with one state through, since their place may name
        the other."""
        return self.type == "CONSULT" or self.planned_type == "CONSULT"


@dataclass(frozen=True)
class Lexicon:
    """Compiled triggers and the cue-word lists of one language.

    ``first_words`` indexes the triggers by the words they begin with, read from each pattern
    when it is compiled (``kronik.events.anchors``), so that a text's triggers are tried only
    where such a word stands (``trigger_candidates``), not every trigger at every word; the
    ``*_anchor`` fields do the same for the patterns scanned over whole documents.
    """

    triggers: tuple[Trigger, ...]
    # The folded first word -> the ranks (indices in ``triggers``) of the triggers that may
    # begin with it, in rank order; ``indexed`` are all those ranks.
    first_words: dict[str, tuple[int, ...]]
    indexed: tuple[int, ...]
    # The triggers whose first word their pattern does not spell out, and where they may begin.
    unindexed: tuple[int, ...]
    unindexed_starts: re.Pattern[str] | None
    # The first words of the talks (CONSULT) triggers, and whether some talks trigger is
    # unindexed: a document with none of these words has no talks hit (``triggers.holds_talks``).
    talks_words: frozenset[str]
    talks_unindexed: bool
    planned: re.Pattern[str]
    status_barrier: re.Pattern[str]
    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    enemy: re.Pattern[str]
    retaliation: re.Pattern[str]
    hedge: re.Pattern[str]
    additive: re.Pattern[str]
    question: re.Pattern[str]
    contest: re.Pattern[str]
    habitual: re.Pattern[str]
    occasion_modifier: re.Pattern[str]
    cue_window_words: int
    planned_window_words: int
    clause_break: re.Pattern[str]
    possessive_suffix: str
    recipient_preps: frozenset[str]
    request_openers: frozenset[str]
    wronged_preps: frozenset[str]
    location_preps: frozenset[str]
    present_times: frozenset[str]
    coordinators: frozenset[str]
    conjunction: re.Pattern[str]
    joiner: re.Pattern[str]
    determiners: frozenset[str]
    first_person: frozenset[str]
    subject_fillers: frozenset[str]
    verb: re.Pattern[str]
    coordinated_verb: re.Pattern[str]
    reciprocal: re.Pattern[str]
    since: re.Pattern[str]
    simultaneous: re.Pattern[str]
    invitation: re.Pattern[str]
    host_phrase: re.Pattern[str]
    linking_nouns: dict[str, str]
    during: re.Pattern[str]
    during_opening: re.Pattern[str]
    other_occasion: re.Pattern[str]
    unnamed: re.Pattern[str]
    report: re.Pattern[str]
    light_verbs: frozenset[str]
    fact_verbs: frozenset[str]
    occasion_preps: frozenset[str]
    planned_after: re.Pattern[str]
    anniversary: re.Pattern[str]
    ordinals: dict[str, int]
    reported_content: re.Pattern[str]
    shortly_before: re.Pattern[str]
    previous_time: re.Pattern[str]
    date_phrase_ends: frozenset[str]
    sidelines: re.Pattern[str]
    clause_break_anchor: Anchor | None
    sidelines_anchor: Anchor | None
    other_occasion_anchor: Anchor | None

    def trigger_candidates(self, anchors: Anchors, talks_only: bool = False
                           ) -> list[tuple[int, tuple[int, ...]]]:
        """Where in a document a trigger may begin, each place with the ranks of the triggers
        to try there: each word that begins some trigger (every indexed trigger at a word that
        may fold onto ASCII letters ignoring case, "İ"), and each place where an unindexed
        trigger may begin. ``talks_only``: only the words that begin a talks trigger
        (``talks_words``), and no unindexed place (``talks_unindexed`` tells whether one may be)."""
        words = self.talks_words if talks_only else self.first_words.keys()
        found = [(start, self.first_words[word] if word is not None else self.indexed)
                 for start, word in anchors.word_starts(words)]
        if self.unindexed_starts is not None and not talks_only:
            found.extend((match.start(), self.unindexed) for match in self.unindexed_starts.finditer(anchors.text))
        return found


def _words(words: list[str], unless: list[str] | None = None) -> re.Pattern[str]:
    """A pattern matching any of ``words`` as whole words, longest first, but not where one of
    the phrases ``unless`` begins ("konferensi" but not "konferensi pers")."""
    guard = rf"(?!(?:{_alternatives(unless)})(?!\w))" if unless else ""
    return re.compile(rf"(?<!\w){guard}(?:{_alternatives(words)})(?!\w)", re.IGNORECASE)


def _optional(entry: dict, key: str) -> re.Pattern[str] | None:
    return re.compile(entry[key], re.IGNORECASE) if entry.get(key) else None


def _trigger(entry: dict, possessive: str) -> Trigger:
    """One trigger entry compiled. A noun trigger may end in the possessive suffix
    ``possessive`` ("kunjungannya", "pertemuan bilateralnya"), whose owner is the one who acts;
    ``possessive`` is the suffix's pattern, which leaves out a preposition's object pronoun."""
    suffix = f"(?:{possessive})?" if entry.get("form") == "noun" else ""
    return Trigger(
        pattern=re.compile(rf"(?:{entry['pattern']}){suffix}(?!\w)", re.IGNORECASE),
        type=entry["type"], mode=entry.get("mode"), form=entry.get("form", "verb"),
        passive=bool(entry.get("passive")), needs=_optional(entry, "needs"),
        needs_context=_optional(entry, "needs_context"),
        clause_verb=bool(entry.get("clause_verb")), factive=bool(entry.get("factive")),
        future_only=bool(entry.get("future_only")), speaker_acts=bool(entry.get("speaker_acts")),
        object_in_pattern=bool(entry.get("object_in_pattern")),
        host_subject=bool(entry.get("host_subject")),
        addressee_near=bool(entry.get("addressee_near")),
        contest_prone=bool(entry.get("contest_prone")), mutual=bool(entry.get("mutual")),
        planned_type=entry.get("planned_type"), headline_only=bool(entry.get("headline_only")),
    )


@cache
def lexicon(language: str = "id") -> Lexicon:
    """The compiled event lexicon of ``language``."""
    data = load_data("events", language)
    possessive = _possessive(data["possessive_suffix"], data["recipient_preps"])
    triggers = tuple(_trigger(entry, possessive) for entry in data["triggers"])
    first_words, unindexed = _index_triggers(triggers)
    starts = "|".join(f"(?:{data['triggers'][rank]['pattern']})" for rank in unindexed)
    clause_break = re.compile(
        r"[;:]|(?<!\w)(?:" + "|".join(re.escape(w) for w in data["clause_breaks"]) + r")(?!\w)", re.IGNORECASE)
    other_occasion = _words(data["other_occasion_cues"])
    sidelines = _words(data["sidelines_cues"], data["not_sidelines"])
    return Lexicon(
        triggers=triggers,
        first_words=first_words,
        indexed=tuple(sorted({rank for ranks in first_words.values() for rank in ranks})),
        unindexed=unindexed,
        unindexed_starts=re.compile(rf"(?<!\w)(?=(?:{starts}))", re.IGNORECASE) if unindexed else None,
        talks_words=frozenset(word for word, ranks in first_words.items()
                              if any(triggers[rank].may_be_talks for rank in ranks)),
        talks_unindexed=any(triggers[rank].may_be_talks for rank in unindexed),
        planned=_words(data["planned_cues"]),
        status_barrier=_words(data["status_barriers"]),
        negation=_words(data["negation_cues"]),
        hypothetical=_words(data["hypothetical_cues"]),
        enemy=_words(data["enemy_words"]),
        retaliation=_words(data["retaliation_words"]),
        hedge=_words(data["hedge_cues"]),
        additive=_words(data["additive_words"]),
        question=_words(data["question_cues"]),
        contest=_words(data["contest_cues"]),
        habitual=_words(data["habitual_cues"]),
        occasion_modifier=re.compile(rf"\s+(?:{_alternatives(data['occasion_modifiers'])})(?!\w)", re.IGNORECASE),
        cue_window_words=int(data["cue_window_words"]),
        planned_window_words=int(data["planned_window_words"]),
        clause_break=clause_break,
        possessive_suffix=data["possessive_suffix"],
        recipient_preps=frozenset(data["recipient_preps"]),
        request_openers=frozenset(data["request_openers"]),
        wronged_preps=frozenset(data["wronged_preps"]),
        location_preps=frozenset(data["location_preps"]),
        present_times=frozenset(data["present_times"]),
        coordinators=frozenset(data["coordinators"]),
        conjunction=_words(data["coordinators"]),
        joiner=_joiner(data["coordinators"]),
        determiners=frozenset(data["determiners"]),
        first_person=frozenset(data["first_person"]),
        subject_fillers=frozenset(data["subject_fillers"]),
        verb=_verb(data["verb_prefixes"], data["bare_verbs"]),
        coordinated_verb=_before_trigger(data["coordinated_verb_words"], data["coordinated_verb_adverbs"]),
        reciprocal=_before_trigger(data["reciprocal_words"], []),
        since=_before_trigger(data["since_words"], [], any_word=True),
        simultaneous=_words(data["simultaneous_words"]),
        invitation=_words(data["invitation_verbs"]),
        host_phrase=_words(data["host_phrases"]),
        linking_nouns=dict(data["linking_nouns"]),
        during=_during(data["during_preps"], data["linking_nouns"], r"^\W*(?:\w++\W+){0,8}?"),
        during_opening=_during(data["during_preps"], data["linking_nouns"], r"^\W*"),
        other_occasion=other_occasion,
        unnamed=_words(data["unnamed_cues"]),
        report=_words(data["report_cues"]),
        light_verbs=frozenset(data["light_verbs"]),
        fact_verbs=frozenset(data["fact_verbs"]),
        occasion_preps=frozenset(data["occasion_preps"]),
        planned_after=_words(data["planned_after_cues"]),
        anniversary=re.compile(data["anniversary"], re.IGNORECASE),
        ordinals=dict(data["ordinals"]),
        reported_content=_words(data["reported_content"]),
        shortly_before=_words(data["shortly_before"]),
        previous_time=_words(data["previous_time"]),
        date_phrase_ends=frozenset(data["date_phrase_ends"]),
        sidelines=sidelines,
        clause_break_anchor=anchor_or_none(clause_break.pattern),
        sidelines_anchor=anchor_or_none(sidelines.pattern),
        other_occasion_anchor=anchor_or_none(other_occasion.pattern),
    )


def _index_triggers(triggers: tuple[Trigger, ...]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The ranks of the triggers by each first word they may begin with (lower-cased), and the
    ranks of the triggers whose patterns do not spell out their first words."""
    index: dict[str, list[int]] = {}
    unindexed: list[int] = []
    for rank, trigger in enumerate(triggers):
        found = anchor_or_none(trigger.pattern.pattern)
        if found is None or found.signs:
            unindexed.append(rank)
            continue
        for word in found.words:
            index.setdefault(word, []).append(rank)
    return {word: tuple(ranks) for word, ranks in index.items()}, tuple(unindexed)


def _possessive(suffix: str, prepositions: list[str]) -> str:
    """The possessive suffix closing a noun trigger, not on a preposition ending its pattern:
    there it is the preposition's object ("sanksi terhadapnya": against him), no owner."""
    not_after = "".join(rf"(?<!\W{re.escape(p)})" for p in prepositions)
    return f"{not_after}{re.escape(suffix)}"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _joiner(coordinators: list[str]) -> re.Pattern[str]:
    """What may stand between two coordinated parties: a comma and/or a coordinator, or a dash."""
    return re.compile(rf"^\s*(?:,\s*)?(?:(?:{_alternatives(coordinators)})\s+)?$|^\s*[-/–]\s*$",
                      re.IGNORECASE)


def _verb(prefixes: list[str], bare: list[str]) -> re.Pattern[str]:
    """A word that reads as a verb: a verbal prefix and three more letters, or a bare verb."""
    return re.compile(rf"^(?:{_alternatives(prefixes)})\w{{3,}}$|^(?:{_alternatives(bare)})$")


def _before_trigger(words: list[str], adverbs: list[str], any_word: bool = False) -> re.Pattern[str]:
    """One of ``words`` at the end of the text before a trigger or date, optionally followed by
    one of ``adverbs`` (or, with ``any_word``, by any one word: "sejak tahun 2018")."""
    after = rf"(?:(?:{_alternatives(adverbs)})\s+)?" if adverbs else ""
    if any_word:
        after = r"(?:\w++\s+)?"
    return re.compile(rf"(?<!\w)(?:{_alternatives(words)})\s+{after}$", re.IGNORECASE)


def _during(preps: list[str], nouns: dict[str, str], lead: str) -> re.Pattern[str]:
    """A statement's tie to the talks it was made in: ``lead``, a during-word, a talks noun."""
    prep = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    noun = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"{lead}(?:{prep})\s+(?:\w+\s+)?({noun})(?!\w)", re.IGNORECASE)
