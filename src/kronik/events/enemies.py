"""Passes over the frames of a sentence or an article that give a side to a frame named without
it: an attack takes the attacker of the same target named in its sentence, a threat or an
accusation aimed at "the enemy" takes the states at war with its actor in the article, and an
act whose sentence names only its actor's state takes the one other state of the sentence before.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kronik.document import Document, Party, Sentence
from kronik.events.coding import is_symmetric
from kronik.events.lexicon import Lexicon
from kronik.events.parties import WORD, countries_of
from kronik.events.reading import WORDS_BEFORE_REACH

if TYPE_CHECKING:
    from kronik.events.frames import Frame

# Statements that may be aimed at "the enemy" (enemy_words): the states at war with the actor
# in the same article (aim_at_enemies).
ENEMY_AIMED_TYPES = frozenset({"THREATEN", "ACCUSE"})
# "The enemy" counts this many words after the trigger at most: "menargetkan pusat militer
# lawan" (two words between); more words reach nouns that the enemy merely qualifies.
ENEMY_GAP_WORDS = 2
# A retaliation word counts this many words after a threat at most: "tidak akan membiarkan
# kejahatan apa pun tanpa balasan" (the object phrase and "tanpa" between).
RETALIATION_GAP_WORDS = 4
# Acts told by what is given, imposed or signed (aid, tariffs, an agreement) and attacks, whose
# target is often left to the pair of states the sentence before sets ("... akibat serangan X
# pada 15 Mei" after a sentence about X's war with Y); an accusation, a request or a threat that
# names no state mostly aims at none (with them the unlabeled gained three wrong events), and
# talks are merged by kronik.events.merge.
IMPLICIT_TARGET_TYPES = frozenset({"AID", "SANCTION", "AGREE", "COOPERATE", "ASSAULT"})
# Acts that two states make together and that come out of their talks: signed on a visit or at
# a meeting the same sentence names ("pada kunjungan X ke Y, 27 MoU ditandatangani").
OCCASION_TYPES = frozenset({"AGREE", "COOPERATE"})


def share_attackers(frames: list[Frame]) -> None:
    """An attack named without its attacker ("serangan terhadap X") takes the attacker of the
    same target named in its sentence ("... sejak Y menyerang X")."""
    attackers: dict[str, Frame] = {}
    for frame in frames:
        if frame.type == "ASSAULT" and frame.actors:
            for country in frame.recipient_countries:
                attackers.setdefault(country, frame)
    for frame in frames:
        if frame.type != "ASSAULT" or frame.actors or not frame.recipients:
            continue
        sibling = next((attackers[c] for c in frame.recipient_countries if c in attackers), None)
        if sibling is not None:
            frame.actors = list(sibling.actors)
            frame.flags.add("actor:attacker of the same target in the sentence")


def share_occasion_sides(frames: list[Frame]) -> None:
    """"Pada kunjungan X ke Y, 27 MoU ditandatangani": an agreement or a joint act whose
    sentence names the talks it came out of, with one side or none of its own, was made by the
    two states of those talks, where the sentence's talks name one pair of states and the act
    names no state outside it. Outside quotes, where the talks of a speaker's "kita" may be
    others'."""
    talks: dict[int, set[tuple[str, ...]]] = {}
    by_pair: dict[tuple[int, tuple[str, ...]], Frame] = {}
    for frame in frames:
        if frame.type != "CONSULT":
            continue
        pair = tuple(sorted(set(frame.countries)))
        if len(pair) == 2:
            talks.setdefault(frame.sentence, set()).add(pair)
            by_pair.setdefault((frame.sentence, pair), frame)
    for frame in frames:
        pairs = talks.get(frame.sentence, set())
        if frame.type not in OCCASION_TYPES or frame.in_quote or len(pairs) != 1:
            continue
        pair = next(iter(pairs))
        own = set(frame.countries)
        if len(own) > 1 or not own <= set(pair):
            continue
        occasion = by_pair[frame.sentence, pair]
        frame.actors, frame.recipients = list(occasion.actors), list(occasion.recipients)
        frame.flags.add("actor:the sides of the talks its sentence names")
        frame.flags.add("recipient:the sides of the talks its sentence names")


def carry_recipients(frames: list[Frame], sentences: list[Sentence],
                     pairs_named: Callable[[int], list[list[Party]]]) -> None:
    """"Kesepakatan antara A dan B ... Setelah itu, pemerintah B memberlakukan tarif": an act
    of IMPLICIT_TARGET_TYPES, outside quotes and captions, whose sentence names only one
    state, its actor's (or, for a symmetric act, its one side's: "Selain itu, ditandatangani
    kerja sama ... di A"), is aimed at the other state of the pair the sentence right before
    sets: an event of that sentence between the two states, or "antara A dan B"
    (``pairs_named``). A sentence before that merely names states sets no pair."""
    by_sentence: dict[int, list[Frame]] = {}
    for frame in frames:
        by_sentence.setdefault(frame.sentence, []).append(frame)
    for frame in frames:
        if frame.type not in IMPLICIT_TARGET_TYPES or frame.in_quote or frame.sentence == 0 \
                or sentences[frame.sentence].is_caption:
            continue
        if is_symmetric(frame.type, frame.mode):
            own = set(frame.countries)
        elif frame.recipients:
            continue
        else:
            own = set(frame.actor_countries)
        if len(own) != 1 or not set(frame.context_countries) <= own:
            continue
        pairs = [f.actors + f.recipients for f in by_sentence.get(frame.sentence - 1, [])]
        other = _partner(own, pairs + pairs_named(frame.sentence - 1))
        if other is not None:
            frame.recipients = frame.recipients + [other]
            frame.flags.add("recipient:the other state of the pair the sentence before sets")


def _partner(own: set[str], pairs: list[list[Party]]) -> Party | None:
    """The other side of the pairs of two states that include ``own``'s, where all agree on it
    (the state itself where named, not a person of it)."""
    partners = [[p for p in pair if p.country not in own] for pair in pairs
                if len(countries_of(pair)) == 2 and own <= set(countries_of(pair))]
    if not partners or len({p.country for found in partners for p in found}) != 1:
        return None
    return min((p for found in partners for p in found), key=lambda p: p.kind != "state")


def aim_at_enemies(frames: list[Frame], doc: Document, lexicon: Lexicon) -> None:
    """"Iran akan menargetkan pusat militer lawan", "menuduh pihak lawan ...": a threat or an
    accusation aimed at "the enemy" and at no named state is aimed at the actor's foes in the
    same article: the states it attacked that attacked it too (a state it only struck, a
    neighbour hosting a base, is no side of the war the enemy names). A threat of retaliation
    aimed at no named state ("tidak akan membiarkannya tanpa balasan") is aimed at the states
    that attacked the actor in the article. Neither holds in the quote of a speaker who acts
    for no state (an expert's forecast "Iran akan membalas" is no threat made by Iran)."""
    text = doc.text
    attacks: dict[tuple[str, str], tuple[Party, Party]] = {}
    for frame in frames:
        if frame.type == "ASSAULT" and frame.status == "occurred":
            for actor in frame.actors:
                for target in frame.recipients:
                    attacks.setdefault((actor.country, target.country), (actor, target))
    for frame in frames:
        if frame.type not in ENEMY_AIMED_TYPES or not frame.actors or frame.recipients:
            continue
        if any(q.start <= frame.trigger.start < q.end and q.speaker and not q.speaker.country
               for q in doc.quotes):
            continue
        own = countries_of(frame.actors)
        if frame.type == "THREATEN" and (lexicon.retaliation.search(frame.trigger.text) or _names(
                text, frame.trigger.end, lexicon.retaliation, RETALIATION_GAP_WORDS)):
            aimed = [attacker for (actor, target), (attacker, _) in attacks.items()
                     if target in own and actor not in own]
            why = "recipient:the actor's attackers in the article (a retaliation)"
        elif _names(text, frame.trigger.end, lexicon.enemy, ENEMY_GAP_WORDS):
            aimed = [target for (actor, foe), (_, target) in attacks.items()
                     if actor in own and foe not in own and (foe, actor) in attacks]
            why = "recipient:the actor's foes in the article ('lawan', 'musuh')"
        else:
            continue
        if aimed:
            frame.recipients = list({p.country: p for p in aimed}.values())
            frame.flags.add(why)


def _names(text: str, position: int, pattern: re.Pattern[str], gap: int) -> bool:
    """Whether ``pattern`` begins within ``gap`` words after ``position``, in its clause."""
    words = WORD.finditer(text, position, min(len(text), position + WORDS_BEFORE_REACH))
    for count, word in enumerate(words):
        if count > gap or any(mark in text[position:word.start()] for mark in ",.;:"):
            return False
        if pattern.match(text, word.start()):
            return True
    return False
