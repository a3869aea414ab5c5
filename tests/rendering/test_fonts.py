"""The bundled report font covers Vietnamese, and gaps are reported by name."""

import base64
import io
import re

import pytest
from fontTools.ttLib import TTFont

from reportbook import GlyphCoverageError
from reportbook.rendering import fonts, render

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)


def test_every_face_covers_every_vietnamese_letter_in_both_cases():
    text = VIETNAMESE + VIETNAMESE.upper() + "0123456789.,;:–-/()%"
    assert fonts.missing_characters(text) == []


def test_a_character_outside_the_font_fails_with_its_name():
    with pytest.raises(GlyphCoverageError, match=r"U\+4E2D CJK UNIFIED IDEOGRAPH-4E2D"):
        fonts.check_coverage("Báo cáo 中")


def test_decomposed_text_is_checked_after_composition():
    decomposed = "Vie\u0302\u0323t"  # 'Việt' in NFD
    assert fonts.missing_characters(decomposed) == []


def _embedded_characters(css):
    """The characters each @font-face subset of ``css`` maps, face by face."""
    faces = re.findall(r"base64,([A-Za-z0-9+/=]+)", css)
    return [set(map(chr, TTFont(io.BytesIO(base64.b64decode(f))).getBestCmap())) for f in faces]


def test_every_report_in_vietnamese_embeds_one_and_the_same_subset():
    first = render.font_face_css("Báo cáo quý I năm 2023: 13.573 hồ sơ.")
    other = render.font_face_css("ĐỀ ÁN 61 — “Ứng dụng” ở Sóc Trăng…")
    assert first == other
    for face in _embedded_characters(first):
        assert set(VIETNAMESE + VIETNAMESE.upper()) <= face


def test_a_character_outside_the_repertoire_is_embedded_too():
    assert "€" not in fonts.REPERTOIRE and not fonts.missing_characters("€")
    for face in _embedded_characters(render.font_face_css("Kinh phí 5 €")):
        assert "€" in face
