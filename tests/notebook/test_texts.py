"""Params templates render computed values and nothing else."""

import pytest

from reportbook import ConfigError
from reportbook.notebook import texts


def test_templates_format_numbers_the_vietnamese_way():
    result = texts.render(
        "tổng số {{ n | number }} hồ sơ, trễ hạn {{ k | count }}", {"n": 13573, "k": 2}
    )
    assert result == "tổng số 13.573 hồ sơ, trễ hạn 02"


def test_join_vi_uses_va_before_the_last_item():
    assert texts.join_vi(["a", "b", "c"]) == "a, b và c"
    assert texts.join_vi(["a"]) == "a"
    assert texts.join_vi([]) == ""


def test_cites_joins_document_citations():
    docs = [{"citation": "Kế hoạch số 1/KH"}, {"citation": "Công văn số 2/CV"}]
    assert texts.cites(docs) == "Kế hoạch số 1/KH và Công văn số 2/CV"


def test_an_unknown_value_names_the_text_and_the_available_values():
    with pytest.raises(
        ConfigError, match=r"text 'intro'.*'missing' is undefined.*available values: n"
    ):
        texts.render("{{ missing }}", {"n": 1}, name="intro")


def test_a_syntax_error_names_the_text_and_line():
    with pytest.raises(ConfigError, match=r"text 'intro', line 2"):
        texts.render("ok\n{% if %}", {}, name="intro")


def test_templates_cannot_reach_python_internals():
    with pytest.raises(ConfigError, match="not allowed|undefined"):
        texts.render("{{ n.__class__.__mro__[1].__subclasses__() }}", {"n": 1}, name="evil")


def test_values_are_not_evaluated_as_templates():
    result = texts.render("{{ v }}", {"v": "{{ 7 * 7 }} <script>"})
    assert result == "{{ 7 * 7 }} <script>"


def test_paragraphs_split_on_blank_lines_and_join_wrapped_lines():
    assert texts.paragraphs("a\nb\n\n\nc  d\n") == ["a b", "c d"]


def test_a_text_rendered_again_gives_its_new_values_and_a_broken_one_fails_every_time():
    assert texts.render("{{ n }} hồ sơ", {"n": 1}) == "1 hồ sơ"
    assert texts.render("{{ n }} hồ sơ", {"n": 2}) == "2 hồ sơ"
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"text 'intro', line 2"):
            texts.render("ok\n{% if %}", {}, name="intro")
