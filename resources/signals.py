"""A page's move can carry resources with it (an index page, a region's section): their
owner region is recomputed (resources/ownership.py)."""

from wagtail.signals import post_page_move

from resources.ownership import refresh_after_move


def connect():
    post_page_move.connect(refresh_after_move, dispatch_uid="resources_owner_after_move")
