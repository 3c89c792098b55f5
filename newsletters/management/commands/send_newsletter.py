"""manage.py send_newsletter <issue id> [--batch-size 200]: send an issue to the confirmed
subscribers who have not had it; run again to retry failures (nobody gets it twice).

manage.py send_newsletter --queued: send the issues editors queued in the admin ("Send til
abonnentene"); scripts/scheduler.sh runs it every minute, cron in production."""

from django.core.management.base import BaseCommand, CommandError

from newsletters.models import Issue
from newsletters.sending import send_issue, send_queued


class Command(BaseCommand):
    help = "Send a newsletter issue to its confirmed subscribers (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("issue_id", type=int, nargs="?")
        parser.add_argument("--queued", action="store_true", help="Send every queued issue.")
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, issue_id, queued, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if queued == (issue_id is not None):
            raise CommandError("Give either an issue id or --queued.")
        if queued:
            for issue, result in send_queued(batch_size):
                done = "finished" if result.complete else "not finished; retried next run"
                self.stdout.write(
                    f"Issue {issue.pk} «{issue}»: sent {result.sent}, failed {result.failed}, "
                    f"{done}."
                )
            return
        issue = Issue.objects.select_related("region").filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"No newsletter issue with id {issue_id}.")

        def report(progress):
            self.stdout.write(f"  sent {progress.sent}, failed {progress.failed}")

        result = send_issue(issue, batch_size=batch_size, on_batch=report)
        if result.already:
            self.stdout.write(f"Issue {issue_id} «{issue}» was sent already; nothing to do.")
            return
        self.stdout.write(
            f"Issue {issue_id} «{issue}»: sent {result.sent}, failed {result.failed}."
        )
        if result.complete:
            self.stdout.write(self.style.SUCCESS("Every confirmed subscriber has it: marked sent."))
        else:
            raise CommandError(
                f"{result.failed} failed (errors are kept on the deliveries); run again to retry."
            )
