from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def answers_for(chosen, question):
    """The option ids the visitor chose for ``question`` in a re-shown form."""
    return chosen.get(question.field_name, [])


@register.filter
def right_count_text(question):
    count = question.right_count
    return ngettext("%(count)s riktig svar", "%(count)s riktige svar", count) % {"count": count}
