"""The header's search box on an ordinary page: the same WAI-ARIA combobox as /sok/ (arrow keys,
Enter, Escape), reached and used with the keyboard alone at phone and desktop width, with no
WCAG 2.1 AA violation while its suggestions are open, and a plain search form without
JavaScript."""

import io

import pytest

from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOX = "#header-search-q"


def active_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def tab_to(page, element_id, limit=15):
    """Press Tab until ``element_id`` has focus: the way a keyboard user gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active_id(page) == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with {limit} presses of Tab")


def open_suggestions(page, text):
    box = page.locator(BOX)
    page.keyboard.type(text, delay=50)
    options = page.locator(f"#{box.get_attribute('aria-controls')} [role=option]")
    options.first.wait_for(state="visible", timeout=5000)
    return box, options


@pytest.mark.parametrize("width", [390, 1280])
def test_header_autocomplete_with_the_keyboard_and_axe(open_page, home_page, width):
    from django.core.management import call_command

    from builder.demo.content import load_demo_data

    load_demo_data(run_update_index=False)
    call_command("update_index", stdout=io.StringIO())
    page = open_page("/personvern/", width=width)
    box = page.locator(BOX)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    tab_to(page, "header-search-q")
    box, options = open_suggestions(page, "dem")
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    assert listbox.get_attribute("role") == "listbox" and listbox.is_visible()
    assert box.get_attribute("aria-expanded") == "true"
    assert options.count() >= 2
    status = page.locator(".header-search [role=status]")
    assert status.inner_text() == f"{options.count()} forslag tilgjengelig."
    # The list lies inside the viewport, below the box, at this width.
    box_area, list_area = box.bounding_box(), listbox.bounding_box()
    assert list_area["y"] >= box_area["y"] + box_area["height"] - 1
    assert list_area["x"] >= 0 and list_area["x"] + list_area["width"] <= width

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = options.nth(1)
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    assert second.get_attribute("aria-selected") == "true"
    assert options.first.get_attribute("aria-selected") == "false"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert active_id(page) == "header-search-q"  # focus stays in the box

    # axe with the suggestions open and one highlighted.
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)

    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and not listbox.is_visible()
    assert box.input_value() == "dem"
    assert box.get_attribute("aria-activedescendant") is None
    page.keyboard.press("Escape")  # a second Escape clears the box
    assert box.input_value() == ""

    box, options = open_suggestions(page, "dem")
    page.keyboard.press("ArrowDown")
    title = options.first.inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/" not in page.url
    assert page.locator("h1").inner_text() == title

    # Enter without a highlighted suggestion searches, as the plain form does.
    tab_to(page, "header-search-q")
    page.keyboard.type("personvern", delay=20)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/?q=personvern" in page.url
    assert page.locator("#pages-title").is_visible()
    assert page.locator(".search-pages a", has_text="Personvernerklæring").is_visible()


def test_header_search_works_without_javascript(open_page, home_page):
    page = open_page("/", width=390, javascript=False)
    box = page.locator(BOX)
    assert box.get_attribute("role") is None  # not enhanced: a plain search field
    box.focus()
    page.keyboard.type("demens")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/sok/?q=demens" in page.url
    assert page.locator("#results-title").is_visible()
