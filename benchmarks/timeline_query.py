"""Benchmark: timeline queries on a chronicle of one million events.

The store is generated in bulk with DuckDB SQL (not through the pipeline): 250,000 documents,
1,000,000 event mentions in about 770,000 canonical events over ten years between 40 states.
Then the timeline queries the web page makes are timed (median of repeated runs, warm cache).

    .venv/bin/python benchmarks/timeline_query.py [--events N] [--db FILE]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from kronik.store import Chronicle, Filters

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
COUNTRIES = ["IDN", "USA", "CHN", "RUS", "UKR", "MYS", "SGP", "AUS", "JPN", "KOR", "IND", "PAK",
             "IRN", "ISR", "SAU", "TUR", "FRA", "DEU", "GBR", "NLD", "BRA", "ARG", "ZAF", "NGA",
             "EGY", "PHL", "VNM", "THA", "MMR", "PRK", "CAN", "MEX", "ITA", "ESP", "POL", "ROU",
             "OMN", "QAT", "NZL", "NOR"]
MENTIONS_PER_DOC = 4
EVENTS_PER_GROUP = 1.3  # about 1.3 mentions per real-world event, as in a news stream


def generate(store: Chronicle, events: int) -> None:
    """Fill the store's tables in bulk, canonical rows sorted by date for zone-map pruning."""
    con = store.con
    docs = events // MENTIONS_PER_DOC
    groups = int(events / EVENTS_PER_GROUP)
    con.execute("BEGIN TRANSACTION")
    con.execute(f"""
        INSERT INTO documents (doc_id, source, title, outlet, published, published_date, language,
                               text, record, n_events, ingested_at)
        SELECT 'd' || i, 'https://kabar.example/' || i, 'Judul ' || i, 'Outlet ' || (i % 60),
               (DATE '2016-01-01' + CAST(i * 3650 // {docs} AS INTEGER))::VARCHAR,
               DATE '2016-01-01' + CAST(i * 3650 // {docs} AS INTEGER), 'id', 'teks ' || i, '{{}}',
               {MENTIONS_PER_DOC}, now()
        FROM range({docs}) t(i)""")
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT i, 'g' || (i * {groups} // {events}) AS grp,
               {TYPES}[1 + CAST(hash(i * {groups} // {events}) % {len(TYPES)} AS BIGINT)] AS type,
               {COUNTRIES}[1 + CAST(hash(i * {groups} // {events} + 7) % {len(COUNTRIES)} AS BIGINT)] AS a,
               {COUNTRIES}[1 + CAST(hash(i * {groups} // {events} + 13) % {len(COUNTRIES)} AS BIGINT)] AS b,
               DATE '2016-01-01' + CAST((i // {MENTIONS_PER_DOC}) * 3650 // {docs} AS INTEGER) AS day
        FROM range({events}) t(i)""")
    con.execute(f"""
        INSERT INTO events (event_id, doc_id, canonical_id, type, mode, status, actor_name,
                            actor_country, recipient_name, recipient_country, date_start, date_end,
                            evidence_start, evidence_end, evidence_text, record)
        SELECT 'e' || i, 'd' || (i // {MENTIONS_PER_DOC}), grp, type, NULL,
               CASE WHEN hash(i) % 10 = 0 THEN 'planned' ELSE 'occurred' END,
               'Pejabat ' || a, a, 'Pejabat ' || b, b, day, day, 0, 40, 'Kalimat bukti.', '{{}}'
        FROM gen""")
    con.execute(f"""
        INSERT INTO canonical_events
        SELECT grp, min('e' || i), any_value(type), NULL, 'occurred', NULL,
               'Pejabat ' || any_value(a), any_value(a), 'Pejabat ' || any_value(b), any_value(b),
               [any_value(a), any_value(b)], lower('pejabat ' || any_value(a) || ' | pejabat ' || any_value(b)),
               min(day), max(day), NULL, NULL, count(*), count(*), count(*),
               1 - pow(0.5, count(*)), min(day),
               to_json(list({{'doc_id': 'd' || (i // {MENTIONS_PER_DOC}),
                             'source': 'https://kabar.example/' || (i // {MENTIONS_PER_DOC}),
                             'outlet': 'Outlet ' || ((i // {MENTIONS_PER_DOC}) % 60),
                             'title': 'Judul ' || (i // {MENTIONS_PER_DOC}),
                             'published': day::VARCHAR, 'duplicate_of': NULL}})),
               '|' || array_to_string(list_sort([any_value(a), any_value(b)]), '|') || '|'
        FROM gen GROUP BY grp ORDER BY min(day)""")
    con.execute("""
        UPDATE canonical_events SET quad = CASE
            WHEN type IN ('AGREE','CONSULT','SUPPORT','CONCEDE') THEN 'verbal_cooperation'
            WHEN type IN ('COOPERATE','AID','RETREAT') THEN 'material_cooperation'
            WHEN type IN ('REQUEST','ACCUSE','REJECT','THREATEN') THEN 'verbal_conflict'
            ELSE 'material_conflict' END""")
    con.execute("COMMIT")
    con.execute("CHECKPOINT")


def build(path: Path, events: int) -> None:
    """Generate a store of ``events`` events at ``path`` and print how long it took."""
    start = time.perf_counter()
    with Chronicle.open(path) as store:
        generate(store, events)
    print(f"generated {events:,} events in {time.perf_counter() - start:.1f} s ({path})")


def timed(run, repeat: int = 25) -> float:
    """Median wall time of ``run()`` in milliseconds, after one warm-up call."""
    run()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="keep the generated store here")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.duckdb"
    build(path, args.events)
    with Chronicle.open(path, read_only=True) as store:
        stats = store.stats()
        print(f"{stats['events']:,} event mentions, {stats['canonical_events']:,} canonical events, "
              f"{stats['documents']:,} documents")
        year = Filters(country="IDN", type="CONSULT", start=date(2024, 1, 1), end=date(2024, 12, 31))
        cases = {
            "timeline, no filter, first page of 50": lambda: store.timeline(limit=50),
            "timeline, country+type+year, 50": lambda: store.timeline(year, limit=50),
            "timeline, country only, page 10 of 50": lambda: store.timeline(Filters(country="CHN"), 50, 450),
            "timeline, actor name, 50": lambda: store.timeline(Filters(actor="pejabat irn"), limit=50),
            "count, country+type+year": lambda: store.count_events(year),
            "dyad USA-CHN, latest 50": lambda: store.dyad("USA", "CHN", limit=50),
        }
        for name, run in cases.items():
            print(f"{name:42} {timed(run):8.1f} ms")
    folder.cleanup()


if __name__ == "__main__":
    main()
