"""A purge backend for the front door's nginx (deploy/nginx: ngx_cache_purge on a loopback
port), used through Wagtail's frontend-cache mechanism like its own HTTPBackend, with what a
publish needs from it: one kept-alive connection for the batch (a publish sends a hundred or
so purges), a short timeout so an unreachable front door cannot stall the editor, and "was not
cached" (404) taken as done rather than logged as an error.

    WAGTAILFRONTENDCACHE = {"frontdoor": {"BACKEND": "pagecache.backends.NginxPurgeBackend",
                                          "LOCATION": "http://127.0.0.1:8081"}}
"""

import http.client
import logging
from urllib.parse import urlsplit

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger("pagecache.purge")


class NginxPurgeBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        if location.scheme != "http" or not location.hostname:
            raise ValueError(f"LOCATION must be an http:// address, got {params['LOCATION']!r}")
        self.host = location.hostname
        self.port = location.port or 80
        self.timeout = float(params.get("TIMEOUT", 2))

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        urls = list(urls)
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        purged = 0
        try:
            for url in urls:
                parts = urlsplit(url)
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                connection.request("PURGE", target, headers={"Host": parts.netloc})
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    purged += 1
                elif response.status != 404:  # 404: nothing cached under that key
                    logger.error("Purging %s: the front door answered %s", url, response.status)
        except (OSError, http.client.HTTPException) as error:
            logger.error(
                "Purging %d addresses: the front door at %s:%s cannot be reached (%s); "
                "pages stay cached until they expire",
                len(urls),
                self.host,
                self.port,
                error,
            )
        finally:
            connection.close()
        logger.info("Purged %d of %d addresses from the front door's cache", purged, len(urls))
