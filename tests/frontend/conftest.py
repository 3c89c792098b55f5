"""Fixtures for the front-end tests: a small site with one page translated by wagtail-localize."""

from wagtail.models import Locale

import pytest

from builder.demo.content import translate_page
from tests.factories import ArticlePageFactory


def _translations(text, language_code):
    return {
        ("Kompetansebroen", "nn"): "Kompetansebroen",
        ("Fagartikler", "nn"): "Fagartiklar",
        ("Fagartikler", "en"): "Articles",
        ("Svelgevansker", "nn"): "Svelgjevanskar",
        ("Svelgevansker", "en"): "Swallowing difficulties",
    }.get((text, language_code))


@pytest.fixture
def translated_article(home_page, index_for):
    """An article in bokmål with nynorsk and English translations (and their parents)."""
    for key in ("theme", "course"):  # lists the menu links to, in bokmål only
        index_for(key)
    article = ArticlePageFactory(parent=index_for("article"), title="Svelgevansker")
    for code in ("nn", "en"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        for page in (home_page, article.get_parent().specific, article):
            if page.get_translation_or_none(locale) is None:
                translate_page(page, locale, _translations)
    return article
