"""Favourites in headless Chromium: added from the keyboard on a resource page, kept over a
reload, listed newest first and removed on "Mine favoritter" (ids of pages that are gone are
dropped), nothing shown without JavaScript; axe on both pages at 390 and 1280 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import WIDTHS, axe_violations
from tests.factories import ArticlePageFactory, CoursePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "kompetansebroen.favoritter"


@pytest.fixture
def pages(index_for):
    article = ArticlePageFactory(
        parent=index_for("article"),
        title="Svelgevansker",
        summary="Når pasienten ikke klarer å svelge tablettene.",
    )
    course = CoursePageFactory(parent=index_for("course"), title="Legemiddelhåndtering")
    draft = ArticlePageFactory(parent=index_for("article"), live=False)
    return {"article": article, "course": course, "draft": draft}


def stored(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}') || '[]')")


def tab_to(page, locator, limit=30):
    """Tab forward until ``locator`` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError(f"{locator} not reached with {limit} presses of Tab")


def test_add_a_favourite_with_the_keyboard_then_list_and_remove_it(open_page, live_server, pages):
    page = open_page(pages["article"].url, width=390)
    button = page.locator(".favourite__button")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "false")

    # Skip link, Enter, then Tab through the main content to the button.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    tab_to(page, button)
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("Fjern fra favoritter")
    expect(page.locator(".favourite [role=status]")).to_have_text(
        "Siden er lagt til i favorittene dine."
    )

    page.reload()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("Fjern fra favoritter")

    # A second favourite (newest first) and the id of a page that is not published.
    page.goto(live_server.url + pages["course"].url)
    page.get_by_role("button", name="Legg til favoritt").click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.evaluate(
        f"localStorage.setItem('{KEY}', JSON.stringify([...JSON.parse("
        f"localStorage.getItem('{KEY}')), {pages['draft'].pk}]))"
    )
    assert stored(page) == [pages["course"].pk, pages["article"].pk, pages["draft"].pk]

    page.goto(live_server.url + "/mine-favoritter/")
    items = page.locator("[data-favourites-items] > li")
    expect(items).to_have_count(2)
    assert items.locator("h2").all_inner_texts() == ["Legemiddelhåndtering", "Svelgevansker"]
    assert items.locator("h2 a").first.get_attribute("href") == pages["course"].url
    assert items.nth(1).locator(".card__type").text_content() == "Fagartikkel"
    assert stored(page) == [pages["course"].pk, pages["article"].pk]  # the draft dropped

    # "Fjern" from the keyboard: focus moves to the next card's button, then the empty text.
    remove_course = page.get_by_role("button", name="Fjern «Legemiddelhåndtering» fra favoritter")
    remove_course.focus()
    page.keyboard.press("Enter")
    expect(items).to_have_count(1)
    expect(page.locator("[data-favourites-status]")).to_have_text(
        "«Legemiddelhåndtering» er fjernet fra favorittene dine."
    )
    remove_article = page.get_by_role("button", name="Fjern «Svelgevansker» fra favoritter")
    assert remove_article.evaluate("node => node === document.activeElement")
    page.keyboard.press("Enter")
    empty = page.locator("[data-favourites-empty]")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("Du har ingen favoritter ennå.")
    assert empty.evaluate("node => node === document.activeElement")
    assert not page.locator("[data-favourites-items]").is_visible()
    assert stored(page) == []

    page.goto(live_server.url + pages["article"].url)
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(button).to_have_text("Legg til favoritt")


def test_without_javascript_there_is_no_button_and_the_list_page_says_why(open_page, pages):
    page = open_page(pages["article"].url, javascript=False)
    assert page.locator(".favourite").count() == 1
    assert not page.locator(".favourite").is_visible()
    page = open_page("/mine-favoritter/", javascript=False)
    assert "Favoritter trenger JavaScript" in page.locator("main").inner_text()
    assert not page.locator("[data-favourites-empty]").is_visible()


def test_favourite_button_and_my_favourites_have_no_wcag_21_aa_violations(
    browser, live_server, pages
):
    failures = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
        page = context.new_page()
        page.goto(live_server.url + pages["article"].url)
        button = page.locator(".favourite__button")
        expect(button).to_be_visible()
        failures += [f"{width}px resource page: {v}" for v in axe_violations(page)]
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        failures += [f"{width}px resource page, pressed: {v}" for v in axe_violations(page)]

        page.goto(live_server.url + "/mine-favoritter/")
        expect(page.locator("[data-favourites-items] > li")).to_have_count(1)
        failures += [f"{width}px my favourites: {v}" for v in axe_violations(page)]
        page.get_by_role("button", name="Fjern «Svelgevansker» fra favoritter").click()
        expect(page.locator("[data-favourites-empty]")).to_be_visible()
        failures += [f"{width}px my favourites, empty: {v}" for v in axe_violations(page)]
        context.close()
    assert failures == [], "\n".join(failures)
