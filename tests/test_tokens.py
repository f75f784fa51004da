"""The shared token layer: offsets, lower-cased forms, gaps, and one computation per text."""
import pickle

from kronik.document import Document
from kronik.pipeline import Pipeline, Stage
from kronik.tokens import Lexicon, Tokens, document_tokens, tokenize


def test_tokens_keep_offsets_lower_forms_and_gaps():
    text = "Menlu Arnor, ΟΔΟΣ; tiba (12/3)."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Menlu", "Arnor", "ΟΔΟΣ", "tiba", "12", "3"]
    assert [t.lower for t in tokens] == ["menlu", "arnor", "οδος", "tiba", "12", "3"]
    assert [t.gap for t in tokens] == [" ", ", ", "; ", " (", "/", ")."]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens.positions["arnor"] == [1]
    assert tokens.starting({"tiba": [], "menlu": [], "gondor": []}) == [0, 3]


def test_the_tokenizers_word_index_is_the_one_read_off_the_tokens():
    tokens = tokenize("Menlu Arnor dan menlu Gondor, ARNOR dan Élysée: arnor.")
    again = Tokens(list(tokens), tokens.text)
    assert again.positions == tokens.positions and list(again.positions) == list(tokens.positions)
    assert tokens.positions["arnor"] == [1, 5, 8] and tokens.positions["élysée"] == [7]


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
    assert [t.text for t in tokenize(ascii_text)] == ["Raja", "Arnor", "tiba", "2", "di", "x9Gondor"]
    assert tokenize(other)[:-2] == tokenize(ascii_text)[:-1]
    assert tokenize(other)[-2] == tokenize(ascii_text)[-1]._replace(gap=". ")


def test_a_text_without_words_has_no_tokens():
    assert tokenize("") == [] and tokenize(" -- ") == []


def test_document_tokens_are_computed_once_and_again_for_a_new_text():
    doc = Document(raw_text="", text="Gondor menolak.")
    first = document_tokens(doc)
    assert document_tokens(doc) is first
    doc.text = "Arnor setuju."
    assert [t.text for t in document_tokens(doc)] == ["Arnor", "setuju"]


def test_a_pickled_document_leaves_its_tokens_behind_and_computes_them_again():
    doc = Document(raw_text="", text="Gondor menolak.")
    document_tokens(doc)
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.tokens == [] and copy.tokens.text is None
    assert [t.text for t in document_tokens(copy)] == ["Gondor", "menolak"]


def test_the_pipeline_shares_the_tokens_among_its_stages_and_does_not_keep_them():
    seen = []

    class Looker(Stage):
        name = "looker"

        def __call__(self, doc):
            doc.text = doc.text or doc.raw_text
            seen.append(document_tokens(doc))
            return doc

    doc = Pipeline([Looker(), Looker()]).run("Gondor menolak usul Arnor.")
    assert seen[0] is seen[1] and [t.text for t in seen[0]] == ["Gondor", "menolak", "usul", "Arnor"]
    assert doc.tokens is None
