"""Aktuelt: NewsIndexPage and NewsPage (local news can be shared into other areas)."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from resources.listing import legacy_page_redirect
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class NewsIndexPage(RoutablePageMixin, ListingPage):
    listing_type = "news"
    subpage_types = ["resources.NewsPage"]

    class Meta:
        verbose_name = _("nyhetsoversikt")

    @path("page/<str:number>/", name="legacy_page")
    def legacy_page(self, request, number):
        return legacy_page_redirect(request, self, number)


class NewsPage(ResourcePage):
    resource_type = ResourceType(
        key="news",
        label=_("Nyhet"),
        section_label=_("Aktuelt"),
        index_model="resources.NewsIndexPage",
        section_slug="aktuelt",
        icon="news",
        menu_order=50,
    )

    edit_handler = resource_edit_handler()
    parent_page_types = ["resources.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
