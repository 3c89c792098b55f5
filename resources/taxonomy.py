"""The topics and audiences of each locale, cached (regions/cached.py): every list page's
filter form and the search page's facets name them, and they change only when an editor
edits the taxonomy."""

from regions.cached import forget, remembered


def _key(model):
    return f"kb:terms:{model._meta.label_lower}"


def terms(model, locale):
    """The ``model`` (Topic or Audience) terms in ``locale``, by name."""

    def load():
        by_locale = {}
        for term in model.objects.order_by("name", "pk"):
            by_locale.setdefault(term.locale_id, []).append(term)
        return by_locale

    return list(remembered(_key(model), load).get(locale.pk, []))


def forget_terms(sender, **kwargs):
    """Signal receiver: a term of ``sender`` was saved or deleted."""
    forget(_key(sender))
