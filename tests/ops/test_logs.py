"""Logs as production writes them (JSON lines): one line per request with the id the response
carries, no query string or secret from the address, and every 500 with its traceback."""

import io
import json
import logging

from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.utils.module_loading import import_string

import pytest

from kompetansebroen.settings.logs import logging_config

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log(caplog):
    """The handler the settings' LOGGING gives the root logger (stdout), writing production's
    JSON lines into a buffer for the test to read back."""
    config = logging_config("json")
    assert config["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    [handler] = [h for h in logging.getLogger().handlers if h.name == "stdout"]
    stream = io.StringIO()
    stdout = handler.setStream(stream)
    text = handler.formatter
    handler.setFormatter(import_string(config["formatters"]["json"]["()"])())
    caplog.set_level(logging.INFO, logger="ops.requests")
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(stdout)
    handler.setFormatter(text)


def request_lines(lines):
    return [line for line in lines if line["logger"] == "ops.requests"]


def test_each_request_is_one_line_with_the_id_the_response_carries(client, home_page, json_log):
    response = client.get("/", {"q": "ola.nordmann@example.no 01017012345"})
    [line] = request_lines(json_log())
    assert line["request_id"] == response["X-Request-ID"] and len(line["request_id"]) == 32
    assert (line["method"], line["path"], line["status"]) == ("GET", "/", 200)
    assert line["level"] == "INFO" and line["duration_ms"] > 0
    token = "Xk3_9aZqLm2Vb7Nc4Dd8Ee1Ff5Gg6Hh"
    client.get(f"/pamelding/avmeld/{token}/")
    assert request_lines(json_log())[-1]["path"] == "/pamelding/avmeld/[secret]/"
    written = json.dumps(json_log())
    assert "ola.nordmann" not in written and "01017012345" not in written and token not in written


def test_the_proxys_request_id_is_kept_when_it_is_safe(client, json_log):
    kept = client.get("/robots.txt", HTTP_X_REQUEST_ID="0f6c2b1e-7d4a-4c1b-9a0e-1f2d3c4b5a69")
    assert kept["X-Request-ID"] == "0f6c2b1e-7d4a-4c1b-9a0e-1f2d3c4b5a69"
    forged = client.get("/robots.txt", HTTP_X_REQUEST_ID='x" level=ERROR injected')
    assert forged["X-Request-ID"] != 'x" level=ERROR injected' and len(forged["X-Request-ID"]) == 32
    assert [line["request_id"] for line in request_lines(json_log())] == [
        kept["X-Request-ID"],
        forged["X-Request-ID"],
    ]


@override_settings(ROOT_URLCONF="tests.ops.failing_urls", DEBUG=False)
def test_a_server_error_is_logged_with_its_traceback_and_request_id(json_log):
    response = Client(raise_request_exception=False).get("/feil/")
    assert response.status_code == 500
    [error] = [line for line in json_log() if line["logger"] == "django.request"]
    assert error["level"] == "ERROR" and error["request_id"] == response["X-Request-ID"]
    assert error["message"] == "Internal Server Error: /feil/"
    assert "Traceback" in error["exception"]
    assert "RuntimeError: the view failed on purpose" in error["exception"]
    assert request_lines(json_log())[-1]["status"] == 500


@pytest.mark.parametrize(("log_format", "level"), [("xml", "INFO"), ("json", "chatty")])
def test_an_unknown_log_format_or_level_stops_start_up_with_one_line(log_format, level):
    with pytest.raises(ImproperlyConfigured, match=r"^LOG_(FORMAT|LEVEL) must be one of"):
        logging_config(log_format, level)
