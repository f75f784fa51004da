"""Event dates: the governing time expression, else the occasion, never the story date silently.

A time governs an event only where it belongs to the event's clause or occasion; an event the
text gives no date keeps none. In order (the first that gives a date wins):
1. the governing time expression of the trigger's own sentence: each expression goes to the
   trigger whose clause it closes ("mengunjungi China pada April"; a relative clause "yang ..."
   on the event's own noun or an occasion it attends too, unless its tense or a year says it
   describes something else; on another noun it dates that noun), or to the next trigger
   when it stands right before it ("Trump pada Selasa mengancam"). A written date beats a word
   beside it ("besok, Rabu (5/3)"); a source's date ("dilansir AFP, Rabu (27/5)"), a date
   before "bahwa", a time outside a quotation for talks told inside it, and a time ending what
   a statement asks or blames do not govern; "tak lama setelah X, Senin" puts the event on
   Monday or the day after; "sejak 28 Februari" (or "sejak X berlaku pada 10 Oktober") runs an
   act to the article's date; "selama tiga hari" from a day covers those days; "peringatan
   keempat <event>" puts it four years back; a count from a clause inside a plan with no time
   of the plan ("akan dibuka 30 hari setelah kedua negara meneken ...") dates nothing, and the
   act it counts from is planned and keeps no date;
2. the talks of the same sentence: a request made "selama panggilan", an agreement reached
   "di mana" the leaders met, talks held "saat" a call, share the date of those talks;
3. an earlier occasion its sentence refers to ("Kemudian, ...", "Usai pertemuan, ...",
   "Dalam pernyataan yang sama, ...", "Serangan ini terjadi di tengah ...", "Tidak hanya X, Y
   juga ..."), or "kala itu" the time of the sentence before;
4. the nearest sentence of the same paragraph that gives a day or a week (``CONTEXT_SENTENCES``
   away at most), unless that time dates an act of its own sentence between other states or
   a later act, or starts what goes on "sejak" then; captions, headlines, quotations, events
   "waktu itu" and reactions ("Menanggapi hal itu, ...") take only their own sentence's time,
   and none that step 1 put in another clause;
   an act told as a retaliation ("serangan balasan", or the sentence after "Sebagai respons,
   ..."), from the time told last before it (what it answers) to the article's date;
   talks, also quoted ones, the day of a nearby sentence telling when the occasion was held
   ("Pertemuan tersebut digelar ... pada Senin");
5. the source date the article cites, as the day before it to the day itself
   (``CONTEXT_SENTENCES`` away at most, in the paragraph);
6. statements (requests, accusations, threats, refusals, support): the talks between the same
   states reported just before them (said there), else, as the news of the day, the day
   before the publication date to that date (not where the news day is unknown, nor "baru-baru
   ini", nor an earlier episode: "X sempat menolak ..."); agreements between the states of
   the talks the article leads with, the date of those talks; an act the lead
   sentence reports, the news of the day (not one it tells as done in someone's words:
   "X mengatakan pihaknya telah ..."); a statement going on ("juga") from a sentence set
   over a month before the news is background, not the news.
Otherwise the date stays unknown (``None``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date
from functools import cache, cached_property

from kronik.document import Sentence, TimeExpression
from kronik.events.frames import Frame
from kronik.events.merge import Cluster
from kronik.events.parties import WORD
from kronik.events.reading import Reading
from kronik.events.syntax import clause_grammar
from kronik.time.grammar import lexicon as time_lexicon
from kronik.time.grammar import (duration_in_days, earlier_episode, first_since, occasion_noun,
                                 occasion_reference, occasion_sentence, response_opening, since_clause,
                                 since_word, vague_time, words_pattern)
from kronik.time.resolve import days_after, month_end

# How many sentences away, within a paragraph, a context date may come from.
CONTEXT_SENTENCES = 3
# A context date must be this precise (in days) to date another sentence's event: a year or
# a month mentioned nearby is background, not the occasion.
CONTEXT_MAX_DAYS = 7
# What may stand between a time in words and the written date beside it ("besok, Rabu (5/3)").
EXPLICIT_GAP = re.compile(r"\s*,?\s*")
# A time this many words or more after a statement's verb, not set off by a comma, ends the
# complement (what is asked, denied or blamed) and dates that, not the statement: "menuding
# Rusia berada di balik sabotase rel pada akhir Oktober". Set above the usual "mengecam
# serangan Israel pada Selasa" (four words) after reading real sentences.
STATEMENT_COMPLEMENT_WORDS = 5
# A relative clause "yang ..." describes the noun right before it, so its time dates an event
# only where that noun is the event's own noun, or an occasion a verb trigger takes part in
# ("menghadiri KTT yang digelar pada November"), with at most this many words between ("kunjungan
# kenegaraan ke Jepang yang digelar pada Senin", capitalised words of a name not counted); on
# another noun it dates that other thing ("mengunjungi Y, yang diguncang gempa pada Senin").
RELATIVE_HEAD_WORDS = 4
# Precisions of a year or more: in a relative clause such a time describes the thing named
# ("KTT yang tahun ini digelar di Manila"), not the occasion of the event.
BROAD_PRECISIONS = frozenset({"year", "part_of_year", "decade"})
# A lead sentence has at least this many words; shorter first lines are date lines, bylines
# or labels ("Jumat, 29 Mei 2026 13:54 WIB" has seven).
LEAD_MIN_WORDS = 10
# How many sentences back a sentence that refers to an earlier occasion ("Kemudian, ...",
# "Usai pertemuan, ...") may find it: a narrated sequence runs over a few short paragraphs.
OCCASION_SENTENCES = 8
# How far back (in characters) a since word may open the clause a time ends: room for the
# words ``since_clause_words`` in time.yaml allows.
SINCE_CLAUSE_CHARS = 60
# A full stop or a list dash between a time and a trigger: a sentence the splitter left joined
# ("... hari ini. - Tegang, China usir ..."), so the time is another sentence's.
SENTENCE_STOP = re.compile(r"[.!?]\s|\s[-–—]\s")
# At most this many words between a date and the trigger it stands before.
PRECEDING_DATE_GAP_WORDS = 2
# The characters before a trigger read for the one word right before it (the longest such
# word, "sesudahnya", has ten letters).
PRECEDING_CHARS = 16
# "X mengumumkan pada 15 Mei bahwa pasukannya telah memperluas ...": at most this many words
# from "bahwa" to the act told as done (the subject of the reported clause and "telah").
REPORTED_DONE_WORDS = 6
# Statements: reported as the current news without a date of their own, they were made on the
# publication day or the day before (CONVENTIONS.md of the real set).
STATEMENT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})
# A sentence whose last time ended more than this many days before the article's date tells
# background; a statement right after it in its paragraph continues that background. A month:
# "bulan lalu" and older is background, the week's news is not.
BACKGROUND_DAYS = 31
# A bare day and month naming a remembered event ("serangan 7 Oktober") with no year written
# for it: read as the latest such day only where that is at most this many days before the
# article (a quarter: the news calls a recent act by its day; an older one it gives a year).
NAMED_DAY_RECENT_DAYS = 92
# A day and a month name, nothing else: the form of a day naming an event.
BARE_DAY_MONTH = re.compile(r"\d{1,2}\s+[^\W\d]+")
# A four-digit year in an expression's text.
YEAR_WRITTEN = re.compile(r"\b\d{4}\b")
# Acts that the rest of an article reports from its lead talks (an agreement signed there).
OCCASION_TYPES = frozenset({"AGREE"})
# The flag of an act a plan's count runs from ("30 hari setelah kedua negara meneken ..."):
# it has not happened, and the text gives it no day, so no other sentence's time dates it.
PLAN_COUNT = "a plan's count runs from it"


class Dating:
    """Date resolution for the frames and events of one document."""

    def __init__(self, reading: Reading):
        """``reading``: the document as the frames were read (its lexicon, its cue words)."""
        doc, lexicon = reading.doc, reading.lexicon
        self.doc, self.lexicon, self.reading = doc, lexicon, reading
        self.time_words = time_lexicon(doc.language)
        known = self._named_days([t for t in doc.time_expressions if t.first is not None])
        # Each expression's cues before it, read once: a since word ends a stretch that runs
        # on, a source cited names a report's date; neither governs an event of its own.
        since = [bool(lexicon.since.search(doc.text[max(0, t.start - 30):t.start])) for t in known]
        report = [self._is_report(t) for t in known]
        offsets = clause_grammar(doc.language).sequence_words
        self._sentence_starts = [sentence.start for sentence in doc.sentences]
        # A count from a clause inside a plan ("akan dibuka 30 hari setelah kedua negara
        # meneken perjanjian") with no time of the plan before it in its sentence: the time
        # stage counted it from the news day, but the plan has no day yet; it dates nothing.
        self.plan_counts = [t for i, t in enumerate(known) if t.tense == "future"
                            and _counts_from_a_clause(t, offsets) and not self._follows_a_time(t, known[i - 1:i])]
        self.usable = [t for i, t in enumerate(known) if not since[i] and not report[i]
                       and t not in self.plan_counts
                       and (not _beside_explicit(t, known[max(0, i - 1):i] + known[i + 1:i + 2], doc.text)
                            or _counts_from_a_clause(t, offsets))]
        self._usable_starts = [t.start for t in self.usable]  # time expressions are in text order
        self.report = [t for t, is_report in zip(known, report) if is_report]
        self.since = [t for t, after_since in zip(known, since) if after_since]
        self.occasion_reference = occasion_reference(doc.language)
        self.occasion_sentence = occasion_sentence(doc.language)
        self.tense_cues = self.time_words.tense_cues
        self.reporting_verbs = clause_grammar(doc.language).reporting_verbs
        self.duration = duration_in_days(doc.language)
        self.vague_time = vague_time(doc.language)
        self.since_word = since_word(doc.language)
        self.since_clause = since_clause(doc.language)
        self.earlier_episode = earlier_episode(doc.language)
        self.response_opening = response_opening(doc.language)
        self.retaliation = retaliation_words(doc.language)
        self.connective = sequence_openers(doc.language)
        self.continuation = frozenset(self.time_words.time["continuation_words"])
        self.perfect = frozenset(self.time_words.time["perfect_aspect"])
        self.occasion_noun = occasion_noun(doc.language)
        # The article's first sentence of body text (not a headline, caption or date line).
        self.lead_sentence = next((i for i, s in enumerate(doc.sentences) if not (s.is_headline or s.is_caption)
                                   and len(WORD.findall(s.text)) >= LEAD_MIN_WORDS), None)
        self.first_since = first_since(doc.language)
        # The news day is known where the publication date is stated, or where the text gives
        # today's date itself ("hari ini, Rabu (5/11/2025)"): statements reported as the news
        # then are on that day or the day before.
        self.news_day_known = doc.anchor is not None and (not doc.published_inferred or self._today_stated(known))
        self.filled: list[Cluster] = []  # every event dated so far, for later references to it
        # The start of each expression of a sentence that has frames -> those frames.
        self.claimed: dict[int, list[Frame]] = {}
        # Sentence index -> whether it refers back to an occasion (``_refers_back``).
        self._referring: dict[int, bool] = {}
        # Where a sentence starts -> its usable times (``in_sentence``).
        self._times_in: dict[int, list[TimeExpression]] = {}

    def _named_days(self, known: list[TimeExpression]) -> list[TimeExpression]:
        """``known`` with each bare day and month after a noun of an act ("pembantaian 7
        Oktober") read as the name of a remembered event: the time stage took the latest such
        day, but the event may be years old. It takes the year the text writes with that day
        and month elsewhere ("pada 7 Oktober 2023"); without one it is kept only where that
        latest day is at most ``NAMED_DAY_RECENT_DAYS`` before the article (a recent act is
        called by its day too), else it dates nothing."""
        nouns = frozenset(self.time_words.time["event_day_nouns"])
        kept = []
        for expression in known:
            if not self._after_act_noun(expression, nouns):
                kept.append(expression)
                continue
            written = [t.first for t in known if t.first.year != expression.first.year and t.precision == "day"
                       and (t.first.month, t.first.day) == (expression.first.month, expression.first.day)
                       and YEAR_WRITTEN.search(t.text)]
            if written:
                kept.append(replace(expression, first=written[0], last=written[0]))
            elif self.doc.anchor is None or (self.doc.anchor - expression.first).days <= NAMED_DAY_RECENT_DAYS:
                kept.append(expression)
        return kept

    def _after_act_noun(self, expression: TimeExpression, nouns: frozenset[str]) -> bool:
        """Whether ``expression`` is a bare day and month right after one of ``nouns``."""
        if expression.precision != "day" or not BARE_DAY_MONTH.fullmatch(expression.text):
            return False  # most expressions: the words before go unread
        before = WORD.findall(self.doc.text[max(0, expression.start - PRECEDING_CHARS):expression.start])
        return bool(before) and before[-1].lower() in nouns

    def _today_stated(self, known: list[TimeExpression]) -> bool:
        """Whether a word for today stands beside a written date that is the anchor ("hari ini,
        Rabu (5/11/2025)")."""
        today = tuple(word for word, rule in self.time_words.time["deictic_days"].items()
                      if rule["days"] == 0 and rule["from"] == "anchor")
        return any(" ".join(t.text.lower().split()).endswith(today)
                   and _beside_explicit(t, [o for o in known[max(0, i - 1):i + 2]
                                            if o is not t and o.first == self.doc.anchor], self.doc.text)
                   for i, t in enumerate(known))

    def _follows_a_time(self, expression: TimeExpression, previous: list[TimeExpression]) -> bool:
        """Whether the time before ``expression`` (``previous``: it, or none) is in its sentence."""
        if not previous or not self._sentence_starts:
            return False
        start = self._sentence_starts[max(0, bisect_right(self._sentence_starts, expression.start) - 1)]
        return previous[0].start >= start

    def _is_report(self, expression: TimeExpression) -> bool:
        before = self.doc.text[max(0, expression.start - 60):expression.start]
        return bool(self.lexicon.report.search(before))

    def in_sentence(self, sentence: Sentence) -> list[TimeExpression]:
        """The usable times inside the sentence, in text order: found once per sentence (the
        steps ask for those of a sentence and of its neighbours per frame and per event)."""
        times = self._times_in.get(sentence.start)
        if times is None:
            first = bisect_left(self._usable_starts, sentence.start)
            last = bisect_left(self._usable_starts, sentence.end, first)
            times = self._times_in[sentence.start] = [t for t in self.usable[first:last] if t.end <= sentence.end]
        return times

    # -- step 1 --------------------------------------------------------------------------------

    def assign_own_dates(self, frames: list[Frame]) -> None:
        """Give each frame the expression that governs it, and mark dated plans."""
        by_sentence: dict[int, list[Frame]] = {}
        for frame in frames:
            by_sentence.setdefault(frame.sentence, []).append(frame)
        for index, sentence_frames in by_sentence.items():
            sentence = self.doc.sentences[index]
            for frame in sentence_frames:
                if frame.type == "CONSULT":
                    continue  # talks are not held during talks: only what is said or done there is
                during = (self.lexicon.during.search(self.doc.text[frame.trigger.end:sentence.end])
                          or self.lexicon.during_opening.search(self.doc.text[sentence.start:frame.trigger.start]))
                if during:
                    frame.flags.add("during:" + self.lexicon.linking_nouns[during.group(1).lower()])
            governed: dict[int, list[tuple[bool, int, TimeExpression, int]]] = {}
            expressions = self.in_sentence(sentence)
            for expression in expressions:
                found = self._governed(expression, [f for f in sentence_frames if self._may_date(f, expression)])
                if found is not None:
                    frame, closes, side = found
                    distance = abs(expression.start - frame.trigger.end)
                    governed.setdefault(id(frame), []).append((not closes, distance, expression, side))
            for frame in sentence_frames:
                if id(frame) in governed and not _during(frame):
                    _, _, expression, side = min(governed[id(frame)], key=lambda item: item[:2])
                    frame.date = self._anniversary(frame, expression)
                    if side < 0:
                        frame.date = replace(frame.date, first=days_after(frame.date.first, -1))
                    elif side > 0:
                        frame.date = replace(frame.date, last=days_after(frame.date.last, 1))
                    elif frame.date.first == frame.date.last:
                        frame.date = replace(frame.date, last=self._lasting(sentence, frame.date.first))
            self._since(sentence, sentence_frames)
            self._reported_done(sentence, sentence_frames)
            self._counted_in_a_plan(sentence, sentence_frames)
            for expression in expressions:  # the times of a sentence that tells of events
                self.claimed.setdefault(expression.start, []).extend(sentence_frames)
            opening = self._opening(sentence)
            for frame in sentence_frames:
                if frame.date is None and opening is not None and not _during(frame) \
                        and self._may_date(frame, opening):
                    frame.date = opening  # "Pada April lalu, ...": the scene of the whole sentence
                    if opening.precision == "day" and self._after_word_before(frame):  # "Y usai bertemu Z": just before
                        frame.date = replace(opening, first=days_after(opening.first, -1))
        anchor = self.doc.anchor
        for frame in frames:
            if frame.date is not None and anchor and frame.date.first > anchor and frame.status == "occurred":
                frame.status = "planned"

    def _sentence_of(self, frame: Frame) -> Sentence:
        return self.doc.sentences[frame.sentence]

    def _told_in_body(self, cluster: Cluster) -> Frame:
        """The event's first frame in the body text (not a headline or a caption), else its
        first: the context steps read the sentences around it, and a headline ("X Serang Y")
        that joined the body's report of the act has none."""
        return next((f for f in cluster.frames if not (self._sentence_of(f).is_headline
                                                       or self._sentence_of(f).is_caption)), cluster.frames[0])

    def _opening(self, sentence: Sentence) -> TimeExpression | None:
        """The time a sentence opens with, set off by a comma ("Pada April lalu, ...", also
        after a connective: "Selanjutnya, pada 14 April, ...", "Sebelumnya, pada 2024, ..."): it
        sets the scene of every event of the sentence that no time of its own clause dates."""
        first = next(iter(self.in_sentence(sentence)), None)
        if first is None or not self._connective_only(self.doc.text[sentence.start:first.start]):
            return None
        return first if self.doc.text[first.end:first.end + 2].lstrip(" ").startswith(",") else None

    def _after_word_before(self, frame: Frame) -> bool:
        """Whether "usai", "setelah" stands right before the trigger ("bertemu Macron usai
        bertemu Putin"): the event came just before the act of the main clause."""
        sentence = self._sentence_of(frame)
        words = WORD.findall(self.doc.text[max(sentence.start, frame.trigger.start - PRECEDING_CHARS):frame.trigger.start])
        return bool(words) and bool(self.lexicon.shortly_before.fullmatch(words[-1]))

    def _connective_only(self, text: str) -> bool:
        """Whether ``text`` (what comes before a sentence's first time) is empty or only a
        connective set off by a comma: a sequence opener ("Kemudian,") or a word of another
        occasion ("Sebelumnya,")."""
        words = text.strip().rstrip(",").strip()
        return not words or text.rstrip().endswith(",") and bool(
            self.connective.fullmatch(words) or self.lexicon.other_occasion.fullmatch(words))

    def _may_date(self, frame: Frame, expression: TimeExpression) -> bool:
        """A time outside a quotation dates the saying, not an act the speaker tells of
        ("'... kita ketemu dengan menteri Australia,' katanya, Selasa (13/11)"); statements
        are the saying itself."""
        if not frame.in_quote or frame.type in STATEMENT_TYPES:
            return True
        quote = next((q for q in self.doc.quotes if q.start <= frame.trigger.start < q.end), None)
        return quote is None or quote.start <= expression.start < quote.end

    def _counted_in_a_plan(self, sentence: Sentence, frames: list[Frame]) -> None:
        """The act a plan's count runs from ("30 hari setelah kedua negara meneken perjanjian"
        in a plan) has not happened yet: planned, and undated (``PLAN_COUNT``)."""
        for expression in self.plan_counts:
            if sentence.start <= expression.start < sentence.end:
                found = self._governed(expression, frames)
                if found is not None and found[0].date is None:
                    found[0].status = "planned"
                    found[0].flags.add(PLAN_COUNT)

    def _since(self, sentence: Sentence, frames: list[Frame]) -> None:
        """An act going on "sejak 28 Februari" (or "sejak gencatan senjata berlaku pada 10
        Oktober") that its sentence dates no other way: from that day to the article's date (the
        time expression closes the act's clause, or a relative clause on it: "gencatan senjata
        yang berlaku sejak 8 April"). Not talks (a
        visit under way has its own rule) and not "the first ... since 2018", which counts
        from that time rather than dating the act."""
        anchor, relatives = self.doc.anchor, self.reading.grammar.relative_pronouns
        for expression in self.since + self.in_sentence(sentence):
            if not (sentence.start <= expression.start < sentence.end) or anchor is None:
                continue
            before = [f for f in frames if f.trigger.end <= expression.start]
            frame = max(before, key=lambda f: f.trigger.end, default=None)
            if (frame is None or frame.date is not None or frame.status != "occurred"
                    or frame.type == "CONSULT" or expression.first > anchor):
                continue  # (most expressions: the words before them go unread)
            cue = self._since_cue(expression, sentence.start)
            if (cue is None or any(m.group(0).lower() not in relatives for m in self.lexicon.clause_break.finditer(
                    self.doc.text, frame.trigger.end, cue.start()))
                    or self.first_since.search(self.doc.text, sentence.start, cue.start())):
                continue
            frame.date = replace(expression, last=max(expression.last, anchor), precision="range")

    def _reported_done(self, sentence: Sentence, frames: list[Frame]) -> None:
        """An act told as done already ("telah", "sudah") in what a saying dated by the time
        right after its verb reports ("X mengumumkan pada 15 Mei lalu bahwa pasukannya telah
        memperluas ...") was done by the day of that saying: that day or the one before (the
        time dates the saying, so ``_governed`` gives the act none); a saying over
        ``CONTEXT_MAX_DAYS`` before the article's date tells background, another occasion than
        the news the article reports (its lead's act of the same kind stays apart). At most
        ``REPORTED_DONE_WORDS`` words from "bahwa" to the act, with no other clause between."""
        for expression in self.in_sentence(sentence):
            said = WORD.findall(self.doc.text[max(sentence.start, expression.start - PRECEDING_CHARS):expression.start])
            if not said or said[-1].lower() not in self.reporting_verbs:
                continue
            for frame in frames:
                if frame.date is not None or frame.in_quote or frame.trigger.start < expression.end:
                    continue
                words = [w.lower() for w in WORD.findall(self.doc.text[expression.end:frame.trigger.start])]
                breaks = [m.group(0).lower() for m in self.lexicon.clause_break.finditer(
                    self.doc.text, expression.end, frame.trigger.start)]
                if (words and self.lexicon.reported_content.fullmatch(words[0]) and breaks == [words[0]]
                        and len(words) <= REPORTED_DONE_WORDS and words[-1] in self.perfect):
                    frame.date = replace(expression, first=days_after(expression.first, -1))
                    anchor = self.doc.anchor
                    # Announced well before the news: background, another occasion than the
                    # acts the article reports undated (its lead's news), so no mention joins it.
                    frame.other_occasion = frame.other_occasion or (
                        anchor is not None and (anchor - expression.last).days > CONTEXT_MAX_DAYS)

    def _since_cue(self, expression: TimeExpression, floor: int = 0) -> re.Match[str] | None:
        """The since word right before a time ("sejak 28 Februari") or opening the short clause
        it ends ("sejak gencatan senjata berlaku pada 10 Oktober"), not before ``floor``."""
        text, start = self.doc.text, expression.start
        return self.since_word.search(text, max(floor, start - 12), start) \
            or self.since_clause.search(text, max(floor, start - SINCE_CLAUSE_CHARS), start)

    def _governed(self, expression: TimeExpression, frames: list[Frame]) -> tuple[Frame, bool, int] | None:
        """The frame an expression dates, whether it closes that frame's phrase (follows its
        trigger) rather than standing before it, and where the event lies from the date: -1 just
        before it ("diungkapkan pada Jumat, setelah pertemuan ..."), +1 just after it ("bicara
        tak lama setelah X dilantik, Senin"), 0 on it."""
        before = [f for f in frames if f.trigger.end <= expression.start]
        after = [f for f in frames if f.trigger.start >= expression.end]
        following = min(after, key=lambda f: f.trigger.start, default=None)
        preceding = max(before, key=lambda f: f.trigger.end, default=None)
        if following is not None and self._stands_before(expression, following) and not (
                preceding is not None and "," in self.doc.text[expression.end:following.trigger.start]) \
                and not self._dates_the_noun(preceding, expression):
            return following, False, 0
        if preceding is not None:
            closing = self._closes(preceding, expression)
            if closing is not None:
                return preceding, True, closing
        if following is None:
            return None
        between = self.doc.text[expression.end:following.trigger.start]
        if self.lexicon.shortly_before.search(between) and not self.lexicon.reported_content.search(between):
            return following, False, -1
        if not self.lexicon.clause_break.search(between) and not SENTENCE_STOP.search(between):
            return following, False, 0
        return None

    def _dates_the_noun(self, frame: Frame | None, expression: TimeExpression) -> bool:
        """A time right after a noun trigger's phrase, in its clause, dates that noun's event
        rather than the verb after it: "Serangan X ke Y pada Februari 2022 dikecam ..." is an
        attack in February 2022."""
        return frame is not None and frame.nominal and self._closes(frame, expression) == 0 \
            and not self.lexicon.clause_break.search(self.doc.text[frame.trigger.end:expression.start])

    def _closes(self, frame: Frame, expression: TimeExpression, complement: bool = True) -> int | None:
        """Whether an expression after a trigger dates it: 0 where it is in the trigger's clause
        (a relative clause "yang ..." on the event's noun or on an occasion it takes part in
        counts, unless its own tense differs from the event's,
        "meneken nota dalam kontrak yang akan dirampungkan tahun depan", it names a year,
        which describes the thing rather than the occasion: "forum yang tahun ini dipimpin X",
        or the sentence opens with its own time: "Pada April lalu, X menghentikan serangan yang
        dimulai pada 28 Februari"); +1 where it dates a clause "setelah ..." the event followed;
        None where it is another clause's. With ``complement`` a time ending a statement's long
        complement is the complement's."""
        between = self.doc.text[frame.trigger.end:expression.start]
        if (complement and frame.type in STATEMENT_TYPES and len(WORD.findall(between)) > STATEMENT_COMPLEMENT_WORDS
                and not between.rstrip().endswith(",")):
            return None  # "menuding Rusia berada di balik sabotase pada akhir Oktober": the sabotage's
        found = list(self.lexicon.clause_break.finditer(between))
        breaks = [m.group(0).lower() for m in found]
        if not breaks:
            return 0
        if self.lexicon.reported_content.search(between):
            return None
        if all(b in self.reading.grammar.relative_pronouns for b in breaks):
            head = between[:found[-1].start()]
            phrase = self.doc.text[frame.trigger.start:frame.trigger.end] + head  # "menghadiri KTT" + " APEC "
            common = [w for w in WORD.findall(head) if not w[0].isupper()]  # a name is one word of the phrase
            if len(common) > RELATIVE_HEAD_WORDS or not (frame.nominal or self.occasion_noun.search(phrase)):
                return None  # the clause describes another noun: "mengunjungi X yang ... pada 2019"
            clause = between[len(head):]
            tense = next((self.tense_cues[w.lower()] for w in WORD.findall(clause)
                          if w.lower() in self.tense_cues), None)
            contrary = {"occurred": "future", "planned": "past"}.get(frame.status)
            broad = expression.precision in BROAD_PRECISIONS
            opened = self._opening(self._sentence_of(frame)) is not None
            return None if tense == contrary or broad or opened else 0
        if self.lexicon.shortly_before.search(between):
            return 1
        return None

    def _stands_before(self, expression: TimeExpression, frame: Frame) -> bool:
        between = self.doc.text[expression.end:frame.trigger.start]
        if self.lexicon.reported_content.search(between) or self.lexicon.clause_break.search(between):
            return False
        words = [w.lower() for w in WORD.findall(between)]
        if any(w in self.lexicon.coordinators or w in self.lexicon.date_phrase_ends for w in words):
            return False
        return len([w for w in words if w not in self.lexicon.subject_fillers]) <= PRECEDING_DATE_GAP_WORDS

    def _anniversary(self, frame: Frame, expression: TimeExpression) -> TimeExpression:
        """"peringatan keempat <event>" on a date: the event is that many years before it."""
        before = self.doc.text[max(0, frame.trigger.start - 40):frame.trigger.start]
        match = self.lexicon.anniversary.search(before)
        if match is None:
            return expression
        word = match.group(1).lower()
        years = int(word) if word.isdigit() else self.lexicon.ordinals.get(word)
        if not years:
            return expression
        return replace(expression, first=_years_back(expression.first, years),
                       last=_years_back(expression.last, years))

    # -- step 2 --------------------------------------------------------------------------------

    def link_to_talks(self, frames: list[Frame], talks: list[Cluster]) -> None:
        """Statements made during talks take the talks' date: the talks its sentence names
        ("selama panggilan": the article's call between the same states), else the talks
        nearest to it in the same sentence."""
        by_sentence: dict[int, list[tuple[Frame, Cluster]]] = {}
        for talk in talks:
            if talk.dated():
                for talk_frame in talk.frames:
                    by_sentence.setdefault(talk_frame.sentence, []).append((talk_frame, talk))
        for frame in frames:
            mode = _during(frame)
            if frame.date is not None and mode is None:
                continue
            cluster = self._talks_named(frame, talks, mode) if mode else None
            if cluster is None:
                nearby = [(abs(f.trigger.start - frame.trigger.start), c)
                          for f, c in by_sentence.get(frame.sentence, ())]
                cluster = min(nearby, key=lambda item: item[0])[1] if nearby else None
            if cluster is not None:
                frame.date = TimeExpression(0, 0, cluster.date_text or "", first=cluster.first,
                                            last=cluster.last, precision="linked")
                frame.flags.add("linked")

    def _talks_named(self, frame: Frame, talks: list[Cluster], mode: str) -> Cluster | None:
        wanted = set(frame.countries)
        matching = [c for c in talks if c.dated() and c.status == frame.status and wanted <= set(c.countries)
                    and (c.mode == mode or mode == "talk" and c.mode in ("phone", "meeting", "talk"))]
        return min(matching, key=lambda c: min(abs(f.trigger.start - frame.trigger.start) for f in c.frames),
                   default=None)

    def fill(self, clusters: list[Cluster], lead: Cluster | None = None) -> None:
        """Steps 2-5 for events the merge left without a date."""
        self.filled.extend(clusters)
        by_sentence = _by_sentence(clusters)
        for cluster in clusters:
            if cluster.dated():
                if any("linked" in f.flags for f in cluster.frames) and cluster.date_reason:
                    cluster.date_reason = "date of the talks during which it was said"
                continue
            if any(PLAN_COUNT in f.flags for f in cluster.frames):
                continue
            if all("caption" in f.flags for f in cluster.frames):
                self._paragraph(cluster)  # a photo of another occasion: only its own words date it
                continue
            if (self._ongoing_since(cluster) or self._previous_time(cluster)
                    or self._simultaneous(cluster, by_sentence) or self._previous_occasion(cluster)
                    or self._retaliation(cluster) or self._paragraph(cluster) or self._other_pair(cluster)
                    or self._occasion_held(cluster)
                    or self._report_bound(cluster) or self._said_at_talks(cluster, lead)
                    or self._current_statement(cluster)):
                continue
            if self._at_lead_talks(cluster, lead):
                cluster.copy_date(lead, "made at the talks the article leads with")
            else:
                self._lead_news(cluster)

    def _at_lead_talks(self, cluster: Cluster, lead: Cluster | None) -> bool:
        """An agreement between the states of the talks the article leads with was reached at
        those talks (the occasion's date); not one told as an earlier episode."""
        return (lead is not None and cluster.type in OCCASION_TYPES and lead.type == "CONSULT"
                and set(cluster.countries) <= set(lead.countries) and not self._episode_before(cluster))

    def _lead_news(self, cluster: Cluster) -> bool:
        """An act the article's lead sentence reports without a date, not even a vague one
        ("baru-baru ini"): the news of the day, so the day before the publication date to that
        date (where the news day is known)."""
        anchor = self.doc.anchor
        lead = self.lead_sentence
        if (not self.news_day_known or cluster.status != "occurred" or lead is None
                or not any(f.sentence == lead and not (f.in_quote or f.other_occasion or self._told_done(f))
                           for f in cluster.frames)
                or self.vague_time.search(self.doc.sentences[lead].text)):
            return False
        cluster.set_interval(days_after(anchor, -1), anchor, None, "reported by the article's lead as the news")
        return True


    def _told_done(self, frame: Frame) -> bool:
        """Whether a sentence tells the act as done in someone's words ("X mengatakan pihaknya
        telah berdiskusi dengan Y"): a reporting verb, then a past cue before the trigger. The
        saying is the news; the act it tells of happened at a time the text does not give."""
        words = [w.lower() for w in WORD.findall(self.doc.text[self._sentence_of(frame).start:frame.trigger.start])]
        told = next((i for i, w in enumerate(words) if w in self.reporting_verbs), None)
        return told is not None and any(self.tense_cues.get(w) == "past" for w in words[told + 1:])

    def _told_as_done(self, frame: Frame) -> bool:
        """Whether a word of the perfect right before the trigger tells the act as done already
        ("Trump telah mengancam ...", at most ``PRECEDING_DATE_GAP_WORDS`` words before it):
        with no time of its own that is background, and a later sentence's time is of what
        the text goes on to tell, not of this act."""
        before = WORD.findall(self.doc.text[self._sentence_of(frame).start:frame.trigger.start])
        return any(w.lower() in self.perfect for w in before[-PRECEDING_DATE_GAP_WORDS:])

    def _episode_before(self, cluster: Cluster) -> bool:
        """Whether a word right before a trigger tells of an episode before the news
        ("Bolivia sempat menolak ...", at most ``PRECEDING_DATE_GAP_WORDS`` words before it)."""
        return any(w.lower() in self.earlier_episode
                   for f in cluster.frames
                   for w in WORD.findall(self.doc.text[self._sentence_of(f).start:f.trigger.start])
                   [-PRECEDING_DATE_GAP_WORDS:])

    def _said_at_talks(self, cluster: Cluster, lead: Cluster | None) -> bool:
        """A statement between the states of talks the article reported just before it (else
        of its lead talks) was made at those talks; not one told as an earlier episode."""
        if cluster.type not in STATEMENT_TYPES or self._episode_before(cluster):
            return False
        here = min(f.sentence for f in cluster.frames)
        wanted = set(cluster.countries)
        talks = [(max(f.sentence for f in c.frames if f.sentence <= here), c) for c in self.filled
                 if c.type == "CONSULT" and c.dated() and c.status == "occurred"
                 and wanted <= set(c.countries) and any(f.sentence <= here for f in c.frames)]
        if talks:
            chosen = max(talks, key=lambda item: item[0])[1]
        elif lead is not None and lead.type == "CONSULT" and wanted <= set(lead.countries):
            chosen = lead
        else:
            return False
        cluster.copy_date(chosen, "said at the talks the article reports")
        return True

    def _current_statement(self, cluster: Cluster) -> bool:
        """A statement reported as the news: the day before the publication date to that date.
        Not where the news day is unknown (the publication date only inferred, and the text
        not giving today's date: ``news_day_known``), nor
        where its sentence puts it on another occasion ("sebelumnya", "waktu itu"), at a time
        it leaves vague ("baru-baru ini"), tells it as an earlier episode ("sempat") or as done
        already ("telah mengancam": background, which the text dates or leaves undated; a lead
        so told is still the news, ``_lead_news``), or tells it inside a passage about the past
        (``_in_background``)."""
        anchor = self.doc.anchor
        if (cluster.type not in STATEMENT_TYPES or cluster.status != "occurred"
                or not self.news_day_known or any(f.other_occasion for f in cluster.frames)
                or self._episode_before(cluster) or self._in_background(self._told_in_body(cluster))
                or all(self._told_as_done(f) for f in cluster.frames)
                or any(self.vague_time.search(self.doc.sentences[f.sentence].text) for f in cluster.frames)):
            return False
        cluster.set_interval(days_after(anchor, -1), anchor, None, "a statement reported as the news")
        return True

    def _in_background(self, frame: Frame) -> bool:
        """Whether a statement told as going on from the sentence before ("X juga mengkritik
        ...") follows, in its paragraph, a sentence set well before the news ("... pada Mei
        tahun lalu. Trump juga mengkritik India ..."): it continues that background rather than
        reporting the day's news."""
        index = frame.sentence - 1
        sentences = self.doc.sentences
        before = WORD.findall(self.doc.text[sentences[frame.sentence].start:frame.trigger.start])
        if (index < 0 or sentences[index].paragraph != sentences[frame.sentence].paragraph
                or not any(w.lower() in self.continuation for w in before[-PRECEDING_DATE_GAP_WORDS:])):
            return False
        times = self.in_sentence(sentences[index])
        return bool(times) and times[-1].last < days_after(self.doc.anchor, -BACKGROUND_DAYS)

    def _ongoing_since(self, cluster: Cluster) -> bool:
        """A visit under way "sejak Minggu (8/3)": from that day to the article's date."""
        if cluster.mode != "visit" or cluster.status != "occurred" or self.doc.anchor is None:
            return False
        for frame in cluster.frames:
            sentence = self.doc.sentences[frame.sentence]
            for expression in self.since:
                if sentence.start <= expression.start < sentence.end and expression.first <= self.doc.anchor:
                    last = self._lasting(sentence, expression.first)
                    if last == expression.first:
                        last = max(self.doc.anchor, expression.last)
                    cluster.set_interval(expression.first, last, expression.text, "under way since that day")
                    return True
        return False

    def _lasting(self, sentence: Sentence, first: date) -> date:
        """The last day of what starts on ``first`` and lasts "selama tiga hari" by its sentence;
        ``first`` itself where the sentence gives no such length."""
        match = self.duration.search(sentence.text)
        count = self.time_words.number(match.group("n")) if match else None
        return days_after(first, count[0] - 1) if count and count[0] >= 1 else first

    def _previous_time(self, cluster: Cluster) -> bool:
        """"Kala itu", "pada hari yang sama": the date of the nearest dated sentence before."""
        frame = self._told_in_body(cluster)
        sentence = self.doc.sentences[frame.sentence]
        if frame.in_quote or not self.reading.cue(self.lexicon.previous_time, sentence.start, sentence.end,
                                                  alone=False):
            return False
        for index in range(frame.sentence - 1, max(-1, frame.sentence - 1 - CONTEXT_SENTENCES), -1):
            earlier = self.doc.sentences[index]
            found = [] if earlier.is_caption or earlier.is_headline else self.in_sentence(earlier)
            if found:
                cluster.set_date(found[-1], "the time the sentence refers back to")
                return True
        return False

    def _simultaneous(self, cluster: Cluster, by_sentence: dict[int, list[tuple[Cluster, Frame]]]) -> bool:
        """Another dated event of its sentence on the same occasion ("... saat X bertemu"),
        unless the sentence puts it on another occasion ("waktu itu"). ``by_sentence``: the
        events being filled and their frames, by the frame's sentence (``_by_sentence``)."""
        if any(f.other_occasion for f in cluster.frames):
            return False
        for frame in cluster.frames:
            for other, other_frame in by_sentence.get(frame.sentence, ()):
                if other is cluster or not other.dated():
                    continue
                start = min(frame.trigger.end, other_frame.trigger.end)
                end = max(frame.trigger.start, other_frame.trigger.start)
                if self.reading.cue(self.lexicon.simultaneous, start, end + 1, alone=False):
                    cluster.copy_date(other, f"same occasion as the {other.type} event in its sentence")
                    return True
        return False

    def _other_pair(self, cluster: Cluster) -> bool:
        """An act told with several targets in one mention ("mengeluarkan peringatan, baik ke
        China maupun Rusia") is one occasion: a pair the article dates no other way takes the
        date of another pair of that mention."""
        for other in self.filled:
            if other is not cluster and other.dated() and other.type == cluster.type \
                    and other.status == cluster.status \
                    and any(f is g for f in cluster.frames for g in other.frames):
                cluster.copy_date(other, "the date of another pair of the same mention")
                return True
        return False

    def _ahead(self, expression: TimeExpression) -> bool:
        """Whether a time may be a plan's: not over before the article's date (a visit invited
        at Monday's call is not dated Monday)."""
        return self.doc.anchor is None or expression.last >= self.doc.anchor

    def _context_for(self, expression: TimeExpression, cluster: Cluster, later: bool) -> bool:
        """Whether another sentence's time may date an undated event: not where that sentence
        tells of events of its own and is a later one (a lead sentence is followed by the acts
        it reacts to), or they are between other states (background of another story; a
        mention of the same type naming no state, "kerja sama itu diteken Selasa", may be this
        event's), nor where it starts what goes on "sejak" then (a stretch, not an occasion)."""
        if self._since_cue(expression) is not None:
            return False  # "sejak X pada 10 Oktober" starts a stretch of its own sentence
        claimants = self.claimed.get(expression.start, [])
        return not claimants or not later and any(
            set(f.countries) & set(cluster.countries) or not f.countries and f.type == cluster.type
            for f in claimants)

    def _previous_occasion(self, cluster: Cluster) -> bool:
        """"Kemudian, ...", "Usai pertemuan, ...", "Dalam pernyataan yang sama, ...": the date of
        the nearest earlier dated event of the article (at most ``OCCASION_SENTENCES`` back),
        else of the nearest earlier sentence from the lead on that names a day. Not for plans: a visit invited
        at a call is not dated by the call."""
        frame = self._told_in_body(cluster)
        if frame.in_quote or cluster.status != "occurred" or not self._refers_back(frame.sentence):
            return False
        earliest = frame.sentence - OCCASION_SENTENCES
        earlier = [(max(f.sentence for f in c.frames if f.sentence < frame.sentence), c)
                   for c in self.filled if c is not cluster and c.dated() and c.status == "occurred"
                   and any(earliest <= f.sentence < frame.sentence for f in c.frames)]
        if earlier:
            cluster.copy_date(max(earlier, key=lambda item: item[0])[1], "the occasion its sentence refers back to")
            return True
        # Not before the lead: a date line ("Senin, 25 Mei 2026 19:30 WIB") tells when the
        # article appeared, not an occasion the sentence could refer back to.
        floor = max(earliest, self.lead_sentence if self.lead_sentence is not None else 0)
        for index in range(frame.sentence - 1, max(-1, floor - 1), -1):
            before = self.doc.sentences[index]
            days = [] if before.is_caption or before.is_headline else [
                t for t in self.in_sentence(before) if t.precision == "day"]
            if days:
                cluster.set_date(days[-1], "the occasion its sentence refers back to")
                return True
        return False

    def _refers_back(self, index: int) -> bool:
        """Whether sentence ``index`` ties what it tells to an occasion told before
        (``occasion_reference``: "Kemudian, ...", "Dalam pertemuan yang sama, ..."). Searched
        once per sentence: two steps of each event of the sentence ask, and the pattern is
        tried at every character of it."""
        referring = self._referring.get(index)
        if referring is None:
            referring = self._referring[index] = bool(self.occasion_reference.search(self.doc.sentences[index].text))
        return referring

    def _paragraph(self, cluster: Cluster) -> bool:
        """A day or week named in its own sentence, else in a nearby sentence of its paragraph;
        only its own sentence for quoted speech (the narrator's date is not the speaker's), for
        an event its sentence puts on another occasion ("dulu", "waktu itu"), for a reaction to
        what was told before ("Menanggapi hal itu, ...": later than what it answers) and for a
        photo caption (often of another occasion, never dated by the article); not a later
        sentence for one that refers back to an occasion told before ("Setelah itu, ...") or is told
        as done already ("telah mengancam"); another
        sentence's time only where ``_context_for`` allows and ``_may_lend`` (for a plan a time
        not over yet, for what happened one not after the article's date, for a statement not
        background set over ``BACKGROUND_DAYS`` before the news)."""
        frame = self._told_in_body(cluster)
        sentences = self.doc.sentences
        here = sentences[frame.sentence]
        own_only = any(f.in_quote or f.other_occasion or "caption" in f.flags for f in cluster.frames) \
            or bool(self.response_opening.match(here.text))
        reach = 0 if own_only else CONTEXT_SENTENCES
        # A sentence tied to an occasion told before it ("Setelah itu, ...", "Dalam pertemuan
        # yang sama, ...") is not dated by a later sentence: that one tells another moment.
        # (Asked only where other sentences may date it: the reference is searched for at
        # every character of the sentence.)
        ahead = 0 if not reach or self._refers_back(frame.sentence) or self._told_as_done(frame) else reach
        order = [frame.sentence] + [frame.sentence - k for k in range(1, reach + 1)] + \
                [frame.sentence + k for k in range(1, ahead + 1)]
        for index in order:
            if not 0 <= index < len(sentences):
                continue
            sentence = sentences[index]
            if sentence.paragraph != here.paragraph or sentence.is_caption or sentence.is_headline:
                continue
            found = [t for t in self.in_sentence(sentence) if (t.last - t.first).days < CONTEXT_MAX_DAYS
                     and (self._may_date(frame, t) and not self._other_clause(frame, t) if index == frame.sentence
                          else self._context_for(t, cluster, index > frame.sentence))
                     and (index == frame.sentence or self._may_lend(t, cluster))]
            if found:
                chosen = found[-1] if index < frame.sentence else found[0]
                cluster.set_date(chosen, "nearest dated sentence of its paragraph")
                return True
        return False

    def _retaliation(self, cluster: Cluster) -> bool:
        """An act told as a retaliation that no time of its own dates ("serangan balasan",
        "membalas serangan", or the sentence after "Sebagai respons, ..." in its paragraph): it
        came after the act it answers, which the text told before it, and by the article's date;
        so from the time told last before it (at most ``OCCASION_SENTENCES`` back, a stretch
        "sejak 28 Februari" too, not a source's date) to the article's date. Not statements
        (their own rule dates them), not talks (a "kunjungan balasan" returns a visit, it
        answers no act) and not quoted speech."""
        frame = self._told_in_body(cluster)
        anchor = self.doc.anchor
        if (anchor is None or cluster.status != "occurred" or cluster.type in STATEMENT_TYPES
                or cluster.type == "CONSULT" or frame.in_quote or not self.tells_a_retaliation(frame.sentence)
                or self.in_sentence(self.doc.sentences[frame.sentence])):
            return False
        for index in range(frame.sentence - 1, max(-1, frame.sentence - 1 - OCCASION_SENTENCES), -1):
            sentence = self.doc.sentences[index]
            if sentence.is_caption or sentence.is_headline:
                continue
            times = [t for t in self.usable + self.since
                     if sentence.start <= t.start < sentence.end and t.first <= anchor]
            if times:
                answered = max(times, key=lambda t: t.start)
                cluster.set_interval(answered.first, anchor, answered.text,
                                     "after the act it answers, by the article's date")
                return True
        return False

    def tells_a_retaliation(self, index: int) -> bool:
        """Whether sentence ``index`` tells a retaliation: a retaliation word in it, or the
        sentence before it in its paragraph opens with a response ("Sebagai respons, ...") and
        this one goes on telling it, naming no time of its own. The merge reads it too: such
        an act is a later one than an act of the same pair not so told."""
        sentence = self.doc.sentences[index]
        if self.reading.cue(self.retaliation, sentence.start, sentence.end, alone=False):
            return True
        if index == 0 or self.in_sentence(sentence):
            return False
        before = self.doc.sentences[index - 1]
        return before.paragraph == sentence.paragraph and bool(self.response_opening.match(before.text))

    def _may_lend(self, expression: TimeExpression, cluster: Cluster) -> bool:
        """Whether another sentence's time may date this event: for a plan, a time not over yet;
        for what has happened, a time not after the article's date ("serangan ... pekan depan"
        in the sentence beside it is another, coming act, not this one's day); for a statement,
        not a time over ``BACKGROUND_DAYS`` before the article's date (the background told
        beside the news, "perang dimulai pada 28 Februari", is not when the words were said)."""
        if cluster.status == "planned":
            return self._ahead(expression)
        if cluster.type in STATEMENT_TYPES and self.doc.anchor is not None \
                and expression.last < days_after(self.doc.anchor, -BACKGROUND_DAYS):
            return False
        return not self._ahead_only(expression)

    def _other_clause(self, frame: Frame, expression: TimeExpression) -> bool:
        """Whether a time after a trigger in its sentence belongs to another clause (a relative
        clause on another noun, a clause after a break): it does not date the event. A time
        ending a statement's long complement still may, failing all else (news puts the day of
        the saying last: "menuduh Y menanam ranjau di perbatasan pada Senin"). A time before it
        across a full stop or a list dash is another sentence's (``SENTENCE_STOP``)."""
        if expression.start >= frame.trigger.end:
            return self._closes(frame, expression, complement=False) is None
        return bool(SENTENCE_STOP.search(self.doc.text, expression.end, frame.trigger.start))

    def _occasion_held(self, cluster: Cluster) -> bool:
        """Talks the article reports, dated by the nearest sentence (at most
        ``OCCASION_SENTENCES`` away, in any paragraph) that tells when the occasion was held
        ("Pertemuan tersebut digelar di X pada Senin (4/3)"): also talks its speakers mention in
        a quotation ("'Pertemuan ini penting,' ujar X"). Only the sentence's first time (the
        holding's, not "setelah X dilantik pada ..." after it), only a day or a few days, not
        after the article's date, and not a time that dates an act of its own sentence between
        other states."""
        frame = self._told_in_body(cluster)
        if cluster.type != "CONSULT" or cluster.status != "occurred" or frame.other_occasion:
            return False
        order = sorted(range(max(0, frame.sentence - OCCASION_SENTENCES),
                             min(len(self.doc.sentences), frame.sentence + OCCASION_SENTENCES + 1)),
                       key=lambda index: abs(index - frame.sentence))
        for index in order:
            held = self._occasion_times.get(index)
            if held is not None and self._context_for(held, cluster, False):
                cluster.set_date(held, "the date its occasion was held")
                return True
        return False

    @cached_property
    def _occasion_times(self) -> dict[int, TimeExpression]:
        """The sentences that tell when the occasion was held (not captions or headlines), each
        with the time of its verb of holding (its first time): a day or a few days, not after the
        article's date. Read once per document."""
        times = {}
        for index, sentence in enumerate(self.doc.sentences):
            if sentence.is_caption or sentence.is_headline or not self.occasion_sentence.match(sentence.text):
                continue
            held = next(iter(self.in_sentence(sentence)), None)
            if held is not None and (held.last - held.first).days < CONTEXT_MAX_DAYS and not self._ahead_only(held):
                times[index] = held
        return times

    def _ahead_only(self, expression: TimeExpression) -> bool:
        """Whether a time starts after the article's date (no date of what has happened)."""
        return self.doc.anchor is not None and expression.first > self.doc.anchor

    def _report_bound(self, cluster: Cluster) -> bool:
        """The date of a source the article cites ("Dikutip dari X, Minggu (24/5)") in the
        event's paragraph, at most ``CONTEXT_SENTENCES`` sentences away (a long paragraph's
        earlier talk is not the source's), nearest first: the day before it to that day."""
        frame = self._told_in_body(cluster)
        here = self.doc.sentences[frame.sentence]
        near = [(abs(index - frame.sentence), t) for t in self.report
                for index in [self._sentence_index(t.start)]
                if index is not None and self.doc.sentences[index].paragraph == here.paragraph
                and abs(index - frame.sentence) <= CONTEXT_SENTENCES]
        if not near or cluster.status != "occurred":
            return False
        source = min(near, key=lambda item: item[0])[1]
        cluster.set_interval(days_after(source.first, -1), source.last, source.text,
                             "on or just before the cited source's date")
        return True

    def _sentence_index(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset`` (None between sentences)."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 0 or offset >= self.doc.sentences[index].end:
            return None
        return index

    def lead(self, clusters: list[Cluster]) -> Cluster | None:
        """The article's lead event: the first dated, occurred event outside captions."""
        body = [c for c in clusters if c.dated() and c.status == "occurred"
                and not self.doc.sentences[c.frames[0].sentence].is_caption]
        return min(body, key=lambda c: min(f.trigger.start for f in c.frames), default=None)


@cache
def retaliation_words(language: str) -> re.Pattern[str]:
    """Words telling an act as a retaliation ("serangan balasan"), from the language's time data."""
    return words_pattern(time_lexicon(language).time["retaliation_words"])


@cache
def sequence_openers(language: str) -> re.Pattern[str]:
    """The openers of a narrated sequence ("Kemudian", "Selanjutnya"), from the language's time data."""
    return words_pattern(time_lexicon(language).time["occasion_reference"]["openers"])


def _by_sentence(clusters: list[Cluster]) -> dict[int, list[tuple[Cluster, Frame]]]:
    """The events and their frames by the frame's sentence, in the order of ``clusters``."""
    found: dict[int, list[tuple[Cluster, Frame]]] = {}
    for cluster in clusters:
        for frame in cluster.frames:
            found.setdefault(frame.sentence, []).append((cluster, frame))
    return found


def _years_back(day: date, years: int) -> date:
    """The same day ``years`` earlier (28 February for 29 February), no earlier than year 1."""
    year = max(date.min.year, day.year - years)
    return day.replace(year=year, day=min(day.day, month_end(year, day.month).day))


def _beside_explicit(expression: TimeExpression, neighbours: list[TimeExpression], text: str) -> bool:
    """Whether a time named in words stands right beside (one of its ``neighbours``) a written
    date ("besok, Rabu (5/3/2025)"): the written date says which day is meant and alone governs."""
    if any(map(str.isdigit, expression.text)):
        return False
    return any(any(map(str.isdigit, other.text)) and EXPLICIT_GAP.fullmatch(
        text[min(expression.end, other.end):max(expression.start, other.start)])
        for other in neighbours)


def _counts_from_a_clause(expression: TimeExpression, sequence_words: frozenset[str]) -> bool:
    """Whether a time counts from the clause after it ("dua hari setelah X menyerang Y"): the
    day of that clause's act, not the day of a written date beside it ("pada 2 Maret, dua hari
    setelah ..."), so both stand."""
    words = WORD.findall(expression.text)
    return bool(words) and words[-1].lower() in sequence_words


def _during(frame: Frame) -> str | None:
    """The mode of the talks a statement was made during, if its sentence says so."""
    return next((flag.split(":", 1)[1] for flag in frame.flags if flag.startswith("during:")), None)
