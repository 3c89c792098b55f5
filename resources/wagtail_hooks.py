"""Admin: the taxonomy snippets (fagtema, målgrupper) under one menu, a warning to the
editor who publishes a film that not everyone can use, and the networks' contact people among
the personal data an administrator can find and remove."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.models import Audience, FilmPage, Topic
from resources.network_contacts import NetworkContactData


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Kategorier")
    menu_icon = "tag"
    menu_order = 210
    items = (TopicViewSet, AudienceViewSet)


register_snippet(TaxonomyGroup)


@hooks.register("after_publish_page")
def warn_about_inaccessible_film(request, page):
    """Publishing goes ahead (a film may be urgent), but the editor is told what is missing."""
    if isinstance(page, FilmPage) and (missing := page.missing_for_accessibility()):
        messages.warning(
            request,
            _(
                "«%(title)s» er publisert uten %(missing)s. Filmer skal ha teksting og "
                "transkripsjon etter forskrift om universell utforming (WCAG 2.1 AA)."
            )
            % {"title": page.title, "missing": _(" og ").join(str(each) for each in missing)},
        )


@hooks.register("register_personal_data")
def register_network_contact_personal_data():
    return NetworkContactData()
