"""Editor actions through the real Wagtail admin views, each reporting whether it took effect."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from resources.models import CoursePage, NewsPage


def page_form(page, title):
    """Valid edit-form data for the resource types used in these tests."""
    data = {
        "title": title,
        "slug": page.slug,
        "summary": page.summary,
        "date": page.date.isoformat(),
        "body": streamfield([]),
    }
    specific = page.specific
    if isinstance(specific, CoursePage):
        data.update(
            course_format=specific.course_format,
            duration_minutes="60",
            delivery=specific.delivery,
            exam_questions=streamfield([]),
            pass_mark=str(specific.pass_mark),
        )
    if hasattr(specific, "partners"):
        data.update(status=specific.status, partners=streamfield([]), goals=streamfield([]))
    return nested_form_data(data)


def child_for(page):
    """Where a new page goes next to ``page`` (same list), or below a project page."""
    specific = page.specific
    if isinstance(specific, NewsPage | CoursePage):
        model = type(specific)
        data = page_form(page, "Ny side")
        data["slug"] = "ny-side"
        return page.get_parent(), model, data
    data = nested_form_data({"title": "Ny side", "slug": "ny-side", "body": streamfield([])})
    return page, StandardPage, data


def view(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.status_code == 200


def create(client, page):
    parent, model, data = child_for(page)
    before = Page.objects.count()
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    client.post(url, data)
    return Page.objects.count() == before + 1


def edit(client, page):
    before = page.get_latest_revision()
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form(page, "Redigert tittel")
    )
    latest = Page.objects.get(pk=page.pk).get_latest_revision()
    return latest != before and latest.content["title"] == "Redigert tittel"


def submit(client, page):
    data = page_form(page, "Til godkjenning")
    data["action-submit"] = "action-submit"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    return Page.objects.get(pk=page.pk).workflow_in_progress


def publish(client, page):
    data = page_form(page, "Publisert tittel")
    data["action-publish"] = "action-publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    return Page.objects.get(pk=page.pk).title == "Publisert tittel"


def delete(client, page):
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not Page.objects.filter(pk=page.pk).exists()


ACTIONS = {
    "view": view,
    "create": create,
    "edit": edit,
    "submit": submit,
    "publish": publish,
    "delete": delete,
}
