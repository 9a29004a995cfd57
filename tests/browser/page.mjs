// Drives the `hedui serve` page in headless Chromium, as an editor would: drops a draft on the
// page, clicks the first finding, downloads the annotated copy and takes a screenshot.
// Usage: node page.mjs URL DRAFT SCREENSHOT.png DOWNLOAD.docx (PLAYWRIGHT_DIR names the
// folder whose node_modules holds playwright-core; CHROMIUM the browser).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";

const [url, draft, screenshot, download] = process.argv.slice(2);
const require = createRequire(join(resolve(process.env.PLAYWRIGHT_DIR), "/"));
const { chromium } = require("playwright-core");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
const outside = [];
const errors = [];
page.on("request", (r) => {
  if (!r.url().startsWith(url) && !r.url().startsWith("data:")) outside.push(r.url());
});
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));

await page.goto(url);
// Drop the file on the page: the page's script posts it.
const started = Date.now();
await page.evaluate(({ name, bytes }) => {
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(bytes)], name, { type: "text/plain" }));
  document.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
}, { name: basename(draft), bytes: [...readFileSync(draft)] });
await page.waitForLoadState("load");
if ((await page.locator(".summary").count()) === 0) {
  await page.waitForTimeout(500);
  if ((await page.locator(".summary").count()) === 0) {
    console.error("no result page: " + page.url() + "\n" + (await page.locator("body").innerText()));
    process.exit(1);
  }
}
const elapsed = Date.now() - started;
await page.locator(".findings a[data-f]").first().click();
const stated = page.locator("mark.stated").first();
const timing = await page.evaluate(() => {
  const n = performance.getEntriesByType("navigation")[0];
  return { response_ms: Math.round(n.responseEnd - n.requestStart),
           shown_ms: Math.round(n.domContentLoadedEventEnd - n.requestStart),
           loaded_ms: Math.round(n.loadEventEnd - n.requestStart) };
});
const result = {
  elapsed_ms: elapsed,
  timing,
  summary: (await page.locator(".summary").textContent()).trim(),
  findings: await page.locator(".findings li").count(),
  finding: (await page.locator(".findings li .message").first().textContent()).trim(),
  active: await page.locator("mark.active").count(),
  active_texts: await page.locator("mark.active").allTextContents(),
  stated: await stated.textContent(),
  stated_background: await stated.evaluate((e) => getComputedStyle(e).backgroundColor),
  stated_in_view: await stated.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const box = e.closest(".text").getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  }),
  form_in_view: await page.locator("#upload").evaluate((e) => e.getBoundingClientRect().top >= 0),
  outside,
  errors,
};
await page.screenshot({ path: screenshot });
const [file] = await Promise.all([
  page.waitForEvent("download"),
  page.locator("a[download$='.docx']").click(),
]);
await file.saveAs(download);
result.download_name = file.suggestedFilename();
console.log(JSON.stringify(result));
await browser.close();
