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

This module builds the frames; the rules live in modules of their own: ``triggers`` (where
the lexicon's triggers match), ``acceptance`` (whether a hit is an event, and its status),
``subjects``, ``objects`` and ``sides`` (who acts on whom), ``enemies`` (sides taken from the
other frames of a sentence or article), all reading the document through a ``reading.Reading``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from kronik.document import Document, Location, Party, Quote, Sentence, Span, TimeExpression
from kronik.events.acceptance import acceptable, event_status, on_sidelines, predicted_by_another
from kronik.events.anchors import Anchors, finditer
from kronik.events.coding import is_conflict, is_symmetric
from kronik.events.enemies import carry_recipients, share_attackers
from kronik.events.lexicon import Lexicon
from kronik.events.objects import object_of
from kronik.events.parties import WORD, Group, countries_of, group_mentions, is_location, sentence_mentions
from kronik.events.reading import Reading
from kronik.events.sides import REACTION_TYPES, condition_party, frame_sides, location_of, told_act
from kronik.events.subjects import subject
from kronik.events.syntax import ClauseGrammar, clause_grammar, word_roots
from kronik.events.triggers import TriggerHit, find_triggers, holds_talks
from kronik.tokens import document_tokens

# How many sentences back the act a reaction names by "<noun> itu/tersebut" may be told:
# such a phrase points to an act of the last few sentences.
TOLD_ACT_REACH_SENTENCES = 3

# The flag of an agreement added to those named before ("juga menandatangani", "Selain ..."):
# merging keeps it apart from them (kronik.events.merge).
ANOTHER_AGREEMENT = "another agreement"


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
    # The words of an act told before that a reaction is aimed at ("mengecam serangan itu").
    told_act: tuple[Span, ...] = ()

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

    def __init__(self, doc: Document, lexicon: Lexicon, anchors: Anchors | None = None):
        """``anchors``: where the document's words stand, where the caller has them already."""
        self.doc = doc
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        # The lexicon's patterns are tried only where the words they begin with stand.
        anchors = anchors or Anchors(doc.text, document_tokens(doc))
        self.hits = find_triggers(doc.text, lexicon, anchors)
        self.hit_starts = [h.start for h in self.hits]
        self.anchors = anchors
        # The sentences in which a trigger hit begins, with their hits: the only ones read.
        self._hit_sentences = list(self._sentences_with_hits())
        # The text, lexicon and clause grammar every rule reads, kept there only.
        self.reading = Reading(doc, lexicon, clause_grammar(doc.language), anchors,
                               [(sentence.start, sentence.end) for _, sentence, _ in self._hit_sentences])
        # The party groups of each sentence read so far (a sentence's frames and the recipient
        # carried to the next sentence's frames both read them).
        self._sentence_groups: dict[tuple[int, bool], list[Group]] = {}

    @cached_property
    def sideline_starts(self) -> list[int] | None:
        """Where the sidelines pattern may match (read where a sentence has frames, once)."""
        return self.anchors.starts(self.reading.lexicon.sidelines_anchor)

    @cached_property
    def other_occasion_starts(self) -> list[int] | None:
        return self.anchors.starts(self.reading.lexicon.other_occasion_anchor)

    def may_pair_states(self) -> bool:
        """Whether a frame of the document may come to pair two states, as every event does.
        A frame's sides are parties of the mentions of its trigger's sentence (entities that
        act for a state, or refer to mentions that do: ``parties.mention_of``), a state's place
        its act strikes there, the speaker of the quote the trigger stands in, or sides of the
        sentence before (``enemies.carry_recipients``) and of other frames; only talks with a
        side gain a state from elsewhere (the host their place names, ``kronik.events.location``).
        So where these name fewer than two states, and none where a talks trigger stands, no
        frame makes an event, and building them is spared (most sentences with a trigger hit
        name no state, or only their own country's)."""
        states: set[str] = set()
        talks = False
        for index, sentence, hits in self._hit_sentences:
            states.update(self._named_states(index, sentence, hits))
            talks = talks or any(hit.trigger.may_be_talks for hit in hits)
            if len(states) >= 2 or (states and talks):
                return True
        return False

    def _named_states(self, index: int, sentence: Sentence, hits: list[TriggerHit]) -> set[str]:
        """The states that the entities of sentence ``index`` and the one before it, the
        mentions they refer to and the speakers of the quotes its hits stand in act for."""
        entities, first = self.doc.entities, self.doc.sentences[max(0, index - 1)].start
        states: set[str] = set()
        for entity in self.reading.entities_from(first, sentence.end):
            states.add(entity.country)
            states.update(entities[i].country for i in entity.refers_to if 0 <= i < len(entities))
        for hit in hits:
            quote = self._quote_at(hit.start)
            if quote is not None and quote.speaker is not None:
                states.add(quote.speaker.country)
        states.discard(None)
        return states

    def frames(self) -> list[Frame]:
        found: list[Frame] = []
        for index, sentence, hits in self._hit_sentences:
            for frame in self.sentence_frames(index, sentence, hits):
                if frame.told_act and frame.actors and not frame.recipients:
                    self._aim_at_told_act(frame, found)
                found.append(frame)
        carry_recipients(found, self.doc.sentences, self._pairs_between)
        for frame in found:
            _drop_partners_of_no_one(frame, self.reading.grammar)
        return found

    def _groups(self, index: int, firms_as_state: bool = False) -> list[Group]:
        """The party groups of sentence ``index``, read once (``group_mentions``)."""
        groups = self._sentence_groups.get((index, firms_as_state))
        if groups is None:
            reading, sentence = self.reading, self.doc.sentences[index]
            entities = reading.entities_from(sentence.start, sentence.end)
            mentions = sentence_mentions(self.doc, sentence, entities, reading.lexicon)
            groups = group_mentions(reading.text, mentions, sentence.start, reading.lexicon, reading.grammar,
                                    firms_as_state)
            self._sentence_groups[index, firms_as_state] = groups
        return groups

    def _aim_at_told_act(self, frame: Frame, before: list[Frame]) -> None:
        """A reaction to an act told before ("Peru menyerang Chili. Serangan itu dikecam
        Bolivia"; "Bolivia mengecam serangan tersebut") is aimed at the doers of the last such
        act in the sentences just before: one whose trigger's head (its first word) shares a root
        with the phrase's words ("peluncuran" / "meluncurkan"), or whose type the lexicon gives
        the phrase's noun. A head only: "menyebut serangan itu sebagai ..." is no attack."""
        grammar = self.reading.grammar
        roots = frozenset().union(*(word_roots(w.text, grammar) for w in frame.told_act))
        types = {h.trigger.type for h in self.hits
                 if any(h.start == w.start for w in frame.told_act) and h.trigger.form == "noun"}
        own = set(frame.actor_countries)
        for earlier in reversed(before):
            if frame.sentence - earlier.sentence > TOLD_ACT_REACH_SENTENCES:
                return
            if not earlier.actors or earlier.trigger.start >= frame.trigger.start:
                continue
            head = WORD.match(earlier.trigger.text)
            if earlier.type in types or (head and roots & word_roots(head.group(0), grammar)):
                doers = [p for p in earlier.actors if p.country not in own]
                if doers:
                    frame.recipients = doers
                    frame.flags.add(f"recipient:doer of the act told before "
                                    f"('{' '.join(w.text for w in frame.told_act)}')")
                return

    def _pairs_between(self, index: int) -> list[list[Party]]:
        """The parties of each "antara A dan B" of a sentence (``between_prepositions``)."""
        between = self.reading.grammar.between_prepositions
        return [g.parties for g in self._groups(index) if g.prep in between]

    # -- one sentence --------------------------------------------------------------------------

    def _sentences_with_hits(self) -> Iterator[tuple[int, Sentence, list[TriggerHit]]]:
        """Each sentence in which some trigger hit begins, with its index and those hits: most
        sentences have none, and go unread. Each hit's sentence is found by bisection (the
        sentences are in text order and do not overlap); a hit outside every sentence is passed."""
        sentences, starts = self.doc.sentences, self.hit_starts
        first = 0
        while first < len(starts):
            index = bisect_right(sentences, starts[first], key=_sentence_start) - 1
            if index < 0 or starts[first] >= sentences[index].end:
                first += 1
                continue
            sentence = sentences[index]
            last = bisect_left(starts, sentence.end, first)
            yield index, sentence, self.hits[first:last]
            first = last

    def sentence_frames(self, index: int, sentence: Sentence, hits: list[TriggerHit]) -> list[Frame]:
        """The frames of the hits (those beginning in the sentence)."""
        hits = self._kept_hits(hits, sentence)
        if not hits:  # most such sentences: their parties and context would go unread
            return []
        groups = self._groups(index, firms_as_state=any(is_conflict(hit.trigger.type) for hit in hits))
        context = self._context(sentence, groups)
        frames: list[Frame] = []
        # A clause verb's complement names no events of its own ("meminta X untuk menyerang Y"),
        # but for the acts a factive verb's complement names as nouns ("mengecam serangan X ke
        # Y"); a verb there has the complement's unsaid subject ("mengecam X karena menyerang Y").
        complement_end, factive_complement = -1, False
        for hit in hits:
            if hit.start < complement_end and not (factive_complement and hit.trigger.form == "noun"):
                continue
            frame = self._frame(index, sentence, hit, groups, context)
            if hit.trigger.clause_verb:
                complement_end = self.reading.clause_end(hit.end, sentence.end)
                factive_complement = hit.trigger.factive
            if frame is not None:
                frames.append(frame)
        _aim_at_named_acts(frames, self.reading.text)
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
        lexicon, text = self.reading.lexicon, self.reading.text
        countries: list[str] = []
        for group in groups:
            if not is_location(group, lexicon):
                countries.extend(c for c in group.countries if c not in countries)
        return _SentenceContext(
            countries=countries,
            sidelines=tuple(m.span() for m in finditer(lexicon.sidelines, text, self.sideline_starts,
                                                       sentence.start, sentence.end)),
            other_occasion=bool(finditer(lexicon.other_occasion, text, self.other_occasion_starts,
                                         sentence.start, sentence.end)))

    # -- one frame -----------------------------------------------------------------------------
    # Each side found records why in ``why`` ("actor" and "recipient"), kept in the frame's
    # flags as "actor:<reason>" and "recipient:<reason>".

    def _frame(self, index: int, sentence: Sentence, hit: TriggerHit, groups: list[Group],
               context: _SentenceContext) -> Frame | None:
        reading, trigger = self.reading, hit.trigger
        why: dict[str, str] = {}
        quote = self._quote_at(hit.start)
        left = subject(reading, hit, sentence, groups, why)
        right = object_of(reading, hit, sentence, groups, trigger, frozenset(left.countries) if left else frozenset())
        location = location_of(reading, hit, groups)
        actors, recipients = frame_sides(reading, hit, sentence, groups, left, right, location, quote, why)
        if actors is None:
            return None
        if trigger.mutual and len(countries_of(actors + recipients)) == 2:
            actors, recipients = _each_on_the_other(actors + recipients)
            why["actor"] = why["recipient"] = "each side of a mutual act ('bentrok', 'saling serang')"
        status = event_status(reading, hit, sentence)
        event_type = trigger.type
        if status == "planned" and trigger.planned_type:  # a threatened act is a threat made
            if predicted_by_another(reading, hit, sentence, frozenset(countries_of(actors)), quote):
                return None
            event_type, status = trigger.planned_type, "occurred"
        if event_type == "THREATEN" and actors and not recipients:
            condition = condition_party(reading, hit, sentence, groups, frozenset(countries_of(actors)))
            if condition is not None:
                recipients = condition.parties
                why["recipient"] = "state named in the condition ('jika X ...')"
        frame = Frame(type=event_type, mode=trigger.mode,
                      trigger=Span(hit.start, hit.end, reading.text[hit.start:hit.end]), sentence=index, actors=actors, recipients=recipients, status=status,
                      location=location.parties[0] if location and location.parties else None,
                      in_quote=quote is not None, context_countries=context.countries,
                      nominal=trigger.form == "noun", told_act=told_act(reading, hit, sentence))
        if location and location.mentions:
            frame.flags.add("location:" + location.mentions[0].text)
        if sentence.is_caption:
            frame.flags.add("caption")
        if event_type == "AGREE" and reading.cue(
                reading.lexicon.additive, reading.clause_start(hit.start, sentence.start), hit.start,
                alone=False):
            frame.flags.add(ANOTHER_AGREEMENT)
        if on_sidelines(reading, hit, sentence, context.sidelines):
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


def may_name_a_pair(doc: Document, lexicon: Lexicon, anchors: Anchors) -> bool:
    """Whether the document may come to pair two states, before its triggers are looked for:
    the states a frame's sides act for are among those its entities and the speakers of its
    quotes act for (``FrameBuilder.may_pair_states``), and only talks gain a second state from
    elsewhere. So a document naming no state, or one but holding no talks trigger
    (``triggers.holds_talks``), has no event (nearly half the articles)."""
    states = set(map(attrgetter("country"), doc.entities))  # in C: read for every document
    states.update(quote.speaker.country for quote in doc.quotes if quote.speaker is not None)
    states.discard(None)
    if len(states) >= 2:
        return True
    return bool(states) and holds_talks(doc.text, lexicon, anchors)


def _sentence_start(sentence: Sentence) -> int:
    """The key that bisects the sentences (in text order) by where they begin."""
    return sentence.start


def _aim_at_named_acts(frames: list[Frame], text: str) -> None:
    """"X mengecam penyitaan kapal Y oleh Z", "X mengecam serangan terhadap Y oleh Z": a
    reaction whose object is an act's noun, right after its verb, is aimed at the act's doers,
    not at what the act was done to (the noun phrase's party the object was read from)."""
    for reaction in frames:
        if reaction.type not in REACTION_TYPES:
            continue
        act = next((f for f in frames if f.nominal and f.trigger.start >= reaction.trigger.end
                    and not text[reaction.trigger.end:f.trigger.start].strip()), None)
        if act is None or not act.actors or not set(reaction.recipient_countries) <= set(act.recipient_countries):
            continue
        doers = [p for p in act.actors if p.country not in set(reaction.actor_countries)]
        if doers:
            reaction.recipients = doers
            reaction.flags = {f for f in reaction.flags if not f.startswith("recipient:")}
            reaction.flags.add(f"recipient:doer of the act its object names ('{act.trigger.text}')")


def _drop_partners_of_no_one(frame: Frame, grammar: ClauseGrammar) -> None:
    """"Kementerian itu menandatangani MoU dengan berbagai negara, antara lain A, B dan C":
    the partners of a symmetric act, named after "dengan" or a list opener, whose own side is
    not a state the text names are no sides of one another; such a frame keeps no sides (it
    makes no event) rather than pair A with B. Sides named otherwise stay ("antara A dan B",
    "A dan B sepakat", "disaksikan oleh A dan B")."""
    if frame.actors or len(set(frame.recipient_countries)) < 2 or not is_symmetric(frame.type, frame.mode):
        return
    partner_words = grammar.partner_prepositions | {phrase[-1] for phrase in grammar.list_opener_phrases}
    if not any(f"recipient:object ('{word}')" in frame.flags for word in partner_words):
        return
    frame.recipients = []
    frame.flags.add("recipients dropped: partners of a side the text does not name")


def _each_on_the_other(parties: list[Party]) -> tuple[list[Party], list[Party]]:
    """The two states of a mutual act (a clash, an exchange of fire), each acting on the other:
    one party per state, as actors and, in reverse order, as recipients."""
    first = {p.country: p for p in reversed(parties) if p.country}
    sides = sorted(first.values(), key=parties.index)
    return sides, list(reversed(sides))

