"""The resource types: each page model declares its facts once, in a ``resource_type``
attribute, and everything else (navigation, tree set-up, the importer, listings, search
facets, templates) reads them from here.

A new type is a page model with a ``resource_type`` in its own module, exported from
``resources.models`` (or its own app's models): the registry finds it among the installed
models, so nothing else needs a list of types.
"""

from dataclasses import dataclass, field
from functools import cache

from django.apps import apps


@dataclass(frozen=True)
class ResourceType:
    key: str  # public key in URLs, the API and the import format ("course")
    label: str  # singular, lazily translated: "E-kurs", shown on cards and pages
    section_label: str  # plural: names the section in the menu and on front pages
    index_model: str  # "app_label.ModelName" of the index page the type lives under
    section_slug: str  # bokmål slug of that index page when the tree is set up
    icon: str  # Wagtail admin icon name
    regional: bool = True  # also an index page under each region (False: national only)
    menu_order: int | None = None  # place in the main menu; None = not in the menu
    # Folded word prefixes that name the type in a search query ("kurs i …" → course).
    query_words: tuple[str, ...] = field(default_factory=tuple)


@cache
def _registry():
    """Read once the apps are loaded: {key: model} of the models that declare a type."""
    found = {}
    for model in apps.get_models():
        declared = model.__dict__.get("resource_type")  # declared on the model itself
        if declared is not None:
            if declared.key in found:
                raise ValueError(f"resource type key {declared.key!r} declared twice")
            found[declared.key] = model
    return found


def resource_models():
    """{key: page model} for every resource type."""
    return dict(_registry())


def resource_type(key):
    """The ResourceType with this key (KeyError for an unknown key)."""
    return _registry()[key].resource_type


def resource_types():
    """Every ResourceType, in a stable order (the models' registration order)."""
    return [model.resource_type for model in _registry().values()]


def model_for(key):
    return _registry()[key]


def index_model_for(key):
    return apps.get_model(resource_type(key).index_model)


def section_index_models(regional=False):
    """The index page models that sit below the front page (``regional``: below a region's
    page), each once, in registry order."""
    kinds = [kind for kind in resource_types() if kind.regional or not regional]
    return list(dict.fromkeys(index_model_for(kind.key) for kind in kinds))


def menu_types():
    """The types shown in the main menu, in menu order."""
    listed = [kind for kind in resource_types() if kind.menu_order is not None]
    return sorted(listed, key=lambda kind: kind.menu_order)


def type_of(model):
    """The ResourceType of a page model or instance (None for non-resource pages)."""
    return getattr(model, "resource_type", None)
