"""An item's addresses on the old site (optional ``old_url``: one, ``old_urls``: a list), made
into permanent redirects to the item's page through Wagtail's redirects (legacy/), so links
to the old site keep working; the redirect points at the page, so it follows the page when the
page moves.

An old address already redirected elsewhere (in the admin, or by ``import_redirects``) is
kept as it is and counted, as the importer keeps pages editors changed. Old addresses are not
page content: they are left out of the item's checksum, so adding one does not rewrite a page.
"""

from wagtail.models import Site

from builder.importer.fields import show
from legacy.paths import old_path
from legacy.redirects import CREATED, KEPT, UNCHANGED, point, site_redirects
from legacy.targets import is_own_address

KEYS = ("old_url", "old_urls")
OWN = "own address"  # the old address is the page's own: no redirect (it would loop)
OUTCOMES = (CREATED, UNCHANGED, KEPT, OWN)


def _one(value):
    return [old_path(value)]


def _many(value):
    if not isinstance(value, list):
        raise ValueError(f"expected a list of addresses, got {show(value)}")
    return [path for entry in value for path in _one(entry)]


def read_old_paths(checker, where, raw):
    """The item's old addresses as redirect paths, each once (checker: validate._Checker)."""
    paths = checker.get(where, raw, "old_url", _one, False, [])
    paths += checker.get(where, raw, "old_urls", _many, False, [])
    return list(dict.fromkeys(paths))


def without_old_urls(raw):
    """The raw item without its old addresses, for its checksum."""
    return {key: value for key, value in raw.items() if key not in KEYS}


def check_unique(checker, items):
    """Each old address belongs to one item."""
    owners = {}
    for item in items:
        for path in item.old_paths:
            other = owners.setdefault(path, item.id)
            if other != item.id:
                checker.fail(
                    f"item '{item.id}'", "old_urls", f"{path} is also an old address of '{other}'"
                )


def redirect_old_urls(pages, items, home, summary):
    """Point each item's old addresses at its page (``pages``: {type: {item id: page}}) on
    the site whose front page is ``home``; counts in ``summary.redirects``."""
    wanted = [(item, path) for item in items for path in item.old_paths]
    if not wanted:
        return
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    existing = site_redirects(site, [path for _item, path in wanted])
    for item, path in wanted:
        page = pages[item.type][item.id]
        if is_own_address(path, page, site):
            outcome = OWN
        else:
            outcome = point(path, page, site, existing.get(path), replace=False)
        summary.redirects[outcome] = summary.redirects.get(outcome, 0) + 1
        if outcome == KEPT:
            summary.kept_redirects.append((path, item.id))
