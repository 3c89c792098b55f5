"""A test e-mail backend that fails for chosen addresses as an SMTP server would."""

import smtplib

from django.core.mail.backends import locmem


class RefusingBackend(locmem.EmailBackend):
    refused = set()

    def send_messages(self, messages):
        for message in messages:
            refused = set(message.recipients()) & self.refused
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (550, b"5.1.1 mailbox unavailable"))
                )
        return super().send_messages(messages)
