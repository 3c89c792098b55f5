"""The resource types by their public slug (used by the importer, listings and search API)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

# slug -> (model label, singular label, plural label)
RESOURCE_TYPES = {
    "course": ("resources.CoursePage", _("E-kurs"), _("E-kurs")),
    "podcast_series": ("resources.PodcastSeriesPage", _("Podkastserie"), _("Podkaster")),
    "podcast_episode": ("resources.PodcastEpisodePage", _("Podkastepisode"), _("Podkastepisoder")),
    "film": ("resources.FilmPage", _("Film"), _("Filmer")),
    "article": ("resources.ArticlePage", _("Fagartikkel"), _("Fagartikler")),
    "news": ("resources.NewsPage", _("Nyhet"), _("Aktuelt")),
    "event": ("resources.EventPage", _("Kurs og møteplass"), _("Kurs og møteplasser")),
    "theme": ("resources.ThemePage", _("Fagtema"), _("Fagtema")),
    "project": ("projects.ProjectPage", _("Prosjekt"), _("Prosjekter")),
}


def model_for(slug):
    return apps.get_model(RESOURCE_TYPES[slug][0])


def type_slug(model):
    label = model._meta.label
    for slug, (model_label, _singular, _plural) in RESOURCE_TYPES.items():
        if model_label == label:
            return slug
    return None


def type_label(model):
    slug = type_slug(model)
    return RESOURCE_TYPES[slug][1] if slug else model._meta.verbose_name
