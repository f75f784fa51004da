"""Which party of a sentence is acted on: the object of a trigger.

The object is the first party group after the trigger, in its clause, that may be one: a
target preposition ("terhadap", "kepada", "ke") read through its noun phrase, never a topic
("terkait", "soal"), a state of origin before a recipient ("buatan X ... ke Y"), a relation
("sekutu X") or a party set off as an apposition; coordinated parties join it ("X, Y serta
Z"), and an attack on a place takes the places struck with it.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kronik.document import Sentence
from kronik.events.lexicon import Trigger
from kronik.events.parties import NOUN_PHRASE_WORDS, PREPOSITION_REACH, WORD, Group
from kronik.events.reading import RIGHT_WINDOW, Reading, group_start
from kronik.events.syntax import PHRASE_BREAK
from kronik.events.triggers import TriggerHit

# Acts named by a noun whose content clause opens with the one asked ("desakan X agar <Y> ..."):
# that state is the recipient, as the addressee of a request verb is.
ADDRESSED_CONTENT_TYPES = frozenset({"REQUEST"})
# How far after a request verb its addressee may begin, in words ("meminta pemimpin X tersebut").
ADDRESSEE_GAP_WORDS = 3
# How many words the noun phrase of the one accused may hold before its state ("menuduh bahwa
# para pejabat tinggi militer dan pasukan khusus X": six), read no further.
ACCUSED_PHRASE_WORDS = 6
# Verbs of saying something of or to someone, followed by what was said: their object is the
# noun phrase right after them; a party past that phrase and the verb of the complement
# ("menuduh pihak lawan menargetkan warga Y", "memperingatkan semua negara untuk tidak
# membayar kepada Y") is that verb's, not the one accused or asked.
COMPLEMENT_TYPES = frozenset({"ACCUSE", "REQUEST"})
# How many groups may join an object through "dan"/"serta" ("X, Y serta Z").
CONJOINED_GROUPS = 6
# A comma right before a party and its capitalised titles: the party is set off (an apposition).
SET_OFF = re.compile(r",\s*(?:[A-Z][\w.-]*\s+)*$")


def object_of(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group], trigger: Trigger,
              own: frozenset[str] = frozenset()) -> Group | None:
    """The party acted on: the first group after the trigger in its clause that may be
    one. A topic ("terkait X", "soal X") is never the target, nor, in talks, a state of
    origin ("pemain asal X") or a party a talking verb takes without a preposition
    (``companion_verbs``: "berbicara tentang masa depan rakyat X"), nor the actor's own state
    (``own``: "X memperingatkan bahwa kesepakatan yang merugikan X ... oleh Y"); after a
    noun trigger only a party introduced by a target preposition is, past a source
    ("dari X") or an aside. A trigger in a clause fronted by a subordinator ("Dalam
    pertemuan yang sama, X mendesak ... hubungan dengan Y") takes its party before the
    comma that closes that clause: after it, parties belong to the main clause."""
    limit = min(sentence.end, hit.end + RIGHT_WINDOW)
    opening = WORD.match(reading.text, sentence.start)
    if (opening is not None and opening.group(0).lower() in reading.grammar.fronting_subordinators
            and "," not in reading.text[sentence.start:hit.start]):
        comma = reading.text.find(",", hit.end, limit)
        limit = comma if comma >= 0 else limit
    if not trigger.clause_verb:
        end = reading.clause_end(hit.end, sentence.end, relative_ok=trigger.form == "noun")
        if _owning_relative(reading, end):
            end = reading.clause_end(hit.end, sentence.end, relative_ok=True)
        limit = min(limit, max(end, hit.end + 1))
    earliest = hit.start if trigger.object_in_pattern else hit.end
    # a talking verb that takes its partner only through a preposition ("berbicara tentang ...")
    via_preposition = trigger.type == "CONSULT" \
        and reading.text[hit.start:hit.end].split()[0].lower() in reading.grammar.companion_verbs
    for index in range(bisect_left(groups, earliest, key=group_start), len(groups)):
        group = groups[index]
        if group.start > limit:
            break
        if group.prep in reading.lexicon.location_preps and trigger.mode not in ("visit", "multilateral") \
                and trigger.type != "ASSAULT":
            continue
        if _in_topic_of_talks(reading, hit, group):
            return None  # "bertemu ... untuk membahas ekspor ke X": X is part of the topic
        if _wronged_by_labelled_act(reading, hit, group):
            continue  # "menyebut serangan itu sebagai pelanggaran atas kedaulatan X": X is the victim
        if group.prep in reading.grammar.topic_prepositions or _unnamed(reading, group) \
                or _origin_before_recipient(reading, group, groups[index + 1:], limit) \
                or (group.countries and set(group.countries) <= own):
            continue
        if trigger.type == "CONSULT" and (group.prep in reading.grammar.origin_nouns or (
                via_preposition and group.prep not in reading.grammar.prepositions)):
            continue  # "berjumpa pemain asal X", "berbicara tentang masa depan rakyat X": no partner
        if _relational(reading, group):  # "sekutu X" is not X
            return None
        if trigger.form == "noun" and group.prep not in reading.lexicon.recipient_preps \
                and not _after_trigger_preposition(reading, hit, group) \
                and not (trigger.type in ADDRESSED_CONTENT_TYPES and group.prep in reading.lexicon.request_openers):
            if group.prep in reading.grammar.source_prepositions or _set_off(reading, group):
                continue
            return None
        if trigger.addressee_near and not _addressed(reading, hit, group):
            return None
        if trigger.type in COMPLEMENT_TYPES and trigger.form == "verb" and _in_complement(reading, hit, group):
            return None
        found = _with_conjoined(reading, groups, index)
        struck = trigger.type == "ASSAULT" and trigger.form == "verb"
        return _with_struck_places(reading, found, groups, limit) if struck else found
    return None


def _in_complement(reading: Reading, hit: TriggerHit, group: Group) -> bool:
    """Whether the group stands in the complement of the trigger, past its object: a common
    noun (the unnamed object) and then an active verb ("me-") not opening a relative clause
    ("yang") stand between the trigger and the group, in one phrase (a comma parts a list of
    objects: "memprotes pelecehan, penggunaan meriam air, ... yang dilakukan X"). A content
    clause ("menuduh bahwa X ...") is no such complement: its subject is the one accused."""
    noun_seen = False
    previous = ""
    phrase_end = PHRASE_BREAK.search(reading.text, hit.end, group.start)
    for match in WORD.finditer(reading.text, hit.end, phrase_end.start() if phrase_end else group.start):
        word = match.group(0).lower()
        if word in reading.grammar.complementizers:
            return False
        named_or_filler = match.group(0)[:1].isupper() or reading.in_entity(match.start()) \
            or word in reading.lexicon.subject_fillers or word in reading.lexicon.determiners
        if not named_or_filler:
            if not (word.startswith(reading.grammar.active_prefixes) and reading.lexicon.verb.match(word)):
                noun_seen = True
            elif noun_seen and previous not in reading.grammar.relative_pronouns:
                return True
        previous = word
    return False


def _in_topic_of_talks(reading: Reading, hit: TriggerHit, group: Group) -> bool:
    """Whether a purpose word and a verb of talking about something ("untuk membahas", "guna
    membicarakan") stand between the trigger and the group: the group is inside what the talks
    are about ("bertemu di X untuk membahas ekspor ke Y"), not a side of the trigger."""
    grammar = reading.grammar
    previous = ""
    for match in WORD.finditer(reading.text, hit.end, group.start):
        word = match.group(0).lower()
        if word in grammar.topic_verbs and previous in grammar.purpose_words:
            return True
        previous = word
    return False


def _origin_before_recipient(reading: Reading, group: Group, later: list[Group], limit: int) -> bool:
    """A state of origin inside the object ("ventilator buatan X", "produk asal X") with a
    recipient phrase after it ("... ke Y"): the goods come from X and go to Y. Without
    one, the origin is the one acted on ("tarif atas kayu asal X")."""
    return group.prep in reading.grammar.origin_nouns and any(
        g.start <= limit and g.prep in reading.lexicon.recipient_preps for g in later)


def _with_struck_places(reading: Reading, found: Group, groups: list[Group], limit: int) -> Group:
    """An attack's targets with the states it names as where they stand ("target militer X
    di Y dan Z"): each such state is struck too (coding convention 6: one event a pair)."""
    places = [g for g in groups if found.end < g.start <= limit and g.prep in reading.lexicon.location_preps]
    if not places:
        return found
    members = (found.members or [found]) + places
    return Group([m for g in members for m in g.mentions], found.prep, members=members)


def _owning_relative(reading: Reading, position: int) -> bool:
    """Whether a relative clause of control opens at ``position`` ("yang dikuasai X"): it
    belongs to the noun before it, and the verb's target phrase runs through it."""
    match = reading.grammar.relative_opening.match(reading.text, position)
    return match is not None and match.group(1).lower() in reading.grammar.owning_passives


def _relational(reading: Reading, group: Group) -> bool:
    """Whether a noun of relation stands right before the group ("terhadap sekutu X")."""
    words = WORD.findall(reading.text, max(0, group.start - PREPOSITION_REACH), group.start)
    last = next((w for w in reversed(words) if not w[:1].isupper()), None)
    return last is not None and last.lower() in reading.grammar.relational_nouns


def _set_off(reading: Reading, group: Group) -> bool:
    """Whether a comma stands right before the group and its titles (an apposition)."""
    return bool(SET_OFF.search(reading.text, max(0, group.start - PREPOSITION_REACH), group.start))


def _with_conjoined(reading: Reading, groups: list[Group], index: int) -> Group:
    """The group at ``index`` with the groups joined to it by "dan"/"serta" across a short
    noun phrase ("ke wilayah X serta pangkalan militer Y"): the same role, one group. A
    preposition other than the first group's in the phrase opens another role: in "oleh X
    dan sekutu-sekutunya kepada Y" Y receives what X gives."""
    members = [groups[index]]
    for group in groups[index + 1:index + 1 + CONJOINED_GROUPS]:
        words = [w for w in WORD.findall(reading.text, members[-1].end, group.start) if not w[:1].isupper()]
        gap = reading.text[members[-1].end:group.start]
        if (not words or words[0].lower() not in reading.grammar.phrase_joiners
                or len(words) > 1 + NOUN_PHRASE_WORDS or PHRASE_BREAK.search(gap.lstrip(" ,"))
                or any(reading.lexicon.verb.match(w.lower()) or w.lower() in reading.grammar.relational_nouns
                       or _another_role(reading, w.lower(), members[0].prep) for w in words[1:])):
            break
        members.append(group)
    if len(members) == 1:
        return members[0]
    return Group([m for g in members for m in g.mentions], members[0].prep, members=members)


def _wronged_by_labelled_act(reading: Reading, hit: TriggerHit, group: Group) -> bool:
    """Whether the group, past an accusation's label ("... sebagai pelanggaran"), names the one
    the labelled act wronged ("atas kedaulatan X"), not the one accused."""
    trigger = hit.trigger
    return trigger.type == "ACCUSE" and trigger.object_in_pattern and group.start >= hit.end \
        and group.prep in reading.lexicon.wronged_preps


def _another_role(reading: Reading, word: str, prep: str | None) -> bool:
    """Whether ``word`` is a preposition that introduces another role than ``prep`` does (a
    place preposition names where, not who, and is left to the struck places)."""
    return word in reading.grammar.prepositions and word != prep \
        and word not in reading.lexicon.location_preps


def _addressed(reading: Reading, hit: TriggerHit, group: Group) -> bool:
    """A request's addressee is its object, or the subject right after "agar"/"untuk"; the
    one accused stands in the noun phrase after the verb or after "bahwa" ("menuding militer
    dan pasukan khusus X"), with no preposition or verb between: past one, a state names whom
    the object serves ("menuduh para karyawan badan PBB untuk pengungsi X") or belongs to
    another predicate ("menuduh bahwa Y telah dipilih sebagai komandan kelompok X")."""
    if hit.trigger.type != "REQUEST":
        gap = reading.gap_words(hit.end, group.start, ACCUSED_PHRASE_WORDS)
        return gap is not None and not any(
            w.lower() not in reading.grammar.complementizers
            and (w.lower() in reading.grammar.prepositions or reading.lexicon.verb.match(w.lower()))
            for w in gap)
    gap = reading.gap_words(hit.end, group.start, ADDRESSEE_GAP_WORDS + 2)
    if gap is not None and len(gap) <= ADDRESSEE_GAP_WORDS:
        return True
    return gap is not None and group.prep in reading.grammar.control_words


def _unnamed(reading: Reading, group: Group) -> bool:
    return reading.cue(reading.lexicon.unnamed, max(0, group.start - 40), group.start)


def _after_trigger_preposition(reading: Reading, hit: TriggerHit, group: Group) -> bool:
    """Whether ``group`` stands right after a noun trigger that closes with a target
    preposition ("bantuan ... kepada <Y>"), with only titles between."""
    last = WORD.findall(reading.text, max(hit.start, hit.end - PREPOSITION_REACH), hit.end)[-1:]
    return bool(last) and last[0].lower() in reading.lexicon.recipient_preps \
        and reading.gap_words(hit.end, group.start, 0) == []
