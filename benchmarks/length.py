"""Benchmark: extraction time against the length of one article, 10 KB to 5 MB.

    .venv/bin/python benchmarks/length.py                      # both variants, 10 KB to 5 MB
    .venv/bin/python benchmarks/length.py --max-kb 500         # quicker
    .venv/bin/python benchmarks/length.py --profile 200 --variant sentence   # where the time goes

Each article is built at run time from the seed articles (``../shared/corpus/seeds``): their
sentences, three to a paragraph in ever new combinations, under one headline until the size
is reached. Two variants:

- ``article``: the paragraphs as they are, a long article of ordinary sentences;
- ``sentence``: every full stop turned into a comma and the paragraphs joined into one line,
  so that the whole input is one sentence, the worst case for work done per sentence.

For each size it prints CPU seconds of this process (other work on a shared machine does not
count; wall-clock seconds beside them) and CPU microseconds per input byte: a pipeline linear
in the length keeps that column flat. A variant stops growing after a run longer than
``--give-up`` seconds (the next size would only take longer). Figures, not assertions.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SIZES_KB = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
VARIANTS = ("article", "sentence")
HEADLINE = "Kronik Uji Panjang"


def seed_sentences() -> list[str]:
    """The sentences of the seed articles (split at full stops), headlines left out."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        for line in lines[1:]:
            sentences.extend(part.strip() + "." for part in line.split(". ") if part.strip(". "))
    if not sentences:
        sys.exit(f"no seed articles in {SEEDS}")
    return sentences


def paragraph(number: int, sentences: list[str]) -> str:
    """Paragraph ``number``: three seed sentences chosen so that paragraphs seldom repeat
    (the clean stage drops repeated lines, and a repeated article would be shorter work)."""
    count = len(sentences)
    turn = number // count + 1
    return " ".join(sentences[(number * (turn + k) + k) % count] for k in range(3))


def build(size_kb: int, variant: str, sentences: list[str]) -> str:
    """An article of about ``size_kb`` KB of UTF-8 in the given variant."""
    target = size_kb * 1024
    body: list[str] = []
    length = 0
    while length < target:
        body.append(paragraph(len(body), sentences))
        length += len(body[-1].encode("utf-8")) + 1
    if variant == "sentence":
        return HEADLINE + "\n" + " ".join(body).replace(".", ",")
    return HEADLINE + "\n" + "\n".join(body)


def run(sizes: list[int], variants: list[str], give_up: float) -> None:
    import kronik

    sentences = seed_sentences()
    kronik.extract(build(10, "article", sentences), published="2024-06-03")  # load lexicons
    print(f"{'variant':<10}{'KB':>8}{'cpu s':>10}{'wall s':>10}{'us/byte':>10}{'events':>8}")
    for variant in variants:
        for size in sizes:
            text = build(size, variant, sentences)
            wall, start = time.perf_counter(), time.process_time()
            doc = kronik.extract(text, published="2024-06-03", source=f"{variant}-{size}")
            seconds, wall = time.process_time() - start, time.perf_counter() - wall
            per_byte = seconds / len(text.encode("utf-8")) * 1e6
            print(f"{variant:<10}{size:>8}{seconds:>10.2f}{wall:>10.2f}{per_byte:>10.2f}"
                  f"{len(doc.events):>8}", flush=True)
            if seconds > give_up:
                print(f"{variant:<10}  larger sizes skipped: {seconds:.0f} CPU s is over --give-up {give_up:.0f} s")
                break


def profile(size: int, variant: str) -> None:
    import kronik

    sentences = seed_sentences()
    kronik.extract(build(10, "article", sentences), published="2024-06-03")  # load lexicons
    text = build(size, variant, sentences)
    profiler = cProfile.Profile()
    profiler.runcall(kronik.extract, text, published="2024-06-03")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats("kronik", 40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-kb", type=int, default=SIZES_KB[-1], help="largest size, in KB")
    parser.add_argument("--variant", choices=VARIANTS, action="append",
                        help="one variant only (repeatable); default both")
    parser.add_argument("--give-up", type=float, default=60.0,
                        help="CPU seconds after which a variant's larger sizes are skipped")
    parser.add_argument("--profile", type=int, metavar="KB",
                        help="profile one run of this size (cProfile, cumulative time)")
    args = parser.parse_args()
    variants = args.variant or list(VARIANTS)
    if args.profile:
        profile(args.profile, variants[0])
        return
    run([size for size in SIZES_KB if size <= args.max_kb], variants, args.give_up)


if __name__ == "__main__":
    main()
