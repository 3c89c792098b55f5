"""Writing Wagtail redirects from old addresses to pages: one per old path and site, permanent
(301), pointing at the page itself so that it follows the page when the page moves."""

from wagtail.contrib.redirects.models import Redirect

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept"


def site_redirects(site, paths):
    """{old path: Redirect} of ``site``'s own redirects from ``paths``."""
    return {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(site=site, old_path__in=set(paths))
    }


def point(old_path, page, site, existing=None, replace=True):
    """Make the redirect from ``old_path`` on ``site`` a permanent one to ``page``; returns
    what happened (CREATED, UPDATED, UNCHANGED). ``existing`` is the redirect already stored
    for that path and site, if any (site_redirects). Without ``replace``, a redirect that
    goes somewhere else is left as it is (KEPT)."""
    if existing is None:
        Redirect.objects.create(old_path=old_path, site=site, redirect_page=page, is_permanent=True)
        return CREATED
    if existing.redirect_page_id == page.pk and (
        not replace or (existing.is_permanent and not existing.redirect_page_route_path)
    ):
        return UNCHANGED
    if not replace:
        return KEPT
    existing.redirect_page = page
    existing.redirect_page_route_path = ""
    existing.redirect_link = ""
    existing.is_permanent = True
    existing.save()
    return UPDATED
