"""Admin registration of the taxonomy snippets (fagtema, målgrupper) under one menu."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.models import Audience, Topic


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
    menu_label = _("Kategorier")
    menu_icon = "tag"
    menu_order = 210
    items = (TopicViewSet, AudienceViewSet)


register_snippet(TaxonomyGroup)
