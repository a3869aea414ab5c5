"""Document references as official text writes them, and their selection.

A reference reads "Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022"; a citation
adds the issuer when it is not the reporting body ("của Sở Nội vụ") and the
abstract ("về thực hiện cải cách hành chính năm 2023"). Which documents a
report part cites is data (the ``cchc_areas`` column), filtered to the window.

The order of every list of documents is one rule, :func:`citation_order`:
by type in the order of the ``doc_types`` vocabulary (the seed lists its plans
before its letters and its directives before the decisions), then by issuer
(higher authority first: ``ISSUER_KINDS``, then the ``issuers`` vocabulary's
order within a kind), then by date, then by register id.
"""

from __future__ import annotations

import pandas as pd

from ..errors import DataError
from ..notebook import formatting
from ..periods import Window


def reference(doc: pd.Series) -> str:
    """'Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022'."""
    day = formatting.date(doc["issued_on"].date())
    return f"{doc['doc_type']} số {doc['number_symbol']} ngày {day}"


def citation(
    doc: pd.Series, issuers: dict, self_code: str, *, subject: bool = True, issuer: bool = True
) -> str:
    """Reference + 'của <issuer>' + abstract.

    The issuer is left out when it is the reporting body, and when the
    abstract already says the document is the issuer's ("Đề án ... về vị trí
    việc làm ... của Cơ sở cai nghiện ma túy"): a citation names its body once.
    """
    parts = [reference(doc)]
    if issuer and doc["issuer"] != self_code:
        of_issuer = f"của {issuers[doc['issuer']]['name']}"
        if of_issuer not in (doc["subject"] or ""):
            parts.append(of_issuer)
    if subject and doc["subject"]:
        parts.append(doc["subject"])
    return " ".join(parts)


def has_area(docs: pd.DataFrame, area: str) -> pd.Series:
    """Whether each document is tagged with the CCHC ``area``."""
    return docs["cchc_areas"].str.split(";").map(lambda codes: area in codes)


def in_window(docs: pd.DataFrame, window: Window) -> pd.Series:
    issued = docs["issued_on"]
    return (issued >= pd.Timestamp(window.start)) & (issued <= pd.Timestamp(window.end))


# Issuer kinds from the highest authority down: a list cites the Government's
# documents before the province's, the province's before its own units'.
ISSUER_KINDS = ("central", "province", "peer", "self", "unit")


def citation_order(docs: pd.DataFrame, vocab: dict) -> pd.DataFrame:
    """``docs`` in the order a report lists them: type, issuer, date, register id.

    Types rank by their place in ``vocab["doc_types"]``, issuers by their
    kind (``ISSUER_KINDS``) and then by their place in ``vocab["issuers"]``;
    the vocabulary is where the order is declared, so a list never depends on
    the order rows happen to have in a file.
    """
    types = {name: i for i, name in enumerate(vocab["doc_types"])}
    issuers = vocab["issuers"]
    place = {code: i for i, code in enumerate(issuers)}
    kinds = {kind: i for i, kind in enumerate(ISSUER_KINDS)}
    keys = pd.DataFrame(
        {
            "type": docs["doc_type"].map(lambda t: types.get(t, len(types))),
            "kind": docs["issuer"].map(
                lambda c: kinds.get(issuers.get(c, {}).get("kind"), len(kinds))
            ),
            "issuer": docs["issuer"].map(lambda c: place.get(c, len(place))),
            "date": docs["issued_on"],
            "id": docs["doc_id"],
        },
        index=docs.index,
    )
    order = keys.sort_values(["type", "kind", "issuer", "date", "id"], kind="stable").index
    return docs.loc[order]


def select(
    docs: pd.DataFrame, area: str, window: Window | None = None, *, vocab: dict
) -> pd.DataFrame:
    """Documents tagged ``area`` (issued within ``window`` if given), in citation order."""
    mask = has_area(docs, area)
    if window is not None:
        mask &= in_window(docs, window)
    return citation_order(docs[mask], vocab)


def by_number(docs: pd.DataFrame, number_symbol: str, year: int | None = None) -> pd.Series:
    """The one document with this number and symbol (optionally of ``year``)."""
    mask = docs["number_symbol"] == number_symbol
    if year is not None:
        mask &= docs["issued_on"].dt.year == year
    found = docs[mask]
    if len(found) != 1:
        what = "no document" if found.empty else f"{len(found)} documents"
        raise DataError(
            f"documents.csv: {what} numbered {number_symbol!r}"
            + (f" in {year}" if year else "")
            + " (a reference in params/ must name exactly one document)"
        )
    return found.iloc[0]


def annual_plan(docs: pd.DataFrame, year_window: Window) -> pd.Series | None:
    """The year's CCHC plan: the latest ``ke_hoach_nam`` document in the annual window."""
    plans = docs[has_area(docs, "ke_hoach_nam") & in_window(docs, year_window)]
    plans = plans.sort_values(["issued_on", "doc_id"])
    return plans.iloc[-1] if len(plans) else None


def approvals(docs: pd.DataFrame) -> dict[str, pd.Series]:
    """Documents of ``docs`` approved by another one of ``docs``: approved id -> approving row.

    A report cites the two together ("xây dựng Đề án ... và được UBND tỉnh
    phê duyệt tại Quyết định ..."), never the decision as if it approved the body.
    """
    if "approves" not in docs:
        return {}
    ids = set(docs["doc_id"])
    return {row["approves"]: row for _, row in docs.iterrows() if row["approves"] in ids}


def split_by_role(docs: pd.DataFrame, issuers: dict, self_code: str) -> dict[str, pd.DataFrame]:
    """Group documents by how the reporting body relates to them.

    ``own``: issued by the body; ``units``: issued by units under it;
    ``advised``: issued by another body on its advice (prepared_by);
    ``other``: everything else (higher bodies' documents it cites).
    """
    kind = docs["issuer"].map(lambda code: issuers[code]["kind"])
    own = docs["issuer"] == self_code
    advised = (docs["prepared_by"] == self_code) & ~own
    units = (kind == "unit") & ~advised
    return {
        "own": docs[own],
        "units": docs[units],
        "advised": docs[advised],
        "other": docs[~(own | advised | units)],
    }
