"""RSS 2.0 and Atom feeds of news (Aktuelt), national and per area, with Django's syndication
framework (URLs in news_feed_urls.py). An area's feed has what a visitor in that area sees:
its own and shared-in news and national news not limited to other areas (shown_in_area)."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from regions.locales import default_locale
from regions.lookup import region_by_slug
from resources.models import NewsIndexPage, NewsPage
from resources.podcasts import published_at

FEED_LENGTH = 30
SITE_NAME = "Kompetansebroen"


@dataclass(frozen=True)
class FeedScope:
    """What one request's feed is about (a Feed instance serves every request, so nothing
    of the request is kept on it)."""

    request: object
    region: object  # a Region, or None: national
    locale: object


def news_index(scope):
    """The list the feed's items come from: the area's own news list, else the national one."""
    pages = NewsIndexPage.objects.live().filter(locale=scope.locale)
    if scope.region is not None:
        region_page = scope.region.region_pages.first()
        own = pages.child_of(region_page).first() if region_page is not None else None
        if own is not None:
            return own
    return pages.order_by("depth").first()


def news_items(scope):
    """The newest live, public news (in the area's view), with each item's absolute URL."""
    queryset = NewsPage.objects.live().public().filter(locale=scope.locale)
    if scope.region is not None:
        queryset = queryset.shown_in_area(scope.region)
    queryset = queryset.select_related("owner_region").order_by(*NewsPage.listing_ordering)
    items = list(queryset[:FEED_LENGTH])
    for item in items:
        item.feed_url = item.get_full_url(scope.request)
    return items


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def get_object(self, request, slug=None):
        region = None
        if slug is not None:
            region = region_by_slug(slug)
            if region is None:
                raise Http404
        return FeedScope(request=request, region=region, locale=default_locale())

    def title(self, obj):
        if obj.region is None:
            return _("Aktuelt – %(site)s") % {"site": SITE_NAME}
        return _("Aktuelt i %(area)s – %(site)s") % {"area": obj.region.name, "site": SITE_NAME}

    def description(self, obj):
        if obj.region is None:
            return _("Nyheter fra Kompetansebroen.")
        return _("Nyheter fra %(area)s og nasjonale nyheter fra Kompetansebroen.") % {
            "area": obj.region.name
        }

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        index = news_index(obj)
        return index.get_full_url(obj.request) if index is not None else "/"

    def items(self, obj):
        return news_items(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        # The translation key is a UUID that survives renames and moves (the link does not).
        return f"urn:uuid:{item.translation_key}"

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        return item.last_published_at or published_at(item)

    def item_author_name(self, item):
        return item.owner_region.name if item.owner_region_id else SITE_NAME

    def item_categories(self, item):
        return [item.owner_region.name if item.owner_region_id else _("Nasjonalt")]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
