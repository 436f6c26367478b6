// Retakes docs/screenshot.png: a guest in the Demo room asks Sam and Maya something.
// Usage: npm run build && PORT=3224 npx tsx server.ts & BASE_URL=http://127.0.0.1:3224 npx tsx scripts/readme-screenshot.ts
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
    await page.goto(`${base}/`);
    await page.getByRole("button", { name: "Continue as guest" }).click();
    await page
      .getByRole("link", { name: /Demo room/ })
      .first()
      .click();
    const composer = page.getByLabel("Message", { exact: true });
    const ask = async (text: string, agent: string) => {
      const before = await page.locator(`[data-testid="message"][data-sender="${agent}"]`).count();
      await composer.fill(text);
      await composer.press("Enter");
      await page.waitForFunction(
        ([name, n]) =>
          document.querySelectorAll(`[data-testid="message"][data-sender="${name}"]`).length > Number(n),
        [agent, before],
        { timeout: 30_000 },
      );
      await settle();
    };
    // Until nobody is typing and no bubble has arrived for a few seconds.
    async function settle() {
      let last = -1;
      let since = Date.now();
      while (Date.now() - since < 3_000) {
        const typing = await page.locator('[data-testid^="typing-"]').count();
        const count = await page.getByTestId("message").count();
        if (typing > 0 || count !== last) [last, since] = [count, Date.now()];
        await page.waitForTimeout(250);
      }
    }
    await ask("Sam, I can't log in to my account since this morning. Can you help?", "Sam");
    await ask(
      "Maya, what do you think of the **new onboarding screen**? Draft: https://example.com/onboarding",
      "Maya",
    );
    await page.screenshot({ path: "docs/screenshot.png" });
    console.log("wrote docs/screenshot.png");
  } finally {
    await browser.close();
  }
}

void main();
