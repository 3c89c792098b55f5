from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.admin_views import ExamStatisticsView
from courses.scorm import admin as scorm_admin  # noqa: F401  (registers Kurs > SCORM-pakker)


@hooks.register("register_admin_urls")
def register_exam_statistics_url():
    return [
        path(
            "kurs/eksamensstatistikk/",
            ExamStatisticsView.as_view(),
            name="course_exam_statistics",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_exam_statistics_menu_item():
    return MenuItem(
        _("Eksamensstatistikk"),
        reverse("course_exam_statistics"),
        icon_name="help",
        order=900,
    )
