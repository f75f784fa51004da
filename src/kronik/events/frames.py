"""Event frames: one trigger in one sentence, with its sides, status and own date.

A frame is what one sentence says about one event. Frames of the same event are merged per
article later (``kronik.events.merge``). The grammar is that of Indonesian news:

- verbs: the subject acts: the nearest party before the trigger that stands as its subject,
  in its clause or clauses back, past asides, appositions, reporting verbs and the subjects
  they carry (``kronik.events.syntax``); the first party after it receives, a target
  preposition ("terhadap", "kepada", "ke") read through its noun phrase, never a topic
  ("terkait", "soal"); coordinated parties are one side each ("X serta pangkalan Y");
  passive di- forms swap, with "oleh" agents, a party right after, or "antara A dan B";
- nouns: a possessor right after the noun acts ("kunjungan Presiden X ke Y"), "antara A dan B"
  names both sides, else the subject of a light verb or of a possessive "-nya" acts;
- invitations: the invitee of "mengundang" is the visitor, the inviter the host;
- a verb that heads a complement ("meminta X untuk ...", "mengecam serangan ...") swallows the
  triggers inside it: those are the content of the request, not events of their own.

Every side found keeps its reason in the frame's flags ("actor:subject, clauses back",
"recipient:object ('terhadap')"). The work per trigger is bounded (groups and quotes found by
bisection, a fixed reach back and ahead), so frame building is linear in sentence length.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from kronik.document import Document, Location, Party, Quote, Sentence, Span, TimeExpression
from kronik.events.acceptance import acceptable, event_status, is_passive, on_sidelines
from kronik.events.anchors import Anchors, finditer
from kronik.events.lexicon import Lexicon
from kronik.events.coding import is_symmetric
from kronik.events.enemies import share_attackers
from kronik.events.objects import object_of
from kronik.events.parties import (WORD, Group, countries_of, group_mentions, is_location, sentence_mentions,
                                   struck_place)
from kronik.events.reading import RIGHT_WINDOW, Reading, group_end, group_start
from kronik.events.subjects import SUBJECT_GROUPS, companion, stands_as_subject, subject
from kronik.events.syntax import clause_grammar, inside
from kronik.events.triggers import TriggerHit, find_triggers
from kronik.tokens import document_tokens

# Acts against a territory: the state of the place they land in is their target where the
# sentence names no state as one (coding conventions: attacks and deployments on a territory).
TERRITORIAL_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
# The flag of an agreement added to those named before ("juga menandatangani", "Selain ..."):
# merging keeps it apart from them (kronik.events.merge).
ANOTHER_AGREEMENT = "another agreement"
# Acts named by a noun whose content clause names the one they are aimed at ("tuduhan X
# bahwa <Y> ..."); a verb's content clause is already its object ("menuduh bahwa <Y>").
CONTENT_TARGET_TYPES = frozenset({"ACCUSE"})
# How far after a noun trigger its possessor may begin, in words.
POSSESSOR_GAP_WORDS = 2
# How far after a noun trigger its source "dari X" may begin, in words: the weapons named
# after the noun and "dari" ("serangan rudal dan drone dari X").
SOURCE_GAP_WORDS = 4
# How far after a noun trigger "antara A dan B" may begin, in words: past a short relative
# clause and a date ("yang berlaku sejak 8 April antara A dan B").
BETWEEN_GAP_WORDS = 8
# How far before a visit an invitation verb is looked for, in characters.
INVITATION_REACH = 300


@dataclass
class Frame:
    """What one sentence says about one event."""

    type: str
    mode: str | None
    trigger: Span
    sentence: int
    actors: list[Party]
    recipients: list[Party]
    status: str
    date: TimeExpression | None = None
    location: Party | None = None
    # Where the event took place, set by kronik.events.location after the frames are built.
    place: Location | None = None
    other_occasion: bool = False
    in_quote: bool = False
    flags: set[str] = field(default_factory=set)
    # The states named anywhere in the sentence, for mentions that name no side of their own.
    context_countries: list[str] = field(default_factory=list)
    # A noun trigger ("serangan X ke Y"): a time right after its phrase modifies the noun.
    nominal: bool = False

    @property
    def actor_countries(self) -> list[str]:
        return countries_of(self.actors)

    @property
    def recipient_countries(self) -> list[str]:
        return countries_of(self.recipients)

    @property
    def countries(self) -> list[str]:
        return countries_of(self.actors + self.recipients)


@dataclass(frozen=True)
class _SentenceContext:
    """What the frames of one sentence share: the states it names (outside place phrases),
    where it speaks of a summit's sidelines, and whether of another occasion."""

    countries: list[str]
    sidelines: tuple[tuple[int, int], ...]
    other_occasion: bool


class FrameBuilder:
    """Builds the frames of one document's sentences."""

    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.grammar = clause_grammar(doc.language)
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        # The lexicon's patterns are tried only where the words they begin with stand.
        anchors = Anchors(doc.text, document_tokens(doc))
        self.hits = find_triggers(doc.text, lexicon, anchors)
        self.hit_starts = [h.start for h in self.hits]
        self.entities = sorted(doc.entities, key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.sideline_starts = anchors.starts(lexicon.sidelines_anchor)
        self.other_occasion_starts = anchors.starts(lexicon.other_occasion_anchor)
        self.reading = Reading(doc, lexicon, self.grammar, anchors)

    def frames(self) -> list[Frame]:
        found: list[Frame] = []
        for index, sentence in enumerate(self.doc.sentences):
            found.extend(self.sentence_frames(index, sentence))
        return found

    # -- one sentence --------------------------------------------------------------------------

    def sentence_frames(self, index: int, sentence: Sentence) -> list[Frame]:
        first = bisect_left(self.hit_starts, sentence.start)
        last = bisect_left(self.hit_starts, sentence.end)
        hits = self._kept_hits(self.hits[first:last], sentence)
        if not hits:  # most sentences: their parties and context would go unread
            return []
        first = bisect_left(self.entity_starts, sentence.start)
        last = bisect_left(self.entity_starts, sentence.end)
        mentions = sentence_mentions(self.doc, sentence, self.entities[first:last], self.lexicon)
        groups = group_mentions(self.text, mentions, sentence.start, self.lexicon, self.grammar)
        context = self._context(sentence, groups)
        frames: list[Frame] = []
        complement_end = -1
        for hit in hits:
            if hit.start < complement_end:
                continue
            frame = self._frame(index, sentence, hit, groups, context)
            if hit.trigger.clause_verb:
                complement_end = self.reading.clause_end(hit.end, sentence.end)
            if frame is not None:
                frames.append(frame)
        share_attackers(frames)
        return frames

    def _kept_hits(self, hits: list[TriggerHit], sentence: Sentence) -> list[TriggerHit]:
        """The acceptable hits inside the sentence; where two acceptable hits overlap, the longer
        (then the earlier entry) wins. Hits come longest first at each start, so a hit that a
        kept one overlaps is dropped before its cues are read: they could not bring it back."""
        kept: list[TriggerHit] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            if hit.end <= sentence.end and acceptable(self.reading, hit, sentence):
                kept.append(hit)
        return kept

    def _context(self, sentence: Sentence, groups: list[Group]) -> _SentenceContext:
        """What every frame of a sentence shares, read once per sentence."""
        countries: list[str] = []
        for group in groups:
            if not is_location(group, self.lexicon):
                countries.extend(c for c in group.countries if c not in countries)
        return _SentenceContext(
            countries=countries,
            sidelines=tuple(m.span() for m in finditer(self.lexicon.sidelines, self.text, self.sideline_starts,
                                                       sentence.start, sentence.end)),
            other_occasion=bool(finditer(self.lexicon.other_occasion, self.text, self.other_occasion_starts,
                                         sentence.start, sentence.end)))

    def _condition_party(self, hit: TriggerHit, sentence: Sentence, groups: list[Group],
                         own: frozenset[str]) -> Group | None:
        """"Jika X terus ..., kami akan membalas", "... akan mengenakan tarif, jika X tidak ...":
        a threat made as the consequence of a condition is aimed at the first other state the
        condition names. The condition runs from its cue to the next comma; one before the
        trigger must end before it (the trigger is the main clause, not inside the condition)."""
        for cue in self.lexicon.hypothetical.finditer(self.text, sentence.start, sentence.end):
            comma = self.text.find(",", cue.end(), sentence.end)
            end = sentence.end if comma < 0 else comma
            if cue.start() < hit.start < end:
                continue
            found = next((g for g in groups if cue.end() <= g.start and g.end <= end
                          and g.countries and not own.intersection(g.countries)), None)
            if found is not None:
                return found
        return None

    # -- sides ---------------------------------------------------------------------------------
    # Each side found records why in ``why`` ("actor" and "recipient"), kept in the frame's
    # flags as "actor:<reason>" and "recipient:<reason>".

    def _frame(self, index: int, sentence: Sentence, hit: TriggerHit, groups: list[Group],
               context: _SentenceContext) -> Frame | None:
        trigger = hit.trigger
        why: dict[str, str] = {}
        quote = self._quote_at(hit.start)
        left = subject(self.reading, hit, sentence, groups, why)
        right = object_of(self.reading, hit, sentence, groups, trigger, frozenset(left.countries) if left else frozenset())
        location = self._location(hit, groups)
        actors, recipients = self._sides(hit, sentence, groups, left, right, location, quote, why)
        if actors is None:
            return None
        if trigger.mutual and len(countries_of(actors + recipients)) == 2:
            actors, recipients = _each_on_the_other(actors + recipients)
            why["actor"] = why["recipient"] = "each side of a mutual act ('bentrok', 'saling serang')"
        status = event_status(self.reading, hit, sentence)
        event_type = trigger.type
        if status == "planned" and trigger.planned_type:  # a threatened act is a threat made
            event_type, status = trigger.planned_type, "occurred"
        if event_type == "THREATEN" and actors and not recipients:
            condition = self._condition_party(hit, sentence, groups, frozenset(countries_of(actors)))
            if condition is not None:
                recipients = condition.parties
                why["recipient"] = "state named in the condition ('jika X ...')"
        frame = Frame(type=event_type, mode=trigger.mode, trigger=Span(hit.start, hit.end, self.text[hit.start:hit.end]),
                      sentence=index, actors=actors, recipients=recipients, status=status,
                      location=location.parties[0] if location and location.parties else None,
                      in_quote=quote is not None, context_countries=context.countries,
                      nominal=trigger.form == "noun")
        if location and location.mentions:
            frame.flags.add("location:" + location.mentions[0].text)
        if sentence.is_caption:
            frame.flags.add("caption")
        if event_type == "AGREE" and self.lexicon.additive.search(
                self.text, self.reading.clause_start(hit.start, sentence.start), hit.start):
            frame.flags.add(ANOTHER_AGREEMENT)
        if on_sidelines(self.reading, hit, sentence, context.sidelines):
            frame.flags.add("sidelines")
        frame.other_occasion = context.other_occasion
        for side, parties in (("actor", actors), ("recipient", recipients)):
            if parties and side in why:
                frame.flags.add(f"{side}:{why[side]}")
        if right is not None:
            right.consume()
        return frame

    def _quote_at(self, position: int) -> Quote | None:
        index = bisect_right(self.quote_starts, position) - 1
        if index >= 0 and position < self.quotes[index].end:
            return self.quotes[index]
        return None

    def _location(self, hit: TriggerHit, groups: list[Group]) -> Group | None:
        for group in groups[bisect_left(groups, hit.end, key=group_start):]:
            if group.prep == "di":
                return group
        return None

    def _possessor(self, hit: TriggerHit, groups: list[Group]) -> Group | None:
        """The group right after a noun trigger ("kunjungan Presiden X"), also one that begins
        inside the trigger's words ("ofensif militer Rusia": "militer Rusia")."""
        trigger_words = [w.lower() for w in WORD.findall(self.text, hit.start, hit.end)]
        if len(trigger_words) > 1 and trigger_words[-1] in self.lexicon.recipient_preps:
            # "bantuan militer X kepada Y": the trigger closes with its target's preposition
            return self._owner_inside(hit, groups)
        index = bisect_left(groups, hit.start, key=group_start)
        while index < len(groups) and groups[index].end <= hit.end:
            index += 1
        if index == len(groups):
            return None
        group = groups[index]
        between = self.text[hit.end:max(hit.end, group.start)]
        if "," in between:
            return None
        if group.prep in self.grammar.prepositions and group.prep in trigger_words[1:]:
            # "dukungannya terhadap X": the trigger ends in a preposition; X is the target
            return None
        gap = self.reading.gap_words(hit.end, max(hit.end, group.start), POSSESSOR_GAP_WORDS)
        if gap is not None and not any(
                w.lower() in self.lexicon.recipient_preps | self.lexicon.location_preps | {"oleh", "antara"}
                for w in gap):
            return group
        return None

    def _owner_inside(self, hit: TriggerHit, groups: list[Group]) -> Group | None:
        """The party named inside a noun trigger's words right before the preposition that
        closes them ("sanksi <X> terhadap Y", "bantuan militer <X> kepada Y"): the noun's
        possessor. A party after a topic, an origin or another preposition is none ("sanksi
        terkait X terhadap Y", "tarif produk asal X atas Y")."""
        index = bisect_left(groups, hit.start + 1, key=group_start)
        if index == len(groups) or groups[index].end > hit.end:
            return None
        group = groups[index]
        closing = WORD.findall(self.text, group.end, hit.end)
        inner = {w.lower() for w in WORD.findall(self.text, hit.start, group.start)}
        if len(closing) != 1 or inner & (self.grammar.prepositions | self.grammar.origin_nouns):
            return None
        return group

    def _aimed_at(self, hit: TriggerHit, sentence: Sentence, groups: list[Group]) -> Group | None:
        """"X menjadi sasaran serangan ...": X, the subject of "menjadi", is what the act the
        noun names is aimed at (past "dilaporkan" and the like; "infrastruktur di X" too)."""
        words = self.reading.words_ending_at(hit.start, sentence.start, 2)
        if len(words) < 2 or words[1].group(0).lower() not in self.grammar.aim_nouns \
                or words[0].group(0).lower() not in self.grammar.aim_verbs:
            return None
        verb_start = words[0].start()
        end = bisect_right(groups, verb_start, key=group_end)
        for group in reversed(groups[max(0, end - SUBJECT_GROUPS):end]):
            if group.prep not in self.reading.not_subject and stands_as_subject(self.reading, group, verb_start):
                return group
        return None

    def _source(self, hit: TriggerHit, groups: list[Group]) -> Group | None:
        """The party a noun trigger's act comes from, in a "dari" phrase right after its noun
        phrase ("serangan rudal dan drone dari X")."""
        index = bisect_left(groups, hit.end, key=group_start)
        if index == len(groups) or groups[index].prep != "dari":
            return None
        gap = self.reading.gap_words(hit.end, groups[index].start, SOURCE_GAP_WORDS)
        return groups[index] if gap is not None and "," not in self.text[hit.end:groups[index].start] else None

    def _between(self, hit: TriggerHit, groups: list[Group]) -> Group | None:
        """"antara A dan B" as the first party after a noun trigger, in its clause ("gencatan
        senjata yang berlaku sejak April antara A dan B")."""
        index = bisect_left(groups, hit.end, key=group_start)
        if index == len(groups):
            return None
        group = groups[index]
        if "," in self.text[hit.end:group.start] or group.prep != "antara" or len(group.parties) < 2:
            return None
        if self.reading.gap_words(hit.end, group.start, BETWEEN_GAP_WORDS) is None:
            return None
        return group

    def _passive_agent(self, hit: TriggerHit, groups: list[Group]) -> tuple[Group | None, str]:
        """The agent of a passive: an "oleh" group after it, else a party right after it."""
        first = bisect_left(groups, hit.end, key=group_start)
        limit = hit.end + RIGHT_WINDOW
        for group in groups[first:]:
            if group.start > limit:
                break
            if group.prep == "oleh":
                return group, "agent of the passive ('oleh')"
        if first < len(groups) and self.reading.gap_words(hit.end, groups[first].start, 0) == []:
            return groups[first], "agent right after the passive"
        if first < len(groups) and groups[first].start <= limit and groups[first].prep == "antara" \
                and len(groups[first].parties) >= 2:
            return groups[first], "'antara' after the passive"
        return None, ""

    @staticmethod
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

    def _sides(self, hit, sentence, groups, left, right, location, quote, why):
        """(actors, recipients) for the trigger, or (None, None) when it has no usable sides."""
        trigger = hit.trigger
        if right is not None:
            why["recipient"] = f"object ('{right.prep}')" if right.prep else "object"
        if trigger.mode in ("visit", "multilateral"):
            return self._visit_sides(hit, sentence, groups, left, right, location, why)
        struck = self._struck(hit, sentence, location)
        if trigger.form == "noun":
            between = self._between(hit, groups)
            if between is not None:
                why["actor"] = why["recipient"] = "'antara' after the noun"
                return self._pairs_of_between(between)
            aimed = self._aimed_at(hit, sentence, groups)
            if aimed is not None:
                source = self._possessor(hit, groups) or self._source(hit, groups)
                why["recipient"] = "subject of 'menjadi sasaran'"
                if source is not None:
                    why["actor"] = "possessor or source ('dari') of the noun"
                return (source.parties if source else []), aimed.parties
            possessor = self._possessor(hit, groups)
            if possessor is not None:
                why["actor"] = "possessor of the noun"
                other = object_of(self.reading, hit, sentence, [g for g in groups if g is not possessor], trigger,
                                     frozenset(possessor.countries))
                if other is not None:
                    other.consume()
                    why["recipient"] = f"object ('{other.prep}')"
                elif struck is not None:
                    other = struck
                    why["recipient"] = "place attacked"
                elif trigger.type in CONTENT_TARGET_TYPES:
                    other = self._accused(hit, sentence, groups, frozenset(possessor.countries))
                    if other is not None:
                        why["recipient"] = "subject of the accusation's content ('bahwa')"
                return possessor.parties, other.parties if other else []
            if right is None and struck is not None:
                right = struck
                why["recipient"] = "place attacked"
            if trigger.type == "CONSULT" and right is None and left is not None:
                right = companion(self.reading, hit, groups)
                why["recipient"] = "companion ('dengan')"
        if trigger.passive or is_passive(self.reading, hit):
            agent, reason = self._passive_agent(hit, groups)
            if agent is not None and is_symmetric(trigger.type, trigger.mode):
                why["actor"] = why["recipient"] = reason
                return self._pairs_of_between(agent)
            if left is not None:
                why["recipient"] = "subject of the passive"
            if agent is not None:
                why["actor"] = reason
            left, right = agent, left
        if trigger.speaker_acts:
            if quote is None or not quote.speaker or not quote.speaker.country:
                return None, None
            end = bisect_right(groups, hit.start, key=group_end)
            offender = next((g for g in reversed(groups[max(0, end - SUBJECT_GROUPS):end])
                             if quote.speaker.country not in g.countries), None)
            why["actor"] = "speaker of the quote"
            if offender is not None:
                why["recipient"] = "party named before the trigger"
            return [quote.speaker], offender.parties if offender else []
        actors = left.parties if left else []
        if (not left or all(m.first_person and not m.parties for m in left.mentions)) and quote is not None:
            actors = [quote.speaker] if quote.speaker and quote.speaker.country else []
            why["actor"] = "speaker of the quote"
        elif left and any(m.first_person for m in left.mentions) and quote is not None and quote.speaker:
            actors = [quote.speaker] + [p for p in actors]
            why["actor"] = "speaker of the quote (first person)"
        if right is None and struck is not None:
            right = struck
            why["recipient"] = "place attacked"
        if right is None and left is not None and len(left.countries) == 2 and (
                self.lexicon.reciprocal.search(self.text[max(sentence.start, hit.start - 10):hit.start])
                or self.text[hit.start:hit.end].lower() in self.grammar.reciprocal_verbs):
            why["recipient"] = "reciprocal ('saling' or a verb of fighting each other)"
            return actors, list(reversed(actors))  # "saling menuduh": each side of the other
        return actors, right.parties if right else []

    def _accused(self, hit: TriggerHit, sentence: Sentence, groups: list[Group],
                 own: frozenset[str]) -> Group | None:
        """"tuduhan X bahwa <Y> memasok senjata": the subject of an accusation's content clause
        is the one accused. The content must open right after the
        trigger (past the accuser's names and a conjunction) and the party right after it."""
        limit = min(sentence.end, hit.end + RIGHT_WINDOW)
        opener = self.lexicon.reported_content.search(self.text, hit.end, limit)
        if opener is None or any(not w[:1].isupper() and w.lower() not in self.lexicon.coordinators
                                 for w in WORD.findall(self.text, hit.end, opener.start())):
            return None
        index = bisect_left(groups, opener.end(), key=group_start)
        if index == len(groups) or any(not w[:1].isupper() for w in WORD.findall(
                self.text, opener.end(), groups[index].start)):
            return None
        group = groups[index]
        return None if set(group.countries) <= own else group

    def _struck(self, hit: TriggerHit, sentence: Sentence, location: Group | None) -> Group | None:
        """Where an act against a territory (an attack, a deployment) lands when no state is
        named as its target: the state of its place phrase ("di <capital>"), else the state of
        the named place its phrase leads to ("menghantam wilayah <Jalur Y>")."""
        if hit.trigger.type not in TERRITORIAL_TYPES:
            return None
        if location is not None:
            return location
        end = self.reading.clause_end(hit.end, sentence.end, relative_ok=True)
        first = bisect_left(self.entity_starts, hit.end)
        last = bisect_left(self.entity_starts, end)
        return struck_place(self.text, self.entities[first:last], hit.end, end, self.lexicon, self.grammar)

    def _visit_sides(self, hit, sentence, groups, left, right, location, why):
        """(visitors, hosts): the invitee or subject visits; "ke X", the object or host phrase hosts."""
        invitation = self.lexicon.invitation.search(
            self.text, max(sentence.start, hit.start - INVITATION_REACH), hit.start)
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
            guest = self._possessor(hit, groups)
            why["actor"], why["recipient"] = "guest (possessor of the noun)", "host (subject)"
            return (guest.parties if guest else []), (left.parties if left else [])
        if not visitors:
            possessor = self._possessor(hit, groups) if hit.trigger.form == "noun" else None
            chosen = possessor or left
            if chosen is not None:
                visitors = chosen.parties
                why["actor"] = "possessor of the noun" if possessor else why.get("actor", "subject")
        host_group = self._host_group(hit, sentence, groups)
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

    def _host_group(self, hit: TriggerHit, sentence: Sentence, groups: list[Group]) -> Group | None:
        limit = min(sentence.end, hit.end + RIGHT_WINDOW)
        after = bisect_left(groups, hit.end, key=group_start)
        phrase = self.lexicon.host_phrase.search(self.text, hit.end, limit)
        if phrase is not None:
            hosted = groups[bisect_left(groups, phrase.end(), key=group_start):][:1]
            if hosted:
                return hosted[0]
        last_word = WORD.findall(self.text[hit.start:hit.end])[-1].lower()
        for group in groups[after:]:
            if group.start > limit:
                break
            direct_object = hit.trigger.form == "verb" and group.prep == last_word
            if group.prep in ("ke", "di") or direct_object:
                return group
        return None


def _each_on_the_other(parties: list[Party]) -> tuple[list[Party], list[Party]]:
    """The two states of a mutual act (a clash, an exchange of fire), each acting on the other:
    one party per state, as actors and, in reverse order, as recipients."""
    first = {p.country: p for p in reversed(parties) if p.country}
    sides = sorted(first.values(), key=parties.index)
    return sides, list(reversed(sides))

