"""Document downloads, counted from Wagtail's ``document_served`` signal: every request of
/documents/<id>/<name> passes Django (it checks the collection's privacy) even behind the
front door, which then sends the bytes (X-Accel-Redirect)."""

from wagtail.documents.models import document_served

from tally.bots import request_is_bot
from tally.counter import count
from tally.events import Event


def counts_as_download(request):
    """One download per opening: a GET from a person's browser, not an editor, and not a
    later part of the file (a PDF viewer fetches the rest with Range requests)."""
    if request.method != "GET" or request_is_bot(request):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    wanted = request.META.get("HTTP_RANGE", "").replace(" ", "")
    return not wanted or wanted.startswith("bytes=0-")


def document_downloaded(sender, instance, request, **kwargs):
    if counts_as_download(request):
        count(Event.DOWNLOAD, instance.pk)


def connect():
    document_served.connect(document_downloaded, dispatch_uid="usage_document_downloaded")
