"""report.docx as an office opens it: Vietnamese proofing, its own properties, no leftovers."""

import datetime as dt
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from nbformat.v4 import new_code_cell, new_notebook

from reportbook.rendering.word import to_docx

from .test_word import _notebook, _output

TITLE = "BÁO CÁO Công tác cải cách hành chính năm 2023"
ORGANISATION = "Sở Lao động - Thương binh và Xã hội"  # the header block's org name


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    nb = _notebook()
    nb.metadata["reportbook"] = {"window": ["2022-12-15", "2023-12-14"]}
    result = tmp_path_factory.mktemp("docx") / "report.docx"
    to_docx(nb, result, title=TITLE)
    return result


@pytest.fixture(scope="module")
def parts(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _xml(parts, name):
    return etree.fromstring(parts[name])


def test_every_style_and_the_document_defaults_are_vietnamese(parts):
    styles = _xml(parts, "word/styles.xml")
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    holders = [defaults, *(s.find(qn("w:rPr")) for s in styles.iter(qn("w:style")))]
    languages = [h.find(qn("w:lang")) if h is not None else None for h in holders]
    assert len(holders) > 100  # the template's styles, every one of them
    assert [lang.get(qn("w:val")) if lang is not None else None for lang in languages] == [
        "vi-VN"
    ] * len(holders)


def test_no_part_of_the_file_names_english_as_a_language(parts):
    settings = _xml(parts, "word/settings.xml")
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == "vi-VN"
    assert not [name for name, data in parts.items() if b'w:val="en-US"' in data]


def test_core_properties_name_the_organisation_the_title_and_the_window_end(path):
    core = Document(str(path)).core_properties
    assert core.author == core.last_modified_by == ORGANISATION
    assert core.title == TITLE and core.language == "vi-VN"
    assert core.created == core.modified == dt.datetime(2023, 12, 14, tzinfo=dt.UTC)
    assert core.revision == 1 and core.comments == ""


def test_the_report_date_when_set_is_the_document_date(tmp_path):
    nb = _notebook()
    header = next(o for c in nb.cells for o in c.get("outputs", []))
    block = header["data"]["application/vnd.reportbook.block+json"]
    block["report"] = {**block["report"], "date": "2023-12-15"}
    to_docx(nb, tmp_path / "dated.docx", title=TITLE)
    core = Document(str(tmp_path / "dated.docx")).core_properties
    assert core.created == core.modified == dt.datetime(2023, 12, 15, tzinfo=dt.UTC)


def test_no_thumbnail_and_no_template_or_library_leftovers(parts):
    assert not [name for name in parts if "thumbnail" in name or name.startswith("customXml")]
    assert "word/stylesWithEffects.xml" not in parts
    leftovers = [
        (name, word)
        for name, data in parts.items()
        for word in (b"python-docx", b"Macintosh", b"thumbnail", b"stylesWithEffects")
        if word in data
    ]
    assert leftovers == []


def test_the_application_is_reportbook_and_the_company_the_organisation(parts):
    app = _xml(parts, "docProps/app.xml")
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.find(f"{ns}Application").text == "reportbook"
    assert app.find(f"{ns}Company").text == ORGANISATION


def test_every_relationship_points_at_a_part_in_the_file(parts):
    for name in [n for n in parts if n.endswith(".rels")]:
        folder = name.replace("_rels/", "").removesuffix(".rels").rpartition("/")[0]
        for rel in _xml(parts, name):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target").lstrip("/")
            resolved = target if name == "_rels/.rels" else f"{folder}/{target}".lstrip("/")
            assert resolved in parts, (name, rel.get("Target"))


def test_a_notebook_without_a_header_still_gets_properties_and_no_library_author(tmp_path):
    nb = new_notebook(cells=[new_code_cell(outputs=[_output(_paragraph())])])
    to_docx(nb, tmp_path / "bare.docx")
    core = Document(str(tmp_path / "bare.docx")).core_properties
    assert core.author == "" and core.comments == ""


def _paragraph():
    from reportbook.notebook.blocks import Paragraph

    return Paragraph("Đoạn một.")
