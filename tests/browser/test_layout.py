"""The public layout in a real browser: phones at 320 px, keyboard users, no JavaScript."""

import datetime

import pytest

from tests.factories import CoursePageFactory, NewsPageFactory

# live_server needs committed data; serialized_rollback restores what migrations created.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def content(regions, topics, index_for):
    NewsPageFactory(
        parent=index_for("news"), title="Nasjonal nyhet", date=datetime.date(2026, 5, 1)
    )
    NewsPageFactory(
        parent=index_for("news", regions["innlandet"]),
        title="Nyhet fra Innlandet",
        date=datetime.date(2024, 5, 1),
    )
    return CoursePageFactory(
        parent=index_for("course"),
        title="Legemiddelhåndtering for helsefagarbeidere med et langt ord: "
        "pårørendeinvolveringsprosedyre",
        topics=[topics["legemidler"]],
    )


@pytest.mark.parametrize("path", ["/", "/e-kurs/", "/innlandet/", "course"])
def test_pages_fit_a_320px_phone_without_horizontal_scrolling(open_page, content, path):
    page = open_page(content.url if path == "course" else path, width=320)
    assert page.locator("h1").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(open_page, content):
    page = open_page("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hopp til hovedinnhold"
    assert page.evaluate("document.activeElement.getBoundingClientRect().height") > 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#hovedinnhold"


def test_focus_is_visible_on_links(open_page, content):
    page = open_page("/")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    assert outline[0] != "none" or outline[2] != "none", outline


def test_area_selector_works_without_javascript(open_page, content):
    page = open_page("/", javascript=False)
    page.select_option('select[name="area"]', "innlandet")
    with page.expect_navigation():
        page.get_by_role("button", name="Velg område").click()
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("omrade") == "innlandet"
    text = page.locator("main").inner_text()
    assert text.index("Nyhet fra Innlandet") < text.index("Nasjonal nyhet")
    assert page.locator('select[name="area"] option:checked').get_attribute("value") == (
        "innlandet"
    )


def test_area_selector_is_keyboard_operable(open_page, content):
    page = open_page("/")
    select = page.locator('select[name="area"]')
    select.focus()
    select.select_option("vestfold")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Velg område"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert {c["name"]: c["value"] for c in page.context.cookies()}.get("omrade") == "vestfold"
