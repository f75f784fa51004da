"""Event confidence on invented articles: corroboration, named sides, dates and quotation."""
from __future__ import annotations

import kronik


def events(text: str):
    return kronik.extract(text, published="2026-03-10").events


def test_confidence_rises_with_named_sides_a_date_and_repetition():
    once = events("Presiden Prancis mengecam Rusia.")
    often = events("Prancis mengecam Rusia pada Senin (9/3/2026) atas serangan ke Ukraina.\n"
                   "Kecaman Prancis terhadap Rusia itu disampaikan di Paris.")
    assert once and often
    assert often[0].confidence > once[0].confidence
    assert any("dated by the text" in reason for reason in often[0].confidence_reasons)


def test_event_only_inside_a_quotation_scores_lower_and_says_why():
    quoted = events("“Rusia telah menyerang Ukraina secara brutal,” kata seorang pejabat Prancis.")
    reported = events("Rusia menyerang Ukraina secara brutal, kata seorang pejabat Prancis.")
    assert quoted and reported
    assert quoted[0].confidence < reported[0].confidence
    assert any("quotation" in reason for reason in quoted[0].confidence_reasons)


def test_confidence_is_in_the_record():
    [event] = events("Prancis mengecam Rusia pada Senin (9/3/2026).")
    record = event.to_dict()
    assert 0.0 <= record["confidence"] <= 1.0 and record["confidence_reasons"]
