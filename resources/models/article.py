"""Fagartikler: ArticleIndexPage and ArticlePage."""

from django.utils.translation import gettext_lazy as _

from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class ArticleIndexPage(ListingPage):
    listing_type = "article"
    subpage_types = ["resources.ArticlePage"]

    class Meta:
        verbose_name = _("artikkeloversikt")


class ArticlePage(ResourcePage):
    resource_type = ResourceType(
        key="article",
        label=_("Fagartikkel"),
        section_label=_("Fagartikler"),
        index_model="resources.ArticleIndexPage",
        section_slug="fagartikler",
        icon="doc-full",
        query_words=("artikkel", "artikl", "fagartikl"),
    )

    edit_handler = resource_edit_handler()
    parent_page_types = ["resources.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fagartikkel")
        verbose_name_plural = _("fagartikler")
