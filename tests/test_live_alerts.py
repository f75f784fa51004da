"""Alert rules: each fires on a chronicle built for it and stays quiet on one built against it;
an alert is stored once, and delivered once to a webhook (a local receiver)."""
from __future__ import annotations

import json
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import local_server
from test_identity import make_event, stored_doc

from kronik.live.alerts import AlertRulesError, AlertService, Rule, evaluate, load_rules, stored_alerts
from kronik.store import Chronicle

DAY = date(2031, 6, 1)


def store_events(tmp_path, *events):
    tmp_path.mkdir(parents=True, exist_ok=True)
    chronicle = Chronicle.open(tmp_path / "k.duckdb")
    chronicle.ingest([stored_doc(f"{e.id}.txt", f"Artikel rekaan {e.id}.", e,
                                 published=e.date.end if e.date else None) for e in events])
    return chronicle


def fired(tmp_path, rule: Rule, *events) -> list[dict]:
    with store_events(tmp_path, *events) as chronicle:
        return evaluate(chronicle.con, [rule])


FIRST = Rule("first", "first_conflict", {"days": 90})
PLANNED = Rule("planned", "planned_meeting", {"watch": ["IDN"]})
SHARE = Rule("share", "conflict_share", {"recent_days": 30, "baseline_days": 180, "points": 25,
                                         "min_events": 3})
NEW_TYPE = Rule("new", "new_event_type", {})


def test_first_conflict_fires_after_a_quiet_spell_not_within_it(tmp_path):
    quiet = fired(tmp_path / "a", FIRST, make_event("a1", "ACCUSE", ["FRA", "BRA"], DAY),
                  make_event("a2", "THREATEN", ["BRA", "FRA"], DAY + timedelta(days=200)))
    assert [a["date"] for a in quiet] == [str(DAY), str(DAY + timedelta(days=200))]
    assert quiet[0]["events"] and quiet[0]["articles"] == ["a1.txt"]
    busy = fired(tmp_path / "b", FIRST, make_event("b1", "ACCUSE", ["FRA", "BRA"], DAY),
                 make_event("b2", "THREATEN", ["BRA", "FRA"], DAY + timedelta(days=10)))
    assert len(busy) == 1


def test_planned_meeting_fires_for_a_watched_state_only(tmp_path):
    visit = make_event("v1", "CONSULT", ["IDN", "FRA"], DAY, status="planned", mode="visit")
    assert [a["kind"] for a in fired(tmp_path / "a", PLANNED, visit)] == ["planned_meeting"]
    other = make_event("v2", "CONSULT", ["BRA", "FRA"], DAY, status="planned", mode="visit")
    done = make_event("v3", "CONSULT", ["IDN", "FRA"], DAY, mode="visit")
    assert fired(tmp_path / "b", PLANNED, other, done) == []


def baseline(prefix: str, conflicts: int, total: int) -> list:
    """Events of FRA and BRA in the 180 days before the recent window."""
    return [make_event(f"{prefix}{n}", "ACCUSE" if n < conflicts else "AGREE", ["FRA", "BRA"],
                       DAY - timedelta(days=60 + 20 * n)) for n in range(total)]


def recent(prefix: str, conflicts: int, total: int) -> list:
    kinds = ["THREATEN", "ACCUSE", "REJECT", "SANCTION"]
    return [make_event(f"{prefix}{n}", kinds[n % 4] if n < conflicts else "SUPPORT",
                       ["FRA", "BRA"], DAY - timedelta(days=n * 3)) for n in range(total)]


def test_conflict_share_fires_when_conflict_rises_not_when_it_holds(tmp_path):
    rising = fired(tmp_path / "a", SHARE, *baseline("b", 1, 4), *recent("r", 3, 3))
    assert [a["kind"] for a in rising] == ["conflict_share"] and len(rising[0]["events"]) == 3
    steady = fired(tmp_path / "b", SHARE, *baseline("b", 3, 4), *recent("r", 2, 3))
    assert steady == []


def test_new_event_type_fires_on_a_type_new_to_the_dyad_only(tmp_path):
    found = fired(tmp_path / "a", NEW_TYPE, make_event("n1", "AGREE", ["FRA", "BRA"], DAY),
                  make_event("n2", "AGREE", ["FRA", "BRA"], DAY + timedelta(days=5)),
                  make_event("n3", "SANCTION", ["FRA", "BRA"], DAY + timedelta(days=9)))
    assert [a["title"].split(": ")[1].split(" ")[0] for a in found] == ["SANCTION"]
    same = fired(tmp_path / "b", NEW_TYPE, make_event("m1", "AGREE", ["FRA", "BRA"], DAY),
                 make_event("m2", "AGREE", ["FRA", "BRA"], DAY + timedelta(days=5)))
    assert same == []


class Receiver(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - the http.server hook
        Receiver.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def receiver():
    Receiver.received = []
    with local_server(Receiver) as address:
        yield f"{address}/hook"


def test_an_alert_is_stored_once_and_delivered_once(tmp_path, receiver):
    service = AlertService([FIRST], webhook=receiver)
    with store_events(tmp_path, make_event("a1", "ACCUSE", ["FRA", "BRA"], DAY)) as chronicle:
        service(chronicle)
        service(chronicle)
        chronicle.ingest([stored_doc("x.txt", "Artikel rekaan lain.",
                                     make_event("x1", "AGREE", ["FRA", "BRA"], DAY))])
        service(chronicle)
        alerts = stored_alerts(chronicle)
    assert len(alerts) == 1 and alerts[0]["delivered"]
    assert [a["key"] for a in Receiver.received] == [alerts[0]["key"]]


def test_the_default_rules_load_and_a_bad_file_is_named(tmp_path):
    assert {r.kind for r in load_rules()} == {"first_conflict", "planned_meeting",
                                              "conflict_share", "new_event_type"}
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - kind: first_conflict\n    dayz: 3\n", encoding="utf-8")
    with pytest.raises(AlertRulesError, match="rules.yaml: rule 1 .* dayz"):
        load_rules(bad)
