"""When what search may show has changed: the ContentVersion token (search/models.py).

``changed()`` gives the token a new random value in the writer's own transaction, so other
processes see the new token exactly when they see the change, and a rolled-back change takes
its token with it. search/signals.py calls it on every write that can change a search's facts;
bulk writers that bypass signals call it themselves (benchmarks/bulk_pages.py).
"""

import uuid

from regions.cached import forget_in_request, per_request
from search.models import ContentVersion

ROW = 1
# Read once per request: the facts, the kept matches (search/kept.py) and everything else a
# search does in one request go by the same token.
REQUEST_KEY = "kb:request:content-token"


def token():
    """The current token (None before the first change on a database without the row)."""
    return per_request(REQUEST_KEY, _read)


def _read():
    return ContentVersion.objects.filter(pk=ROW).values_list("token", flat=True).first()


def changed(**_kwargs):
    """Record a change (usable as a signal receiver)."""
    forget_in_request(REQUEST_KEY)
    new = uuid.uuid4()
    if not ContentVersion.objects.filter(pk=ROW).update(token=new):
        ContentVersion.objects.update_or_create(pk=ROW, defaults={"token": new})
