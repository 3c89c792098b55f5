"""schema.org structured data (JSON-LD) for resource pages, so search engines can show courses
and events as rich results (Google Search Central's Course info and Event guides).

Each builder takes a page and the request and returns a plain dict; ``BUILDERS`` maps a
resource type's key to its builder, and a type without one gets no structured data.
"""

import datetime
from urllib.parse import urljoin

from django.utils import timezone

from wagtail.images.models import SourceImageIOError

from blocks.templatetags.formats import iso_duration
from resources.models.course import CourseFormat, Delivery
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


def image_url(page, request):
    """Absolute URL of a rendition of the page's image; None without an image (the site has
    no logo or default image to fall back on) or when the image file is missing."""
    if page.image is None:
        return None
    try:
        rendition = page.image.get_rendition(IMAGE_SPEC)
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


# resource type key -> builder; a type gets structured data by adding its line here.
BUILDERS = {
    "course": course_data,
    "event": event_data,
}


def structured_data_for(page, request):
    """The JSON-LD dict for a page, or None when its type has no builder."""
    kind = type_of(page)
    builder = BUILDERS.get(kind.key) if kind else None
    return builder(page, request) if builder else None
