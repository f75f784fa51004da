"""Event dates: the governing time expression, else the context, never the story date silently.

Fallback chain, in order (the first that gives a date wins):
1. the time expression of the trigger's own sentence that is nearest to it, among those not
   nearer to another trigger; "sejak 2018" (a lower bound) and a story's source date
   ("dilansir AFP, Rabu (27/5)") are not governing;
2. another event of the same sentence: a request made "selama panggilan" has the call's date,
   and talks held "saat" a call share its date;
3. the nearest dated sentence before it in the same paragraph, then after it
   (at most ``CONTEXT_SENTENCES`` away), captions and headlines excluded;
4. the source date the article cites, as the day before it to the day itself (a report
   follows its event);
5. for statements (requests, accusations, threats, refusals, agreements) the date of the
   article's lead event, where the rest of the article reports what was said there.
Otherwise the date stays unknown (``None``).
"""
from __future__ import annotations

import re
from datetime import timedelta

from kronik.document import Document, Sentence, TimeExpression
from kronik.events.frames import Frame
from kronik.events.lexicon import Lexicon
from kronik.events.merge import Cluster

# How many sentences away, within a paragraph, a context date may come from.
CONTEXT_SENTENCES = 3
# A "since" word right before an expression makes it a lower bound, not a date.
SINCE = re.compile(r"(?:sejak|semenjak|hingga|sampai)\s+(?:\w+\s+)?$", re.IGNORECASE)
SIMULTANEOUS = re.compile(r"(?<!\w)(?:saat|ketika|sementara|selama|bersamaan|dalam|di sela|setelah|sehari setelah|usai|di mana)(?!\w)",
                          re.IGNORECASE)
STATEMENT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"})


class Dating:
    """Date resolution for the frames and events of one document."""

    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.usable = [t for t in doc.time_expressions if t.first is not None and self._governs(t)]
        self.report = [t for t in doc.time_expressions if t.first is not None and self._is_report(t)]

    def _governs(self, expression: TimeExpression) -> bool:
        before = self.doc.text[max(0, expression.start - 30):expression.start]
        return not SINCE.search(before) and not self._is_report(expression)

    def _is_report(self, expression: TimeExpression) -> bool:
        before = self.doc.text[max(0, expression.start - 60):expression.start]
        return bool(self.lexicon.report.search(before))

    def in_sentence(self, sentence: Sentence) -> list[TimeExpression]:
        return [t for t in self.usable if sentence.start <= t.start and t.end <= sentence.end]

    def assign_own_dates(self, frames: list[Frame]) -> None:
        """Step 1: each expression goes to the nearest trigger of its sentence."""
        by_sentence: dict[int, list[Frame]] = {}
        for frame in frames:
            by_sentence.setdefault(frame.sentence, []).append(frame)
        for index, sentence_frames in by_sentence.items():
            for expression in self.in_sentence(self.doc.sentences[index]):
                nearest = min(sentence_frames, key=lambda f: _distance(f, expression))
                if nearest.date is None or _distance(nearest, expression) < _distance(nearest, nearest.date):
                    nearest.date = expression

    def fill(self, clusters: list[Cluster]) -> None:
        """Steps 2-5 for events the merge left without a date."""
        lead = self._lead_date(clusters)
        for cluster in clusters:
            if cluster.dated():
                continue
            for step in (self._linked, self._paragraph, self._report_bound):
                if step(cluster, clusters):
                    break
            else:
                if lead is not None and cluster.type in STATEMENT_TYPES:
                    cluster.first, cluster.last = lead.first, lead.last
                    cluster.date_text, cluster.date_reason = lead.date_text, "date of the article's lead event"

    def _linked(self, cluster: Cluster, clusters: list[Cluster]) -> bool:
        for frame in cluster.frames:
            for other in clusters:
                if other is cluster or not other.dated():
                    continue
                if any(f.sentence == frame.sentence and self._tied(frame, f, cluster) for f in other.frames):
                    cluster.first, cluster.last = other.first, other.last
                    cluster.date_text = other.date_text
                    cluster.date_reason = f"same occasion as the {other.type} event in its sentence"
                    return True
        return False

    def _tied(self, frame: Frame, other: Frame, cluster: Cluster) -> bool:
        if cluster.type != "CONSULT":
            return True
        start, end = sorted((frame.trigger.end, other.trigger.start))
        return bool(SIMULTANEOUS.search(self.doc.text, min(start, end), max(start, end) + 1))

    def _paragraph(self, cluster: Cluster, clusters: list[Cluster]) -> bool:
        frame = cluster.frames[0]
        sentences = self.doc.sentences
        here = sentences[frame.sentence]
        order = [frame.sentence - k for k in range(1, CONTEXT_SENTENCES + 1)] + \
                [frame.sentence + k for k in range(1, CONTEXT_SENTENCES + 1)]
        for index in order:
            if not 0 <= index < len(sentences):
                continue
            sentence = sentences[index]
            if sentence.paragraph != here.paragraph or sentence.is_caption or sentence.is_headline:
                continue
            found = self.in_sentence(sentence)
            if found:
                chosen = found[-1] if index < frame.sentence else found[0]
                cluster.first, cluster.last = chosen.first, chosen.last
                cluster.date_text, cluster.date_reason = chosen.text, "nearest dated sentence of its paragraph"
                return True
        return False

    def _report_bound(self, cluster: Cluster, clusters: list[Cluster]) -> bool:
        frame = cluster.frames[0]
        here = self.doc.sentences[frame.sentence]
        same_paragraph = [t for t in self.report
                          if any(s.paragraph == here.paragraph and s.start <= t.start < s.end
                                 for s in self.doc.sentences)]
        if not same_paragraph or cluster.status != "occurred":
            return False
        source = same_paragraph[0]
        cluster.first, cluster.last = source.first - timedelta(days=1), source.last
        cluster.date_text, cluster.date_reason = source.text, "on or just before the cited source's date"
        return True

    def _lead_date(self, clusters: list[Cluster]) -> Cluster | None:
        body = [c for c in clusters if c.dated() and c.status == "occurred"
                and not self.doc.sentences[c.frames[0].sentence].is_caption]
        return min(body, key=lambda c: min(f.trigger.start for f in c.frames), default=None)


def _distance(frame: Frame, expression: TimeExpression) -> int:
    if expression.end <= frame.trigger.start:
        return frame.trigger.start - expression.end
    return max(0, expression.start - frame.trigger.end)
