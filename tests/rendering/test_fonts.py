"""The bundled report font covers Vietnamese, and gaps are reported by name."""

import pytest

from reportbook import GlyphCoverageError
from reportbook.rendering import fonts

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
