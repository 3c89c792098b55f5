"""Question blocks: the exam's question bank on a course and practice questions in lessons.

A question is single choice when one option is right and multiple choice when several are;
the visitor is told how many ("2 riktige svar"), as on the real portal's exams. Every option
and question keeps the stable id Wagtail gives stream and list children, which is what a
submitted answer and the per-question statistics refer to.
"""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Svaralternativ"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Riktig svar"), required=False)
    explanation = blocks.TextBlock(
        label=_("Forklaring"),
        required=False,
        help_text=_("Vises når deltakeren ser svarene: hvorfor alternativet er riktig eller galt."),
    )

    class Meta:
        icon = "tick"
        label = _("Svaralternativ")


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Spørsmål"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("Svaralternativer"))

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(_("Minst ett svaralternativ må være riktig."))
                }
            )
        return value

    class Meta:
        icon = "help"
        label = _("Spørsmål")
        form_classname = "question-block"


class PracticeQuestionBlock(QuestionBlock):
    """A question inside a lesson: answered in the browser with immediate feedback (and,
    without JavaScript, a "Vis svaret" disclosure). Nothing is sent to the server."""

    def get_context(self, value, parent_context=None):
        from courses.scoring import question_from_value

        context = super().get_context(value, parent_context)
        context["uid"] = uuid.uuid4().hex[:10]
        context["question"] = question_from_value(context["uid"], value)
        context["options"] = context["question"].options
        return context

    class Meta:
        icon = "help"
        label = _("Øvingsspørsmål")
        template = "courses/blocks/practice_question.html"
        description = _("Et spørsmål deltakeren får svar på med en gang")


def exam_blocks():
    return [("question", QuestionBlock())]
