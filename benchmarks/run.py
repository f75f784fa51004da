"""Benchmark: Kronik end to end and per stage, against what a user would build instead.

    .venv/bin/python benchmarks/run.py                  # 10,000 generated articles (make bench)
    .venv/bin/python benchmarks/run.py --articles 2000  # quicker
    .venv/bin/python benchmarks/run.py --profile 1000   # pyinstrument profile of Kronik
    .venv/bin/python benchmarks/run.py --real FILE      # real articles besides the generated ones

The real corpus defaults to ``../shared/corpus/unlabeled/articles.jsonl`` (3,201 real articles
of every topic) and is measured after the generated one, each with its own table; a quick run
(``--articles 500``) measures as many real articles as generated ones (the first of the file).

The corpus is generated at run time from the development articles (``corpus.py``) into a
temporary folder. Each system runs in its own subprocesses, one per core (``--processes``),
each on every n-th article, so that a peak RSS is the system's own. Rates are articles per CPU
second of those processes (articles per second per core), so that other work on the machine
does not count against a system; wall-clock seconds are shown beside them.

- Kronik: read, the default pipeline (each stage timed), ``to_dict`` and JSON serialisation;
- spaCy ``blank("id")`` with an EntityRuler over the same actor names, plus dateparser's
  ``search_dates(text, languages=['id'])``; dateparser is slow, so it runs on a sample and the
  combined rate adds the two per-article costs;
- bare tokenisation (a regex word split), the floor any text tool pays: the median of five
  runs, since one run is short enough for other work on the machine to distort it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# The targets for Kronik.
TARGET_RATE = 300  # articles per second per core, end to end
TARGET_RSS_MB = 300
TARGET_VS_SPACY = 3  # at least this many times faster than spaCy + dateparser
TARGET_VS_TOKENS = 20  # at most this many times slower than bare tokenisation

WORD_SPLIT = re.compile(r"\w+")
# Runs of the tokenisation measure, the median counting: one pass over the real corpus takes
# a quarter of a second per process, and single runs read from 5,700 to 10,700 articles per
# second across runs of this benchmark on one machine. Each run is a fresh process's one
# pass, as Kronik's is.
SHORT_MEASURE_RUNS = 5
# Articles dateparser runs on at most: its rate (about 10 articles per second) is steady well
# before that; a quick run (--articles 500) samples a fifth of its articles.
DATEPARSER_SAMPLE = 300
# Real articles of every topic (issue: speed on real text, beside the generated corpus).
REAL_CORPUS = HERE.parent.parent / "shared" / "corpus" / "unlabeled" / "articles.jsonl"


# --- measurements, each run in its own subprocess -------------------------------------------

def _texts(corpus: Path, part: int, parts: int,
           limit: int | None = None) -> Iterator[tuple[str, str]]:
    """Articles ``part``, ``part + parts``, ... of the first ``limit`` in the corpus file."""
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if number % parts == part:
                record = json.loads(line)
                yield record["source"], record["text"]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_kronik(corpus: Path, names: Path, part: int, parts: int) -> dict:
    """The default pipeline over every article, each stage timed, records serialised."""
    start = time.process_time()
    import kronik
    from kronik.document import Document
    from kronik.jsontext import dumps

    pipeline = kronik.pipeline()
    setup = time.process_time() - start
    spent = dict.fromkeys(pipeline.names, 0.0)
    count = events = 0
    start = time.process_time()
    for source, text in _texts(corpus, part, parts):
        doc = pipeline(Document(raw_text=text, source=source), spent)
        dumps(doc.to_dict())
        events += len(doc.events)
        count += 1
    return {"articles": count, "seconds": time.process_time() - start, "setup": setup,
            "stages": spent, "events": events, "rss_mb": _peak_rss_mb()}


def measure_spacy_dateparser(corpus: Path, names: Path, part: int, parts: int,
                             sample: int) -> dict:
    """spaCy blank("id") + EntityRuler over all articles; dateparser search_dates on a sample."""
    start = time.process_time()
    import spacy
    from dateparser.search import search_dates

    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    actors = json.loads(names.read_text(encoding="utf-8"))
    ruler.add_patterns([{"label": label, "pattern": name}
                        for label, group in actors.items() for name in group])
    search_dates("Senin, 3 Maret 2025", languages=["id"])  # loads its language data
    setup = time.process_time() - start
    count = entities = 0
    start = time.process_time()
    for _, text in _texts(corpus, part, parts):
        entities += len(nlp(text).ents)
        count += 1
    spacy_seconds = time.process_time() - start
    dated = found = 0
    start = time.process_time()
    for _, text in _texts(corpus, part, parts, limit=sample):
        found += len(search_dates(text, languages=["id"]) or [])
        dated += 1
    return {"articles": count, "seconds": spacy_seconds, "setup": setup, "entities": entities,
            "dateparser_articles": dated, "dateparser_seconds": time.process_time() - start,
            "dates": found, "rss_mb": _peak_rss_mb()}


def measure_tokens(corpus: Path, names: Path, part: int, parts: int) -> dict:
    """A regex word split of every article: the floor."""
    count = words = 0
    start = time.process_time()
    for _, text in _texts(corpus, part, parts):
        words += len(WORD_SPLIT.findall(text))
        count += 1
    return {"articles": count, "seconds": time.process_time() - start, "setup": 0.0,
            "words": words, "rss_mb": _peak_rss_mb()}


def profile_kronik(corpus: Path, names: Path, part: int, parts: int) -> dict:
    """pyinstrument over the default pipeline; the text report goes to standard error."""
    from pyinstrument import Profiler

    import kronik
    from kronik.jsontext import dumps

    kronik.pipeline()
    profiler = Profiler(interval=0.0005)
    with profiler:
        for source, text in _texts(corpus, part, parts):
            dumps(kronik.extract(text, source=source).to_dict())
    print(profiler.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
    return {}


MEASURES = {"kronik": measure_kronik, "spacy": measure_spacy_dateparser,
            "tokens": measure_tokens, "profile": profile_kronik}


def run_measure(system: str, corpus: Path, names: Path, processes: int,
                sample: int | None = None) -> dict:
    """One measurement in ``processes`` fresh interpreters side by side; their results added
    up (peak RSS and setup: the largest of them)."""
    command = [sys.executable, __file__, "--measure", system, "--corpus-file", str(corpus),
               "--names-file", str(names), "--parts", str(processes)]
    if sample is not None:
        command += ["--dateparser-sample", str(sample)]
    began = time.perf_counter()
    running = [subprocess.Popen([*command, "--part", str(part)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for part in range(processes)]
    results = []
    for process in running:
        stdout, stderr = process.communicate()
        if process.returncode:
            raise SystemExit(f"{system} measurement failed:\n{stderr[-3000:]}")
        if stderr.strip():
            print(stderr, file=sys.stderr)
        results.append(json.loads(stdout))
    return {**_combine(results), "wall": time.perf_counter() - began, "processes": processes}


def median_measure(system: str, corpus: Path, names: Path, processes: int) -> dict:
    """The measurement of median CPU time among ``SHORT_MEASURE_RUNS`` runs, each in fresh
    processes (for a measure too short for one run to be steady)."""
    runs = [run_measure(system, corpus, names, processes) for _ in range(SHORT_MEASURE_RUNS)]
    return sorted(runs, key=lambda result: result["seconds"])[len(runs) // 2]


def _combine(results: list[dict]) -> dict:
    combined: dict = {}
    for result in results:
        for key, value in result.items():
            if isinstance(value, dict):
                combined[key] = _combine([combined.get(key, {}), value])
            elif key in ("rss_mb", "setup"):
                combined[key] = max(combined.get(key, 0), value)
            else:
                combined[key] = combined.get(key, 0) + value
    return combined


# --- the report -------------------------------------------------------------------------------

def rows(kronik: dict, spacy: dict, tokens: dict) -> list[tuple[str, int, float, float]]:
    """(system, articles, articles per second per core, peak RSS MB) for each system."""
    spacy_rate = spacy["articles"] / spacy["seconds"]
    dp_rate = spacy["dateparser_articles"] / spacy["dateparser_seconds"]
    combined = 1 / (1 / spacy_rate + 1 / dp_rate)
    return [
        ("Kronik (pipeline + to_dict + JSON)", kronik["articles"],
         kronik["articles"] / kronik["seconds"], kronik["rss_mb"]),
        ("spaCy + EntityRuler + dateparser*",
         spacy["articles"], combined, spacy["rss_mb"]),
        ("  spaCy blank('id') + EntityRuler", spacy["articles"], spacy_rate, spacy["rss_mb"]),
        ("  dateparser search_dates* (sample)",
         spacy["dateparser_articles"], dp_rate, spacy["rss_mb"]),
        ("bare tokenisation (regex \\w+)", tokens["articles"],
         tokens["articles"] / tokens["seconds"], tokens["rss_mb"]),
    ]


def print_report(label: str, kronik: dict, spacy: dict, tokens: dict, names: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=110)
    console.rule(label)
    table = Table(title="End to end: articles per CPU second (= per core), peak RSS of one process")
    for column in ("system", "articles", "CPU s", "articles/s/core", "peak RSS MB", "Kronik speed ×"):
        table.add_column(column, justify="left" if column == "system" else "right")
    measured = rows(kronik, spacy, tokens)
    kronik_rate = measured[0][2]
    for system, articles, rate, rss in measured:
        table.add_row(system, f"{articles:,}", f"{articles / rate:,.1f}", f"{rate:,.1f}", f"{rss:,.0f}",
                      f"{kronik_rate / rate:,.2f}")
    console.print(table)
    stages = Table(title="Kronik per stage")
    for column in ("stage", "seconds", "µs/article", "share"):
        stages.add_column(column, justify="left" if column == "stage" else "right")
    total = sum(kronik["stages"].values()) or 1e-9
    for name, seconds in kronik["stages"].items():
        stages.add_row(name, f"{seconds:.2f}", f"{1e6 * seconds / kronik['articles']:,.0f}",
                       f"{100 * seconds / total:.1f}%")
    stages.add_row("outside stages (read, to_dict, JSON)", f"{kronik['seconds'] - total:.2f}",
                   f"{1e6 * (kronik['seconds'] - total) / kronik['articles']:,.0f}", "")
    console.print(stages)
    spacy_rate, tokens_rate = measured[1][2], measured[4][2]
    console.print(
        f"* dateparser ran on the first {spacy['dateparser_articles']:,} articles only (it is slow); "
        "the combined rate adds its per-article cost to spaCy's, RSS is the one process's. "
        f"Wall clock with {kronik['processes']} process(es) each: Kronik {kronik['wall']:.0f} s, "
        f"spaCy + dateparser {spacy['wall']:.0f} s, tokenisation {tokens['wall']:.0f} s. "
        f"EntityRuler names: {names['origin']}. Setup (imports, data): Kronik {kronik['setup']:.1f} s, "
        f"spaCy + dateparser {spacy['setup']:.1f} s, not in the rates. Kronik found "
        f"{kronik['events']:,} events; the EntityRuler {spacy['entities']:,} entities; "
        f"dateparser {spacy['dates']:,} dates in its sample.")
    console.print("Targets: " + "; ".join([
        _check(f">= {TARGET_RATE} articles/s/core", kronik_rate >= TARGET_RATE),
        _check(f"<= {TARGET_RSS_MB} MB", kronik["rss_mb"] <= TARGET_RSS_MB),
        _check(f">= {TARGET_VS_SPACY}x spaCy + dateparser ({kronik_rate / spacy_rate:.1f}x)",
               kronik_rate >= TARGET_VS_SPACY * spacy_rate),
        _check(f"within {TARGET_VS_TOKENS}x of tokenisation ({tokens_rate / kronik_rate:.0f}x slower)",
               tokens_rate <= TARGET_VS_TOKENS * kronik_rate),
    ]))


def _check(label: str, ok: bool) -> str:
    return f"{label} {'met' if ok else 'MISSED'}"


def actor_names(sources: list) -> dict:
    """The actor names for the EntityRuler: every surface form of Kronik's knowledge base, or
    where that is not written yet, the countries and the persons derived from the corpus."""
    import corpus

    try:
        from kronik.actors.kb import KnowledgeBase

        forms = list(KnowledgeBase.default().all_surface_forms())
    except (ImportError, OSError):  # the knowledge base or one of its files is not written yet
        return {"PERSON": list(corpus.person_names(sources)),
                "GPE": list(corpus.country_names()),
                "origin": "country table; persons derived from the corpus"}
    groups: dict[str, set[str]] = {}
    for form in forms:
        groups.setdefault(form.kind.upper(), set()).add(form.text)
    return {**{kind: sorted(names) for kind, names in groups.items()},
            "origin": "Kronik's knowledge base: " + ", ".join(
                f"{len(names)} {kind.lower()}" for kind, names in sorted(groups.items()))}


def _first_lines(corpus: Path, count: int, scratch: Path) -> tuple[Path, int]:
    """``corpus`` itself when it has at most ``count`` lines, else its first ``count`` lines
    written to ``scratch``; and how many lines that is. The copy is written only when it is
    used."""
    with corpus.open(encoding="utf-8") as handle:
        lines = list(islice(handle, count + 1))
    if len(lines) <= count:
        return corpus, len(lines)
    scratch.write_text("".join(lines[:count]), encoding="utf-8")
    return scratch, count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles")
    parser.add_argument("--dateparser-sample", type=int,
                        help="articles dateparser runs on (it is slow; default: a fifth of "
                             f"--articles, at most {DATEPARSER_SAMPLE})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="processes per system, side by side (default: one per core)")
    parser.add_argument("--keep", type=Path, help="write the generated corpus here and keep it")
    parser.add_argument("--real", type=Path, default=REAL_CORPUS,
                        help="real articles (JSON Lines with source and text) measured after the "
                             "generated ones, side by side (default: the shared unlabeled corpus)")
    parser.add_argument("--profile", type=int, metavar="N",
                        help="only profile Kronik on N generated articles (pyinstrument)")
    parser.add_argument("--measure", choices=MEASURES, help=argparse.SUPPRESS)
    parser.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--names-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--part", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--parts", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        extra = {"sample": args.dateparser_sample or DATEPARSER_SAMPLE} if args.measure == "spacy" else {}
        result = MEASURES[args.measure](args.corpus_file, args.names_file, args.part,
                                        args.parts, **extra)
        print(json.dumps(result))
        return
    import corpus

    with tempfile.TemporaryDirectory(prefix="kronik-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        count = args.profile or args.articles
        began = time.perf_counter()
        sources = corpus.read_sources()
        generated = corpus.Generator(sources, args.seed).articles(count)
        path = corpus.write_jsonl(generated, folder / "corpus.jsonl")
        names = actor_names(sources)
        names_file = folder / "names.json"
        names_file.write_text(json.dumps({k: v for k, v in names.items() if k != "origin"}),
                              encoding="utf-8")
        print(f"generated {count:,} articles from {len(sources)} development articles "
              f"in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        if args.profile:
            run_measure("profile", path, names_file, 1)
            return
        corpora = [(f"{count:,} generated articles", path)]
        if args.real is not None and args.real.is_file():
            real, taken = _first_lines(args.real, count, folder / "real.jsonl")
            corpora.append((f"{taken:,} real articles ({args.real})", real))
        else:
            print(f"no real corpus at {args.real}: generated articles only", file=sys.stderr)
        for label, corpus_path in corpora:
            kronik = run_measure("kronik", corpus_path, names_file, args.processes)
            spacy = run_measure("spacy", corpus_path, names_file, args.processes,
                                args.dateparser_sample or min(DATEPARSER_SAMPLE, count // 5))
            tokens = median_measure("tokens", corpus_path, names_file, args.processes)
            print_report(label, kronik, spacy, tokens, names)


if __name__ == "__main__":
    main()
