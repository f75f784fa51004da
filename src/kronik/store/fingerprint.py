"""Stable fingerprints of article text: exact (SHA-256) and near-duplicate (MinHash).

Syndicated, copied or lightly edited articles share most of their word 5-grams. A MinHash
signature with a fixed seed estimates that overlap (Jaccard similarity) and is the same in
every process and on every machine; its bands are stored so that the database finds
candidate near-duplicates by equality, without comparing every pair of articles.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

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

WORD = re.compile(r"\w+")


def text_fingerprint(text: str) -> str:
    """SHA-256 of the cleaned text: equal texts, equal fingerprints."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    """Word 5-grams of the lower-cased text (the whole text when it is shorter)."""
    words = WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text`` (``NUM_PERM`` unsigned 64-bit values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(shingles(text)))
    return minhash.hashvalues.astype(np.uint64)


def signature_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def bands(values: np.ndarray) -> list[str]:
    """One stable key per band: equal keys make two signatures candidate near-duplicates."""
    return [hashlib.sha1(values[b * ROWS:(b + 1) * ROWS].astype("<u8").tobytes()).hexdigest()[:16]
            for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(a == b))


def is_near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    return similarity(a, b) >= NEAR_DUPLICATE_JACCARD
