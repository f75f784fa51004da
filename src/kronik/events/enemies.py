"""Passes over the frames of a sentence or an article that give a side to a frame named without
it: an attack takes the attacker of the same target named in its sentence, and a threat or an
accusation aimed at "the enemy" takes the states at war with its actor in the article.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kronik.document import Document, Party
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
