"""<Tabs> in the browser: switching, groupId sync and memory, queryString, and axe."""
import json
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe


def open_tabs(watched, url):
    watched.page.goto(url, wait_until="load")
    watched.page.wait_for_load_state("networkidle")
    return watched.page


def selected(page, index):
    container = page.locator("[data-tabs]").nth(index)
    return container.locator('[role="tab"][aria-selected="true"]').get_attribute("data-value")


def visible_panel(page, index):
    container = page.locator("[data-tabs]").nth(index)
    return container.locator('[role="tabpanel"]:not([hidden])').get_attribute("data-value")


def test_clicking_a_tab_switches_the_whole_group_and_is_remembered(quoting_site, watched):
    url, _ = quoting_site
    page = open_tabs(watched, url + "/tabs")
    assert selected(page, 0) == "linux" and visible_panel(page, 0) == "linux"
    page.locator("[data-tabs]").nth(0).get_by_role("tab", name="macOS").click()
    # Both sets of the "os" group follow; the panels follow their tabs.
    assert selected(page, 0) == "mac" and visible_panel(page, 0) == "mac"
    assert selected(page, 1) == "mac" and visible_panel(page, 1) == "mac"
    assert page.evaluate("localStorage.getItem('docusaurus.tab.os')") == "mac"
    # A new visit starts on the remembered tab.
    page = open_tabs(watched, url + "/tabs")
    assert selected(page, 1) == "mac"
    watched.clean()


def test_arrow_keys_move_between_tabs(quoting_site, watched):
    url, _ = quoting_site
    page = open_tabs(watched, url + "/tabs")
    page.locator("[data-tabs]").nth(1).get_by_role("tab", name="Linux").focus()
    page.keyboard.press("ArrowRight")
    assert selected(page, 1) == "mac"
    assert page.evaluate("document.activeElement.getAttribute('data-value')") == "mac"
    watched.clean()


def test_query_string_selects_and_records_the_tab(quoting_site, watched):
    url, _ = quoting_site
    page = open_tabs(watched, url + "/tabs?pm=npm")
    assert selected(page, 2) == "npm"
    page.locator("[data-tabs]").nth(2).get_by_role("tab", name="yarn").click()
    assert "pm=yarn" in page.url
    watched.clean()


def test_without_javascript_the_default_panel_shows(browser, quoting_site):
    url, _ = quoting_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "/tabs", wait_until="load")
    assert visible_panel(page, 2) == "yarn"
    assert page.locator('[role="tabpanel"]').count() == 6
    context.close()


def test_tabs_page_passes_axe(quoting_site, watched):
    url, _ = quoting_site
    page = open_tabs(watched, url + "/tabs")
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    report = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in bad]
    Path(__file__).resolve().parents[2].joinpath(".build", "screenshots").mkdir(parents=True, exist_ok=True)
    Path(__file__).resolve().parents[2].joinpath(".build", "screenshots", f"axe-tabs-{watched.viewport}.json").write_text(
        json.dumps([(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]], indent=1))
    assert bad == [], report
