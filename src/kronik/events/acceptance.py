"""Whether a trigger hit names an event of its sentence, and its status.

A hit is no event where its sentence denies it ("tidak akan menyerang"), puts it in a
condition ("Jika X menyerang Y"), a wish, a question or a habit ("kerap bertemu"), or where a
noun trigger is only the topic of another verb ("mengecam serangan X"). An event is planned
where a cue before it puts it ahead ("akan bertemu"). A gathering's name in the sentence makes
it an event on the sidelines of that gathering unless a word of sequence parts them.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from kronik.document import Quote, Sentence
from kronik.events.parties import WORD
from kronik.events.reading import RIGHT_WINDOW, Reading
from kronik.events.triggers import TriggerHit

# A negation denies an event noun from this many words before it at most: "tidak ada lagi
# serangan" (the negation and two words between); read from negated nouns of real news.
NOUN_NEGATION_WORDS = 3
# How many words before the first of a gathering's name and a trigger a word of sequence may
# stand and still order them ("Setelah melakukan pertemuan ..., A menghadiri forum"): a
# light verb and a noun.
SEQUENCE_LEAD_WORDS = 3
# An analyst's title stands this many words before his name at most where the text first names
# him: "Pakar Hubungan Internasional dari Universitas X, Budi Santosa" (the title, a field of
# four words, the institution of two, the given name).
FORECASTER_INTRODUCTION_WORDS = 10
# The trigger mode of talks named by a noun or verb of negotiating (lang/id/events.yaml).
TALKS_MODE = "talk"
# A demonstrative refers a noun of talks to talks told before from this many words after it at
# most: "dialog resmi tersebut" (one modifier between).
DEMONSTRATIVE_REACH_WORDS = 2
# Kinds of entity that name where talks are held after "di": a place, or a state's name.
PLACE_KINDS = frozenset({"place", "state"})
# Quotation marks: words on either side of one belong to different voices.
QUOTE_MARK = re.compile(r"[\"“”]")


def acceptable(reading: Reading, hit: TriggerHit, sentence: Sentence) -> bool:
    """Whether the hit names an event of its sentence: the words its trigger needs stand around
    it, and no negation, condition, hedge, habit or governing verb takes the event away. A
    headline's bare verb ("Serang", "Kecam") counts only in a headline."""
    trigger = hit.trigger
    if trigger.headline_only and not sentence.is_headline:
        return False
    if trigger.needs and not trigger.needs.search(
            reading.text[hit.end:min(sentence.end, hit.end + RIGHT_WINDOW)]):
        subject = reading.text[max(sentence.start, hit.start - RIGHT_WINDOW):hit.start]
        if not is_passive(reading, hit) or not trigger.needs.search(subject):
            return False
    if trigger.needs_context and not trigger.needs_context.search(reading.text, sentence.start, sentence.end):
        if not reading.doc_mentions(trigger.needs_context):
            return False
    before = reading.words_before_start(hit.start, sentence.start, reading.lexicon.cue_window_words)
    clause = reading.clause_start(hit.start, sentence.start)
    if _negated(reading, hit, sentence, before) or _hypothetical(reading, hit, clause):
        return False
    if _hedged(reading, hit, sentence, before, clause):
        return False
    if _habitual(reading, hit, sentence, clause):
        return False
    if trigger.future_only and not reading.cue(reading.lexicon.planned, reading.words_before_start(
            hit.start, sentence.start, reading.lexicon.planned_window_words), hit.start):
        return False
    if trigger.form == "noun" and _after_other_verb(reading, hit, sentence) \
            and not _after_fact_verb(reading, hit, sentence):
        return False
    if trigger.mode == TALKS_MODE and trigger.form == "noun" and not _talks_held(reading, hit, sentence):
        return False
    return True


def _talks_held(reading: Reading, hit: TriggerHit, sentence: Sentence) -> bool:
    """Whether a noun of talks ("negosiasi", "perundingan", "dialog") names talks held on one
    occasion: a verb holds them ("melakukan pembicaraan"), a demonstrative refers them to talks
    told before ("pembicaraan itu berlangsung selama satu jam", "dialog resmi tersebut"), its
    sentence gives them a time ("pada Senin", "pada 2012") or a place ("di Doha"), or a person
    stands after the noun as their party ("pembicaraan Xi dengan Putin"). Without any of these
    the noun tells of negotiations in general ("negosiasi dengan X telah memasuki tahap akhir",
    "penting ada dialog antara kedua negara", "saat ini negosiasi antara A dan B masih
    berlangsung", "perundingan tidak langsung antara A dan B"): a process spoken of, not an
    event between the states."""
    if any(m.group(0).lower() in reading.lexicon.light_verbs
           for m in reading.words_ending_at(hit.start, sentence.start, 1)):
        return True
    following = itertools.islice(WORD.finditer(reading.text, hit.end, sentence.end),
                                 DEMONSTRATIVE_REACH_WORDS)
    if any(word.group(0).lower() in reading.grammar.demonstratives for word in following):
        return True
    if any(t.end <= sentence.end and t.first is not None and t.text.lower() not in reading.lexicon.present_times
           for t in reading.times_from(sentence.start, sentence.end)):
        return True
    for word in WORD.finditer(reading.text, sentence.start, sentence.end):
        if word.group(0).lower() in reading.lexicon.location_preps:
            place = reading.entity_at(word.end() + 1)
            if place is not None and place.kind in PLACE_KINDS:
                return True
    end = reading.clause_end(hit.end, sentence.end)
    return any(e.kind == "person" for e in reading.entities_from(hit.end, end))


def _negated(reading: Reading, hit: TriggerHit, sentence: Sentence, before: int) -> bool:
    """A negation in the words before a verb trigger (from ``before``) denies it ("tidak akan
    menyerang"); one before an event noun denies it only when it stands next to it ("tidak
    ada serangan"), not where it denies another verb ("belum memberikan tanggapan atas
    serangan X")."""
    if hit.trigger.form == "noun":
        before = reading.words_before_start(hit.start, sentence.start, NOUN_NEGATION_WORDS)
    return reading.cue(reading.lexicon.negation, before, hit.start)


def _hedged(reading: Reading, hit: TriggerHit, sentence: Sentence, before: int, clause: int) -> bool:
    """A wish or possibility in the words before the trigger (from ``before``: "berharap dapat
    bertemu", "kemungkinan serangan"), a question in its clause (from ``clause``), or a
    contest-prone word in a sentence about a sport match: no event took place."""
    lexicon = reading.lexicon
    if reading.cue(lexicon.hedge, before, hit.start) or reading.cue(lexicon.question, clause, hit.start):
        return True
    if reading.text.find("?", hit.end, sentence.end) >= 0:
        return True
    return hit.trigger.contest_prone and reading.cue(lexicon.contest, sentence.start, sentence.end, alone=False)


def _hypothetical(reading: Reading, hit: TriggerHit, clause_start: int) -> bool:
    """Inside a condition ("Jika X menyerang Y, ..."; the trigger's clause begins at
    ``clause_start``): no event. The consequence after the condition's comma is what is
    threatened or planned ("..., kami akan membalas")."""
    if not reading.cue(reading.lexicon.hypothetical, clause_start, hit.start):
        return False
    clause = reading.text[clause_start:hit.start]
    cues = list(reading.lexicon.hypothetical.finditer(clause))  # (one at least: ``cue`` found it)
    rest = clause[cues[-1].end():]
    comma = rest.rfind(",")
    if comma < 0:
        return True
    return hit.trigger.type != "THREATEN" and not reading.lexicon.planned.search(rest[comma:])


def _habitual(reading: Reading, hit: TriggerHit, sentence: Sentence, clause_start: int) -> bool:
    """A habit ("kerap bertemu", "secara rutin berunding") is no event (coding convention 7);
    so are talks or acts named by a noun whose relative clause tells a habit ("perundingan ...
    yang telah berulang kali menemui jalan buntu"; the trigger's clause begins at
    ``clause_start``). A cue inside the trigger, or right after an event noun ("latihan
    militer rutin"), names the kind of one occasion and is no habit."""
    end = reading.clause_end(hit.end, sentence.end, relative_ok=hit.trigger.form == "noun")
    after = hit.end
    modifier = reading.lexicon.occasion_modifier.match(reading.text, after)
    if hit.trigger.form == "noun" and modifier:
        after = modifier.end()
    return reading.cue(reading.lexicon.habitual, clause_start, hit.start) \
        or reading.cue(reading.lexicon.habitual, after, max(after, end))


def _after_other_verb(reading: Reading, hit: TriggerHit, sentence: Sentence) -> bool:
    """A noun trigger right after a verb other than a light verb is that verb's topic; one
    after a preposition of time or occasion, or set off by a comma, names an occasion."""
    end = hit.start
    for match in reversed(reading.words_ending_at(hit.start, sentence.start, 2)):
        word = match.group(0).lower()
        if word in reading.lexicon.light_verbs or word in reading.lexicon.occasion_preps \
                or word in reading.grammar.aim_nouns or "," in reading.text[match.end():end]:
            return False
        end = match.start()
        if reading.lexicon.verb.match(word) and not reading.is_trigger_word(word):
            return True
    return False


def _after_fact_verb(reading: Reading, hit: TriggerHit, sentence: Sentence) -> bool:
    """A noun answered or confirmed ("membalas serangan X") names an act that took place."""
    return any(m.group(0).lower() in reading.lexicon.fact_verbs
               for m in reading.words_ending_at(hit.start, sentence.start, 2))


def is_passive(reading: Reading, hit: TriggerHit) -> bool:
    """A trigger the lexicon marks passive, or a di- verb ("ditandatangani"), whose agent
    follows it, with or without "oleh"."""
    return hit.trigger.passive or (
        hit.trigger.form == "verb"
        and reading.text[hit.start:hit.end].lower().startswith(reading.grammar.passive_prefixes))


def on_sidelines(reading: Reading, hit: TriggerHit, sentence: Sentence,
                 sidelines: tuple[tuple[int, int], ...]) -> bool:
    """Whether a gathering the sentence names is the scene of the trigger's event. "di sela"
    always is (the grammar's ``sideline_words``); a gathering's name is not where a word of
    sequence stands between them or just before the first of them ("Forum itu digelar
    setelah A bertemu B", "Setelah bertemu B, A menghadiri forum"), nor where the first
    stands in a clause such a word opens ("Setelah pertemuan bilateral serta pertemuan
    empat mata, A menghadiri forum")."""
    for start, end in sidelines:
        cue = reading.text[start:end].lower()
        if any(word in cue for word in reading.grammar.sideline_words):
            return True
        first = min(start, hit.start)
        between = reading.text[end:hit.start] if end <= hit.start else reading.text[hit.end:start]
        opener = WORD.search(reading.text, sentence.start, first) \
            if "," not in reading.text[sentence.start:first] else None  # in a fronted clause
        words = [m.group(0) for m in reading.words_ending_at(first, sentence.start, SEQUENCE_LEAD_WORDS)] \
            + WORD.findall(between) \
            + ([opener.group(0)] if opener else [])
        if not any(w.lower() in reading.grammar.sequence_words for w in words):
            return True
    return False


def event_status(reading: Reading, hit: TriggerHit, sentence: Sentence) -> str:
    """"planned" where a cue before the trigger (or, for talks, after it in its clause) puts
    the event ahead; else "occurred"."""
    if hit.trigger.future_only:
        return "occurred"
    start = reading.words_before_start(hit.start, sentence.start, reading.lexicon.planned_window_words)
    # (Where no planned cue stands in the words before, none stands in a part of them.)
    if reading.cue(reading.lexicon.planned, start, hit.start):
        before = reading.text[start:hit.start]
        # A planned cue before a topic word governs another verb ("agar X dapat memprotes
        # insiden serangan ..."): the event named as the topic has happened.
        before = reading.lexicon.status_barrier.split(before)[-1]
        # A quotation mark between a cue and the trigger parts the speaker's words from the
        # narrator's ('"... ini akan memakan waktu," kata X ketika kunjungan ke Y').
        before = QUOTE_MARK.split(before)[-1]
        if reading.lexicon.planned.search(before):
            return "planned"
    if hit.trigger.type == "CONSULT" and reading.cue(
            reading.lexicon.planned_after, hit.end, reading.clause_end(hit.end, sentence.end)):
        return "planned"
    return "occurred"


def _introduced_as_forecaster(reading: Reading, name: str | None) -> bool:
    """Whether a speaker no state is known for is an analyst by the words the text first names
    him after ("Pakar hubungan internasional dari Universitas X, Budi Santosa, ..."; quoted
    later as "kata Santosa")."""
    last = WORD.findall(name or "")
    first = re.search(rf"(?<!\w){re.escape(last[-1])}(?!\w)", reading.text) if last else None
    if first is None:
        return False
    words = reading.words_ending_at(first.start(), 0, FORECASTER_INTRODUCTION_WORDS)
    return any(w.group(0).lower() in reading.grammar.forecaster_words for w in words)


def predicted_by_another(reading: Reading, hit: TriggerHit, sentence: Sentence,
                         actor_countries: frozenset[str], quote: Quote | None) -> bool:
    """Whether a planned act ("akan menyerang") is told by a speaker who is an analyst or acts
    for another state than the actor, in the content of a reporting verb or in a quotation:
    "Pakar X mengatakan A akan terus menyerang B", "Presiden B mengatakan A akan menyerang",
    '"A akan menyerang kami," kata Menlu B' are forecasts, not threats A made. A speaker of
    the actor's own state ("Menlu A mengatakan A akan ..."), or none named, leaves the act the
    actor's threat; so does a quoted speaker no state is known for, unless the text introduces
    him as an analyst ('"A akan terus menyerang B," kata Santosa' after "Pakar ..., Budi
    Santosa")."""
    if quote is not None and quote.speaker is not None:
        if quote.speaker.country is None:
            return _introduced_as_forecaster(reading, quote.speaker.name)
        return quote.speaker.country not in actor_countries
    verb = None
    for word in WORD.finditer(reading.text, sentence.start, hit.start):
        if word.group(0).lower() in reading.grammar.reporting_verbs:
            verb = word
    if verb is None:
        return False
    subject_words = " ".join(w.lower() for w in WORD.findall(reading.text, sentence.start, verb.start()))
    if any(f" {title} " in f" {subject_words} " for title in reading.grammar.forecaster_words):
        return True
    index = bisect_left(reading.entity_starts, verb.start()) - 1
    while index >= 0 and reading.entities[index].end > verb.start():
        index -= 1
    if index < 0 or reading.entities[index].start < sentence.start:
        return False
    speaker = reading.entities[index]
    return speaker.country is not None and speaker.country not in actor_countries
