"""manage.py import_redirects FILE.csv: old addresses -> pages, as permanent Wagtail redirects
(legacy/redirect_list.py; docs/operations/legacy-urls.md)."""

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from legacy.redirect_list import RedirectListError, import_redirect_list


def find_site(name):
    """The Site called ``name`` ("host" or "host:port"), or the default site."""
    if name is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site: give one with --site HOST.")
        return site
    host, _colon, port = name.partition(":")
    sites = Site.objects.filter(hostname=host).select_related("root_page")
    if port:
        if not port.isdigit():
            raise CommandError(f"--site {name}: the port must be a number.")
        sites = sites.filter(port=int(port))
    found = list(sites[:2])
    if len(found) != 1:
        known = ", ".join(f"{s.hostname}:{s.port}" for s in Site.objects.all()) or "none"
        reason = "no site" if not found else "more than one site (add :port)"
        raise CommandError(f"--site {name}: {reason}; the sites are {known}.")
    return found[0]


class Command(BaseCommand):
    help = (
        "Import a CSV list of old addresses and the pages they now have (columns: old address, "
        "target: a page's address, its id, or the corpus item id it was imported from) as "
        "permanent redirects. Every line is checked first; a bad line stops the import and "
        "nothing is written. Running it again updates changed lines and creates no duplicates."
    )
    # A bad list must give exactly one line on stderr, so system-check warnings stay out.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file.")
        parser.add_argument(
            "--site",
            help="Host name (or host:port) of the site the old addresses belong to "
            "(default: the default site).",
        )
        parser.add_argument(
            "--keep-query",
            action="store_true",
            help="Keep an old address's query string (for old addresses told apart only by it, "
            "such as /index.php?p=12). Without it the query is dropped, and the redirect "
            "catches the path with any query.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, but write nothing."
        )

    def handle(self, *args, file, site=None, keep_query=False, dry_run=False, **options):
        site = find_site(site)
        try:
            summary = import_redirect_list(file, site, keep_query=keep_query, dry_run=dry_run)
        except RedirectListError as error:
            raise CommandError(str(error)) from error
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}Redirects on {site.hostname}: {summary.line()}")
        if options["verbosity"] >= 2:
            for entry in summary.shadowed:
                self.stdout.write(
                    f"  line {entry.line}: a page answers at {entry.old_path}; the redirect "
                    "takes over only if that page goes"
                )
