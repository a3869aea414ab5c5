"""The Word file as an office opens it: Vietnamese proofing, its own properties, no leftovers.

python-docx starts every document from a template made on a Mac in 2011:
English (US) as the language of every style, so Word underlines every
Vietnamese word as misspelled; "python-docx" as author and comment; a
thumbnail of an empty page; "Microsoft Macintosh Word" as the application;
a bibliography store and a Word 2010 copy of the styles that no longer match
ours. An office files the report under its properties, so they say who wrote
it, what it is and when, and nothing else:

- **Language** vi-VN in the document defaults, in every style and as the
  theme's language, so Word proofs the text as Vietnamese.
- **Core properties**: the organisation as author and last editor, the
  report's title, its date as created and modified (the report's own date,
  or the end of its data window while the date is left blank for signing),
  revision 1: the same inputs give the same bytes.
- **Extended properties** written anew: reportbook as the application, the
  organisation as company.
- **Dropped**: the thumbnail, the bibliography store, the Word 2010 styles copy.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import Part
    from docx.oxml.xmlchemy import BaseOxmlElement

LANGUAGE = "vi-VN"
APPLICATION = "reportbook"
# The Word 2010 copy of styles.xml; python-docx has no constant for it.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_DROPPED_FROM_DOCUMENT = (RT.CUSTOM_XML, _STYLES_WITH_EFFECTS)
# What may follow w:lang in a run's properties, in the order the OOXML schema sets.
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_language(document: Document, tag: str = LANGUAGE) -> None:
    """``tag`` as the language of the document defaults, of every style and of the theme."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    holders = [] if defaults is None else defaults.findall(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    holders += [style.get_or_add_rPr() for style in styles.findall(qn("w:style"))]
    for rpr in holders:
        _language(rpr, tag)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)


def _language(rpr: BaseOxmlElement, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def set_properties(document: Document, *, author: str, title: str, day: dt.date) -> None:
    """Core and extended properties of the report, and no template leftovers."""
    when = dt.datetime(day.year, day.month, day.day)
    core = document.core_properties
    core.author = core.last_modified_by = author
    core.title, core.language = title, LANGUAGE
    core.comments = core.subject = core.keywords = core.category = ""
    core.created = core.modified = when
    core.revision = 1
    _replace_app_properties(document, author)
    _drop_leftovers(document)


def _replace_app_properties(document: Document, company: str) -> None:
    part = document.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    part._blob = (  # python-docx keeps this part as bytes it does not parse
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes"><Template>Normal.dotm</Template>'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>"
        f"<ScaleCrop>false</ScaleCrop><Company>{escape(company)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def _drop_leftovers(document: Document) -> None:
    """Unlink the template's thumbnail, bibliography store and Word 2010 styles copy.

    A part no relationship reaches is not written, so unlinking is dropping.
    """
    package_rels = document.part.package.rels
    for rid in [r for r, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[rid]
    document_part: Part = document.part
    for rid, rel in list(document_part.rels.items()):
        if rel.reltype in _DROPPED_FROM_DOCUMENT:
            document_part.drop_rel(rid)
