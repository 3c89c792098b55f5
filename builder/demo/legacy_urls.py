"""The demo's old addresses: redirects from a few of the old site's addresses (the list an
operator would import with import_redirects) and some old addresses in the 404 log, so that the
report (Rapporter → Adresser uten side) has something to show."""

import datetime
from pathlib import Path

from django.utils import timezone

from wagtail.models import Site

from legacy.models import NotFoundDay, NotFoundPath
from legacy.redirect_list import import_redirect_list

DEMO_REDIRECTS = Path(__file__).resolve().parent.parent / "fixtures" / "demo_redirects.csv"
# Old addresses visitors still arrive at, with hits on each of the last days.
NOT_FOUND = {
    "/article/demensomsorg-i-hjemmet": (5, 4, 3, 2),
    "/wp-content/uploads/2019/03/brosjyre-legemidler.pdf": (3, 2, 2),
    "/kurs-og-moteplasser/kalender": (2, 1),
    "/category/nyheter": (1,),
}


def ensure_demo_old_addresses(summary):
    site = Site.objects.get(is_default_site=True)
    created = import_redirect_list(DEMO_REDIRECTS, site).counts["created"]
    if created:
        summary.created.append(f"viderekoblinger fra gamle adresser: {created}")
    if NotFoundPath.objects.exists():
        return
    today = timezone.localdate()
    for path, hits in NOT_FOUND.items():
        entry = NotFoundPath.objects.create(site=site, path=path)
        for days_ago, count in enumerate(hits):
            date = today - datetime.timedelta(days=days_ago)
            NotFoundDay.objects.create(path=entry, date=date, hits=count)
    summary.created.append("404-logg med gamle adresser")
