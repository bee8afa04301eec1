"""Normalisation: the shortcut past ftfy gives ftfy's result, on any text."""

from __future__ import annotations

import re
import unicodedata

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import textnorm
from analysis.textnorm import fold, normalize


def _normalize_with_ftfy(text: str) -> str:
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", fixed)).strip()


_TRICKY = st.sampled_from(
    list("aZ09 .,;'\"&<\t\n\r\x0b\x1b\x85\u2028\xa0\xad€£$%’“”—–…•·éÃÂâ€™œ\u0301ﬁＡ\u3000\ufeff")
    + ["Ã ", "\nÃ ", "â€™", "Ã©", "&amp;", "cafÃ©", "Â£5", "×²"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRICKY, max_size=30).map("".join))
def test_normalize_equals_ftfy_on_tricky_text(text: str) -> None:
    assert normalize(text) == _normalize_with_ftfy(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalize_equals_ftfy_on_any_text(text: str) -> None:
    assert normalize(text) == _normalize_with_ftfy(text)


def test_mojibake_is_still_repaired() -> None:
    assert normalize("The company\u00e2\u0080\u0099s caf\u00c3\u00a9") == "The company’s café"
    assert fold("Meta’s  $14.3 BILLION stake") == "meta s $14 3 billion stake"


def test_every_character_the_shortcut_trusts_is_left_alone_by_ftfy() -> None:
    trusted = [chr(c) for c in range(0x2100) if textnorm._FTFY_INERT.fullmatch(chr(c))]
    assert len(trusted) > 250
    for ch in trusted:
        assert ftfy.fix_text("a" + ch + "b", uncurl_quotes=False) == "a" + ch + "b", hex(ord(ch))


def test_badness_pattern_keeps_the_shape_the_shortcut_relies_on() -> None:
    """Every alternative of ftfy's badness pattern needs a non-ASCII character and is short."""
    from re import _parser  # the stdlib's regex parser, to read the pattern's structure

    tree = _parser.parse(textnorm.BADNESS_RE.pattern, textnorm.BADNESS_RE.flags)
    (op, (_, branches)), = list(tree)
    assert str(op) == "BRANCH"

    def needs_non_ascii(branch) -> bool:
        for kind, arg in branch:
            if str(kind) == "LITERAL" and arg >= 128:
                return True
            if str(kind) == "IN" and all(
                (str(k) == "LITERAL" and a >= 128) or (str(k) == "RANGE" and a[0] >= 128) for k, a in arg
            ):
                return True
        return False

    for branch in branches:
        assert needs_non_ascii(branch), branch
        assert branch.getwidth()[1] <= textnorm._BAD_REACH + 1, branch
        # no lookaround or back-reference; the only anchor is the start of the segment
        assert not {str(k) for k, _ in branch} - {"LITERAL", "IN", "ANY", "AT", "MAX_REPEAT"}, branch
        assert all(str(a) == "AT_BEGINNING" for k, a in branch if str(k) == "AT"), branch
