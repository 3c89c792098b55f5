"""schema.org structured data (JSON-LD) for resource pages, so search engines can show courses,
events, videos, podcast episodes and research articles as rich results (Google Search Central's
Course info, Event and Video guides; schema.org's PodcastSeries, PodcastEpisode and
ScholarlyArticle).

Each builder takes a page and the request and returns a plain dict; ``BUILDERS`` maps a
resource type's key to its builder, and a type without one gets no structured data.
"""

import datetime
from urllib.parse import urljoin

from django.utils import timezone

from wagtail.images.models import SourceImageIOError

from blocks.templatetags.formats import iso_duration
from resources import films
from resources.media_paths import audio_path
from resources.models.course import CourseFormat, Delivery
from resources.podcasts import published_at
from resources.registry import type_of

PORTAL = "Kompetansebroen"
IMAGE_SPEC = "fill-1200x675"  # 16:9, wide enough for Google's image guidelines
SCHEMA = "https://schema.org/"


# Shared helpers ---------------------------------------------------------------------------


def compact(data):
    """``data`` without the properties that have no value (None, "" or an empty list);
    0 and False are values."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def page_url(page, request):
    """The page's absolute URL (None when the page is not routable)."""
    return page.get_full_url(request)


def site_root_url(page, request):
    """The absolute URL of the root of the site the page belongs to ("https://…/")."""
    parts = page.get_url_parts(request)
    return f"{parts[1]}/" if parts else None


def local_isoformat(value):
    """An aware datetime in the site's time zone (Europe/Oslo), ISO 8601 with its offset."""
    return timezone.localtime(value, timezone.get_default_timezone()).isoformat()


def end_of_day_isoformat(day):
    """The last second of a date in the site's time zone: "2027-03-01T23:59:59+01:00"."""
    end = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(end, timezone.get_default_timezone()).isoformat()


def image_url(page, request, image=None):
    """Absolute URL of a rendition of ``image`` (default: the page's image); None without an
    image (the site has no logo or default image to fall back on) or when its file is
    missing."""
    image = image or page.image
    if image is None:
        return None
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except SourceImageIOError:
        return None
    return urljoin(site_root_url(page, request) or "", rendition.url)


def publisher(page, request):
    """Kompetansebroen as an Organization, with the owning region as its department."""
    region = page.owner_region
    return compact(
        {
            "@type": "Organization",
            "name": PORTAL,
            "url": site_root_url(page, request),
            "department": {"@type": "Organization", "name": region.name} if region else None,
        }
    )


def organization(name, page, request):
    """The Organization an editor named (provider, organiser), or the publisher when the
    field is empty or names the portal itself (then its URL is known)."""
    name = (name or "").strip()
    if not name or name.casefold() == PORTAL.casefold():
        return publisher(page, request)
    return {"@type": "Organization", "name": name}


def free_offer(**extra):
    """Everything on Kompetansebroen is free of charge."""
    return compact({"@type": "Offer", "price": 0, "priceCurrency": "NOK", **extra})


def language(page):
    return page.locale.language_code


# Builders ---------------------------------------------------------------------------------


def course_mode(page):
    """ "online", "onsite" or "blended" (schema.org CourseInstance.courseMode)."""
    if page.course_format == CourseFormat.CLASSROOM:
        # A classroom course with lessons or a package in the portal is partly online.
        return "onsite" if page.delivery == Delivery.EXTERNAL else "blended"
    return "online"


def course_data(page, request):
    """schema.org Course for a CoursePage."""
    instance = compact(
        {
            "@type": "CourseInstance",
            "courseMode": course_mode(page),
            "courseWorkload": iso_duration(page.duration_minutes, "minutes"),
        }
    )
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Course",
            "name": page.title,
            "description": page.summary,
            "url": page_url(page, request),
            "inLanguage": language(page),
            "provider": organization(page.provider, page, request),
            "publisher": publisher(page, request),
            "image": image_url(page, request),
            "hasCourseInstance": [instance],
            "offers": [free_offer(category="Free")],
            "isAccessibleForFree": True,
            "about": [{"@type": "Thing", "name": topic.name} for topic in page.topics.all()],
            "audience": [
                {"@type": "Audience", "audienceType": audience.name}
                for audience in page.audiences.all()
            ],
        }
    )


def event_location(page, request):
    if page.online:
        return {"@type": "VirtualLocation", "url": page.registration_url or page_url(page, request)}
    if page.location:
        return {"@type": "Place", "name": page.location, "address": page.location}
    return None


def event_data(page, request):
    """schema.org Event for an EventPage."""
    attendance = "OnlineEventAttendanceMode" if page.online else "OfflineEventAttendanceMode"
    deadline = page.registration_deadline
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": page_url(page, request),
            "inLanguage": language(page),
            "startDate": local_isoformat(page.start),
            "endDate": local_isoformat(page.end) if page.end else None,
            "eventStatus": f"{SCHEMA}EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}{attendance}",
            "location": event_location(page, request),
            "organizer": organization(page.organiser, page, request),
            "image": image_url(page, request),
            "offers": free_offer(
                url=page.registration_url or page_url(page, request),
                availability=f"{SCHEMA}InStock",
                validThrough=end_of_day_isoformat(deadline) if deadline else None,
            ),
            "maximumAttendeeCapacity": page.capacity,
        }
    )


def absolute(page, request, path):
    return urljoin(site_root_url(page, request) or "", path)


def published_isoformat(page):
    """When the page came out, with its offset (podcasts.published_at says how)."""
    return local_isoformat(published_at(page))


def film_data(page, request):
    """schema.org VideoObject for a FilmPage: the file or the embed, captions, transcript."""
    source = films.video_source(page)
    captions = [
        {
            "@type": "MediaObject",
            "contentUrl": absolute(page, request, track.src),
            "encodingFormat": "text/vtt",
            "inLanguage": track.language,
        }
        for track in films.caption_tracks(page)
    ]
    return compact(
        {
            "@context": SCHEMA,
            "@type": "VideoObject",
            "name": page.title,
            "description": page.summary,
            "url": page_url(page, request),
            "inLanguage": language(page),
            "thumbnailUrl": image_url(page, request),
            "uploadDate": published_isoformat(page),
            "duration": iso_duration(page.duration_seconds),
            "contentUrl": absolute(page, request, source[0]) if source else None,
            "encodingFormat": source[1] if source else None,
            "embedUrl": None if source else page.video_url,
            "caption": captions,
            "transcript": page.transcript,
            "publisher": publisher(page, request),
            "isAccessibleForFree": True,
        }
    )


def _series_reference(series, request):
    return {"@type": "PodcastSeries", "name": series.title, "url": page_url(series, request)}


def podcast_series_data(page, request):
    """schema.org PodcastSeries with the feed podcast apps subscribe to."""
    return compact(
        {
            "@context": SCHEMA,
            "@type": "PodcastSeries",
            "name": page.title,
            "description": page.summary,
            "url": page_url(page, request),
            "inLanguage": language(page),
            "image": image_url(page, request, page.cover),
            "webFeed": absolute(page, request, page.url + page.reverse_subpage("feed")),
            "author": organization(page.author, page, request),
            "publisher": publisher(page, request),
            "isAccessibleForFree": True,
        }
    )


def podcast_episode_data(page, request):
    """schema.org PodcastEpisode: its series and season, number, sound and transcript."""
    series = page.series
    season = (
        {
            "@type": "PodcastSeason",
            "seasonNumber": page.season_number,
            "partOfSeries": _series_reference(series, request),
        }
        if page.season_number
        else None
    )
    sound = page.audio_src
    media = compact(
        {
            "@type": "MediaObject",
            "contentUrl": absolute(page, request, audio_path(page)) if page.audio_id else sound,
            "encodingFormat": "audio/mpeg"
            if sound.lower().split("?")[0].endswith(".mp3")
            else None,
            "duration": iso_duration(page.duration_seconds),
        }
    )
    return compact(
        {
            "@context": SCHEMA,
            "@type": "PodcastEpisode",
            "name": page.title,
            "description": page.summary,
            "url": page_url(page, request),
            "inLanguage": language(page),
            "datePublished": published_isoformat(page),
            "episodeNumber": page.episode_number,
            "partOfSeason": season,
            "partOfSeries": _series_reference(series, request),
            "duration": iso_duration(page.duration_seconds),
            "associatedMedia": media if sound else None,
            "transcript": page.transcript,
            "image": image_url(page, request),
            "publisher": publisher(page, request),
            "isAccessibleForFree": True,
        }
    )


def research_data(page, request):
    """schema.org ScholarlyArticle for a ResearchArticlePage: the publication's authors,
    journal, year and DOI (not the portal as its publisher: the page retells the article in
    plain words, the journal published it)."""
    doi = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi} if page.doi else None
    return compact(
        {
            "@context": SCHEMA,
            "@type": "ScholarlyArticle",
            "headline": page.title,
            "name": page.title,
            "description": page.summary,
            "abstract": page.practice_summary,
            "url": page_url(page, request),
            "sameAs": page.source_url,
            "identifier": doi,
            "inLanguage": language(page),
            "author": [{"@type": "Person", "name": name} for name in page.author_names],
            "sourceOrganization": {"@type": "Organization", "name": page.institution}
            if page.institution
            else None,
            "isPartOf": {"@type": "Periodical", "name": page.publication}
            if page.publication
            else None,
            "datePublished": str(page.publication_year) if page.publication_year else None,
            "image": image_url(page, request),
            "about": [{"@type": "Thing", "name": topic.name} for topic in page.topics.all()],
            "isAccessibleForFree": True,
        }
    )


# resource type key -> builder; a type gets structured data by adding its line here.
BUILDERS = {
    "course": course_data,
    "event": event_data,
    "film": film_data,
    "podcast_series": podcast_series_data,
    "podcast_episode": podcast_episode_data,
    "research": research_data,
}


def structured_data_for(page, request):
    """The JSON-LD dict for a page, or None when its type has no builder."""
    kind = type_of(page)
    builder = BUILDERS.get(kind.key) if kind else None
    return builder(page, request) if builder else None
