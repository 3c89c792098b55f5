"""When what search may show has changed: the ContentVersion token (search/models.py).

``changed()`` gives the token a new random value in the writer's own transaction, so other
processes see the new token exactly when they see the change, and a rolled-back change takes
its token with it. search/signals.py calls it on every write that can change a search's facts;
bulk writers that bypass signals call it themselves (benchmarks/bulk_pages.py).
"""

import uuid

from search.models import ContentVersion

ROW = 1


def token():
    """The current token (None before the first change on a database without the row)."""
    return ContentVersion.objects.filter(pk=ROW).values_list("token", flat=True).first()


def changed(**_kwargs):
    """Record a change (usable as a signal receiver)."""
    new = uuid.uuid4()
    if not ContentVersion.objects.filter(pk=ROW).update(token=new):
        ContentVersion.objects.update_or_create(pk=ROW, defaults={"token": new})
