"""Drives Debian's chromium through the office web page, as a clerk and an admin would.

Run by Tests/OfficeWebTests/BrowserTests.swift with /opt/kiemke-web-venv/bin/python3:
    browser_walk.py BASE_URL WORK_FOLDER
Offline: SE_OFFLINE=true and Debian's chromedriver, so Selenium Manager downloads nothing.
Prints "ok" and exits 0 when every step saw what it should; otherwise says which step failed.
"""
import os
import sys
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

base, work = sys.argv[1], sys.argv[2]
NOTE = "hỏng trống, chờ thay linh kiện"


def check(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)


def submit(driver, button):
    """Clicks a form's button and waits for the page the server answers with."""
    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))


def no_alert(driver, where):
    try:
        driver.switch_to.alert
        check(False, "a script ran (an alert is open) on " + where)
    except NoAlertPresentException:
        pass


options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-proxy-server"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
driver.set_page_load_timeout(60)
try:
    # Log in as the admin (who may also mark).
    driver.get(base + "/login")
    driver.find_element(By.NAME, "name").send_keys("admin")
    driver.find_element(By.NAME, "password").send_keys("mat-khau-admin-1")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.login button"))
    check("admin" in driver.find_element(By.TAG_NAME, "header").text, "logged in as admin")

    # Mark the copier broken with a Vietnamese note, from its page.
    driver.get(base + "/devices/PHOTO-01")
    form = driver.find_element(By.CSS_SELECTOR, "form.mark")
    Select(form.find_element(By.NAME, "condition")).select_by_value("broken")
    form.find_element(By.NAME, "note").send_keys(NOTE)
    submit(driver, form.find_element(By.TAG_NAME, "button"))
    check(NOTE in driver.page_source, "the note on the device page after marking")

    # The status page shows it broken; the report counts it.
    driver.get(base + "/")
    row = driver.find_element(By.XPATH, "//tr[td/a[text()='PHOTO-01']]")
    check("đã bị hỏng" in row.text, "PHOTO-01 broken on the status page: " + row.text)
    driver.get(base + "/report")
    report = driver.find_element(By.CSS_SELECTOR, "pre.report").text
    check("hỏng" in report, "the report mentions the broken copier")

    # A bad CSV: its errors on the page, by line, and nothing imported.
    bad = os.path.join(work, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("name,kind,address\nPC-90,computer,127.0.0.90\nPC-91,toaster,127.0.0.91\n")
    driver.get(base + "/devices")
    driver.find_element(By.NAME, "file").send_keys(bad)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/devices/import'] button"))
    problem = driver.find_element(By.CSS_SELECTOR, "div.problem").text
    check("line 3" in problem and "nothing was imported" in problem, "the bad file's errors: " + problem)
    check("PC-90" not in driver.find_element(By.CSS_SELECTOR, "table.devices").text, "nothing imported from the bad file")

    # Download the list with the browser's session and import it back: nothing changes.
    cookie = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
    request = urllib.request.Request(base + "/devices.csv", headers={"Cookie": cookie})
    listing = urllib.request.urlopen(request, timeout=30).read()
    good = os.path.join(work, "thiet-bi.csv")
    with open(good, "wb") as f:
        f.write(listing)
    count = listing.decode("utf-8-sig").strip().count("\n")
    driver.get(base + "/devices")
    driver.find_element(By.NAME, "file").send_keys(good)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/devices/import'] button"))
    notice = driver.find_element(By.CSS_SELECTOR, "p.notice").text
    check("0 thêm, 0 cập nhật, %d không đổi" % count in notice, "re-import unchanged: " + notice)

    # The hostile sysDescr the simulator served is text on the page; no script ran.
    driver.get(base + "/devices/EVIL-01")
    no_alert(driver, "the hostile device's page")
    descr = driver.find_element(By.CSS_SELECTOR, "td.descr").text
    check("<script>" in descr and "onerror" in descr, "the sysDescr shown as text: " + descr[:200])
    check(len(driver.find_elements(By.CSS_SELECTOR, "main script, main img")) == 0, "no script or img element from the device")
    driver.get(base + "/")
    no_alert(driver, "the status page")
    print("ok")
finally:
    driver.quit()
