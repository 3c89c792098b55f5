"""CORS for the public APIs (settings.CORS_URLS_REGEX): django-cors-headers, answering every
request there with ``Access-Control-Allow-Origin: *``, also those that name no Origin.

django-cors-headers adds the header only when the request has an Origin. The front door
caches an API answer for everyone (pagecache/headers.py) and ignores Vary: an answer first
made for a request without Origin (a server, curl) would be served to another portal's
browser without the header, and the browser would refuse to hand it over.
"""

from corsheaders.middleware import ACCESS_CONTROL_ALLOW_ORIGIN, CorsMiddleware


class PublicCorsMiddleware(CorsMiddleware):
    def add_response_headers(self, request, response):
        response = super().add_response_headers(request, response)
        if getattr(request, "_cors_enabled", False) and not response.has_header(
            ACCESS_CONTROL_ALLOW_ORIGIN
        ):
            response[ACCESS_CONTROL_ALLOW_ORIGIN] = "*"
        return response
