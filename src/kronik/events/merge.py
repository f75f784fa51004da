"""Merging frames into events within one article.

Several sentences often speak of one event: the lead, a quote, a later "panggilan itu". Frames
are split into one per pair of sides (a directed act with several sources or targets is one
event per pair), then joined when type, mode, sides, status and dates agree; an agreement
added to those named before ("juga menandatangani", "Selain ...") stays apart. A mention that
names too few sides ("Pembicaraan jarak jauh dilakukan ...") is not an event of its own: it
adds its channel and date to the event it refers back to. Talks held during a visit belong to
the visit. An act told as a retaliation ("X kemudian menyerang Y sebagai balasan") came after
the acts of the same pair told before it: it is another occasion, not one of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kronik.document import Party, TimeExpression
from kronik.events.coding import is_symmetric
from kronik.events.frames import ANOTHER_AGREEMENT, Frame
from kronik.events.parties import countries_of

IN_PERSON_MODES = frozenset({"meeting", "talk"})
# Talks naming only the partner take the side that the article's talks before it share, where
# that side is in at least this many of them (one would carry a lone mention's side anywhere).
MIN_PROTAGONIST_TALKS = 2

# An event keeps at most this many of its mentions: news articles repeat an event in a handful
# of sentences, and each later mention still gives the event its channel, status and date;
# the bound keeps the work of comparing mentions with events linear in a text's length.
MAX_FRAMES_PER_EVENT = 32

# The flag of a mention whose place is the one the sentence before names ("Di sana ...").
PLACE_REFERRED_BACK = "place: referred back ('di sana', 'saat itu')"

# The flag of a mention told as a retaliation by a verb of its own ("menyerang ... sebagai
# balasan"); a noun so told ("Serangan itu disebut sebagai balasan") mostly refers back.
RETALIATION = "told as a retaliation"


@dataclass
class Cluster:
    """An event of the article: the frames that speak of it and what they agree on."""

    type: str
    mode: str | None
    actors: list[Party]
    recipients: list[Party]
    status: str
    frames: list[Frame]
    first: date | None = None
    last: date | None = None
    date_text: str | None = None
    date_reason: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def symmetric(self) -> bool:
        return is_symmetric(self.type, self.mode)

    @property
    def countries(self) -> list[str]:
        found: list[str] = []
        for party in self.actors + self.recipients:
            if party.country and party.country not in found:
                found.append(party.country)
        return found

    def signature(self) -> tuple:
        if self.symmetric:
            return (frozenset(self.countries),)
        return (tuple(countries_of(self.actors)), tuple(countries_of(self.recipients)))

    def set_interval(self, first: date | None, last: date | None, text: str | None, reason: str) -> None:
        self.first, self.last, self.date_text, self.date_reason = first, last, text, reason

    def set_date(self, expression: TimeExpression, reason: str) -> None:
        self.set_interval(expression.first, expression.last, expression.text, reason)

    def copy_date(self, other: Cluster, reason: str | None = None) -> None:
        """Take another event's date, with ``reason`` or the other's own."""
        self.set_interval(other.first, other.last, other.date_text, reason or other.date_reason)

    def narrower(self, first: date | None, last: date | None) -> bool:
        """Whether ``first``..``last`` would date this event more precisely than it is."""
        return first is not None and (self.first is None or last - first < self.last - self.first)

    def dated(self) -> bool:
        return self.first is not None


def _by_country(parties: list[Party]) -> dict[str, list[Party]]:
    grouped: dict[str, list[Party]] = {}
    for party in parties:
        if party.country:
            grouped.setdefault(party.country, []).append(party)
    return grouped


def split_pairs(frame: Frame) -> list[tuple[list[Party], list[Party]]]:
    """The (actors, recipients) pairs a frame stands for: one per pair of states."""
    actors, recipients = _by_country(frame.actors), _by_country(frame.recipients)
    if is_symmetric(frame.type, frame.mode):
        if len(actors) == 1 and len(recipients) >= 2:
            (country, parties), = actors.items()
            return [(parties, others) for other, others in recipients.items() if other != country]
        everyone = frame.actors + frame.recipients
        if len(_by_country(everyone)) < 2:
            return []
        first = countries_of(everyone)[0]
        return [([p for p in everyone if p.country == first], [p for p in everyone if p.country != first])]
    return [(a, r) for ac, a in actors.items() for rc, r in recipients.items() if ac != rc]


def modes_compatible(a: str | None, b: str | None) -> bool:
    if a == b or "talk" in (a, b) and {a, b} <= {"talk", "phone", "meeting"}:
        return True
    return False


# A visit lasts days: its arrival and its talks, mentioned on different days within this many
# days of each other, are one visit whose interval covers them all.
VISIT_SPAN_DAYS = 7


def dates_compatible(cluster: Cluster, first: date | None, last: date | None) -> bool:
    if cluster.first is None or first is None:
        return True
    if cluster.mode == "visit" and _within_a_visit(cluster.first, cluster.last, first, last):
        return True
    return cluster.first <= last and first <= cluster.last


def _within_a_visit(first_a: date, last_a: date, first_b: date, last_b: date) -> bool:
    return (max(last_a, last_b) - min(first_a, first_b)).days <= VISIT_SPAN_DAYS


def _status_compatible(cluster: Cluster, frame: Frame) -> bool:
    if cluster.status == frame.status:
        return True
    if frame.status == "planned" and (frame.date is None or frame.date.first is None):
        return True
    return cluster.status == "planned" and cluster.first is None


def _absorb(cluster: Cluster, frame: Frame, reason: str) -> None:
    if len(cluster.frames) < MAX_FRAMES_PER_EVENT:
        cluster.frames.append(frame)
    if cluster.mode == "talk" and frame.mode in ("phone", "meeting"):
        cluster.mode = frame.mode
    if frame.status == "occurred" and cluster.status == "planned" and cluster.first is None:
        cluster.status = "occurred"
    if (cluster.mode == "visit" and cluster.first is not None and frame.date is not None
            and frame.date.first is not None
            and _within_a_visit(cluster.first, cluster.last, frame.date.first, frame.date.last)):
        cluster.set_interval(min(cluster.first, frame.date.first), max(cluster.last, frame.date.last),
                             cluster.date_text, "the days the visit's mentions cover")
    elif frame.date is not None and cluster.narrower(frame.date.first, frame.date.last):
        cluster.set_date(frame.date, reason)
    for party in frame.actors + frame.recipients:
        if party.kind == "person" and party not in cluster.actors + cluster.recipients:
            target = cluster.actors if party.country in countries_of(cluster.actors) else cluster.recipients
            if party.country in countries_of(cluster.actors + cluster.recipients):
                target.append(party)


def may_be_told_as_retaliation(frame: Frame) -> bool:
    """Whether the frame is flagged ``RETALIATION`` where its sentence tells a retaliation: a
    verb of its own, outside quotes (a noun so told mostly refers back)."""
    return not frame.nominal and not frame.in_quote


def merge_frames(frames: list[Frame], retaliations: frozenset[int] = frozenset()) -> list[Cluster]:
    """The article's events: full frames joined where they agree, partial ones folded in.
    ``retaliations``: the sentences that tell an act as a retaliation."""
    clusters: list[Cluster] = []
    partial_talks: list[Frame] = []
    one_sided: list[Frame] = []
    for frame in frames:
        if frame.sentence in retaliations and may_be_told_as_retaliation(frame):
            frame.flags.add(RETALIATION)
        pairs = split_pairs(frame)
        if not pairs:
            (partial_talks if frame.type == "CONSULT" else one_sided).append(frame)
            continue
        for actors, recipients in pairs:
            _place(clusters, frame, actors, recipients)
    for frame in partial_talks:
        if not _fold_partial(clusters, frame):
            _carry_protagonist(clusters, frame)
    for frame in one_sided:
        accuser = _accuser(clusters, frame) if frame.type == "REJECT" else None
        if accuser is not None:
            _place(clusters, frame, frame.actors, accuser)
        else:
            _fold_one_sided(clusters, frame)
    clusters = _sideline_summits(clusters, [f for f in partial_talks if "sidelines" in f.flags])
    return _absorb_visit_talks(_summit_trips(_meetings_abroad_as_visits(clusters)))


def join_same_talks(clusters: list[Cluster]) -> list[Cluster]:
    """Talks that came out of merging and dating as two events with the same mode, sides,
    status and dates are one encounter told twice (a visit named again in a sentence opening
    "Sebelumnya, X menjelaskan alasan di balik kunjungan ..."): the first keeps the mentions
    of both. Agreements and other acts stay apart: several are often signed on one day."""
    kept: list[Cluster] = []
    for cluster in clusters:
        same = next((c for c in kept if cluster.type == c.type == "CONSULT" and c.mode == cluster.mode
                     and c.signature() == cluster.signature() and c.status == cluster.status
                     and c.dated() and (c.first, c.last) == (cluster.first, cluster.last)), None)
        if same is None:
            kept.append(cluster)
        else:
            same.frames.extend(cluster.frames)
    return kept


def _sideline_summits(clusters: list[Cluster], scenes: list[Frame]) -> list[Cluster]:
    """Talks held on a summit's sidelines also report attending that summit (coding convention
    1: multilateral, [attendee, host, every other state the text names]). The summit's host is
    the state of its place; its attendee is the side all those talks share (the article's
    protagonist), the other participants are their partners. A sentence naming no side ("The
    bilateral meetings were held on the sidelines of the General Assembly in New York")
    sets the scene and date of the article's talks held in that same state."""
    sideline_talks = [f for c in clusters if c.type == "CONSULT" and c.mode in IN_PERSON_MODES
                      for f in c.frames if "sidelines" in f.flags]
    for scene in [f for f in scenes + sideline_talks if f.place is not None and f.place.country]:
        host = scene.place.country
        talks = [c for c in clusters if c.type == "CONSULT" and c.mode in IN_PERSON_MODES
                 and host not in c.countries and c.status == scene.status
                 and any(f is scene or (f.place is not None and f.place.country == host
                                        and "place from the occasion" in f.flags) for f in c.frames)]
        attendee = _shared_side(talks) or _single_meeting_attendee(clusters, scene, talks, host)
        if attendee is None:
            continue
        others = [p for c in talks for p in c.actors + c.recipients if p.country != attendee.country]
        _add_summit(clusters, scene, talks, attendee, others)
    return clusters


def _single_meeting_attendee(clusters: list[Cluster], scene: Frame, talks: list[Cluster],
                             host: str) -> Party | None:
    """The attendee of a summit that the article tells of by one meeting of one pair on its
    sidelines, in a third state ("X akan bertemu Y di Port Moresby saat pertemuan APEC"):
    both sides attend; the side the text makes the meeting's actor is its protagonist. Only
    for a scene of the body naming both sides, and where the article has no attendance of
    that summit yet (its own mentions then say who attended and when)."""
    if not (scene.actors and scene.recipients) or "caption" in scene.flags or len(talks) != 1:
        return None
    actors = countries_of(talks[0].actors)
    if len(actors) != 1 or _summit_of(clusters, actors[0], host) is not None:
        return None
    return next(p for p in talks[0].actors if p.country == actors[0])


def _summit_of(clusters: list[Cluster], attendee: str, host: str) -> Cluster | None:
    """The article's attendance of a summit by ``attendee`` hosted by ``host``, if any."""
    return next((c for c in clusters if c.type == "CONSULT" and c.mode == "multilateral"
                 and countries_of(c.actors) == [attendee]
                 and countries_of(c.recipients)[:1] == [host]), None)


def _shared_side(talks: list[Cluster]) -> Party | None:
    """The state every one of the talks has as a side, if exactly one."""
    if not talks:
        return None
    shared = set.intersection(*(set(c.countries) for c in talks))
    if len(shared) != 1:
        return None
    country = shared.pop()
    return next(p for c in talks for p in c.actors + c.recipients if p.country == country)


def _add_summit(clusters: list[Cluster], scene: Frame, talks: list[Cluster], attendee: Party,
                others: list[Party]) -> None:
    """Add the summit the talks were held at, or widen the one the article already has."""
    host = Party(name=scene.place.name, country=scene.place.country, kind="state")
    summit = _summit_of(clusters, attendee.country, host.country)
    if summit is None:
        summit = Cluster("CONSULT", "multilateral", [attendee], [host], scene.status, [scene])
        clusters.append(summit)
    for party in others:
        if party.country not in summit.countries:
            summit.recipients.append(party)
    if summit.first is None and scene.date is not None and scene.date.first is not None:
        summit.set_date(scene.date, "the date of the summit's sidelines")
    elif summit.first is None:
        dated = next((c for c in talks if c.first is not None), None)
        if dated is not None:
            summit.copy_date(dated, "the date of the talks on the summit's sidelines")


def _summit_trips(clusters: list[Cluster]) -> list[Cluster]:
    """A trip made to attend a summit ("tiba di X untuk menghadiri KTT") is the attendance
    (coding convention 1: multilateral), not a visit of its own."""
    summits = [c for c in clusters if c.type == "CONSULT" and c.mode == "multilateral"]
    kept: list[Cluster] = []
    for cluster in clusters:
        summit = next((s for s in summits if cluster.type == "CONSULT" and cluster.mode == "visit"
                       and set(countries_of(cluster.actors)) == set(countries_of(s.actors))
                       and {f.sentence for f in cluster.frames} <= {f.sentence for f in s.frames}
                       and dates_compatible(s, cluster.first, cluster.last)
                       and (not s.recipients or set(countries_of(s.recipients)) == set(countries_of(cluster.recipients)))),
                      None)
        if summit is None:
            kept.append(cluster)
            continue
        summit.frames.extend(cluster.frames)
        if summit.first is None and cluster.first is not None:
            summit.copy_date(cluster, "the trip to the summit")
        if not summit.recipients:
            summit.recipients = list(cluster.recipients)
    return kept


def _accuser(clusters: list[Cluster], frame: Frame) -> list[Party] | None:
    """Whom a denial answers when the sentence does not say: the latest accuser of the denier,
    else the claimant the sentence before names (``_claimant``)."""
    denier = set(frame.actor_countries)
    if not denier:
        return None
    accusations = [c for c in clusters if c.type == "ACCUSE" and denier & set(countries_of(c.recipients))
                   and min(f.trigger.start for f in c.frames) < frame.trigger.start]
    if not accusations:
        return _claimant(clusters, frame, denier)
    return max(accusations, key=lambda c: min(f.trigger.start for f in c.frames)).actors


def _claimant(clusters: list[Cluster], frame: Frame, denier: set[str]) -> list[Party] | None:
    """A denial right after a sentence telling one event between the denier and one other
    state ("X mengklaim kedua negara telah mencapai ... Namun Y menepis klaim tersebut")
    answers that other state, the one the claim came from."""
    told = [c for c in clusters if any(f.sentence == frame.sentence - 1 for f in c.frames)
            and denier < set(c.countries) and len(set(c.countries) - denier) == 1]
    if len(told) != 1:
        return None
    other = (set(told[0].countries) - denier).pop()
    return [p for p in told[0].actors + told[0].recipients if p.country == other]


def _meetings_abroad_as_visits(clusters: list[Cluster]) -> list[Cluster]:
    """Talks held in one side's country are that other side's visit (coding convention 1):
    "A bertemu B di <B's capital>" is A's visit to B, and one with the visit the text names."""
    result: list[Cluster] = []
    for cluster in (_as_visit(c) for c in clusters):
        same = next((c for c in result if c.type == "CONSULT" and c.mode == "visit" == cluster.mode
                     and c.signature() == cluster.signature() and c.status == cluster.status
                     and dates_compatible(c, cluster.first, cluster.last)
                     and not any(f.other_occasion for f in c.frames + cluster.frames)), None)
        if same is None:
            result.append(cluster)
            continue
        same.frames.extend(cluster.frames)
        if same.narrower(cluster.first, cluster.last):
            same.copy_date(cluster)
    return result


def _as_visit(cluster: Cluster) -> Cluster:
    host = _host_country(cluster)
    if host is None:
        return cluster
    visitors = [p for p in cluster.actors + cluster.recipients if p.country != host]
    hosts = [p for p in cluster.actors + cluster.recipients if p.country == host]
    return Cluster("CONSULT", "visit", visitors, hosts, cluster.status, cluster.frames, cluster.first,
                   cluster.last, cluster.date_text, cluster.date_reason)


def _host_country(cluster: Cluster) -> str | None:
    """The participant state whose territory in-person talks were held on, if any: the one
    state of the places the talks' mentions name (``kronik.events.location``); their own
    places outrank the occasion's, and an international venue (UN headquarters) is no state's."""
    if cluster.type != "CONSULT" or cluster.mode not in IN_PERSON_MODES or len(cluster.countries) != 2:
        return None
    if any("sidelines" in f.flags for f in cluster.frames):
        return None
    located = [f for f in cluster.frames if f.place is not None and "caption" not in f.flags]
    own = [f for f in located if "place from the occasion" not in f.flags]
    places = {f.place.country for f in own or located}
    inside = places & set(cluster.countries)
    return inside.pop() if len(inside) == 1 and len(places) == 1 else None


def _place(clusters: list[Cluster], frame: Frame, actors: list[Party], recipients: list[Party]) -> None:
    probe = Cluster(frame.type, frame.mode, actors, recipients, frame.status, [frame])
    first = frame.date.first if frame.date else None
    last = frame.date.last if frame.date else None
    for cluster in clusters:
        if (cluster.type == frame.type and modes_compatible(cluster.mode, frame.mode)
                and cluster.signature() == probe.signature() and dates_compatible(cluster, first, last)
                and _caption_compatible(cluster, frame)
                and _status_compatible(cluster, frame)
                and ANOTHER_AGREEMENT not in frame.flags
                and not _answers_the_event(frame, cluster)
                and not (frame.other_occasion or any(f.other_occasion for f in cluster.frames))):
            _absorb(cluster, frame, "governing time expression")
            return
    if frame.date is not None and frame.date.first is not None:
        probe.set_date(frame.date, "governing time expression")
    clusters.append(probe)


def _answers_the_event(frame: Frame, cluster: Cluster) -> bool:
    """Whether ``frame`` tells a retaliation after an event of the same pair that none of its
    mentions tells as one: the retaliation is a later act, not that event."""
    return RETALIATION in frame.flags and not any(RETALIATION in f.flags for f in cluster.frames)


def _caption_compatible(cluster: Cluster, frame: Frame) -> bool:
    """A photo caption often shows another occasion: it joins body mentions only on a shared date."""
    captions = {"caption" in f.flags for f in cluster.frames} | {"caption" in frame.flags}
    if len(captions) == 1:
        return True
    return cluster.first is not None and frame.date is not None and frame.date.first is not None


def _fold_partial(clusters: list[Cluster], frame: Frame) -> bool:
    """A talk mention naming too few sides adds its channel and date to the talks it speaks of:
    talks told before it first (such a mention refers back: "Dalam kunjungan tersebut"), then
    the same channel, then the talks of the states its sentence names, then the talks naming
    the fewest other states, then the nearest.
    Talks held in person may be those of a visit, and a visit those talks. Whether it was folded."""
    if frame.other_occasion:
        return False
    first = frame.date.first if frame.date else None
    last = frame.date.last if frame.date else None
    known = set(frame.countries)
    context = set(frame.context_countries)
    candidates = [cluster for cluster in clusters
                  if cluster.type == "CONSULT" and _fold_modes(cluster, frame)
                  and (cluster.status == frame.status or _there_on_a_planned_trip(cluster, frame))
                  and known <= set(cluster.countries) and dates_compatible(cluster, first, last)
                  and _caption_compatible(cluster, frame) and _in_the_visit_states(cluster, frame)
                  and not any(f.sentence == frame.sentence for f in cluster.frames)]
    if not candidates:
        return False
    chosen = max(candidates, key=lambda c: (_told_before(c, frame), c.mode == frame.mode,
                                            len(context & set(c.countries)),
                                            -len(set(c.countries) - known),
                                            -min(abs(f.trigger.start - frame.trigger.start) for f in c.frames)))
    if _there_on_a_planned_trip(chosen, frame):
        frame.status = "planned"
    _absorb(chosen, frame, "later mention of the same talks")
    return True


def _in_the_visit_states(cluster: Cluster, frame: Frame) -> bool:
    """Whether talks held at the mention's place may be part of the visit ``cluster``: a visit
    covers the talks held in its host state (or at the visitor's own premises there, an
    embassy or residence the place words give the visitor's state), not those the mention
    places in a third state ("pertemuan di Beijing" is no part of a visit to Tehran)."""
    if cluster.mode != "visit" or frame.place is None or not frame.place.country:
        return True
    return frame.place.country in cluster.countries


def _there_on_a_planned_trip(cluster: Cluster, frame: Frame) -> bool:
    """Whether an undated talk mention placed "there" by the sentence before ("Agenda di sana
    adalah menemui ...") speaks of the planned trip to that place told just before: no cue of
    its own made it "occurred", so it is part of that plan."""
    return (cluster.status == "planned" and frame.status == "occurred" and cluster.mode == "visit"
            and PLACE_REFERRED_BACK in frame.flags and (frame.date is None or frame.date.first is None)
            and frame.place is not None
            and any(f.place is not None and f.place.country == frame.place.country for f in cluster.frames))


def _carry_protagonist(clusters: list[Cluster], frame: Frame) -> None:
    """Talks that name only the partner ("Ada pula pertemuan bilateral dengan Menlu X") in an
    article about one side's round of talks: that side, the state in most of the talks named
    before, holds them too (the side carried from the sentences before)."""
    if frame.other_occasion or frame.actors or not frame.recipients or "caption" in frame.flags \
            or frame.mode in ("visit", "multilateral"):
        return
    partners = set(frame.recipient_countries)
    earlier = [c for c in clusters if c.type == "CONSULT"
               and min(f.trigger.start for f in c.frames) < frame.trigger.start]
    counts: dict[str, int] = {}
    for cluster in earlier:
        for country in cluster.countries:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted((c for c in counts if c not in partners), key=lambda c: -counts[c])
    if not ranked or counts[ranked[0]] < MIN_PROTAGONIST_TALKS:
        return
    protagonist = ranked[0]
    party = next(p for c in earlier for p in c.actors + c.recipients if p.country == protagonist)
    frame.flags.add("actor:carried from the talks before (the side in most of them)")
    _place(clusters, frame, [party], frame.recipients)


def _told_before(cluster: Cluster, frame: Frame) -> bool:
    """Whether the article names the event before the mention ``frame``."""
    return any(f.trigger.start < frame.trigger.start for f in cluster.frames)


def _fold_modes(cluster: Cluster, frame: Frame) -> bool:
    """Whether a mention may speak of the talks ``cluster`` by its channel: the same channel,
    talks held in person during a visit, or a visit naming the two states of talks held in
    person ("Dalam kunjungan kenegaraan tersebut, A dan B ..."); a visit naming one state only
    may be another trip to it."""
    if modes_compatible(cluster.mode, frame.mode):
        return True
    if cluster.mode == "visit":
        return frame.mode in IN_PERSON_MODES
    return frame.mode == "visit" and cluster.mode in IN_PERSON_MODES and len(frame.countries) >= 2


def _fold_one_sided(clusters: list[Cluster], frame: Frame) -> None:
    """An act named with its actor only ("ofensif militer Rusia") is a mention of the one
    event of that type and actor the article names in full, if there is exactly one: a dated
    mention adds its date to that event where it has none; an undated one joins it where it
    is dated, so that what its sentence tells as going on at the same time ("Penembakan oleh X
    terjadi ketika ...") finds the event's date. Not an undated one told on another occasion,
    in someone's words (the speaker's mention, which would keep the narrator's date from the
    event) or with another status (it would make a plan happen)."""
    if not frame.actor_countries:
        return
    if frame.date is None and (frame.other_occasion or frame.in_quote):
        return
    matching = [c for c in clusters if c.type == frame.type
                and (not c.dated() if frame.date is not None else c.dated() and c.status == frame.status)
                and set(frame.actor_countries) == set(countries_of(c.actors))]
    if len(matching) == 1:
        _absorb(matching[0], frame, "another mention of the same act")


def _held_during(talks: Cluster, visit: Cluster) -> bool:
    """Whether talks are part of a visit: the same two states, compatible dates, and the visitor
    (where the visit names a person) among those talking for the visiting state (the host's
    people say nothing of who came: "saat bertemu Presiden X" on the visit)."""
    if talks.type != "CONSULT" or talks.mode not in IN_PERSON_MODES or talks.status != "occurred":
        return False
    if all("caption" in f.flags for f in talks.frames):
        return False
    if not set(talks.countries) <= set(visit.countries) or not dates_compatible(visit, talks.first, talks.last):
        return False
    visitors = {p.name for p in visit.actors if p.kind == "person"}
    visiting = {p.country for p in visit.actors}
    talkers = {p.name for p in talks.actors + talks.recipients if p.kind == "person" and p.country in visiting}
    return not visitors or not talkers or bool(visitors & talkers)


def _absorb_visit_talks(clusters: list[Cluster]) -> list[Cluster]:
    """Talks between a visitor and a host during the visit are part of the visit."""
    visits = [c for c in clusters if c.type == "CONSULT" and c.mode == "visit" and c.status == "occurred"]
    kept: list[Cluster] = []
    for cluster in clusters:
        host = next((v for v in visits if _held_during(cluster, v)), None)
        if host is None:
            kept.append(cluster)
            continue
        host.frames.extend(cluster.frames)
        if host.narrower(cluster.first, cluster.last):
            host.copy_date(cluster, "talks held during the visit")
    return kept
