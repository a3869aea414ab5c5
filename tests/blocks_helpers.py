"""Blocks that several tests show: the Decree 30 header of the seed department."""

from __future__ import annotations

from reportbook.notebook.blocks import Template


def header_block(date_line: str) -> Template:
    """The header block of the 2023 annual report, with the given place-and-date line."""
    return Template(
        "header",
        org={
            "parent": "UBND tỉnh Sóc Trăng",
            "name": "Sở Lao động - Thương binh và Xã hội",
            "symbol": "SLĐTBXH",
        },
        report={"kind": "BÁO CÁO", "kind_symbol": "BC"},
        number=None,
        date_line=date_line,
        subject="Công tác cải cách hành chính năm 2023",
    )
