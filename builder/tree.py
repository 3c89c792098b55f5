"""Idempotent steps that build the site's skeleton: the front page, region pages and the
index page of each resource type (where each lives comes from resources/registry.py).

Used by the importer, the demo data and the signal that gives a new region its pages, so
all of them put pages in the same places.
"""

from django.db.models.signals import post_save
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site

from home.models import HomePage, RegionPage
from home.region_layout import default_layout
from regions.models import Region
from resources.registry import index_model_for, resource_type, section_index_models


def ensure_home_page():
    """The national HomePage as the default site's root (replaces Wagtail's welcome page)."""
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
    """The child of ``parent`` with this slug, created (and published) if missing. A lazily
    translated ``title`` is written in the parent's language, whoever is logged in."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    with translation.override(parent.locale.language_code):
        title = str(title)
    return parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale, **fields))


def _section_title(model):
    """(slug, title) of an index page model's page, from the type it lists."""
    kind = resource_type(model.listing_type)
    return kind.section_slug, kind.section_label


def placeholder_presentation(region, language_code):
    """The presentation a new region page starts with, until its team writes its own."""
    with translation.override(language_code):
        text = _(
            "%(name)s er et helsefellesskap der sykehuset og kommunene deler kompetanse. Her "
            "finner du kurs, nyheter og møteplasser fra %(name)s først, deretter nasjonalt "
            "innhold."
        ) % {"name": region.name}
    return format_html("<p>{}</p>", text)


def ensure_region_page(region):
    """The RegionPage for ``region`` under the front page, with its standard sections, the
    standard layout and a placeholder presentation: a sensible profile to start from."""
    page = RegionPage.objects.filter(region=region).first()
    if page is None:
        home = ensure_home_page()
        page = ensure_child(
            home,
            RegionPage,
            region.slug or slugify(region.name),
            region.name,
            region=region,
            intro=placeholder_presentation(region, home.locale.language_code),
            layout=default_layout(),
        )
        for model in section_index_models(regional=True):
            ensure_child(page, model, *_section_title(model))
    return page


def ensure_index_page(key, region=None):
    """The index page that holds resources of type ``key``, nationally or in ``region``."""
    kind = resource_type(key)
    if region is not None and not kind.regional:
        raise ValueError(f"{key} has no regional index pages")
    parent = ensure_region_page(region) if region is not None else ensure_home_page()
    model = index_model_for(key)
    return ensure_child(parent, model, kind.section_slug, kind.section_label)


def give_new_region_its_pages(sender, instance, created, raw=False, **kwargs):
    """post_save receiver for Region: a region created in the admin (in the source language)
    gets its front page and sections at once; editorial/ then sets up its team."""
    if created and not raw and instance.locale_id == Locale.get_default().pk:
        ensure_region_page(instance)


def connect():
    post_save.connect(give_new_region_its_pages, sender=Region, dispatch_uid="builder_region_pages")
