"""ListingPage: the abstract index page each resource type is listed on (XxxIndexPage)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from resources.listing import listing_context
from resources.restrictions import CachedViewRestrictionsMixin


class ListingPage(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(
        _("ingress"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kort tekst over listen."),
    )

    # The key of the resource type this page lists (resources/registry.py).
    listing_type = None
    per_page = 12

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage", "home.RegionPage"]
    max_count_per_parent = 1  # one list per type nationally and per region

    class Meta:
        abstract = True

    def filter_listing(self, queryset, request):
        """What the list shows by default (events: upcoming, or past ones on request)."""
        return queryset.current()

    def get_template(self, request, *args, **kwargs):
        # The type's own template when it has one (events, podcasts), else the shared list.
        return [super().get_template(request, *args, **kwargs), "resources/listing_base.html"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self))
        return context
