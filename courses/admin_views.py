"""The editors' exam statistics: for each course an editor may edit, how many answered each
question and the share who got it right. Counts only, no personal data."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from courses.models import QuestionStat
from courses.stats import question_rows


def courses_with_answers(user):
    """Pages with recorded exam answers that ``user`` may edit, by title."""
    pages = Page.objects.filter(pk__in=QuestionStat.objects.values("course_id")).order_by("title")
    return [page for page in pages if page.permissions_for_user(user).can_edit()]


class ExamStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/admin/exam_statistics.html"
    page_title = _("Eksamensstatistikk")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = courses_with_answers(self.request.user)
        selected = None
        if "kurs" in self.request.GET:
            wanted = self.request.GET["kurs"]
            selected = next((page for page in courses if str(page.pk) == wanted), None)
            if selected is None:
                raise Http404("no such course among yours")
        elif courses:
            selected = courses[0]
        context["courses"] = courses
        context["selected"] = selected
        if selected is not None:
            context["rows"] = question_rows(selected.specific)
        return context
