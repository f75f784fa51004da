"""Stable fingerprints of article text: exact (SHA-256) and near-duplicate (MinHash).

Syndicated, copied or lightly edited articles share most of their word 5-grams. A MinHash
signature with a fixed seed estimates that overlap (Jaccard similarity) and is the same in
every process and on every machine; its bands are stored so that the database finds
candidate near-duplicates by equality, without comparing every pair of articles.

The signature is computed in NumPy, a few hundred microseconds per article, so that storing
keeps up with extraction:

1. each word is hashed once (CRC-32, stable everywhere);
2. a 5-gram's hash combines its five word hashes with fixed odd multipliers (64-bit, wrapping);
3. each of the ``NUM_PERM`` hash functions is a multiply-shift hash (a random odd 64-bit
   multiplier and offset, the high 32 bits kept), and the signature holds each one's minimum.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from functools import cache

import numpy as np

NUM_PERM = 128
SEED = 20240501
SHINGLE_WORDS = 5
# 32 bands of 4 rows: a pair with Jaccard 0.6 becomes a candidate with probability ~0.99,
# a pair at 0.2 with ~0.05; candidates are then checked against NEAR_DUPLICATE_JACCARD.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Lightly edited copies (new headline, a paragraph added or cut) keep well above 0.6 of their
# 5-word shingles; two articles on the same story written separately share far fewer.
NEAR_DUPLICATE_JACCARD = 0.6
# Shingles hashed per NumPy step: bounds memory (CHUNK x NUM_PERM x 8 bytes = 4 MB) for a
# text of any length.
CHUNK = 4096

WORD = re.compile(r"\w+")


def text_fingerprint(text: str) -> str:
    """SHA-256 of the cleaned text: equal texts, equal fingerprints."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _parameters() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fixed random numbers: word-position multipliers, and each hash function's multiplier and
    offset (multipliers odd, as multiply-shift hashing needs)."""
    rng = np.random.default_rng(SEED)
    draw = lambda n: rng.integers(0, 2**63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # noqa: E731
    return draw(SHINGLE_WORDS), draw(NUM_PERM), draw(NUM_PERM)


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the word 5-grams of the lower-cased text (of the whole text when it
    is shorter), unique and sorted."""
    words = WORD.findall(text.lower())
    ids = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64,
                      count=len(words))
    position, _, _ = _parameters()
    width = min(SHINGLE_WORDS, len(ids))
    count = len(ids) - width + 1
    combined = np.zeros(max(count, 1), dtype=np.uint64)
    for k in range(width):
        combined += ids[k:k + count] * position[k]
    return np.unique(combined)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text`` (``NUM_PERM`` unsigned values below 2**32)."""
    _, multiply, offset = _parameters()
    hashes = shingle_hashes(text)
    result = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(hashes), CHUNK):
        chunk = hashes[start:start + CHUNK, None]
        result = np.minimum(result, ((chunk * multiply + offset) >> np.uint64(32)).min(axis=0))
    return result


def signature_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def bands(values: np.ndarray) -> list[str]:
    """One stable key per band: equal keys make two signatures candidate near-duplicates."""
    data = values.astype("<u8").tobytes()
    size = ROWS * 8
    return [hashlib.sha1(data[b * size:(b + 1) * size]).hexdigest()[:16] for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(a == b))


def is_near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    return similarity(a, b) >= NEAR_DUPLICATE_JACCARD
