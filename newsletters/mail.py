"""The e-mails: the confirmation of a subscription, and an issue to one subscriber.

Both have a plain-text and an HTML part, are written in the subscriber's language, and every
issue carries the subscriber's own unsubscribe link in its body and in the
``List-Unsubscribe``/``List-Unsubscribe-Post`` headers (RFC 2369, RFC 8058 one-click).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from newsletters import bounces
from newsletters.models import newsletter_name
from newsletters.subscriptions import confirmation_key


def site_url():
    """The site's address for links in mail sent without a request (no trailing slash)."""
    return (settings.NEWSLETTER_BASE_URL or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def unsubscribe_url(subscription, base_url):
    return base_url + reverse("newsletter_unsubscribe", args=[subscription.token])


def message(template, context, subject, to, headers=None, connection=None, sender=None):
    """``sender``: the envelope sender (where bounces go) when it differs from From."""
    text = render_to_string(f"newsletters/email/{template}.txt", context)
    html = render_to_string(f"newsletters/email/{template}.html", context)
    headers = dict(headers or {})
    if sender:
        # Django's SMTP backend uses from_email as the envelope sender; From stays the site's.
        headers["From"] = settings.DEFAULT_FROM_EMAIL
    mail = EmailMultiAlternatives(
        subject,
        text,
        sender or settings.DEFAULT_FROM_EMAIL,
        [to],
        headers=headers,
        connection=connection,
    )
    mail.attach_alternative(html, "text/html")
    return mail


def confirmation_message(subscription, base_url):
    with translation.override(subscription.language):
        context = {
            "name": newsletter_name(subscription.region),
            "confirm_url": base_url
            + reverse("newsletter_confirm", args=[confirmation_key(subscription)]),
            "days": settings.NEWSLETTER_CONFIRM_DAYS,
        }
        subject = _("Bekreft abonnementet på nyhetsbrevet")
        return message("confirmation", context, subject, subscription.email)


def issue_message(issue, subscription, base_url=None, connection=None, delivery=None):
    """The issue for one subscriber; with ``delivery`` (a real send, not a preview or test)
    it carries the delivery's signed token, so a bounce can be traced back to it."""
    base_url = base_url or site_url()
    with translation.override(subscription.language):
        leave = unsubscribe_url(subscription, base_url)
        context = {
            "issue": issue,
            "items": [block.value for block in issue.items],
            "name": newsletter_name(issue.region),
            "unsubscribe_url": leave,
        }
        headers = {
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        sender = None
        if delivery is not None:
            token = bounces.delivery_token(delivery.pk)
            headers[bounces.TOKEN_HEADER] = token
            sender = bounces.return_address(token)
        return message(
            "issue",
            context,
            issue.subject,
            subscription.email,
            headers,
            connection=connection,
            sender=sender,
        )
