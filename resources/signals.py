"""A page's move can carry resources with it (an index page, a region's section): their
owner region is recomputed (resources/ownership.py). The cached private parts of the tree
(resources/restrictions.py) are forgotten when a restriction changes or a page moves, the
cached topics and audiences (resources/taxonomy.py) when one is saved or deleted."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from resources.models import Audience, Topic
from resources.ownership import refresh_after_move
from resources.restrictions import forget_restricted_paths
from resources.taxonomy import forget_terms


def connect():
    post_page_move.connect(refresh_after_move, dispatch_uid="resources_owner_after_move")
    post_page_move.connect(forget_restricted_paths, dispatch_uid="resources_restricted_moved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            forget_restricted_paths,
            sender=PageViewRestriction,
            dispatch_uid=f"resources_restricted_{name}",
        )
        for model in (Topic, Audience):
            signal.connect(
                forget_terms, sender=model, dispatch_uid=f"resources_terms_{model.__name__}_{name}"
            )
