"""Where an event took place: the place its sentence (or its occasion) names.

A location phrase is a preposition of place ("di", or "ke" for a trip) followed by place
mentions, possibly chained with commas: "di Istana Élysée, Paris", "di Kantor Konsulat Jenderal
RI, Melbourne", "ke Washington DC". Its mentions are the entities the entities stage found:
places of the gazetteer (cities, regions, venues), capitals and seats, states, and a state's
institutions. One mention is chosen, the most specific: an international venue (UN
headquarters: on no state's territory), then a venue, then a city or region, then an
institution, then a state. A state after an embassy or consulate word ("di Kedutaan Besar AS")
is not where the event was: an embassy stands abroad. A seat followed right away by another
place's name is the palace that name says ("Istana Kepresidenan Prancis" is the French state's,
"Istana Kepresidenan Élysée" the Élysée, "Istana Kepresidenan Bogor" the one in Bogor), so the
name after it counts, not the seat (which alone stands for Indonesia's). A building named
after an institution or an office ("di Kantor Perdana Menteri X, Tokyo") is read past to the
place after its comma; a state that opens a hyphenated name ("Indonesia-Australia Leaders'
Meeting") is no place.

An event frame takes the first location phrase just after its trigger in its sentence (not one
closing a clause of another act that a word of sequence opens: "bertemu X usai bertemu Y di Z"
is Y's place; for a frame inside a quotation, only one inside it: the attribution's place is
where the words were said), else the last just before it; a frame of talks that names no place takes its
occasion's: the place of a sentence that only says where the occasion was ("Kegiatan ini
berlangsung di ..."), else the place the headline or lead names in its sentences that report
talks (a press conference's place is not where the talks were held, nor is a whole state that a
lead sentence without talks names: "sekolah di Indonesia"); where the lead reports attending a
summit or a ministers' meeting, such talks were held on its sidelines. A trip or a summit whose
host the sentence does not name as a party is hosted by the state of its place ("menghadiri KTT
di Port Moresby", "kunjungan ke Melbourne").
Talks of an ambassador with another state's officials that name no place at all are held in
that state, where the ambassador is posted: a courtesy call is the ambassador's visit.
The language's words are in ``lang/<language>/places.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from kronik.actors.kb import KnowledgeBase, fold
from kronik.actors.places import gazetteer
from kronik.document import Document, Entity, Location, Party, Sentence
from kronik.events.anchors import Anchors, cue_anchor, finditer
from kronik.events.dating import LEAD_MIN_WORDS, STATEMENT_TYPES
from kronik.events.frames import Frame
from kronik.events.merge import PLACE_REFERRED_BACK
from kronik.events.parties import party_of
from kronik.events.syntax import clause_grammar
from kronik.resources import load_data
from kronik.time.grammar import words_pattern
from kronik.tokens import document_tokens

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
# The words before a preposition, read within this many characters ("kunjungan kerja resmi ke").
LAST_WORDS_REACH = 40
# A trip word stands at most this many words before "ke", the others modifying it ("kunjungan
# kerja ke", "perjalanan dinas luar negeri ke" has three).
TRIP_WORDS_BACK = 4
# A location phrase reads at most this many words between its preposition and its last place
# ("di Kantor Konsulat Jenderal Republik Indonesia, Melbourne" has seven).
MAX_PHRASE_WORDS = 8
# A frame's place is named within this many characters after its trigger (or before it): past
# the other side's title and name ("bertemu dengan Menteri Luar Negeri Amerika Serikat <name>
# di ..."), not in another clause of a long sentence.
PLACE_REACH = 100
# An occasion sentence names its place within this many words of its verb ("berlangsung di",
# "digelar secara tertutup di").
OCCASION_GAP_WORDS = 3
# The last words before a position are read from this many characters first, and from the
# whole stretch only where those hold too few: the same words, without reading a long sentence
# (a speed bound, a few words more than the ones asked for).
LAST_WORDS_WINDOW = 60
# The occasion's place is given only to talks dated within this many days of the publication
# date (or undated): talks dated otherwise are another, earlier or later, occasion.
OCCASION_DAYS = 7
# The lead, whose place stands for the occasion when no sentence says where it was: the headline
# and this many first sentences of the body.
LEAD_SENTENCES = 2
# "di sana" and "Saat itu, ..." refer to the place of the sentence before, or of the one before
# that where the sentence before refers back too (a scene told over two or three sentences).
REFER_BACK_SENTENCES = 3
# Preference among a phrase's mentions: the most specific place wins.
RANK = {"international": 0, "venue": 1, "seat": 1, "city": 2, "region": 2, "institution": 3,
        "state": 4}
# Talks whose mode the place decides (a visit when held in one side's state).
TALK_MODES = frozenset({"meeting", "talk"})
TRAVEL_MODES = frozenset({"visit", "multilateral"})


@dataclass(frozen=True)
class PlaceWords:
    """The words of ``lang/<language>/places.yaml`` that read location phrases."""

    at: frozenset[str]
    to: frozenset[str]
    heads: frozenset[str]
    abroad_heads: frozenset[str]
    occasion_verbs: frozenset[str]
    # Any occasion verb inside a folded text, whole word or not: a sentence without one has no
    # occasion phrase, and goes unread.
    occasion_verb_text: re.Pattern[str]
    trips: frozenset[str]
    trip_modifiers: frozenset[str]
    name_joiners: frozenset[str]
    prepositions: re.Pattern[str]
    there: re.Pattern[str]
    then: re.Pattern[str]
    envoy_titles: tuple[str, ...]
    gatherings: tuple[str, ...]


@cache
def place_words(language: str = "id") -> PlaceWords:
    """The place words of ``language``, compiled once."""
    data = load_data("places", language)

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data[name])

    return PlaceWords(words("at"), words("to"), words("heads"), words("abroad_heads"),
                      words("occasion_verbs"),
                      re.compile("|".join(re.escape(verb) for verb in sorted(words("occasion_verbs")))),
                      words("trip_words"), words("trip_modifiers"),
                      words("name_joiners"), words_pattern(data["at"] + data["to"]),
                      words_pattern(data["there"]), re.compile(r"\W*" + words_pattern(data["then"]).pattern, re.IGNORECASE),
                      tuple(fold(w) + " " for w in data["envoy_titles"]),
                      tuple(fold(w) for w in data["gatherings"]))


@dataclass(frozen=True)
class Phrase:
    """A location phrase: its preposition, where it starts and ends, the place it names,
    whether it is a trip's destination ("kunjungannya ke X") and whether its place is a whole
    state ("di Indonesia")."""

    prep: str
    start: int
    end: int
    location: Location
    trip: bool = False
    whole_state: bool = False


class Locator:
    """Reads the location phrases of one document and gives its frames their place."""

    def __init__(self, doc: Document, kb: KnowledgeBase | None = None, anchors: Anchors | None = None):
        """``anchors``: where the document's words stand, where the caller has them already."""
        self.doc = doc
        self.text = doc.text
        self.words = place_words(doc.language)
        self.places = gazetteer(doc.language)
        self.kb = kb or KnowledgeBase.default()
        grammar = clause_grammar(doc.language)
        self.sequence_words = grammar.sequence_words
        self.subordinators = grammar.subordinators | grammar.fronting_subordinators
        entities = [e for e in doc.entities if e.part_of is None]
        self.by_start = {e.start: e for e in sorted(entities, key=lambda e: e.end - e.start)}
        self._phrases: dict[int, list[Phrase]] = {}
        self._refers: dict[int, bool] = {}  # sentence -> whether it refers back, read once
        self._triggers: dict[int, list[int]] = {}  # sentence -> where its frames' triggers start
        # Where a preposition or a word of "di sana" may stand: the two patterns are tried there
        # only (``kronik.events.anchors``), not at every character of each sentence read.
        anchors = anchors or Anchors(doc.text, document_tokens(doc))
        self._preposition_starts = anchors.starts(cue_anchor(self.words.prepositions))
        self._there_starts = anchors.starts(cue_anchor(self.words.there))

    def locate(self, frames: list[Frame]) -> None:
        """Give each frame its place (``Frame.place``) and a host to trips that name none."""
        gathering = self._at_a_gathering(frames)
        for frame in frames:
            self._triggers.setdefault(frame.sentence, []).append(frame.trigger.start)
        lead = set(self._lead)
        lead_talks = {f.sentence for f in frames if f.type == "CONSULT" and f.sentence in lead}
        for frame in frames:
            phrase = self.frame_phrase(frame)
            frame.place = phrase.location if phrase is not None else None
            if phrase is not None and phrase.prep in self.words.to:
                frame.flags.add("place: destination")
            if phrase is not None:
                self.host_named_in_its_place(frame, phrase)
            if frame.place is None:
                frame.place = self.place_referred_back(frame)
            if frame.place is None and self.of_the_occasion(frame):
                frame.place = self.occasion_of(frame, lead_talks)
                if frame.place is not None and gathering:
                    frame.flags.update({"sidelines", "sidelines: the occasion is a gathering"})
            if frame.place is None:
                frame.place = self.place_of_a_posting(frame)
            self.host_from_place(frame)
            self.visitor_named_before(frame)

    def place_referred_back(self, frame: Frame) -> Location | None:
        """The place "di sana" ("there") stands for, or the scene of the sentence before for
        one that opens "Saat itu, ...": the last place the sentence before names ("Jokowi
        melawat ke Riyadh. Di sana ia akan memimpin KTT ..."), read back past sentences that
        refer back themselves ("Agendanya di sana ...") at most ``REFER_BACK_SENTENCES`` back."""
        if not self._refers_back(frame.sentence):
            return None
        for index in range(frame.sentence - 1, max(-1, frame.sentence - 1 - REFER_BACK_SENTENCES), -1):
            before = self.phrases(index)
            if before:
                frame.flags.add(PLACE_REFERRED_BACK)
                return before[-1].location
            if not self._refers_back(index):
                return None
        return None

    def _refers_back(self, index: int) -> bool:
        """Whether sentence ``index`` says "there" or opens with "then" ("Saat itu, ...")."""
        refers = self._refers.get(index)
        if refers is None:
            sentence = self.doc.sentences[index]
            refers = self._refers[index] = bool(
                finditer(self.words.there, self.text, self._there_starts, sentence.start, sentence.end)
                or self.words.then.match(self.text, sentence.start, sentence.end))
        return refers

    def place_of_a_posting(self, frame: Frame) -> Location | None:
        """Talks of an ambassador with the officials of another state, where the sentence and
        the article name no place, are held in that state, where the ambassador is posted (a
        courtesy call: "Dubes X bertemu Menteri Y"); so they are the ambassador's visit."""
        if frame.type != "CONSULT" or frame.mode not in TALK_MODES:
            return None
        envoys = [side for side in (frame.actors, frame.recipients)
                  if side and all(self._envoy(party) for party in side)]
        if len(envoys) != 1:
            return None
        other = frame.recipients if envoys[0] is frame.actors else frame.actors
        hosts = {party.country for party in other}
        if len(hosts) != 1 or None in hosts or hosts & {party.country for party in envoys[0]}:
            return None
        host = hosts.pop()
        state = self.kb.by_code(host)
        frame.flags.add("place: the state an ambassador is posted in")
        return Location(state.name if state else host, host)

    def _envoy(self, party: Party) -> bool:
        return party.kind == "person" and party.title is not None and \
            (fold(party.title) + " ").startswith(self.words.envoy_titles)

    def of_the_occasion(self, frame: Frame) -> bool:
        """Talks that may be the article's occasion: not another occasion, and undated or dated
        near the publication date. Trips and summits take only a place of their own: the host
        of "berada di" is what its own sentence says."""
        if frame.type != "CONSULT" or frame.mode not in TALK_MODES or frame.other_occasion:
            return False
        anchor, date = self.doc.anchor, frame.date
        if anchor is None or date is None or date.first is None:
            return True
        return (date.first - anchor).days <= OCCASION_DAYS and (anchor - date.last).days <= OCCASION_DAYS

    def frame_phrase(self, frame: Frame) -> Phrase | None:
        """The location phrase of the frame's own sentence: "di X" after the trigger, else
        before it; a trip's destination ("ke X") for trips and for talks held on a trip
        ("kunjungannya ke X")."""
        phrases = [p for p in self.phrases(frame.sentence)
                   if (p.prep in self.words.at or p.trip or frame.mode in TRAVEL_MODES)
                   and not self._outside_its_quote(frame, p)]
        after = [p for p in phrases if 0 <= p.start - frame.trigger.end <= PLACE_REACH
                 and not self._in_another_act(frame, p)]
        if after:
            return after[0]
        before = [p for p in phrases if 0 <= frame.trigger.start - p.end <= PLACE_REACH]
        return before[-1] if before else None

    def _outside_its_quote(self, frame: Frame, phrase: Phrase) -> bool:
        """Whether a place stands outside the quotation that holds the frame: the place of the
        attribution ('"... kita berunding dengan China," kata X di Hotel Y, Jakarta') is where
        the words were said, not where the talks they tell of were held."""
        if not frame.in_quote:
            return False
        return not any(q.start <= frame.trigger.start < q.end and q.start <= phrase.start < q.end
                       for q in self.doc.quotes)

    def _in_another_act(self, frame: Frame, phrase: Phrase) -> bool:
        """Whether a place after a trigger closes a clause of another occasion that a word of
        sequence opens before it, with a trigger of its own ("bertemu Macron usai bertemu Putin
        di Moskwa"): the place is that other act's, not this one's. After a statement any other
        act's trigger will do: what is blamed, asked or denied is that act, and the place closes
        it ("mengutuk serangan A terhadap kota X di B")."""
        others = [start for start in self._triggers.get(frame.sentence, ())
                  if frame.trigger.end < start < phrase.start]
        if not others:  # most phrases: no other trigger between, no word to read
            return False
        if frame.type in STATEMENT_TYPES:
            return True
        for match in WORD.finditer(self.text, frame.trigger.end, phrase.start):
            if fold(match.group(0)) in self.sequence_words:
                return any(match.end() <= start for start in others)
        return False

    def host_named_in_its_place(self, frame: Frame, phrase: Phrase) -> None:
        """A trip whose hosts are only names inside its own location phrase that the phrase
        reads as another state's place ("kunjungan di Istana Kepresidenan Élysée, Paris": the
        seat alone stands for Indonesia) is hosted by the state of that place."""
        place = frame.place
        if (frame.type != "CONSULT" or frame.mode not in TRAVEL_MODES or not frame.recipients
                or place is None or place.country is None):
            return
        named = self.text[phrase.start:phrase.end]
        if any(party.country == place.country or party.name is None or party.name not in named
               for party in frame.recipients):
            return
        state = self.kb.by_code(place.country)
        frame.recipients = [Party(state.name if state else place.country, place.country, "state")]
        frame.flags.add("host: the state of the place its phrase names")

    def host_from_place(self, frame: Frame) -> None:
        """A summit, or a trip to a destination ("kunjungan ke X"), without a host party is
        hosted by the state its place lies in; being somewhere ("berada di X") is no trip."""
        place = frame.place
        destination = frame.mode == "multilateral" or "place: destination" in frame.flags
        if (frame.type != "CONSULT" or not destination or frame.recipients
                or place is None or place.country is None
                or place.country in frame.actor_countries or not frame.actors):
            return
        state = self.kb.by_code(place.country)
        frame.recipients = [Party(state.name if state else place.country, place.country, "state")]
        frame.flags.add("host from the place")

    def visitor_named_before(self, frame: Frame) -> None:
        """A trip or a summit that names its host but no traveller ("kata X kepada wartawan
        ketika kunjungan resmi ke Y"; Indonesian leaves out the subject a clause shares) is made
        by the person acting for another state whom its sentence names before the trigger, if
        all such people act for one state. Only where a subordinator opens the trigger's clause
        ("ketika", "dalam lawatan ke Y"), not in a headline ("Bahas Kunjungan ke Y" is a topic)."""
        if frame.type != "CONSULT" or frame.mode not in TRAVEL_MODES or frame.actors or not frame.recipients:
            return
        sentence = self.doc.sentences[frame.sentence]
        before = WORD.findall(self.text, sentence.start, frame.trigger.start)
        if sentence.is_headline or not before or before[-1].lower() not in self.subordinators:
            return  # only a clause opened by "ketika", "dalam", "saat" ... leaves its subject out
        hosts = set(frame.recipient_countries)
        people = [e for e in self.doc.entities if e.part_of is None and e.kind == "person" and e.country
                  and e.country not in hosts and sentence.start <= e.start and e.end <= frame.trigger.start]
        if len({e.country for e in people}) != 1:
            return
        visitor = party_of(people[0])
        if visitor is not None:
            frame.actors = [visitor]
            frame.flags.add("actor: the one person of another state named before (the subject left out)")

    def _at_a_gathering(self, frames: list[Frame]) -> bool:
        """Whether the article's occasion is a gathering: its headline or lead reports attending
        a summit or a ministers' meeting (not a forum or a conference, which two states hold
        between themselves too: "forum bisnis X-Y" on a state visit). Talks that take their
        place from such an occasion were held on its sidelines (a meeting, coding convention
        1), not on a visit."""
        lead = set(self._lead)
        return any(f.type == "CONSULT" and f.mode == "multilateral" and f.sentence in lead
                   and any(word in fold(f.trigger.text) for word in self.words.gatherings)
                   for f in frames)

    @cached_property
    def _lead(self) -> list[int]:
        """The headline and the first sentences of the body (captions left out, and short first
        lines too: a dateline or byline, "Channel9.id-Canberra.", is no sentence of the lead)."""
        sentences = self.doc.sentences
        lead = [i for i, s in enumerate(sentences) if s.is_headline]
        body = [i for i, s in enumerate(sentences) if not s.is_headline and not s.is_caption]
        first = next((k for k, i in enumerate(body) if len(WORD.findall(sentences[i].text)) >= LEAD_MIN_WORDS), 0)
        return lead + body[first:first + LEAD_SENTENCES]

    def occasion_of(self, frame: Frame, lead_talks: set[int]) -> Location | None:
        """The occasion's place for talks that name none: where the occasion sentences say it
        was, else where the sentences of the headline and lead that report the talks say (ones
        with talks of their own, or naming every state of the frame): the place of a press
        conference in the lead ("X di Jakarta mengatakan ...") is where the news was told, not
        where the talks were held, nor is the place of the attribution of the quotation that
        tells of the talks. ``lead_talks``: the lead's sentences with talks of their own."""
        place = self.occasion
        if place is None:
            wanted = set(frame.countries)
            reporting = [i for i in self._lead if i in lead_talks
                         or (wanted and wanted <= self._lead_states[i])]
            place = _agreed([p.location for i in reporting for p in self.phrases(i)
                             if p.prep in self.words.at and (i in lead_talks or not p.whole_state)
                             and not (i == frame.sentence and self._outside_its_quote(frame, p))])
        if place is not None:
            frame.flags.add("place from the occasion")
        return place

    @cached_property
    def _lead_states(self) -> dict[int, set[str]]:
        """The states each sentence of the lead names as parties (states and people, not
        places), read once per document."""
        named: dict[int, set[str]] = {}
        for index in self._lead:
            sentence = self.doc.sentences[index]
            named[index] = {e.country for e in self.doc.entities if e.part_of is None and e.country
                            and e.kind in ("state", "person") and sentence.start <= e.start < sentence.end}
        return named

    @cached_property
    def occasion(self) -> Location | None:
        """Where the article's occasion was: its occasion sentences' place if they agree. Only
        sentences whose folded text holds an occasion verb are read (``fold`` keeps offsets)."""
        folded = fold(self.text)
        verb = self.words.occasion_verb_text
        return _agreed([phrase.location for sentence in self.doc.sentences
                        if verb.search(folded, sentence.start, sentence.end)
                        for phrase in self._occasion_phrases(sentence)])

    def _occasion_phrases(self, sentence: Sentence) -> list[Phrase]:
        """The sentence's "at" phrases right after an occasion verb. The verb is looked for
        before reading a phrase: most prepositions have none, and their phrases go unread."""
        found = []
        for match in self._prepositions(sentence):
            prep = fold(match.group(0))
            if prep in self.words.at and self._after_occasion_verb(sentence, match.end()):
                phrase = self.phrase(prep, match.end(), sentence.end)
                if phrase is not None:
                    found.append(phrase)
        return found

    def _after_occasion_verb(self, sentence: Sentence, position: int) -> bool:
        words = last_words(self.text, sentence.start, position, OCCASION_GAP_WORDS + 1)
        return any(fold(w) in self.words.occasion_verbs for w in words)

    # Reading phrases

    def phrases(self, index: int) -> list[Phrase]:
        """The location phrases of sentence ``index``, in text order (read once)."""
        if index not in self._phrases:
            sentence = self.doc.sentences[index]
            found = []
            for match in self._prepositions(sentence):
                prep = fold(match.group(0))
                phrase = self.phrase(prep, match.end(), sentence.end)
                if phrase is not None:
                    trip = prep in self.words.to and self._after_trip_word(match.start())
                    found.append(Phrase(phrase.prep, phrase.start, phrase.end, phrase.location, trip,
                                        phrase.whole_state))
            self._phrases[index] = found
        return self._phrases[index]

    def _prepositions(self, sentence: Sentence) -> list[re.Match[str]]:
        """The prepositions of place in the sentence, in text order."""
        return finditer(self.words.prepositions, self.text, self._preposition_starts, sentence.start, sentence.end)

    def _after_trip_word(self, position: int) -> bool:
        """Whether a trip word stands just before "ke", past the words that modify it
        ("kunjungannya ke", "kunjungan kerja ke", "perjalanan dinas ke"). A trip told as
        before or after another act ("sebelum terbang ke X") is another leg: not where that
        act took place."""
        start = max(0, position - LAST_WORDS_REACH)
        before = self.text[start:position].rstrip()
        if not before or before[-1] in ",.;:":
            return False
        words = [fold(m.group(0)) for m in WORD.finditer(self.text, start, position)][-TRIP_WORDS_BACK:]
        for index in range(len(words) - 1, -1, -1):
            if words[index] in self.words.trips:
                return index == 0 or words[index - 1] not in self.sequence_words
            if words[index] not in self.words.trip_modifiers:
                return False
        return False

    def phrase(self, prep: str, start: int, limit: int) -> Phrase | None:
        """The phrase after a preposition: head words, capitalised words and place mentions,
        further places after a comma; None where it names no place."""
        mentions: list[Entity] = []
        position, words = start, 0
        for match in WORD.finditer(self.text, start, limit):
            if match.start() < position:
                continue
            gap = self.text[position:match.start()]
            entity = self.by_start.get(match.start())
            placed = entity is not None and self.kind(entity) is not None and not self._compound(entity)
            if gap.strip() and not (gap.strip() == "," and placed and (mentions or words)):
                break
            if placed:
                mentions.append(entity)
                position = entity.end
                continue
            if entity is not None and words < MAX_PHRASE_WORDS and self._names_a_building(entity, words):
                words += 1
                position = entity.end
                continue
            word = match.group(0)
            if entity is not None or words >= MAX_PHRASE_WORDS or not (
                    fold(word) in self.words.heads or word[:1].isupper()
                    or (words and not mentions and self._joins_a_name(word, match.end()))):
                break
            words += 1
            position = match.end()
        entity = self.choose(start, mentions)
        if entity is None:
            return None
        place = self.places.get(entity.text)
        lat = entity.lat if entity.lat is not None else (place.lat if place else None)
        lon = entity.lon if entity.lon is not None else (place.lon if place else None)
        return Phrase(prep, start, mentions[-1].end, Location(entity.text, entity.country, lat, lon),
                      whole_state=self.kind(entity) == "state")

    def _joins_a_name(self, word: str, end: int) -> bool:
        """Whether a lower-case word joins two parts of a building's name ("Kementerian Haji
        dan Umrah Kerajaan X"): a joiner followed by a capitalised word."""
        following = WORD.match(self.text, end + 1)
        return fold(word) in self.words.name_joiners and following is not None \
            and following.group(0)[:1].isupper()

    def _compound(self, entity: Entity) -> bool:
        """Whether a mention is the first part of a hyphenated compound ("Indonesia-Australia
        Leaders' Meeting"): a name, not where something happened."""
        after = self.text[entity.end:entity.end + 2]
        return after[:1] in ("-", "–") and after[1:].isalpha()

    def _names_a_building(self, entity: Entity, words: int) -> bool:
        """Whether a mention that is no place is part of a building's name: a state's
        institution that the phrase does not resolve ("di Kementerian Pertahanan, Jakarta"), or
        an office holder after a head word ("di Kantor Perdana Menteri X, Tokyo")."""
        if entity.kind == "organization":
            return entity.country is not None
        return entity.kind == "person" and words > 0

    def kind(self, entity: Entity) -> str | None:
        """What kind of place a mention names, or None for one that names none (a person)."""
        if entity.kind == "place":
            place = self.places.get(entity.text)
            if place is not None:
                return place.kind
            return "city" if entity.country else None
        if entity.kind == "state":
            if entity.role != "metonym":
                return "state"
            place = self.places.get(entity.text)
            return place.kind if place is not None else "seat"
        if entity.kind == "organization" and entity.country and entity.role:
            return "institution"
        return None

    def choose(self, start: int, mentions: list[Entity]) -> Entity | None:
        """The most specific of a phrase's mentions that says where something was (``RANK``)."""
        kept: list[tuple[int, Entity]] = []
        for position, entity in enumerate(mentions):
            kind = self.kind(entity)
            if kind in ("state", "institution") and self._abroad(start, entity):
                continue
            following = mentions[position + 1] if position + 1 < len(mentions) else None
            if kind == "seat" and following is not None and not self.text[entity.end:following.start].strip():
                continue  # "Istana Kepresidenan Prancis", "... Élysée": the palace the name after it says
            kept.append((RANK[kind], entity))
        if not kept:
            return None
        return min(kept, key=lambda pair: pair[0])[1]

    def _abroad(self, start: int, entity: Entity) -> bool:
        """Whether an embassy or consulate word stands before or in a mention ("Kedubes AS")."""
        return any(fold(m.group(0)) in self.words.abroad_heads
                   for m in WORD.finditer(self.text, start, entity.end))


def last_words(text: str, start: int, end: int, count: int) -> list[str]:
    """The last ``count`` words of ``text[start:end]`` (``count`` > 0). They are read from
    ``LAST_WORDS_WINDOW`` characters before ``end`` first: of the words found there only
    the first may be cut by the window, so more than ``count`` of them end the same way."""
    window = max(start, end - LAST_WORDS_WINDOW)
    words = WORD.findall(text, window, end)
    if len(words) <= count and window > start:
        words = WORD.findall(text, start, end)
    return words[-count:]


def _agreed(locations: list[Location]) -> Location | None:
    """The first of places that all lie in one state, or None."""
    if locations and len({location.country for location in locations}) == 1:
        return locations[0]
    return None


def locate_frames(doc: Document, frames: list[Frame], anchors: Anchors | None = None) -> None:
    """Give the frames of a document their place (see the module's docstring); ``anchors``:
    where the document's words stand, where the caller has them already."""
    Locator(doc, anchors=anchors).locate(frames)
