"""The parts of a pattern as the standard library's parser reads them: the one reading that
screens and anchors share. A Python whose parser reads differently fails here, loudly."""
import re

from kronik.regex_parts import At, Branch, Chars, Group, Literal, Look, Other, Repeat, parse


def _word(text: str) -> tuple[Literal, ...]:
    return tuple(Literal(char) for char in text)


def test_the_parts_of_a_lexicon_like_pattern():
    assert parse(r"(?<!\w)(?:rapat|temu (?:dua|tiga))(?!\w)", re.IGNORECASE) == (
        Look(ahead=False, negative=True, parts=(Chars(classes=("word",)),)),
        Branch((_word("rapat"), _word("temu ") + (Branch((_word("dua"), _word("tiga"))),))),
        Look(ahead=True, negative=True, parts=(Chars(classes=("word",)),)),
    )


def test_sets_positions_groups_and_repeats():
    assert parse(r"[;:]\b[^a-c\s]x{2,}?(y)*+(?i:z)(?>w)?") == (
        Chars(literals=(";", ":")),
        At("boundary"),
        Chars(ranges=(("a", "c"),), classes=("space",), negated=True),
        Repeat(2, None, _word("x")),
        Repeat(0, None, (Group(_word("y")),)),
        Group(_word("z"), sets_flags=True),
        Repeat(0, 1, (Group(_word("w"), atomic=True),)),
    )


def test_parts_without_a_type_are_named():
    assert parse(r"^.(a)\1$") == (At("beginning"), Other("ANY"), Group(_word("a")), Other("GROUPREF"), At("end"))
