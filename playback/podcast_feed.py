"""A podcast's RSS feed with the tags podcast apps read: RSS 2.0 with Apple's iTunes
namespace and the Podcasting 2.0 namespace (season, episode, transcript, guid, locked).

Built from plain data (Channel, Episode) so it knows nothing of pages; the podcast series
page hands it what it publishes. Apple: https://podcasters.apple.com/support/823-podcast-requirements
Podcasting 2.0: https://podcasting2.org/docs/podcast-namespace
"""

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
# The namespace Podcasting 2.0 prescribes for podcast:guid (a UUIDv5 of the feed URL).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

for prefix, uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM)):
    ET.register_namespace(prefix, uri)


@dataclass(frozen=True)
class Episode:
    guid: str
    title: str
    link: str
    description: str
    published: datetime
    enclosure_url: str
    enclosure_length: int
    enclosure_type: str
    duration_seconds: int
    season: int | None = None
    episode: int | None = None
    transcript_url: str = ""
    image_url: str = ""
    explicit: bool = False


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    feed_url: str
    description: str
    language: str
    author: str
    owner_name: str
    owner_email: str
    image_url: str
    category: str
    subcategory: str = ""
    explicit: bool = False
    copyright: str = ""
    episodes: list[Episode] = field(default_factory=list)


def podcast_guid(feed_url):
    """podcast:guid: a UUIDv5 of the feed URL without its scheme and trailing slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def duration(seconds):
    """itunes:duration as HH:MM:SS."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def _add(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def _yes_no(value):
    return "true" if value else "false"


def _channel(rss, channel):
    node = _add(rss, "channel")
    _add(node, f"{{{ATOM}}}link", href=channel.feed_url, rel="self", type="application/rss+xml")
    _add(node, "title", channel.title)
    _add(node, "link", channel.link)
    _add(node, "description", channel.description)
    _add(node, "language", channel.language)
    if channel.copyright:
        _add(node, "copyright", channel.copyright)
    if channel.episodes:
        newest = max(episode.published for episode in channel.episodes)
        _add(node, "lastBuildDate", format_datetime(newest))
    _add(node, "generator", "Kompetansebroen")
    if channel.image_url:
        image = _add(node, "image")
        _add(image, "url", channel.image_url)
        _add(image, "title", channel.title)
        _add(image, "link", channel.link)
        _add(node, f"{{{ITUNES}}}image", href=channel.image_url)
    _add(node, f"{{{ITUNES}}}author", channel.author)
    owner = _add(node, f"{{{ITUNES}}}owner")
    _add(owner, f"{{{ITUNES}}}name", channel.owner_name)
    if channel.owner_email:
        _add(owner, f"{{{ITUNES}}}email", channel.owner_email)
    category = ET.SubElement(node, f"{{{ITUNES}}}category", {"text": channel.category})
    if channel.subcategory:
        ET.SubElement(category, f"{{{ITUNES}}}category", {"text": channel.subcategory})
    _add(node, f"{{{ITUNES}}}explicit", _yes_no(channel.explicit))
    _add(node, f"{{{ITUNES}}}type", "episodic")
    _add(node, f"{{{ITUNES}}}summary", channel.description)
    _add(node, f"{{{PODCAST}}}guid", podcast_guid(channel.feed_url))
    _add(node, f"{{{PODCAST}}}locked", "no")
    return node


def _item(node, episode, language):
    item = _add(node, "item")
    _add(item, "title", episode.title)
    _add(item, f"{{{ITUNES}}}title", episode.title)
    _add(item, "link", episode.link)
    _add(item, "description", episode.description)
    _add(item, f"{{{ITUNES}}}summary", episode.description)
    _add(item, "guid", episode.guid, isPermaLink="false")
    _add(item, "pubDate", format_datetime(episode.published))
    _add(
        item,
        "enclosure",
        url=episode.enclosure_url,
        length=episode.enclosure_length,
        type=episode.enclosure_type,
    )
    _add(item, f"{{{ITUNES}}}duration", duration(episode.duration_seconds))
    _add(item, f"{{{ITUNES}}}explicit", _yes_no(episode.explicit))
    _add(item, f"{{{ITUNES}}}episodeType", "full")
    if episode.image_url:
        _add(item, f"{{{ITUNES}}}image", href=episode.image_url)
    if episode.season is not None:
        _add(item, f"{{{ITUNES}}}season", episode.season)
        _add(item, f"{{{PODCAST}}}season", episode.season)
    if episode.episode is not None:
        _add(item, f"{{{ITUNES}}}episode", episode.episode)
        _add(item, f"{{{PODCAST}}}episode", episode.episode)
    if episode.transcript_url:
        _add(
            item,
            f"{{{PODCAST}}}transcript",
            url=episode.transcript_url,
            type="text/plain",
            language=language,
        )
    return item


def render(channel):
    """The feed as UTF-8 bytes."""
    rss = ET.Element("rss", {"version": "2.0"})
    node = _channel(rss, channel)
    for episode in channel.episodes:
        _item(node, episode, channel.language)
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)
