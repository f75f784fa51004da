"""The shared token layer: offsets, lower-cased forms, gaps, and one computation per text."""
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronik.document import Document
from kronik.pipeline import Pipeline, Stage
from kronik.tokens import TOKEN, Lexicon, document_tokens, titlecase, tokenize


def test_tokens_keep_offsets_lower_forms_and_gaps():
    text = "Menlu Arnor, ΟΔΟΣ; tiba (12/3)."
    tokens = tokenize(text)
    assert tokens.words == ["Menlu", "Arnor", "ΟΔΟΣ", "tiba", "12", "3"]
    assert tokens.lowers == ["menlu", "arnor", "οδος", "tiba", "12", "3"]
    assert tokens.gaps == [" ", ", ", "; ", " (", "/", ")."]
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends)] == tokens.words
    assert len(tokens) == 6
    assert tokens.positions["arnor"] == [1]
    assert tokens.starting({"tiba": [], "menlu": [], "gondor": []}) == [0, 3]


def test_the_word_index_holds_each_lower_cased_word_where_it_occurs_in_order():
    tokens = tokenize("Menlu Arnor dan menlu Gondor, ARNOR dan Élysée: arnor.")
    assert tokens.positions == {"menlu": [0, 3], "arnor": [1, 5, 8], "dan": [2, 6],
                                "gondor": [4], "élysée": [7]}
    assert list(tokens.positions) == ["menlu", "arnor", "dan", "gondor", "élysée"]


def test_a_name_word_is_capitalised_and_not_all_capitals():
    assert titlecase("Xi") and titlecase("Arnor") and titlecase("X")
    assert not titlecase("AS") and not titlecase("arnor")


def test_a_lexicon_finds_each_tables_starts_in_one_pass_as_starting_does():
    tokens = tokenize("Raja Arnor dan raja Gondor tiba di Gondor; arnor menolak.")
    folded = {"raja": [], "gondor": [], "rohan": []}
    written = {"Arnor": [], "Gondor": [], "menolak": []}
    empty: dict[str, list] = {}
    lexicon = Lexicon([folded, written, empty], [True, False, True])
    assert lexicon.starting(tokens) == [tokens.starting(folded), tokens.starting(written, False), []]
    assert lexicon.starting(tokens) == [[0, 3, 4, 7], [1, 4, 7, 9], []]


def test_a_text_in_ascii_is_cut_as_any_other_text():
    ascii_text = "Raja_Arnor tiba-2 di x9Gondor."
    other = ascii_text + " é"
    assert tokenize(ascii_text).words == ["Raja", "Arnor", "tiba", "2", "di", "x9Gondor"]
    ascii_tokens, other_tokens = tokenize(ascii_text), tokenize(other)
    assert other_tokens.words == ascii_tokens.words + ["é"]
    assert other_tokens.starts[:-1] == ascii_tokens.starts
    assert other_tokens.ends[:-1] == ascii_tokens.ends
    assert other_tokens.gaps[:-2] == ascii_tokens.gaps[:-1] and other_tokens.gaps[-2] == ". "


def _cut_by_the_token_pattern(text: str) -> tuple:
    """The token lists as the regular expression defines them: what the C scan must give."""
    matches = list(TOKEN.finditer(text))
    following = [m.start() for m in matches[1:]] + [len(text)]
    lowers = [m.group(0).lower() for m in matches]
    positions: dict[str, list[int]] = {}
    for index, lower in enumerate(lowers):
        positions.setdefault(lower, []).append(index)
    return ([m.start() for m in matches], [m.end() for m in matches],
            [m.group(0) for m in matches], lowers,
            [text[m.end():after] for m, after in zip(matches, following)], positions)


# Letters and digits of every script and width (Latin with diacritics, Greek with its final
# sigma, Turkish dotted I, superscripts, Arabic-Indic digits, astral letters), the underscore
# that \w takes and a token does not, spaces, punctuation and control characters.
TRICKY = "aZ09_ -.,'’“()\x00\nİıΣσςǅßﬁ²½٣𝐀😀"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters()), max_size=60))
def test_the_scan_cuts_every_text_as_the_token_pattern_does(text):
    tokens = tokenize(text)
    got = (tokens.starts, tokens.ends, tokens.words, tokens.lowers, tokens.gaps, tokens.positions)
    assert got == _cut_by_the_token_pattern(text)
    assert list(tokens.positions) == list(dict.fromkeys(tokens.lowers))


def test_the_scan_lower_cases_as_str_lower_does_outside_ascii():
    tokens = tokenize("İSTANBUL ΟΔΟΣ ǅemal STRASSE Straße")
    assert tokens.lowers == ["i̇stanbul", "οδος", "ǆemal", "strasse", "straße"]


def test_the_scan_takes_only_a_str():
    with pytest.raises(TypeError, match="needs a str"):
        tokenize(b"Gondor")


def test_a_text_without_words_has_no_tokens():
    assert len(tokenize("")) == 0 and tokenize(" -- ").words == []


def test_document_tokens_are_computed_once_and_again_for_a_new_text():
    doc = Document(raw_text="", text="Gondor menolak.")
    first = document_tokens(doc)
    assert document_tokens(doc) is first
    doc.text = "Arnor setuju."
    assert document_tokens(doc).words == ["Arnor", "setuju"]


def test_a_pickled_document_leaves_its_tokens_behind_and_computes_them_again():
    doc = Document(raw_text="", text="Gondor menolak.")
    document_tokens(doc)
    copy = pickle.loads(pickle.dumps(doc))
    assert len(copy.tokens) == 0 and copy.tokens.text is None
    assert document_tokens(copy).words == ["Gondor", "menolak"]


def test_the_pipeline_shares_the_tokens_among_its_stages_and_does_not_keep_them():
    seen = []

    class Looker(Stage):
        name = "looker"

        def __call__(self, doc):
            doc.text = doc.text or doc.raw_text
            seen.append(document_tokens(doc))
            return doc

    doc = Pipeline([Looker(), Looker()]).run("Gondor menolak usul Arnor.")
    assert seen[0] is seen[1] and seen[0].words == ["Gondor", "menolak", "usul", "Arnor"]
    assert doc.tokens is None
