"""The browser's side of security: Content-Security-Policy for the site and for the admin,
Permissions-Policy, and the video services films may be embedded from.

The embed finders and the CSP's ``frame-src`` are built from the same list, so whatever an
editor can embed is also allowed to play. kompetansebroen/headers.py sends the headers.
"""

from urllib.parse import urlsplit

from wagtail.embeds import oembed_providers

SELF = "'self'"
NONE = "'none'"
UNSAFE_INLINE = "'unsafe-inline'"

# Video services an editor may embed (oEmbed provider -> the origins its player frames load
# from). YouTube's player may come from either host (youtube-nocookie: no cookies until play).
VIDEO_EMBEDS = [
    (oembed_providers.youtube, ["https://www.youtube.com", "https://www.youtube-nocookie.com"]),
    (oembed_providers.vimeo, ["https://player.vimeo.com"]),
]


def embed_finders():
    """WAGTAILEMBEDS_FINDERS: oEmbed for the video services above only (Wagtail's default asks
    some hundred services, whose players the CSP would block)."""
    return [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [provider for provider, _origins in VIDEO_EMBEDS],
        }
    ]


def _origin(url):
    """``https://cdn.example/static/`` -> ``https://cdn.example``; None for a path."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _sources(*groups):
    """The sources of several lists in order, each once."""
    return list(dict.fromkeys(source for group in groups for source in group if source))


def site_policy(static_url="/static/", media_url="/media/"):
    """CONTENT_SECURITY_POLICY for the site (and the admin's login page).

    Scripts, styles, fonts and images come from the site itself (or from STATIC_URL/MEDIA_URL
    when they point at another host); there are no inline scripts or style attributes (JSON-LD
    ``<script type="application/ld+json">`` is data, which CSP does not block). Films and sound
    may be files at other addresses (a podcast's own host), hence ``media-src https:``. Frames:
    the SCORM player's own /scorm/ files and the video services. Nothing may frame the pages.
    """
    assets = _sources([SELF, _origin(static_url)])
    uploads = _sources([SELF, _origin(media_url)])
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [*assets],
            "style-src": [*assets],
            "font-src": [*assets],
            "img-src": _sources(assets, uploads, ["data:"]),
            "media-src": uploads + ["https:"],
            "frame-src": _sources([SELF], *(origins for _provider, origins in VIDEO_EMBEDS)),
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


def admin_policy(site):
    """The policy for the admin's signed-in pages, from the site's: Wagtail 8's page editor
    still writes inline scripts (inline panels, date pickers; wagtail-localize's editor and
    wagtailmedia's upload form too) and inline styles, shows upload previews from blob: URLs,
    and frames its own preview. The login page needs none of it (headers.py)."""
    directives = dict(site["DIRECTIVES"])
    directives.update(
        {
            "script-src": [*directives["script-src"], UNSAFE_INLINE],
            "style-src": [*directives["style-src"], UNSAFE_INLINE],
            "img-src": [*directives["img-src"], "blob:"],
            "frame-ancestors": [SELF],
        }
    )
    return {"DIRECTIVES": directives}


# Powerful browser features nothing on the site uses, switched off for the page and every frame
# in it. Features the players need (fullscreen, autoplay, picture-in-picture) keep the
# browser's defaults, so an embedded player's ``allow`` attribute still works.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}


def permissions_policy_header(policy):
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())
