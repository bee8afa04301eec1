"""Basis of a deal's price: whether a figure counts the target's debt.

Coverage quotes one deal at different bases: "$14.9 billion including debt" (an enterprise value,
what the buyer pays plus the debt it takes on) and "$14.1 billion" (the equity value, what the
shareholders get). The two do not disagree; they measure different things. A figure's basis is
read from the words beside it in its clause; most figures say nothing, and then it is unknown.
"""

from __future__ import annotations

import re

import pandas as pd

INCLUDING_DEBT = "including_debt"
EQUITY = "equity"

_DEBT = r"(?:(?:its|the|their|assumed|net|outstanding|existing)\s+)*(?:debts?|leverage|borrowings?)"
_WITH_DEBT = re.compile(
    rf"(?i)^[^.;:()$€£¥]{{0,40}}?\b(?:including|includes|include|inclusive\s+of|plus|counting)\s+"
    rf"(?:the\s+assumption\s+of\s+)?{_DEBT}\b")
_WITHOUT_DEBT = re.compile(
    rf"(?i)^[^.;:()$€£¥]{{0,40}}?\b(?:excluding|excludes|not\s+including|without)\s+{_DEBT}\b")
_ENTERPRISE_BEFORE = re.compile(
    rf"(?i)(?:\benterprise\s+value|\b(?:including|inclusive\s+of|counting)\s+{_DEBT})\b[^.;$€£¥]{{0,40}}$")
_EQUITY_BEFORE = re.compile(r"(?i)\bequity\s+value\b[^.;$€£¥]{0,40}$")


def figure_basis(sentence: str, start: int, end: int) -> str:
    """The basis a figure at ``sentence[start:end]`` is stated on: ``including_debt`` ("$14.9
    billion including debt", "an enterprise value of $24.6 billion", "a total of $35.9 billion,
    inclusive of assumed net leverage"), ``equity`` ("an equity value of $29 billion", "$14.1
    billion excluding debt"), else "" (not said)."""
    after = sentence[end:end + 80]
    before = sentence[max(0, start - 60):start]
    if _ENTERPRISE_BEFORE.search(before):
        return INCLUDING_DEBT
    if _EQUITY_BEFORE.search(before):
        return EQUITY
    return _first(after)


def _first(after: str) -> str:
    """The basis the words right after a figure give, the nearer cue winning ("" for none)."""
    hits = [(m.start(), basis) for basis, rx in ((INCLUDING_DEBT, _WITH_DEBT), (EQUITY, _WITHOUT_DEBT))
            if (m := rx.search(after))]
    return min(hits)[1] if hits else ""


#: The metrics whose basis is told: the price of a deal.
PRICED = ("deal_value",)
#: Bounds that state one figure (give or take rounding).
POINTS = ("exact", "approx")


def known_bases(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims whose basis their own words leave unsaid, told by what the figures as stated support
    (``basis_from`` names the claim that says so; "" when a claim's own words do):

    - a figure is another source's figure with a stated basis, as stated to its own precision:
      "$36 bn" beside "$35.9 bn, inclusive of assumed net leverage" counts the debt too ($35.9 bn
      rounded is $36 bn), but "$1.66 bn" is not "$1.7 bn including debt" (a finer figure is never
      a coarser one's rounding: it may be the price without the debt);
    - a source that states a price including debt and, for the same deal, a smaller one that says
      nothing (by no more than the debt could make, and not the same figure at another precision:
      :func:`may_leave_out_debt`) sets the two apart: the smaller is the equity value ("$53
      billion ... $60 billion including debt");
    - an equity value so read is carried, as a stated one, to other sources' same figure.

    A figure that is figures of both bases stays unknown."""
    out = claims.copy()
    out["basis"] = [b if isinstance(b, str) else "" for b in out["basis"]]
    out["basis_from"] = ""
    # a bound ("more than $14.1 billion") is not one figure
    priced = out[out["metric"].isin(PRICED) & (out["source_id"] != "derived") & out["bound"].isin(POINTS)]
    _carry(out, priced, priced[priced["basis"] != ""])
    inferred = _set_apart(out, priced[out.loc[priced.index, "basis_from"] == ""])
    if inferred:
        priced = out.loc[priced.index]
        _carry(out, priced, priced.loc[inferred])
    return out


def _carry(out: pd.DataFrame, priced: pd.DataFrame, stated: pd.DataFrame) -> None:
    """Give each claim of ``priced`` without a basis the basis of ``stated`` claims of other sources
    whose figure it is, as stated (:func:`rounds_to`), when they agree on one."""
    if stated.empty:
        return
    by_deal = {key: list(g.itertuples()) for key, g in stated.groupby(["transaction", "unit"], sort=False)}
    for row in priced[out.loc[priced.index, "basis"] == ""].itertuples():
        same = [s for s in by_deal.get((row.transaction, row.unit), ())
                if s.source_id != row.source_id and rounds_to(s.value, row.value)]
        if same and len({out.at[s.Index, "basis"] for s in same}) == 1:
            out.loc[row.Index, ["basis", "basis_from"]] = [out.at[same[0].Index, "basis"], same[0].claim_id]


#: A figure that says nothing is read as the equity value beside the same source's price including
#: debt only when it is at least this share of it (debt rarely exceeds what the shares are worth).
DEBT_SHARE = 0.6


def _set_apart(out: pd.DataFrame, own: pd.DataFrame) -> list:
    """Mark ``equity`` the figures a source sets beside its own price including debt (see
    :func:`known_bases`); the rows marked. Only bases the source's own words state count."""
    marked = []
    for (_, _, _), g in own.groupby(["source_id", "transaction", "unit"], sort=False):
        debt = g[g["basis"] == INCLUDING_DEBT]
        if debt.empty or (g["basis"] == EQUITY).any():
            continue
        for i, value in zip(g.index, g["value"], strict=True):
            if g.at[i, "basis"]:
                continue
            big = [(b, c) for b, c in zip(debt["value"], debt["claim_id"], strict=True) if may_leave_out_debt(value, b)]
            if big and len(big) == len(debt):
                out.loc[i, ["basis", "basis_from"]] = [EQUITY, min(big)[1]]
                marked.append(i)
    return marked


def may_leave_out_debt(value: float, with_debt: float) -> bool:
    """Whether a figure that does not say what it counts may be the equity value of a price stated
    as including the target's debt: smaller, by no more than the debt could make (at least
    ``DEBT_SHARE`` of it), and not the same figure at another precision ("$14 billion" is "$14.1
    billion" rounded, and "$60 billion" "$59.9 billion"), each read as stated."""
    return DEBT_SHARE * with_debt <= value < with_debt and not same_figure(value, with_debt)


def rounds_to(a: float, b: float) -> bool:
    """Whether ``b`` is the figure ``a`` as stated to ``b``'s own precision: "$36 billion" is "$35.9
    billion" (rounded to the billion), "$1.7 billion" is "$1.7 billion", but "$1.66 billion" is
    not "$1.7 billion" (finer than it) nor "$24 billion" "$24.6 billion"."""
    step = _step(b)
    return _step(a) <= step * (1 + 1e-9) and abs(a - b) <= step / 2 * (1 + 1e-9)


def same_figure(a: float, b: float) -> bool:
    """Whether two amounts are one figure written to different precision: "$36 billion" and "$35.9
    billion" (the less precise rounds the other), not "$24 billion" and "$24.6 billion"."""
    return abs(a - b) <= max(_step(a), _step(b)) / 2 * (1 + 1e-9)


def _step(value: float) -> float:
    """The last stated digit of an amount in millions or billions: 1 bn for "$36 billion", 0.1 bn
    for "$35.9 billion"."""
    scale = 1e9 if abs(value) >= 1e9 else 1e6 if abs(value) >= 1e6 else 1.0
    text = f"{abs(value) / scale:.3f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return scale * 10.0 ** -decimals
