"""Visiting pages as a browser does: the page, then the beacon its script sends."""

import re

from bs4 import BeautifulSoup

# Chrome on Android, as a visitor's phone sends it.
BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
GOOGLEBOT = (
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def beacon_script(html):
    """The statistics script's tag on a page, or None."""
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("script", src=re.compile(r"usage/beacon\.js$"))


def send(client, url, page_id, event="view", user_agent=BROWSER, **headers):
    """POST the beacon as beacon.js does: form data, no cookie, from the same origin."""
    client.cookies.clear()
    return client.post(
        url,
        {"page": str(page_id), "event": event},
        HTTP_USER_AGENT=user_agent,
        HTTP_SEC_FETCH_SITE="same-origin",
        **headers,
    )


def visit(client, page, event="view", user_agent=BROWSER):
    """Open ``page`` and send what its script sends; the beacon's response."""
    response = client.get(page.url, HTTP_USER_AGENT=user_agent)
    assert response.status_code == 200
    script = beacon_script(response.content)
    assert script is not None, f"no statistics script on {page.url}"
    assert script["data-page"] == str(page.pk)
    return send(client, script["data-url"], script["data-page"], event, user_agent)
