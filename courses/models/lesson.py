"""LessonPage: one lesson of a course built in the portal, a child page of its CoursePage.

Lessons are child pages rather than a block sequence on the course: each lesson has its own
address (bookmarks, links from other pages, "resume where I was"), its own revisions,
moderation and translation, and editors edit one lesson at a time in the page tree they
know. Previous/next follow the order of the lessons in the tree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from blocks.library import body_blocks
from courses.blocks import PracticeQuestionBlock


def lesson_blocks():
    return [*body_blocks(), ("practice_question", PracticeQuestionBlock())]


class LessonPage(Page):
    intro = models.TextField(
        _("ingress"),
        blank=True,
        max_length=400,
        help_text=_("Hva deltakeren lærer i denne leksjonen. Én eller to setninger."),
    )
    body = StreamField(
        lesson_blocks(),
        blank=True,
        verbose_name=_("innhold"),
        help_text=_("Leksjonens tekst, bilder, film og øvingsspørsmål."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["resources.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leksjon")
        verbose_name_plural = _("leksjoner")

    def get_context(self, request, *args, **kwargs):
        from courses.lessons import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self))
        return context
