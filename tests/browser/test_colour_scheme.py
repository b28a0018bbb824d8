"""Dark mode: the page follows the system's colour scheme until the reader picks one.

The real site's palette (mkdocs.yml) has three entries: the system's setting, light and
dark. Material keeps the reader's choice in the browser's storage. axe runs over every
page in both schemes in test_accessibility.py.
"""

import pytest
from playwright.sync_api import Page, expect

WIDTHS = [390, 1280]


def scheme(page: Page):
    return page.locator("body")


@pytest.mark.parametrize("system", [("light", "default"), ("dark", "slate")])
def test_the_page_follows_the_systems_colour_scheme(page: Page, site_url: str, system):
    preference, material_scheme = system
    page.emulate_media(color_scheme=preference)
    page.goto(site_url + "standards/2018/1.2/")
    expect(scheme(page)).to_have_attribute("data-md-color-scheme", material_scheme)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_toggle_switches_scheme_by_keyboard_and_the_choice_is_kept(page: Page, site_url: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    toggle = page.get_by_role("radio", name="Switch to light mode")   # following the system now
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="Switch to dark mode")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="Switch to the system's setting")).to_be_focused()
    expect(scheme(page)).to_have_attribute("data-md-color-scheme", "slate")
    # kept on the next page, though the system still prefers light
    page.goto(site_url + "glossary/")
    expect(scheme(page)).to_have_attribute("data-md-color-scheme", "slate")
    # the toggle's visible button names the next step, on a phone as on a desktop
    button = page.locator('label[for="__palette_0"]')
    expect(button).to_be_visible()
    expect(button).to_have_attribute("title", "Switch to the system's setting")
    button.click()
    expect(scheme(page)).to_have_attribute("data-md-color-scheme", "default")
