"""Is a request from a program rather than a person? Read from its User-Agent header, which
is looked at and never stored.

Most crawlers run no scripts, so they never send the page's beacon; this catches those that
do (headless browsers, link previews, monitors) and those that fetch documents. A person's
browser names itself "Mozilla/5.0 (…)"; anything else, or nothing, is not counted.
"""

import re

BOT_WORDS = re.compile(
    # "Googlebot/2.1", "Slackbot-LinkExpanding"; a URL to the bot's description ("+https://…")
    # is in nearly every crawler's name and in no browser's.
    r"bot[/;-]|https?://|crawl|spider|slurp|scrape|archiver|fetcher|inspectiontool|"
    r"headless|phantomjs|selenium|"
    r"playwright|puppeteer|lighthouse|pagespeed|pingdom|uptime|monitor|preview|"
    r"facebookexternalhit|embedly|whatsapp|curl|wget|python|java/|go-http|okhttp|axios|"
    r"node-fetch|undici|libwww|httpclient|http_request|postman|insomnia",
    re.IGNORECASE,
)


def is_bot(user_agent):
    """True unless ``user_agent`` looks like a person's browser."""
    user_agent = (user_agent or "").strip()
    if not user_agent.startswith("Mozilla/") or len(user_agent) > 1000:
        return True
    return BOT_WORDS.search(user_agent) is not None


def request_is_bot(request):
    return is_bot(request.META.get("HTTP_USER_AGENT", ""))
