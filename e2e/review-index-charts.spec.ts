import { expect, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";
import { RoomPage } from "./pages/room";

test("after a real conversation, the review index and the charts show its figures", async ({ page }) => {
  test.setTimeout(120_000);
  await new AuthPages(page).continueAsGuest();
  await page
    .getByRole("link", { name: /Demo room/ })
    .first()
    .click();
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  await room.send("Sam, my invoice shows the wrong amount. Can you check it?");
  await room.waitForBubbleFrom("Sam");

  await test.step("the index lists the room with its figures", async () => {
    await page.goto("/review");
    const table = page.getByRole("table", { name: "Rooms to review" });
    const row = table.getByTestId("review-room-row").filter({ hasText: "Demo room" });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole("cell");
    // messages, agent turns (one per agent), speak rate, …, credits
    await expect(cells.nth(0)).not.toHaveText("0");
    // one turn per agent on the message, more if an agent heard Sam's reply
    expect(Number(await cells.nth(1).textContent())).toBeGreaterThanOrEqual(3);
    await expect(cells.nth(2)).toHaveText(/%$/);
    await expect(cells.nth(6)).not.toHaveText("0");
    await expect(cells.nth(7)).toHaveText(/\d\.\d s/);
  });

  await test.step("sorting and filters live in the URL", async () => {
    await page.getByRole("link", { name: "Credits", exact: true }).click();
    await expect(page).toHaveURL(/sort=credits/);
    await expect(page.getByRole("columnheader", { name: "Credits" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await page.getByLabel("Agent", { exact: true }).selectOption("Sam");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/agent=Sam/);
    await expect(page.getByTestId("review-room-row").filter({ hasText: "Demo room" })).toHaveCount(1);
    await page.getByLabel("Room name").fill("no such room here");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("No room matches these filters.")).toBeVisible();
    await page.goto("/review?size=7");
    await expect(page.getByText("Pick 10, 25, 50 or 100")).toBeVisible();
  });

  await test.step("the overall charts render with data, and as tables", async () => {
    await page.goto("/review");
    const delay = page.getByTestId("chart-delay");
    await expect(delay.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await delay.getByRole("button", { name: "Show as table" }).click();
    await expect(delay.getByRole("table")).toBeVisible();
    await expect(page.getByTestId("chart-credits").locator(".recharts-bar-rectangle").first()).toBeVisible();
  });

  await test.step("the room's charts page shows its decisions", async () => {
    await page
      .getByTestId("review-room-row")
      .filter({ hasText: "Demo room" })
      .getByRole("link", { name: /charts/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Demo room: charts/ })).toBeVisible();
    const decisions = page.getByTestId("chart-decisions");
    await decisions.getByRole("button", { name: "Show as table" }).click();
    const rows = decisions.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    // at least Sam's speak and Maya's and Pip's silences
    const cells = rows.nth(1).getByRole("cell");
    expect(Number(await cells.nth(1).textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await cells.nth(2).textContent())).toBeGreaterThanOrEqual(2);
    const speakRate = page.getByTestId("chart-speak-rate");
    await expect(speakRate.locator(".recharts-line-dot").first()).toBeVisible();
    await speakRate.getByRole("button", { name: "Show as table" }).click();
    await expect(speakRate.getByRole("columnheader", { name: "Sam" })).toBeVisible();
    await expect(speakRate.getByRole("table").getByRole("cell", { name: /%$/ }).first()).toBeVisible();
    // Reasons are stored once the room's review has read them; either way the page says which.
    await expect(
      page
        .getByTestId("chart-reasons")
        .getByText(/Reasons are not available for \d+ of \d+ turns|decided speak/)
        .first(),
    ).toBeVisible();
  });

  await test.step("the JSON routes answer with data and refuse bad input in the envelope", async () => {
    const rooms = await page.request.get("/api/review/rooms?sort=turns");
    expect(rooms.status()).toBe(200);
    const body = await rooms.json();
    expect(
      body.rows.find((r: { name: string }) => r.name.startsWith("Demo room"))?.turns,
    ).toBeGreaterThanOrEqual(3);
    const bad = await page.request.get("/api/review/rooms?sort=nope");
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.code).toBe("bad_request:input");
    const charts = await page.request.get(`/api/review/charts?roomId=${body.rows[0].id}`);
    const all = await charts.json();
    expect(all.totals.turns).toBeGreaterThan(0);
    // One chart on its own, as the pages stream them: the same figures as all of them at once.
    const one = await page.request.get(`/api/review/charts?roomId=${body.rows[0].id}&chart=credits`);
    expect(await one.json()).toMatchObject({
      chart: "credits",
      data: { points: all.creditsPerDay, total: all.totals.credits },
    });
    const unknown = await page.request.get("/api/review/charts?chart=pie");
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error.code).toBe("bad_request:input");
    expect((await page.request.get("/api/review/charts?roomId=not-a-room")).status()).toBe(404);
  });
});
