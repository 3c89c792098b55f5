"""Fagartikler: ArticleIndexPage and ArticlePage."""

from django.utils.translation import gettext_lazy as _

from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.listing import ListingPage


class ArticleIndexPage(ListingPage):
    listing_type = "article"
    subpage_types = ["resources.ArticlePage"]

    class Meta:
        verbose_name = _("artikkeloversikt")


class ArticlePage(ResourcePage):
    edit_handler = resource_edit_handler()
    parent_page_types = ["resources.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fagartikkel")
        verbose_name_plural = _("fagartikler")
