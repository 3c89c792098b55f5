"""Idempotent steps that build the site's skeleton: the front page, region pages, index pages.

Used by the importer and the demo-data command, so both put pages in the same places.
"""

from django.utils.text import slugify

from wagtail.models import Locale, Page, Site

# Where each resource type lives: (index page model label, slug, title).
NATIONAL_SECTIONS = {
    "theme": ("resources.ThemeIndexPage", "fagtema", "Fagtema"),
    "course": ("resources.CourseIndexPage", "e-kurs", "E-kurs"),
    "podcast_series": ("resources.PodcastIndexPage", "podkast", "Podkast"),
    "film": ("resources.FilmIndexPage", "film", "Film"),
    "article": ("resources.ArticleIndexPage", "fagartikler", "Fagartikler"),
    "news": ("resources.NewsIndexPage", "aktuelt", "Aktuelt"),
    "event": ("resources.EventIndexPage", "kurs-og-moteplasser", "Kurs og møteplasser"),
    "project": ("projects.ProjectIndexPage", "prosjekter", "Prosjekter"),
}
# Themes are national only; everything else can also live under a region.
REGIONAL_SECTIONS = {key: value for key, value in NATIONAL_SECTIONS.items() if key != "theme"}


def ensure_home_page():
    """The national HomePage as the default site's root (replaces Wagtail's welcome page)."""
    from home.models import HomePage

    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Kompetansebroen",
                slug="kompetansebroen",
                locale=locale,
                seo_title="Kompetansebroen – kompetansedeling i helsefellesskapene",
                search_description=(
                    "Kurs, filmer, podkaster og fagtema for helsepersonell i kommuner og sykehus."
                ),
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Kompetansebroen",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Kompetansebroen"
        site.save()
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return home


def ensure_child(parent, model, slug, title, **fields):
    """The child of ``parent`` with this slug, created (and published) if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale, **fields))


def ensure_region_page(region):
    """The RegionPage for ``region`` under the front page, with its standard sections."""
    from django.apps import apps

    from home.models import RegionPage

    page = RegionPage.objects.filter(region=region).first()
    if page is None:
        page = ensure_child(
            ensure_home_page(),
            RegionPage,
            region.slug or slugify(region.name),
            region.name,
            region=region,
        )
        for model_label, slug, title in REGIONAL_SECTIONS.values():
            ensure_child(page, apps.get_model(model_label), slug, title)
    return page


def ensure_index_page(type_slug, region=None):
    """The index page that holds resources of ``type_slug``, nationally or in ``region``."""
    from django.apps import apps

    sections = REGIONAL_SECTIONS if region is not None else NATIONAL_SECTIONS
    model_label, slug, title = sections[type_slug]
    parent = ensure_region_page(region) if region is not None else ensure_home_page()
    return ensure_child(parent, apps.get_model(model_label), slug, title)
