"""Which party of a sentence acts: the subject of a trigger.

The subject is the nearest party group before the trigger that stands as one, in the
trigger's clause first, then in the clauses before it: past asides, appositions, titles and
reporting verbs ("X, Menteri ..., mengatakan pasukannya menyerang"), never a party introduced
by a target, agent or topic preposition, nor the object of another verb. A fronted clause
("Setelah bertemu B, A ...") carries the subject that follows it; a noun trigger after a light
verb ("melakukan kunjungan") or a possessive takes the subject of that verb.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kronik.document import Sentence
from kronik.events.parties import LEADING_ABBREVIATION, PREPOSITION_REACH, WORD, Group
from kronik.events.reading import Reading, group_end, group_start
from kronik.events.syntax import PHRASE_BREAK, aside_spans, inside
from kronik.events.triggers import TriggerHit

# How many party groups before a trigger may be its subject: more than a sentence of news names
# in the clauses before its verb, so that the work per trigger is bounded in long sentences.
SUBJECT_GROUPS = 8
# How far before its verb a subject may end, in characters: past a title, a bracketed
# abbreviation, an apposition and a reporting verb ("X, Menteri ..., mengatakan pasukannya").
SUBJECT_GAP_CHARS = 240
# How many words a noun phrase joined to a subject may have ("X dan menteri luar negerinya").
COORDINATED_PHRASE_WORDS = 3
# A reported clause whose agent is the reporter ("kabar ini diperolehnya usai ..."): its
# passive verb (di- ... -nya) stands within this many words of its noun phrase's start.
AGENT_CONTENT_WORDS = 3
# A transitive verb is its prefix and at least three more letters ("me" + "nuduh").
TRANSITIVE_MIN_LETTERS = 4


def subject(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group],
            why: dict[str, str]) -> Group | None:
    """The party that acts: the nearest group before the trigger that stands as a subject,
    in the trigger's clause first, then in the clauses before it."""
    if hit.trigger.form == "noun" and not _after_light_verb(reading, hit, sentence) \
            and not companion(reading, hit, groups) and not _possessed_by_subject(reading, hit):
        if hit.trigger.type != "CONSULT":
            return None
        # talks named in a fronted clause are held by the main clause's subject, talks with a
        # partner by the one who tells them or whose occasion they are
        return _fronted_subject(reading, hit, sentence, groups, why) \
            or _holder_of_talks(reading, hit, sentence, groups, why)
    judged = _judged_for_it(reading, hit, sentence, groups)
    if judged is not None:
        why["actor"] = "object of the judging verb before a causal clause ('karena')"
        return judged
    floor = reading.clause_start(hit.start, sentence.start)
    candidates = [g for g in groups_before(groups, hit.start)
                  if (not g.consumed or _heads_relative(reading, g))
                  and (g.prep not in reading.lexicon.location_preps and g.prep not in reading.not_subject
                       or _relative_of_trigger(reading, g, hit))
                  and not _in_apposition(reading, g, hit.start)]
    owner = _object_owning_it(reading, hit, groups_before(groups, hit.start))
    if owner is not None:
        why["actor"] = "owner of the possessive '-nya': the object just named"
        return owner
    in_clause = [g for g in candidates if g.start >= floor]
    earlier = [g for g in candidates if g.start < floor]
    for scope, suffix in ((in_clause, ""), (earlier, ", clauses back")):
        for group in reversed(scope):
            reason = stands_as_subject(reading, group, hit.start)
            if reason:
                why["actor"] = reason + suffix
                return group
    if reading.cue(reading.lexicon.coordinated_verb, max(sentence.start, hit.start - 12), hit.start):
        shared = _sentence_subject(reading, candidates)
        if shared is not None:
            why["actor"] = "subject shared by coordinated verbs"
        return shared
    before = reading.words_ending_at(hit.start, sentence.start, 1)
    if before and before[0].group(0).lower() in reading.grammar.purpose_words \
            and not reading.cue(reading.lexicon.negation, floor, hit.start, alone=False):
        # a purpose denied ("tidak memiliki cukup waktu untuk menembak") is no act of the subject
        shared = _sentence_subject(reading, candidates)
        if shared is not None:
            why["actor"] = f"subject of the clause a purpose ('{before[0].group(0).lower()}') follows"
        return shared
    if _possessed_by_subject(reading, hit):
        owner = _sentence_subject(reading, candidates)
        if owner is not None:
            why["actor"] = "owner of the possessive '-nya': the sentence's subject"
            return owner
        # "Dalam kunjungannya ke X, <Y> ...": the owner is the subject of the main clause
    return _fronted_subject(reading, hit, sentence, groups, why)


def _judged_for_it(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group]) -> Group | None:
    """"X mengecam Y karena menyerang Z": a verb right after a causal conjunction (past one
    adverb: "karena terus menyerang") has no subject of its own; where the party before the
    conjunction is the object of a verb of judging, that party did the act it is judged for.
    The object stands right after its verb or its target preposition ("menuduh Y", "memprotes
    terhadap Y"), the conjunction right after the object (past a comma)."""
    words = reading.words_ending_at(hit.start, sentence.start, 2)
    grammar = reading.grammar
    conjunction = next((m for m in reversed(words) if m.group(0).lower() in grammar.causal_conjunctions), None)
    if conjunction is None or (conjunction is words[0] and words[1].group(0)[:1].isupper()):
        return None
    before = groups_before(groups, conjunction.start())
    if not before or reading.text[before[-1].end:conjunction.start()].strip(" ,"):
        return None
    judged = before[-1]
    words_before = [w.group(0).lower() for w in reading.words_ending_at(judged.start, sentence.start, 2)]
    verb = words_before[-2:-1] if judged.prep in grammar.prepositions else words_before[-1:]
    return judged if verb and verb[0] in grammar.judging_verbs else None


def companion(reading: Reading, hit: TriggerHit, groups: list[Group]) -> Group | None:
    """"A berfoto dengan B sebelum pertemuan": B, who takes part in the talks with A. A party
    another trigger already took ("bertemu dengan B saat pertemuan KTT") is that trigger's."""
    if hit.trigger.type != "CONSULT":
        return None
    return next((g for g in reversed(groups_before(groups, hit.start))
                 if g.prep in reading.grammar.partner_prepositions and not g.consumed), None)


def groups_before(groups: list[Group], position: int) -> list[Group]:
    """The groups (in text order) that end by ``position``, the last ``SUBJECT_GROUPS`` of them:
    those that may be the subject of a verb there."""
    end = bisect_right(groups, position, key=group_end)
    return groups[max(0, end - SUBJECT_GROUPS):end]


def _after_light_verb(reading: Reading, hit: TriggerHit, sentence: Sentence) -> bool:
    """A noun whose event the subject carries out: "melakukan kunjungan", "rencana kunjungan"."""
    return any(m.group(0).lower() in reading.lexicon.light_verbs
               for m in reading.words_ending_at(hit.start, sentence.start, 3))


def _fronted_subject(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group],
                     why: dict[str, str]) -> Group | None:
    """"Setelah bertemu X, <Y> mengatakan ...", "Bertemu dengan X di Z, Senin (4/3), <Y>
    mengatakan ...": a fronted clause with no subject of its own shares the subject of the
    main clause after its comma. The clause opens with a subordinator, at the sentence's
    start or after a sentence adverb and its comma ("Faktanya, selain ..."), or opens the
    sentence with the trigger's own verb or a light verb before its noun ("Melakukan
    kunjungan ke X, <Y> ..."); no party stands in it before the trigger, only titles and a
    time expression stand between the comma and that subject, and a verb follows the subject."""
    opening = sentence.start
    for match in PHRASE_BREAK.finditer(reading.text, sentence.start, hit.start):
        opening = match.end()
    words = [m.group(0).lower() for m in WORD.finditer(reading.text, opening, hit.start)]
    if words and words[0] in reading.grammar.fronting_subordinators:
        opener = words[0]
    elif opening == sentence.start and _opens_with_verb(reading, hit, words):
        opener = (words or [reading.text[hit.start:hit.end].lower()])[0]
    else:
        return None
    if bisect_left(groups, opening, key=group_start) != bisect_left(groups, hit.start, key=group_start):
        return None
    comma = reading.text.find(",", hit.end, sentence.end)
    index = bisect_left(groups, comma, key=group_start)
    while index < len(groups) and _listed_place(reading, groups[index]):
        index += 1
    if comma < 0 or index == len(groups):
        return None
    group = groups[index]
    if any(not w[:1].isupper() and not reading.in_time(w.lower())
           for w in WORD.findall(reading.text, comma, group.start)) or not _verb_follows(reading, group):
        return None
    why["actor"] = f"subject of the main clause after a fronted clause ('{opener}')"
    return group


def _listed_place(reading: Reading, group: Group) -> bool:
    """A place listed after the fronted clause's own, closed by its comma ("di Istana X,
    <Kota Y>, Senin, Z ..."): the place phrase reaches it across the comma, and a comma
    follows it. A group the place phrase reaches with no comma after it is the main clause's
    subject ("di X, Senin, <Z dan W> menandatangani ...")."""
    return group.prep in reading.lexicon.location_preps and reading.text.startswith(",", group.end)


def _opens_with_verb(reading: Reading, hit: TriggerHit, words: list[str]) -> bool:
    """Whether the trigger's clause opens with the trigger's verb ("Bertemu dengan X, ...")
    or with a light verb right before the trigger's noun ("Menggelar pertemuan dengan X,
    ..."): a verb clause fronted with no subject, whose subject is the main clause's."""
    if not words:
        return hit.trigger.form == "verb"
    return len(words) == 1 and hit.trigger.form == "noun" and words[0] in reading.lexicon.light_verbs


def _holder_of_talks(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group],
                     why: dict[str, str]) -> Group | None:
    """Talks with a partner ("pertemuan dengan Y") are held by the party that says them or
    whose occasion they are: the subject of a reporting verb right before the noun ("X
    mengatakan, pertemuan dengan Y ..."), or the party right before a subordinator or an
    occasion preposition that opens the noun ("X usai pertemuan dengan Y", "kata X saat
    pembicaraan dengan Y", "X dalam pertemuan dengan Y")."""
    after = WORD.search(reading.text, hit.end, min(len(reading.text), hit.end + PREPOSITION_REACH))
    if after is None or not reading.text[hit.end:after.start()].isspace() \
            or after.group(0).lower() not in reading.grammar.partner_prepositions:
        return None
    word = next((m for m in reversed(reading.words_ending_at(hit.start, sentence.start, 2))
                 if m.group(0).lower() not in reading.grammar.complementizers), None)
    if word is None:
        return None
    low = word.group(0).lower()
    if low in reading.grammar.reporting_verbs:
        reason = f"speaker ('{low}') of talks with a partner"
    elif low in reading.grammar.subordinators or low in reading.lexicon.occasion_preps:
        reason = f"party whose occasion ('{low}') the talks are"
    else:
        return None
    end = bisect_right(groups, word.start(), key=group_end)
    holder = groups[end - 1] if end else None
    if holder is None or holder.start < sentence.start or holder.prep in reading.not_subject \
            or not stands_as_subject(reading, holder, word.start()):
        return None
    why["actor"] = reason
    return holder


def _verb_follows(reading: Reading, group: Group) -> bool:
    """Whether a verb (a reporting verb included) follows the group, past adverbs."""
    for match in WORD.finditer(reading.text, group.end, group.end + SUBJECT_GAP_CHARS):
        word = match.group(0).lower()
        if reading.in_entity(match.start()):
            continue
        if reading.lexicon.verb.match(word) or word in reading.grammar.reporting_verbs:
            return True
        if word not in reading.lexicon.subject_fillers and not reading.in_time(word):
            return False
    return False


def _possessed_by_subject(reading: Reading, hit: TriggerHit) -> bool:
    """A noun trigger with the possessive "-nya" ("dukungannya", "serangannya") belongs to
    the subject of its clause ("X menyampaikan dukungannya terhadap Y")."""
    first = WORD.match(reading.text, hit.start)
    return first is not None and first.group(0).lower().endswith(reading.lexicon.possessive_suffix)


def _object_owning_it(reading: Reading, hit: TriggerHit, before: list[Group]) -> Group | None:
    """"X menyambut Y atas kunjungannya", "mendampingi Y dalam kunjungannya": a possessed noun
    trigger right after a verb's object, past only prepositions, belongs to that object."""
    if not before or not _possessed_by_subject(reading, hit):
        return None
    named = before[-1]
    between = reading.text[named.end:hit.start]
    words = [w.lower() for w in WORD.findall(between)]
    linking = reading.grammar.prepositions | reading.lexicon.occasion_preps
    if named.prep in reading.grammar.prepositions or not words or PHRASE_BREAK.search(between) \
            or any(w not in linking for w in words):
        return None
    return named


def _relative_of_trigger(reading: Reading, group: Group, hit: TriggerHit) -> bool:
    """A party whose relative clause the trigger heads ("tindakan balasan dari X yang
    menaikkan tarif", "sanksi terhadap X yang menginvasi Y") is its subject, whatever
    preposition introduces the party: only "yang" and adverbs stand between them."""
    first = WORD.search(reading.text, group.end, hit.start)  # the far groups fail here, unread
    if first is None or first.group(0).lower() not in reading.grammar.relative_pronouns:
        return False
    return all(w.lower() in reading.lexicon.subject_fillers
               for w in WORD.findall(reading.text, first.end(), hit.start)) \
        and not PHRASE_BREAK.search(reading.text, group.end, hit.start)


def _heads_relative(reading: Reading, group: Group) -> bool:
    """A party right before "yang" heads a relative clause whose verb it is the subject of,
    even where it is also the object of the verb before it ("mengecam X yang menyerang Y"),
    past its bracketed abbreviation ("mengecam Amerika Serikat (AS) yang menyerang Y")."""
    abbreviation = LEADING_ABBREVIATION.match(reading.text, group.end)
    end = abbreviation.end() if abbreviation else group.end
    after = WORD.search(reading.text, end, min(len(reading.text), end + PREPOSITION_REACH))
    return after is not None and after.group(0).lower() in reading.grammar.relative_pronouns


def _in_apposition(reading: Reading, group: Group, verb_start: int) -> bool:
    """A party inside a noun phrase set off by commas right after another party ("X, sekutu
    lama Y, mengecam Z"): it describes that party and is not the subject."""
    opening = reading.text.rfind(",", max(0, group.start - PREPOSITION_REACH), group.start)
    closing = reading.text.find(",", group.end, min(verb_start, group.end + SUBJECT_GAP_CHARS))
    if opening < 1 or closing < 0:
        return False
    window = max(0, opening - PREPOSITION_REACH)
    before = reading.text[window:opening].rstrip(" )")
    if not before or not reading.in_entity(window + len(before) - 1):
        return False
    if any(p.title and before.endswith(p.title) for p in group.parties):
        return False  # "<title>, <name>, menolak ...": the name holds the title, no aside
    return not any(reading.lexicon.verb.match(m.group(0).lower())
                   for m in WORD.finditer(reading.text, opening, closing) if not reading.in_entity(m.start()))


def _sentence_subject(reading: Reading, candidates: list[Group]) -> Group | None:
    """The subject of the sentence's first verb, shared by verbs coordinated with "dan"; a
    reporting verb's subject only where no party of another state stands after it ("X
    mengatakan, kapal itu beroperasi di sana dan menuntut ...": the reported clause has no
    party to act)."""
    for index, group in enumerate(candidates):
        following = [m for m in WORD.finditer(reading.text, group.end, group.end + 200)
                     if not reading.in_entity(m.start())]
        for match in following:
            word = match.group(0).lower()
            if word in reading.grammar.reporting_verbs and all(
                    set(g.countries) <= set(group.countries) for g in candidates[index + 1:]):
                return group
            if word in reading.lexicon.subject_fillers or reading.in_time(word):
                continue
            if reading.lexicon.verb.match(word):
                return group
            break
    return None


def stands_as_subject(reading: Reading, group: Group, verb_start: int) -> str | None:
    """Why ``group`` is the subject of the verb at ``verb_start``, or None where it is not.

    Between a subject and its verb may stand adverbs and time words, names and titles,
    asides (brackets, appositions and relative clauses set off by commas) and a reporting
    verb whose clause the subject carries ("X mengatakan pasukannya menyerang"). A party
    right after another verb is that verb's object, unless a relative clause it heads
    holds the verb ("mengecam Israel yang menyerang Iran")."""
    if verb_start - group.end > SUBJECT_GAP_CHARS:
        return None
    asides = aside_spans(reading.text, group.end, verb_start, reading.lexicon.verb, reading.grammar)
    in_entity = reading.in_entity
    between = list(WORD.finditer(reading.text, group.end, verb_start))  # read once for both tests
    words = [m.group(0) for m in between
             if not in_entity(m.start()) and not (asides and inside(m.start(), asides))]
    if _object_of_verb(reading, group):
        opening = words[0].lower() if words else ""
        if opening in reading.grammar.control_words:
            return f"object of a control verb ('{opening}')"
        if group.prep in reading.grammar.passive_reporting_verbs and opening in reading.grammar.subordinators:
            return f"agent of '{group.prep}', subject of the clause '{opening}' opens"
        if opening not in reading.grammar.relative_pronouns:
            return None
    if _names_own_subject(reading, between):
        return None
    reporting = carried = said = None
    if _opens_clause(reading, group) and not reading.text[group.end:verb_start].lstrip().startswith(","):
        words = _past_coordinated_phrase(reading, words)  # not a list's next item (", serta ...")
    skip_to = -1
    for index, word in enumerate(words):
        if index < skip_to:
            continue
        low = word.lower()
        if low in reading.grammar.reporting_verbs:
            reporting = low
        elif reporting and (low in reading.grammar.complementizers or low in reading.grammar.carried_subjects):
            carried = carried or low
        elif reporting and low in reading.grammar.reported_objects:
            said = low  # "X mengatakan hal itu usai ...": valid only before a subordinator
        elif low in reading.grammar.subordinators:
            said = None
            continue
        elif reporting and not carried and (content_end := _agent_content_end(reading, words, index)) is not None:
            said = low  # "X menjelaskan kabar itu diperolehnya usai ...": like "hal itu" above
            skip_to = content_end
        elif not (low in reading.lexicon.subject_fillers or low in reading.grammar.modal_words
                  or reading.in_time(low) or word[:1].isupper()):
            if not reading.lexicon.verb.match(low):
                return None
            break
    if said:
        return None
    if carried:
        return f"subject of the reporting clause ('{carried}')"
    if asides:
        return "subject, past an aside"
    return "subject"


def _agent_content_end(reading: Reading, words: list[str], index: int) -> int | None:
    """Where a reported clause whose passive verb's agent is the reporting subject ends: a
    noun phrase and a passive verb with "-nya" ("kabar ini diperolehnya": X got it) right
    before a subordinator; the index of that subordinator, else None."""
    for end in range(index + 1, min(len(words), index + AGENT_CONTENT_WORDS + 1)):
        low = words[end].lower()
        if low.startswith(reading.grammar.passive_prefixes) and low.endswith(reading.lexicon.possessive_suffix) \
                and reading.lexicon.verb.match(low):
            after = end + 1
            return after if after < len(words) and words[after].lower() in reading.grammar.subordinators else None
        if words[end][:1].isupper() or reading.lexicon.verb.match(low):
            return None
    return None


def _names_own_subject(reading: Reading, between: list[re.Match[str]]) -> bool:
    """Whether a clause reported in the words ``between`` a subject and its verb opens with a
    name of its own that acts for no state ("X mengungkapkan <Hamas> kembali mengancam Y"):
    that name, not X, is the verb's subject. A pronoun for X ("mereka", "pihaknya") is X."""
    reporting = False
    for match in between:
        if reading.in_entity(match.start()):
            entity = reading.entity_at(match.start()) if reporting else None
            if entity is not None and not entity.country and not entity.refers_to:
                return True
            reporting = False
            continue
        word = match.group(0).lower()
        if reporting and (word in reading.grammar.complementizers or reading.in_time(word)):
            continue
        reporting = word in reading.grammar.reporting_verbs
    return False


def _opens_clause(reading: Reading, group: Group) -> bool:
    """Whether the group opens its clause: no word introduces it, or a reporting verb or
    "bahwa" does (a party in a list after a noun or a verb is no subject of its own)."""
    return group.prep is None or group.prep in reading.grammar.complementizers \
        or group.prep in reading.grammar.reporting_verbs


def _past_coordinated_phrase(reading: Reading, words: list[str]) -> list[str]:
    """The words after a noun phrase that "dan"/"serta" joins to the subject ("X dan menteri
    luar negerinya sedang berada di ..."): X acts with it. The phrase is its head noun and up
    to ``COORDINATED_PHRASE_WORDS`` - 1 more words that read as no verb nor adverb. A phrase
    that heads a relative clause ("X dan diaspora yang berada di ...") holds the verb itself:
    the joiner alone is then returned, which keeps the group from standing as the subject."""
    if not words or words[0].lower() not in reading.grammar.phrase_joiners:
        return words
    rest = words[2:]
    for _ in range(COORDINATED_PHRASE_WORDS - 1):
        low = rest[0].lower() if rest else ""
        if not rest or reading.lexicon.verb.match(low) or low in reading.lexicon.subject_fillers \
                or low in reading.grammar.subordinators or reading.in_time(low):
            break
        rest = rest[1:]
    return words[:1] if rest and rest[0].lower() in reading.grammar.relative_pronouns else rest


def _object_of_verb(reading: Reading, group: Group) -> bool:
    """A party right after a transitive verb other than a reporting one ("menuntut X",
    "dikecam X") is its object; not after an intransitive or a noun compound ("juru bicara")."""
    prep = group.prep or ""
    return prep.startswith(reading.grammar.transitive_prefixes) and len(prep) > TRANSITIVE_MIN_LETTERS \
        and bool(reading.lexicon.verb.match(prep)) and prep not in reading.grammar.reporting_verbs \
        and prep not in reading.lexicon.subject_fillers and not reading.lexicon.clause_break.fullmatch(prep)
