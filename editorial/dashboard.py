"""What an editor's dashboard shows: their team's drafts, pending reviews and recent work."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import GroupPagePermission, Page, WorkflowState

LIMIT = 8


def team_roots(user):
    """The pages whose subtrees the user's teams edit (a superuser's team is the whole site)."""
    if user.is_superuser:
        return list(Page.objects.filter(depth=2))
    page_ids = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values("page_id")
    return list(Page.objects.filter(pk__in=page_ids).order_by("path"))


def in_subtrees(roots):
    query = Q(pk__in=[])
    for root in roots:
        query |= Q(path__startswith=root.path)
    return query


def pending_reviews(pages):
    """Active moderation workflows on ``pages``, newest first."""
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("current_task_state__task", "requested_by")
        .order_by("-created_at")
    )
    by_page = {int(state.object_id): state for state in states}
    in_team = pages.filter(pk__in=by_page).order_by("-latest_revision_created_at")[:LIMIT]
    return [(page, by_page[page.pk]) for page in in_team]


def team_overview(user):
    roots = team_roots(user)
    pages = Page.objects.filter(in_subtrees(roots))
    return {
        "roots": roots,
        "drafts": pages.filter(has_unpublished_changes=True).order_by(
            "-latest_revision_created_at"
        )[:LIMIT],
        "pending": pending_reviews(pages),
        "published": pages.filter(live=True, last_published_at__isnull=False).order_by(
            "-last_published_at"
        )[:LIMIT],
    }
