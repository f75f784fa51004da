"""Who acts and who is acted on in a frame: its sides, from the subject and object found
(``kronik.events.subjects``, ``kronik.events.objects``) and the shapes that name them otherwise.

- verbs: the subject acts and the object receives; passive di- forms swap, with "oleh" agents,
  a party right after, or "antara A dan B";
- nouns: a possessor right after the noun acts ("kunjungan Presiden X ke Y"), "antara A dan B"
  names both sides, a source "dari X" acts, else the subject of a light verb or of "-nya";
- visits: the visitor and the host, the invitee of "mengundang" visiting the inviter;
- acts against a territory land on the state of the place struck; a threat made as the
  consequence of a condition is aimed at the state the condition names.

Each side found records why in ``why`` ("actor" and "recipient"), kept in the frame's flags.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from kronik.document import Party, Quote, Sentence, Span
from kronik.events.acceptance import is_passive
from kronik.events.coding import is_symmetric
from kronik.events.objects import object_of
from kronik.events.parties import WORD, Group, countries_of, struck_place
from kronik.events.reading import RIGHT_WINDOW, Reading, group_end, group_start
from kronik.events.subjects import companion, groups_before, stands_as_subject
from kronik.events.syntax import PHRASE_BREAK
from kronik.events.triggers import TriggerHit

# Acts against a territory: the state of the place they land in is their target where the
# sentence names no state as one (coding conventions: attacks and deployments on a territory).
TERRITORIAL_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
# Acts named by a noun whose content clause names the one they are aimed at ("tuduhan X
# bahwa <Y> ..."); a verb's content clause is already its object ("menuduh bahwa <Y>").
CONTENT_TARGET_TYPES = frozenset({"ACCUSE"})
# How far after a noun trigger its possessor may begin, in words.
POSSESSOR_GAP_WORDS = 2
# How far after a noun trigger its source "dari X" may begin, in words: the weapons named
# after the noun and "dari" ("serangan rudal dan drone dari X").
SOURCE_GAP_WORDS = 4
# How many words may stand between a noun trigger and its agent: the rest of its noun phrase
# and "yang" with a verb of carrying out ("penyitaan kapal nelayan Y oleh X").
NOUN_AGENT_GAP_WORDS = 6
# How far after a noun trigger "antara A dan B" may begin, in words: past a short relative
# clause and a date ("yang berlaku sejak 8 April antara A dan B").
BETWEEN_GAP_WORDS = 8
# How far before a visit an invitation verb is looked for, in characters.
INVITATION_REACH = 300
# Reactions aimed at whoever did the act they name ("mengecam serangan tersebut": the
# attacker; "menolak tuduhan itu": the accuser).
REACTION_TYPES = frozenset({"ACCUSE", "PROTEST", "REJECT"})
# The words of an act's noun phrase before its demonstrative: the noun and one modifier
# ("serangan udara tersebut").
TOLD_ACT_WORDS = 2


def frame_sides(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group], left: Group | None,
                right: Group | None, location: Group | None, quote: Quote | None,
                why: dict[str, str]) -> tuple[list[Party], list[Party]] | tuple[None, None]:
    """(actors, recipients) for the trigger, or (None, None) when it has no usable sides."""
    trigger = hit.trigger
    if right is not None:
        why["recipient"] = f"object ('{right.prep}')" if right.prep else "object"
    if trigger.mode in ("visit", "multilateral"):
        return _visit_sides(reading, hit, sentence, groups, left, right, location, why)
    struck = _struck(reading, hit, sentence, location)
    if trigger.form == "noun":
        between = _between(reading, hit, groups)
        if between is not None:
            why["actor"] = why["recipient"] = "'antara' after the noun"
            return _pairs_of_between(between)
        agent = _noun_agent(reading, hit, sentence, groups)
        if agent is not None:
            why["actor"] = "agent of the noun ('oleh', 'yang dilakukan')"
            patient = _possessor(reading, hit, groups)
            if patient is not None and patient.end <= agent.start:
                why["recipient"] = "possessor of the noun"
                return agent.parties, patient.parties
            right = object_of(reading, hit, sentence, [g for g in groups if g is not agent], trigger,
                              frozenset(agent.countries)) or struck
            if right is not None:
                right.consume()
                why["recipient"] = f"object ('{right.prep}')" if right is not struck else "place attacked"
            return agent.parties, right.parties if right else []
        aimed = _aimed_at(reading, hit, sentence, groups)
        if aimed is not None:
            source = _possessor(reading, hit, groups) or _source(reading, hit, groups)
            why["recipient"] = "subject of 'menjadi sasaran'"
            if source is not None:
                why["actor"] = "possessor or source ('dari') of the noun"
            return (source.parties if source else []), aimed.parties
        possessor = _possessor(reading, hit, groups)
        if possessor is not None:
            why["actor"] = "possessor of the noun"
            other = object_of(reading, hit, sentence, [g for g in groups if g is not possessor], trigger,
                                 frozenset(possessor.countries))
            if other is not None:
                other.consume()
                why["recipient"] = f"object ('{other.prep}')"
            elif struck is not None:
                other = struck
                why["recipient"] = "place attacked"
            elif trigger.type in CONTENT_TARGET_TYPES:
                other = _accused(reading, hit, sentence, groups, frozenset(possessor.countries))
                if other is not None:
                    why["recipient"] = "subject of the accusation's content ('bahwa')"
            return possessor.parties, other.parties if other else []
        if right is None and struck is not None:
            right = struck
            why["recipient"] = "place attacked"
        if trigger.type == "CONSULT" and right is None and left is not None:
            right = companion(reading, hit, groups)
            why["recipient"] = "companion ('dengan')"
    if is_passive(reading, hit):
        agent, reason = _passive_agent(reading, hit, groups)
        if agent is not None and is_symmetric(trigger.type, trigger.mode):
            why["actor"] = why["recipient"] = reason
            return _pairs_of_between(agent)
        if left is not None:
            why["recipient"] = "subject of the passive"
        if agent is not None:
            why["actor"] = reason
        left, right = agent, left
    if trigger.speaker_acts:
        return _speaker_sides(reading, hit, sentence, groups, quote, why)
    actors = left.parties if left else []
    if (not left or all(m.first_person and not m.parties for m in left.mentions)) and quote is not None:
        told_as_existing = trigger.form == "noun" and _existential(reading, hit, sentence)
        actors = [quote.speaker] if quote.speaker and quote.speaker.country and not told_as_existing else []
        why["actor"] = "speaker of the quote"
    elif left and any(m.first_person for m in left.mentions) and quote is not None and quote.speaker:
        actors = [quote.speaker] + [p for p in actors]
        why["actor"] = "speaker of the quote (first person)"
    if right is None and struck is not None:
        right = struck
        why["recipient"] = "place attacked"
    if right is None and left is not None and len(left.countries) == 2 and (
            reading.cue(reading.lexicon.reciprocal, max(sentence.start, hit.start - 10), hit.start)
            or reading.text[hit.start:hit.end].lower() in reading.grammar.reciprocal_verbs):
        why["recipient"] = "reciprocal ('saling' or a verb of fighting each other)"
        return actors, list(reversed(actors))  # "saling menuduh": each side of the other
    return actors, right.parties if right else []


def told_act(reading: Reading, hit: TriggerHit, sentence: Sentence) -> tuple[Span, ...]:
    """The words of a noun phrase closed by a demonstrative that a reaction is aimed at: its
    object right after it ("mengecam serangan udara tersebut", the trigger's own noun in
    "menolak tuduhan itu") or, for a passive, its subject right before it ("Serangan itu
    dikecam X"). Such a phrase names an act told before, whose doer the reaction targets
    (``kronik.events.frames``); () where there is none."""
    if hit.trigger.type not in REACTION_TYPES:
        return ()
    demonstratives = reading.grammar.demonstratives
    if is_passive(reading, hit):
        words = reading.words_ending_at(hit.start, sentence.start, TOLD_ACT_WORDS + 1)
        if not words or words[-1].group(0).lower() not in demonstratives \
                or PHRASE_BREAK.search(reading.text, words[0].start(), hit.start):
            return ()
        phrase = words[:-1]
    else:
        after = [m for _, m in zip(range(TOLD_ACT_WORDS + 1), WORD.finditer(reading.text, hit.end, sentence.end))]
        closing = next((i for i, m in enumerate(after) if m.group(0).lower() in demonstratives), None)
        if closing is None or PHRASE_BREAK.search(reading.text, hit.end, after[closing].start()):
            return ()
        trigger_words = list(WORD.finditer(reading.text, hit.start, hit.end))
        phrase = trigger_words[1:][-1:] + after[:closing]
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in phrase)


def _existential(reading: Reading, hit: TriggerHit, sentence: Sentence) -> bool:
    """"Ada (beberapa) pembicaraan ...": a noun told as there being such an act, right after
    a word of existence and a quantifier."""
    words = [w.group(0).lower() for w in reading.words_ending_at(hit.start, sentence.start, 2)]
    if words and words[-1] in reading.grammar.quantifiers:
        words = words[:-1]
    return bool(words) and words[-1] in reading.grammar.existentials


def _speaker_sides(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group],
                   quote: Quote | None, why: dict[str, str]) -> tuple[list[Party], list[Party]] | tuple[None, None]:
    """An act the speaker performs by saying it ("X melanggar wilayah kami," kata Y; "Y
    mengatakan X melanggar wilayah Z"): the speaker of the quote, or where the trigger stands
    in no quote the subject of the reporting verb before it, acts on the last party of
    another state named before the trigger (in the reported clause, after that verb)."""
    if quote is not None:
        if not quote.speaker or not quote.speaker.country:
            return None, None
        speakers, floor = [quote.speaker], sentence.start
        why["actor"] = "speaker of the quote"
    else:
        reporter = _reporter(reading, hit, sentence, groups)
        if reporter is None:
            return None, None
        group, verb_end = reporter
        speakers, floor = group.parties, verb_end
        why["actor"] = "subject of the reporting verb"
    own = set(countries_of(speakers))
    offender = next((g for g in reversed(groups_before(groups, hit.start))
                     if g.start >= floor and not own.intersection(g.countries)), None)
    if offender is not None:
        why["recipient"] = "party named before the trigger"
    return speakers, offender.parties if offender else []


def _reporter(reading: Reading, hit: TriggerHit, sentence: Sentence,
              groups: list[Group]) -> tuple[Group, int] | None:
    """The subject of the last reporting verb before the trigger in its sentence ("Y
    mengatakan bahwa ... X yang melanggar ..."), with where that verb ends."""
    verb = None
    for match in WORD.finditer(reading.text, sentence.start, hit.start):
        if match.group(0).lower() in reading.grammar.reporting_verbs:
            verb = match
    if verb is None:
        return None
    subject = next((g for g in reversed(groups_before(groups, verb.start()))
                    if g.prep not in reading.not_subject and stands_as_subject(reading, g, verb.start())), None)
    return (subject, verb.end()) if subject is not None and subject.countries else None


def condition_party(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group],
                    own: frozenset[str]) -> Group | None:
    """"Jika X terus ..., kami akan membalas", "... akan mengenakan tarif, jika X tidak ...":
    a threat made as the consequence of a condition is aimed at the first other state the
    condition names. The condition runs from its cue to the next comma; one before the
    trigger must end before it (the trigger is the main clause, not inside the condition)."""
    for cue in reading.lexicon.hypothetical.finditer(reading.text, sentence.start, sentence.end):
        comma = reading.text.find(",", cue.end(), sentence.end)
        end = sentence.end if comma < 0 else comma
        if cue.start() < hit.start < end:
            continue
        found = next((g for g in groups if cue.end() <= g.start and g.end <= end
                      and g.countries and not own.intersection(g.countries)), None)
        if found is not None:
            return found
    return None


def location_of(reading: Reading, hit: TriggerHit, groups: list[Group]) -> Group | None:
    for group in groups[bisect_left(groups, hit.end, key=group_start):]:
        if group.prep in reading.lexicon.location_preps:
            return group
    return None


def _accused(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group],
             own: frozenset[str]) -> Group | None:
    """"tuduhan X bahwa <Y> memasok senjata": the subject of an accusation's content clause
    is the one accused. The content must open right after the
    trigger (past the accuser's names and a conjunction) and the party right after it."""
    limit = min(sentence.end, hit.end + RIGHT_WINDOW)
    opener = reading.lexicon.reported_content.search(reading.text, hit.end, limit)
    if opener is None or any(not w[:1].isupper() and w.lower() not in reading.lexicon.coordinators
                             for w in WORD.findall(reading.text, hit.end, opener.start())):
        return None
    index = bisect_left(groups, opener.end(), key=group_start)
    if index == len(groups) or any(not w[:1].isupper() for w in WORD.findall(
            reading.text, opener.end(), groups[index].start)):
        return None
    group = groups[index]
    return None if set(group.countries) <= own else group


def _struck(reading: Reading, hit: TriggerHit, sentence: Sentence, location: Group | None) -> Group | None:
    """Where an act against a territory (an attack, a deployment) lands when no state is
    named as its target: the state of its place phrase ("di <capital>"), else the state of
    the named place its phrase leads to ("menghantam wilayah <Jalur Y>")."""
    if hit.trigger.type not in TERRITORIAL_TYPES:
        return None
    if location is not None:
        return location
    end = reading.clause_end(hit.end, sentence.end, relative_ok=True)
    return struck_place(reading.text, reading.entities_from(hit.end, end), hit.end, end, reading.lexicon, reading.grammar)


def _visit_sides(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group], left: Group | None,
                 right: Group | None, location: Group | None,
                 why: dict[str, str]) -> tuple[list[Party], list[Party]]:
    """(visitors, hosts): the invitee or subject visits; "ke X", the object or host phrase hosts."""
    invitation = reading.lexicon.invitation.search(
        reading.text, max(sentence.start, hit.start - INVITATION_REACH), hit.start)
    visitors: list[Party] = []
    hosts: list[Party] = []
    if invitation is not None:
        after = bisect_left(groups, invitation.end(), key=group_start)
        before = bisect_right(groups, invitation.start(), key=group_end)
        invitee = groups[after] if after < len(groups) else None
        inviter = groups[before - 1] if before > 0 else None
        if invitee is not None:
            visitors = invitee.parties
            invitee.consume()
            why["actor"] = "invitee"
        if inviter is not None:
            hosts = inviter.parties
            why["recipient"] = "inviter"
    if hit.trigger.host_subject:
        guest = _possessor(reading, hit, groups)
        why["actor"], why["recipient"] = "guest (possessor of the noun)", "host (subject)"
        return (guest.parties if guest else []), (left.parties if left else [])
    if not visitors:
        possessor = _possessor(reading, hit, groups) if hit.trigger.form == "noun" else None
        chosen = possessor or left
        if chosen is not None:
            visitors = chosen.parties
            why["actor"] = "possessor of the noun" if possessor else why.get("actor", "subject")
    host_group = _host_group(reading, hit, sentence, groups)
    if host_group is not None:
        host_group.consume()
        # The inviter stays the host where the place named is in the inviter's state.
        if not hosts or set(countries_of(hosts)) != set(host_group.countries):
            hosts = host_group.parties
            why["recipient"] = f"host ('{host_group.prep}')"
    host_countries = set(countries_of(hosts))
    visitors = [v for v in visitors if v.country not in host_countries]
    visitor_countries = set(countries_of(visitors))
    hosts = [h for h in hosts if h.country not in visitor_countries]
    return visitors, hosts


def _host_group(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group]) -> Group | None:
    limit = min(sentence.end, hit.end + RIGHT_WINDOW)
    after = bisect_left(groups, hit.end, key=group_start)
    phrase = reading.lexicon.host_phrase.search(reading.text, hit.end, limit)
    if phrase is not None:
        hosted = groups[bisect_left(groups, phrase.end(), key=group_start):][:1]
        if hosted:
            return hosted[0]
    last_word = WORD.findall(reading.text[hit.start:hit.end])[-1].lower()
    for group in groups[after:]:
        if group.start > limit:
            break
        direct_object = hit.trigger.form == "verb" and group.prep == last_word
        if group.prep in reading.grammar.host_prepositions or direct_object:
            return group
    return None


def _possessor(reading: Reading, hit: TriggerHit, groups: list[Group]) -> Group | None:
    """The group right after a noun trigger ("kunjungan Presiden X"), also one that begins
    inside the trigger's words ("ofensif militer Rusia": "militer Rusia"); none past a
    demonstrative, which closes the noun's phrase ("Serangan itu dikecam X")."""
    trigger_words = [w.lower() for w in WORD.findall(reading.text, hit.start, hit.end)]
    if len(trigger_words) > 1 and trigger_words[-1] in reading.lexicon.recipient_preps:
        # "bantuan militer X kepada Y": the trigger closes with its target's preposition
        return _owner_inside(reading, hit, groups)
    index = bisect_left(groups, hit.start, key=group_start)
    while index < len(groups) and groups[index].end <= hit.end:
        index += 1
    if index == len(groups):
        return None
    group = groups[index]
    between = reading.text[hit.end:max(hit.end, group.start)]
    if "," in between:
        return None
    if group.prep in reading.grammar.prepositions and group.prep in trigger_words[1:]:
        # "dukungannya terhadap X": the trigger ends in a preposition; X is the target
        return None
    gap = reading.gap_words(hit.end, max(hit.end, group.start), POSSESSOR_GAP_WORDS)
    grammar = reading.grammar
    closing = reading.lexicon.recipient_preps | reading.lexicon.location_preps | grammar.demonstratives \
        | grammar.agent_prepositions | grammar.between_prepositions
    if gap is not None and not any(w.lower() in closing for w in gap):
        return group
    return None


def _owner_inside(reading: Reading, hit: TriggerHit, groups: list[Group]) -> Group | None:
    """The party named inside a noun trigger's words right before the preposition that
    closes them ("sanksi <X> terhadap Y", "bantuan militer <X> kepada Y"): the noun's
    possessor. A party after a topic, an origin or another preposition is none ("sanksi
    terkait X terhadap Y", "tarif produk asal X atas Y")."""
    index = bisect_left(groups, hit.start + 1, key=group_start)
    if index == len(groups) or groups[index].end > hit.end:
        return None
    group = groups[index]
    closing = WORD.findall(reading.text, group.end, hit.end)
    inner = {w.lower() for w in WORD.findall(reading.text, hit.start, group.start)}
    if len(closing) != 1 or inner & (reading.grammar.prepositions | reading.grammar.origin_nouns):
        return None
    return group


def _noun_agent(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group]) -> Group | None:
    """Who did the act a noun names where an agent phrase follows its noun phrase:
    "penyitaan kapal Y oleh X", "serangan yang dilancarkan (oleh) X". Between the noun and
    the agent stand only the noun's phrase and "yang" with a passive verb of carrying out
    (``doing_passives``); a demonstrative or another verb ends the noun's phrase ("serangan
    itu dikecam oleh X", "serangan yang dikecam X": X condemned)."""
    grammar = reading.grammar
    end = min(sentence.end, hit.end + RIGHT_WINDOW)
    for group in groups[bisect_left(groups, hit.end, key=group_start):]:
        if group.start > end or PHRASE_BREAK.search(reading.text, hit.end, group.start):
            return None
        gap = [w.lower() for w in WORD.findall(reading.text, hit.end, group.start)]
        doing = [w for w in gap if w in grammar.doing_passives]
        if len(gap) > NOUN_AGENT_GAP_WORDS or any(w in grammar.demonstratives for w in gap) or any(
                w.startswith(grammar.transitive_prefixes) and w not in grammar.doing_passives for w in gap):
            return None
        if group.prep in grammar.agent_prepositions or (doing and gap[-1] == doing[-1] and group.prep is None):
            return group
    return None


def _aimed_at(reading: Reading, hit: TriggerHit, sentence: Sentence, groups: list[Group]) -> Group | None:
    """"X menjadi sasaran serangan ...": X, the subject of "menjadi", is what the act the
    noun names is aimed at (past "dilaporkan" and the like; "infrastruktur di X" too)."""
    words = reading.words_ending_at(hit.start, sentence.start, 2)
    if len(words) < 2 or words[1].group(0).lower() not in reading.grammar.aim_nouns \
            or words[0].group(0).lower() not in reading.grammar.aim_verbs:
        return None
    verb_start = words[0].start()
    for group in reversed(groups_before(groups, verb_start)):
        if group.prep not in reading.not_subject and stands_as_subject(reading, group, verb_start):
            return group
    return None


def _source(reading: Reading, hit: TriggerHit, groups: list[Group]) -> Group | None:
    """The party a noun trigger's act comes from, in a "dari" phrase right after its noun
    phrase ("serangan rudal dan drone dari X")."""
    index = bisect_left(groups, hit.end, key=group_start)
    if index == len(groups) or groups[index].prep not in reading.grammar.source_prepositions:
        return None
    gap = reading.gap_words(hit.end, groups[index].start, SOURCE_GAP_WORDS)
    return groups[index] if gap is not None and "," not in reading.text[hit.end:groups[index].start] else None


def _between(reading: Reading, hit: TriggerHit, groups: list[Group]) -> Group | None:
    """"antara A dan B" as the first party after a noun trigger, in its clause ("gencatan
    senjata yang berlaku sejak April antara A dan B")."""
    index = bisect_left(groups, hit.end, key=group_start)
    if index == len(groups):
        return None
    group = groups[index]
    if "," in reading.text[hit.end:group.start] or group.prep not in reading.grammar.between_prepositions \
            or len(group.parties) < 2:
        return None
    if reading.gap_words(hit.end, group.start, BETWEEN_GAP_WORDS) is None:
        return None
    return group


def _passive_agent(reading: Reading, hit: TriggerHit, groups: list[Group]) -> tuple[Group | None, str]:
    """The agent of a passive: an "oleh" group after it, else a party right after it."""
    first = bisect_left(groups, hit.end, key=group_start)
    limit = hit.end + RIGHT_WINDOW
    for group in groups[first:]:
        if group.start > limit:
            break
        if group.prep in reading.grammar.agent_prepositions:
            return group, "agent of the passive ('oleh')"
    if first < len(groups) and reading.gap_words(hit.end, groups[first].start, 0) == []:
        return groups[first], "agent right after the passive"
    if first < len(groups) and groups[first].start <= limit \
            and groups[first].prep in reading.grammar.between_prepositions and len(groups[first].parties) >= 2:
        return groups[first], "'antara' after the passive"
    return None, ""


def _pairs_of_between(group: Group) -> tuple[list[Party], list[Party]]:
    """The sides of "antara A dan B": all of them as one side of a symmetric act, or, where
    one state is named in every pair ("antara A dan B, serta A dan C"), that state and the
    others, so that each pair is an event."""
    named = [p.country for m in group.mentions for p in m.parties if p.country]
    common = next((c for c in named if named.count(c) > 1), None)
    if common is None:
        return group.parties, []
    return ([p for p in group.parties if p.country == common],
            [p for p in group.parties if p.country != common])
