"""Security headers Django does not send itself: the Content-Security-Policy (django-csp,
with the admin's own policy) and Permissions-Policy. The policies are in settings/security.py.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware

from kompetansebroen.settings.security import permissions_policy_header


def uses_admin_policy(path):
    """The admin's pages for signed-in users; its login page runs under the site's policy."""
    return path.startswith(settings.ADMIN_URL_PREFIX) and not path.startswith(
        settings.ADMIN_URL_PREFIX + "login/"
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; in the admin (but for its login page) the admin's policy
    replaces the site's.

    A view's own ``@csp_update``/``@csp_replace`` still applies on top, and a response that
    already has the header (SCORM files, Wagtail's documents) keeps its own.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and uses_admin_policy(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response Django makes (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
