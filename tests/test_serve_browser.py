"""The clerk's desk in a real browser: Selenium drives headless Chromium against the page served by
uvicorn on 127.0.0.1, uploads each example as .xlsx and as .docx through the file input, reads the
page and clicks the downloads; the page and the downloaded annotated copies must carry exactly the
findings written by hand for each example (tests/findings_of.py; each on its row: tests/marks.py).

Chromium and its driver come from the distribution (``apt-get install chromium chromium-driver
fonts-noto-cjk``); no browser is ever downloaded. Without them these tests are skipped, saying
why; ``.ci/run`` installs both and sets ``INDICATOR_LINT_REQUIRE_BROWSER=1``, which turns that
skip into a failure.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest
from english import english_words
from findings_of import expected_of, totals_of
from marks import (
    docx_marked_rows,
    findings_sheet_codes,
    hand_written_codes,
    unmatched_marks,
    xlsx_marked_rows,
)
from office_templates import NAMES, docx_of, xlsx_of
from serving import served

from linter.serve.work import Settings

KINDS = ("xlsx", "docx")


pytestmark = pytest.mark.browser  # conftest.py: skipped without Chromium and its driver, a failure in CI


@pytest.fixture(scope="module")
def browser(programs, tmp_path_factory):
    chromium, driver_path = programs.browser().chromium, programs.browser().chromedriver
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not try to fetch anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2000",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "profile.default_content_setting_values.automatic_downloads": 1,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.set_page_load_timeout(120)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    private = tmp_path_factory.mktemp("private")
    with served(Settings(tmp_root=str(private))) as url:
        yield url, private


@pytest.fixture(scope="module")
def offices(tmp_path_factory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("offices")
    make = {"xlsx": xlsx_of, "docx": docx_of}
    return {kind: [make[kind](key, folder / f"{key}.{kind}") for key in NAMES] for kind in KINDS}


def _wait_for(path: Path, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while not (path.exists() and not Path(f"{path}.crdownload").exists() and path.stat().st_size > 0):
        assert time.monotonic() < deadline, f"{path.name} was not downloaded"
        time.sleep(0.1)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_the_clerk_uploads_every_example_and_downloads_it_marked_as_a_reviewer_would(
    browser, site, offices, kind
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    url, private = site
    sources = offices[kind]
    browser.get(url + "/")
    assert browser.find_element(By.ID, "submit").text == "开始检查"
    assert english_words(browser.find_element(By.TAG_NAME, "body").text) == []
    browser.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in sources))  # several at once
    assert browser.find_element(By.ID, "chosen").text == "、".join(p.name for p in sources)
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 120).until(expected_conditions.presence_of_element_located((By.ID, "stats")))

    body = browser.find_element(By.TAG_NAME, "body").text
    theirs = [p.name for p in sources] + ["Sheet1"]  # the files' own names (and a sheet name of 002/003)
    assert english_words(body, theirs) == []  # Chinese everywhere on the page
    totals = sum((totals_of(p.stem) for p in sources), Counter())  # by severity
    assert browser.find_element(By.ID, "n-error").text == str(totals["error"])
    assert browser.find_element(By.ID, "n-warning").text == str(totals["warning"])
    sections = browser.find_elements(By.CSS_SELECTOR, "section.upload-result")
    assert [s.get_attribute("data-name") for s in sections] == [p.name for p in sources]
    for section, source in zip(sections, sources, strict=True):
        key = source.stem
        notes = section.find_elements(By.CSS_SELECTOR, "div.note")
        assert len(notes) == expected_of(key).total()  # each message beside its cell
        flagged = section.find_elements(By.CSS_SELECTOR, "td.flag")
        assert flagged and all(cell.is_displayed() for cell in flagged)  # the flagged cells, shown
        colour = flagged[0].value_of_css_property("background-color")
        assert colour not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")  # highlighted

        links = {
            a.get_attribute("data-kind"): a for a in section.find_elements(By.CSS_SELECTOR, "a[download]")
        }
        assert sorted(links) == sorted([f"annotated_{kind}", "findings_xlsx"])
        for what, link in links.items():
            browser.execute_script("arguments[0].scrollIntoView();", link)
            link.click()
            path = _wait_for(browser.downloads / link.get_attribute("download"))
            if what == "findings_xlsx":
                assert findings_sheet_codes(path) == hand_written_codes(key)
            elif kind == "xlsx":
                assert unmatched_marks(xlsx_marked_rows(path), key) == ([], [])  # each on its row
            else:
                assert unmatched_marks(docx_marked_rows(path), key) == ([], [])
    assert os.listdir(private) == []  # the uploads are gone


def test_a_bad_file_gets_one_clear_line(browser, site, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    url, _private = site
    bad = tmp_path / "损坏的表.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    browser.get(url + "/")
    browser.find_element(By.ID, "files").send_keys(str(bad))
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 60).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "p.problem"))
    )
    problems = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.problem")]
    assert len(problems) == 1 and problems[0].startswith("损坏的表.xlsx: ")
    assert english_words(problems[0], [bad.name]) == []
