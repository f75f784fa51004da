"""Alerts: rules over the chronicle, evaluated after each ingest, stored once per situation.

The rules live in a small YAML file the user edits (``--alerts FILE``); the documented
default is ``kronik/live/alerts.yaml``. Each rule kind is one SQL query over the canonical
events between two states (a dyad: the actor's and the recipient's countries, in alphabetical
order) returning the situations it finds, each with a key that names the situation: an alert
is inserted once per key, so re-evaluating after every batch raises nothing twice. New alerts
are optionally POSTed as JSON to a webhook and marked delivered when it answers 2xx.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import yaml

from kronik.errors import KronikError
from kronik.store import Chronicle

Connection = duckdb.DuckDBPyConnection
KINDS = ("first_conflict", "planned_meeting", "conflict_share", "new_event_type")
# A webhook that does not answer in this many seconds is tried again after the next batch.
WEBHOOK_TIMEOUT_SECONDS = 5

DYADS = """
    SELECT canonical_id, type, mode, status, quad, date_start, source_list,
           least(actor_country, recipient_country) AS a,
           greatest(actor_country, recipient_country) AS b
    FROM canonical_events
    WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL
      AND actor_country <> recipient_country AND date_start IS NOT NULL"""
CONFLICT = "quad IN ('verbal_conflict', 'material_conflict')"

QUERIES = {
    # The first occurred conflict event of a dyad, or one after `days` without any.
    "first_conflict": f"""
        SELECT a, b, date_start, [canonical_id] AS events, source_list AS sources,
               a || '|' || b || '|' || date_start AS situation
        FROM (SELECT *, lag(date_start) OVER (PARTITION BY a, b ORDER BY date_start,
                                              canonical_id) AS previous
              FROM ({DYADS}) WHERE {CONFLICT} AND status = 'occurred')
        WHERE previous IS NULL OR date_start - previous > $days""",
    # A planned visit, meeting or summit with a watched state among its parties.
    "planned_meeting": """
        SELECT countries[1] AS a, countries[2] AS b, date_start, [canonical_id] AS events,
               source_list AS sources,
               array_to_string(list_sort(countries), '|') || '|' || coalesce(mode, '') || '|'
                   || coalesce(CAST(date_start AS VARCHAR), 'undated') AS situation
        FROM canonical_events
        WHERE status = 'planned' AND type = 'CONSULT'
          AND mode IN ('visit', 'meeting', 'multilateral')
          AND (len($watch) = 0 OR list_has_any(countries, $watch))""",
    # Conflict's share of a dyad's events in the recent window against the baseline before.
    "conflict_share": f"""
        WITH d AS ({DYADS}),
        latest AS (SELECT a, b, max(date_start) AS until FROM d GROUP BY a, b),
        windows AS (
            SELECT d.a, d.b, l.until,
                   d.date_start > l.until - $recent_days AS recent, {CONFLICT} AS conflict,
                   d.canonical_id, d.source_list
            FROM d JOIN latest l USING (a, b)
            WHERE d.date_start > l.until - ($recent_days + $baseline_days)),
        shares AS (
            SELECT a, b, until,
                   count(*) FILTER (recent) AS recent_n,
                   count(*) FILTER (recent AND conflict) / greatest(count(*) FILTER (recent), 1)
                       AS recent_share,
                   count(*) FILTER (NOT recent) AS base_n,
                   count(*) FILTER (NOT recent AND conflict)
                       / greatest(count(*) FILTER (NOT recent), 1) AS base_share,
                   list(canonical_id ORDER BY canonical_id) FILTER (recent AND conflict) AS events,
                   flatten(list(CAST(source_list AS JSON[])) FILTER (recent AND conflict))
                       AS sources
            FROM windows GROUP BY a, b, until)
        SELECT a, b, until AS date_start, events, to_json(sources) AS sources,
               a || '|' || b || '|' || strftime(until, '%G-W%V') AS situation
        FROM shares
        WHERE recent_n >= $min_events AND base_n > 0
          AND (recent_share - base_share) * 100 > $points""",
    # The first event of a type in a dyad that already had events of other types.
    "new_event_type": f"""
        SELECT a, b, date_start, [canonical_id] AS events, source_list AS sources,
               a || '|' || b || '|' || type AS situation
        FROM (SELECT *, row_number() OVER (PARTITION BY a, b, type
                                           ORDER BY date_start, canonical_id) AS nth,
                     min(date_start) OVER (PARTITION BY a, b) AS dyad_start
              FROM ({DYADS}))
        WHERE nth = 1 AND dyad_start < date_start""",
}
DEFAULTS = {"first_conflict": {"days": 90}, "planned_meeting": {"watch": []},
            "conflict_share": {"recent_days": 30, "baseline_days": 180, "points": 25,
                               "min_events": 3},
            "new_event_type": {}}
TITLES = {
    "first_conflict": "First conflict between {a} and {b} in {days} days ({date})",
    "planned_meeting": "Planned {mode} involving {a} and {b} ({date})",
    "conflict_share": "Conflict rising between {a} and {b} (30 days to {date})",
    "new_event_type": "New kind of event between {a} and {b}: {type} ({date})",
}


class AlertRulesError(KronikError):
    """An alert rules file that cannot be used."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    settings: dict[str, Any]


def default_rules_path() -> Path:
    return Path(str(resources.files("kronik.live").joinpath("alerts.yaml")))


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """The rules of ``path`` (the default file when None), checked."""
    source = Path(path) if path else default_rules_path()
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise AlertRulesError(f"{source}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise AlertRulesError(f"{source}: not YAML ({exc})") from None
    rules = []
    for number, entry in enumerate(data.get("rules") or [], start=1):
        if not isinstance(entry, dict) or entry.get("kind") not in KINDS:
            raise AlertRulesError(f"{source}: rule {number} needs a kind among {', '.join(KINDS)}")
        kind = entry["kind"]
        unknown = set(entry) - {"name", "kind"} - set(DEFAULTS[kind])
        if unknown:
            raise AlertRulesError(f"{source}: rule {number} ({kind}) has unknown settings: "
                                  f"{', '.join(sorted(unknown))}")
        settings = DEFAULTS[kind] | {k: v for k, v in entry.items() if k in DEFAULTS[kind]}
        if "watch" in settings:
            settings["watch"] = [str(code).upper() for code in settings["watch"]]
        rules.append(Rule(str(entry.get("name") or kind), kind, settings))
    return rules


def evaluate(con: Connection, rules: list[Rule]) -> list[dict[str, Any]]:
    """Run every rule and store the situations not alerted before; return the new alerts."""
    fresh = []
    known = {r[0] for r in con.execute("SELECT alert_key FROM alerts").fetchall()}
    for rule in rules:
        cursor = con.execute(QUERIES[rule.kind], rule.settings)
        columns = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            found = dict(zip(columns, row))
            key = f"{rule.name}|{found['situation']}"
            if key in known:
                continue
            known.add(key)
            fresh.append(_alert(rule, key, found))
    for alert in fresh:
        con.execute("INSERT OR IGNORE INTO alerts (alert_key, rule, kind, title, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [alert["key"], alert["rule"], alert["kind"], alert["title"],
                     json.dumps(alert, ensure_ascii=False, default=str)])
    return fresh


def _alert(rule: Rule, key: str, found: dict[str, Any]) -> dict[str, Any]:
    sources = json.loads(found["sources"]) if isinstance(found["sources"], str) else found["sources"]
    date = str(found["date_start"]) if found["date_start"] else "undated"
    title = TITLES[rule.kind].format(a=found["a"], b=found["b"], date=date,
                                     days=rule.settings.get("days"),
                                     mode=found["situation"].split("|")[-2] if rule.kind == "planned_meeting" else "",
                                     type=found["situation"].split("|")[-1])
    return {"key": key, "rule": rule.name, "kind": rule.kind, "title": title,
            "states": [found["a"], found["b"]], "date": date, "events": list(found["events"] or []),
            "articles": sorted({s.get("source") for s in sources or [] if s.get("source")})}


def stored_alerts(chronicle: Chronicle, limit: int = 100) -> list[dict[str, Any]]:
    """The latest alerts, newest first."""
    rows = chronicle.con.execute(
        "SELECT detail, created_at, delivered_at FROM alerts ORDER BY created_at DESC, "
        "alert_key LIMIT ?", [limit]).fetchall()
    return [json.loads(detail) | {"created_at": created.isoformat(timespec="seconds"),
                                  "delivered": delivered is not None}
            for detail, created, delivered in rows]


def deliver(con: Connection, webhook: str) -> list[str]:
    """POST every undelivered alert to ``webhook``; mark those accepted; return problems."""
    import httpx

    problems = []
    rows = con.execute("SELECT alert_key, detail FROM alerts WHERE delivered_at IS NULL "
                       "ORDER BY created_at, alert_key").fetchall()
    for key, detail in rows:
        try:
            response = httpx.post(webhook, content=detail, timeout=WEBHOOK_TIMEOUT_SECONDS,
                                  headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            problems.append(f"{webhook}: alert not delivered ({type(exc).__name__})")
            break
        if not response.is_success:
            problems.append(f"{webhook}: alert not delivered (HTTP {response.status_code})")
            break
        con.execute("UPDATE alerts SET delivered_at = ? WHERE alert_key = ?",
                    [datetime.now(), key])
    return problems


class AlertService:
    """What the writer runs after each batch: evaluate the rules, then deliver."""

    def __init__(self, rules: list[Rule], webhook: str | None = None):
        self.rules = rules
        self.webhook = webhook
        self.problems: list[str] = []

    def __call__(self, chronicle: Chronicle) -> None:
        con = chronicle.con
        con.execute("BEGIN TRANSACTION")
        try:
            evaluate(con, self.rules)
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        if self.webhook:
            self.problems = deliver(con, self.webhook)
            if self.problems:
                raise KronikError("; ".join(self.problems))
