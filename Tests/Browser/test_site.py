"""The built site in headless Chromium at 1280x800 and 390x844, offline."""
import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import screenshot

HOME = "/"
CODE_PAGE = "/writing/markdown"
RUNBOOK_PAGE = "/guides/authentik"
KEY_PAGES = {"home": HOME, "code": CODE_PAGE, "runbook": RUNBOOK_PAGE, "category": "/category/reference"}


def draw_diagrams(page):
    """Mermaid loads when a diagram nears the viewport: scroll to each, wait for its SVG."""
    for container in page.locator(".mermaid-container").all():
        container.scroll_into_view_if_needed()
        container.locator("svg").first.wait_for(timeout=20000)
    page.evaluate("window.scrollTo(0, 0)")


def open_page(watched, url):
    watched.page.goto(url, wait_until="load")
    watched.page.wait_for_load_state("networkidle")
    return watched.page


@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_key_page_is_clean_and_fits(site_url, watched, name):
    page = open_page(watched, site_url + KEY_PAGES[name])
    if name == "home":
        draw_diagrams(page)
    screenshot(watched, name)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"
    watched.clean()


def test_diagrams_render_to_svg(site_url, watched):
    page = open_page(watched, site_url + "/writing/diagrams")
    draw_diagrams(page)
    page.locator(".mermaid-container").first.scroll_into_view_if_needed()
    screenshot(watched, "diagram")
    diagrams = page.locator("pre.mermaid").count()
    assert diagrams > 0
    assert page.locator(".mermaid-container svg").count() >= diagrams
    watched.clean()


def test_code_has_token_spans(site_url, watched):
    page = open_page(watched, site_url + CODE_PAGE)
    assert page.locator("pre code [class^='tok-']").count() > 20
    watched.clean()


def test_search_finds_a_word_only_in_a_body(site_url, watched):
    page = open_page(watched, site_url + HOME)
    if watched.viewport == "narrow":
        assert page.locator("#docket-search").is_visible()
    # "bubblewrap" is in page bodies, in no title or heading.
    page.fill("#docket-search", "bubblewrap")
    page.wait_for_selector("#docket-search-results li a", timeout=10000)
    assert page.locator("#docket-search-results li").count() > 0
    watched.clean()


def test_category_pages_navigate(site_url, watched):
    page = open_page(watched, site_url + "/category/reference")
    active = page.locator("nav.sidebar .menu__link--active")
    assert active.count() == 1 and "Reference" in active.text_content()
    assert page.locator(".pagination-nav__link--prev").count() == 1
    page.locator(".pagination-nav__link--next").click()
    page.wait_for_load_state("load")
    assert "/reference/" in page.url
    page.locator(".pagination-nav__link--prev").click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").endswith("/category/reference")
    watched.clean()


def test_collapsed_categories_hold_their_links_without_js(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + HOME)
    for category in page.locator("nav.sidebar .menu__list-item--collapsed").all():
        assert category.locator(".menu__list a.menu__link").count() > 0, category.inner_html()[:200]
    context.close()


def test_lazy_categories_load_their_items(large_site, watched):
    """On a large site a collapsed category holds no links until it is opened; docket.js then
    builds them from sidebar.json, nested categories included, as the template would."""
    page = open_page(watched, large_site + "/docs/alpha/page-001")
    if watched.viewport == "narrow":
        page.locator("button.navbar__toggle").click()
    beta = page.locator('nav.sidebar li[data-key="beta"]')
    assert beta.get_attribute("data-lazy") == "true"
    assert beta.locator("a.menu__link").count() == 0
    assert beta.locator(":scope > .menu__list").count() == 0
    beta.locator(":scope > .menu__category > button").click()
    beta.locator(":scope > .menu__list > li").first.wait_for()
    assert beta.locator(":scope > .menu__list > li").count() == 351
    deep = beta.locator('li[data-key="beta/deep"]')
    assert "menu__list-item--collapsed" in deep.get_attribute("class")
    deep.locator(":scope > .menu__category > button").click()
    assert "menu__list-item--collapsed" not in deep.get_attribute("class")
    deep.locator(":scope > .menu__list > li").first.wait_for()
    assert deep.locator(":scope > .menu__list > li > a.menu__link").count() == 5
    # A top-level category's label is bolder than a nested one's (docket.css).
    weight = "e => getComputedStyle(e).fontWeight"
    assert beta.locator(":scope > .menu__category > .menu__link--category").evaluate(weight) == "600"
    assert deep.locator(":scope > .menu__category > .menu__link--category").evaluate(weight) == "500"
    watched.clean()


def test_parameter_form_fills_commands(site_url, watched):
    page = open_page(watched, site_url + RUNBOOK_PAGE)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.fill("input[name=AUTHENTIK_DOMAIN]", "sso.corp.test")
    block = page.locator(".code-block[data-step=caddy-site]")
    assert "sso.corp.test" in block.locator("pre").inner_text()
    assert "authentik.example.com" not in block.locator("pre").inner_text()
    page.fill("input[name=BOOTSTRAP_PASSWORD]", "hunter2'x")
    shown = page.locator(".code-block[data-step=bootstrap-account] pre")
    assert "hunter2" not in shown.inner_text() and "********" in shown.inner_text()
    assert "hunter2'x" in shown.get_attribute("data-copy")
    screenshot(watched, "runbook-form")
    page.locator("#step-bootstrap-account").scroll_into_view_if_needed()
    screenshot(watched, "runbook-filled-step")
    # Non-secret values are kept, secrets are not; "forget" drops them.
    stored = json.loads(page.evaluate("localStorage.getItem('docket-runbook-authentik')"))
    assert stored == {"AUTHENTIK_DOMAIN": "sso.corp.test"}
    page.reload()
    assert page.input_value("input[name=AUTHENTIK_DOMAIN]") == "sso.corp.test"
    assert page.input_value("input[name=BOOTSTRAP_PASSWORD]") == ""
    with page.expect_download() as download:
        page.click(".runbook-form__download")
    params = Path(download.value.path()).read_text()
    assert "AUTHENTIK_DOMAIN='sso.corp.test'" in params
    page.click(".runbook-form__forget")
    assert page.evaluate("localStorage.getItem('docket-runbook-authentik')") is None
    assert "authentik.example.com" in block.locator("pre").inner_text()
    watched.clean()


def test_step_labels_anchor_and_name_steps(site_url, watched):
    page = open_page(watched, site_url + RUNBOOK_PAGE + "#step-verify-login")
    label = page.locator("#step-verify-login")
    assert "verify-login" in label.inner_text() and "Manual step" in label.inner_text()
    assert "upsert" in page.locator("#step-bootstrap-account").inner_text()
    assert page.locator(".runbook-params .runbook-param").count() == 4
    watched.clean()


# Values a reader may type, against the runbook script's own run (word, inside single quotes,
# inside double quotes, env file): the filled commands run by bash print what the script prints.
QUOTING_VALUES = [
    "plain.example",
    "two words",
    "it's",
    'say "$HOME" `id` \\n',
    "$(touch /tmp/docket-pwned)",
    "semi;colon & pipe|",
    "ünïcode ✓",
]


@pytest.mark.parametrize("value", QUOTING_VALUES, ids=[f"v{i}" for i in range(len(QUOTING_VALUES))])
@pytest.mark.parametrize("viewport", ["wide"])
def test_form_quotes_like_the_runbook_script(quoting_site, watched, value):
    url, folder = quoting_site
    page = open_page(watched, url + "/")
    for name in ("WORD", "INSIDE_SINGLE", "INSIDE_DOUBLE", "ENV_VALUE"):
        page.fill(f"input[name={name}]", value)
    # An empty value is no value: the page shows the example, and so does this test.
    shown = {step: page.locator(f".code-block[data-step={step}] pre").evaluate(
        "pre => pre.dataset.copy !== undefined ? pre.dataset.copy : pre.innerText.replace(/\\n$/, '')")
        for step in ("word", "single", "double", "settings")}
    with tempfile.TemporaryDirectory() as work:
        given = value if value else None
        args = ["bash", str(folder / "runbooks" / "quoting.sh"), "--yes", "--state", f"{work}/journal"]
        for name, example in (("WORD", "word-example"), ("INSIDE_SINGLE", "single-example"),
                              ("INSIDE_DOUBLE", "double-example"), ("ENV_VALUE", "env-example")):
            args += ["--param", f"{name}={given if given is not None else example}"]
        script = subprocess.run(args, cwd=work, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "CI": "1", "HOME": work})
        assert script.returncode == 0, script.stderr
        printed = [line for line in script.stdout.splitlines() if not line.startswith("==>") and "all steps done" not in line]
        commands = "\n".join(shown[s] for s in ("word", "single", "double"))
        by_hand = subprocess.run(["bash", "-c", commands], cwd=work, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": work})
        assert by_hand.returncode == 0, by_hand.stderr
        assert by_hand.stdout.splitlines() == printed
        assert (Path(work) / "out.env").read_text().rstrip("\n") == shown["settings"]
    assert not Path("/tmp/docket-pwned").exists()
    watched.clean()


def test_mobile_menu_is_a_button_that_keeps_focus(site_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + CODE_PAGE)
    toggle = page.locator("button.navbar__toggle")
    assert toggle.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    for _ in range(60):
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('docket-sidebar').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    context.close()


def test_scrolling_code_is_focusable_and_wraps(site_url, watched):
    page = open_page(watched, site_url + RUNBOOK_PAGE)
    scrolling = page.evaluate("""Array.from(document.querySelectorAll('.markdown pre'))
        .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.getAttribute('tabindex'))""")
    assert scrolling and all(t == "0" for t in scrolling)
    page.locator(".code-wrap").first.click()
    assert page.evaluate("document.documentElement.classList.contains('code-wrapped')")
    still = page.evaluate("Array.from(document.querySelectorAll('.code-block pre')).filter(p => p.scrollWidth > p.clientWidth + 1).length")
    assert still == 0
    page.locator(".code-wrap").first.click()
    watched.clean()


@pytest.mark.parametrize("name", ["home", "code", "runbook"])
def test_axe_finds_no_serious_violation(site_url, watched, name):
    page = open_page(watched, site_url + KEY_PAGES[name])
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    report = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in bad]
    Path(__file__).resolve().parents[2].joinpath(".build", "screenshots").mkdir(parents=True, exist_ok=True)
    Path(__file__).resolve().parents[2].joinpath(".build", "screenshots", f"axe-{name}-{watched.viewport}.json").write_text(
        json.dumps([(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]], indent=1))
    assert bad == [], report


# A secret is shown as ******** but quoted as its real value is: the shown command and the copied
# one differ only in the secret's characters (the quotes a reader sees are the ones they paste).
MASKED_CASES = [
    ({"p": "S", "q": "word"}, "plain.value", "plain.value", "********"),
    ({"p": "S", "q": "word"}, "two words", "'two words'", "'********'"),
    ({"p": "S", "q": "single"}, "it's", "it'\\''s", "********"),
    ({"p": "S", "q": "double"}, 'a"b', 'a\\"b', "********"),
]


@pytest.mark.parametrize("viewport", ["wide"])
def test_masked_secrets_keep_the_real_quoting(site_url, watched):
    page = open_page(watched, site_url + RUNBOOK_PAGE)
    for part, value, copied, shown in MASKED_CASES:
        result = page.evaluate(
            "([part, value]) => { const f = window.docketRunbook.fill;"
            " return [f(['x ', part], {S: value}, {}).text, f(['x ', part], {S: value}, {}, {S: true}).text]; }",
            [part, value])
        assert result == ["x " + copied, "x " + shown], (part, value, result)
    env = page.evaluate(
        "([plain, spaced]) => { const f = window.docketRunbook.fill, part = {p: 'S', q: 'env'};"
        " return [plain, spaced].map(v => [f(['KEY=', part, '\\n'], {S: v}, {}).text,"
        " f(['KEY=', part, '\\n'], {S: v}, {}, {S: true}).text]); }",
        ["plain", "two words"])
    assert env == [["KEY=plain\n", "KEY=********\n"], ["KEY='two words'\n", "KEY='********'\n"]], env
    watched.clean()
