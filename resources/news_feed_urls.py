"""The patterns under /feed/aktuelt/ (resources/news_feeds.py)."""

from django.urls import path

from resources.news_feeds import NewsAtomFeed, NewsRssFeed

urlpatterns = [
    path("rss/", NewsRssFeed(), name="news_feed_rss"),
    path("atom/", NewsAtomFeed(), name="news_feed_atom"),
    path("<slug:slug>/rss/", NewsRssFeed(), name="area_news_feed_rss"),
    path("<slug:slug>/atom/", NewsAtomFeed(), name="area_news_feed_atom"),
]
