// Chooses a file past the server's upload limit on the `hedui serve` page: the page says so
// and sends nothing. Usage: node too-large.mjs URL FILE (PLAYWRIGHT_DIR, CHROMIUM as page.mjs).
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [url, file] = process.argv.slice(2);
const require = createRequire(join(resolve(process.env.PLAYWRIGHT_DIR), "/"));
const { chromium } = require("playwright-core");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const page = await browser.newPage();
const posts = [];
page.on("request", (r) => { if (r.method() === "POST") posts.push(r.url()); });
await page.goto(url);
await page.setInputFiles("input[type=file]", file);
await page.waitForTimeout(500);
console.log(JSON.stringify({
  url: page.url(),
  message: await page.locator("#too-large").isVisible() ? await page.locator("#too-large").textContent() : null,
  posts,
}));
await browser.close();
