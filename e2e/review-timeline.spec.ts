import { expect, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";
import { ReviewPage } from "./pages/review";
import { RoomPage } from "./pages/room";

test("the room timeline: a retraction's dropped draft, bubble times, filters, deep links and the chat's Why? link", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await new AuthPages(page).continueAsGuest();
  await page
    .getByRole("link", { name: /Demo room/ })
    .first()
    .click();
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  const roomId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  const asked = "Sam, my 2FA code is never accepted";
  const retracted = "wait, ignore that, it worked";
  await test.step("a person asks Sam, then retracts before Sam's first bubble", async () => {
    await room.send(asked);
    // Sam is typing: his reply is scheduled and its first bubble is still ahead.
    await expect(room.typingIndicator("Sam")).toBeVisible({ timeout: 30_000 });
    await room.send(retracted);
  });

  await test.step("a later question gets an answer with a Why? link", async () => {
    const question = "Sam, how do I reset my password?";
    await room.send(question);
    await room.waitForBubbleFrom("Sam");
  });

  const review = new ReviewPage(page);
  await test.step("the chat's Why? link opens Sam's decision, unfolded", async () => {
    const why = page.getByTestId("why-link").last();
    await why.focus();
    await expect(why).toBeVisible();
    await why.press("Enter");
    await expect(page).toHaveURL(/\/review\/[^/?]+\?reply=/);
    const focused = page.locator('[data-testid="review-turn"][data-focused="true"]');
    await expect(focused).toHaveCount(1);
    await expect(focused).toHaveAttribute("data-agent", "Sam");
    await expect(focused.locator("details")).toHaveAttribute("open", "");
    await expect(focused.getByRole("list", { name: "Reasons for Sam's decision" })).toBeVisible();
    await expect(focused.getByTestId("review-bubble").first()).toContainText(/Scheduled/);
  });

  await test.step("every decision shows its reasons, and the retracted reply is a dropped draft", async () => {
    await page.goto(`/review/${roomId}`);
    await expect(review.turnsAfter(asked)).toHaveCount(3);
    const decided = page.locator('[data-testid="review-turn"]:not([data-outcome="not_asked"])');
    const count = await decided.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      await expect(decided.nth(i).getByTestId("reasons-unavailable")).toHaveCount(0);
    }
    // Interrupted when the retraction came after respond; superseded when it came while Sam drafted.
    const droppedTurn = page.locator(
      '[data-testid="review-turn"][data-agent="Sam"][data-outcome="interrupted"], [data-testid="review-turn"][data-agent="Sam"][data-outcome="superseded"]',
    );
    await expect(droppedTurn.first()).toBeVisible();
    await droppedTurn.first().locator("summary").click();
    await expect(droppedTurn.first()).toContainText("The dropped draft");
  });

  await test.step("a reply's bubbles show both times", async () => {
    const replied = review.turnsAll("Sam", "replied").last();
    await replied.locator("summary").click();
    const bubble = replied.getByTestId("review-bubble").first();
    await expect(bubble).toHaveAttribute("data-status", "shown");
    await expect(bubble).toContainText("Scheduled");
    await expect(bubble).toContainText("Shown");
    await expect(bubble.getByTestId("bubble-lag")).toHaveText(/on time|s late|s early/);
  });

  await test.step("the agent filter, combined with an outcome, lives in the address", async () => {
    await page.getByRole("group", { name: "Agents" }).getByText("Maya").click();
    await expect(page).toHaveURL(/agent=/);
    await expect(review.turnsAll()).not.toHaveCount(0);
    await expect(review.turnsAll("Sam")).toHaveCount(0);
    await expect(review.turnsAll("Pip")).toHaveCount(0);
    await page.getByRole("group", { name: "Outcomes" }).getByText("Stayed silent").click();
    await expect(page).toHaveURL(/show=silent/);
    await expect(review.message(asked)).toBeVisible();
    await expect(review.turnsAll("Maya", "silent")).not.toHaveCount(0);
    await expect(page.locator('[data-testid="review-turn"]:not([data-outcome="silent"])')).toHaveCount(0);
  });

  await test.step("a turn's permalink opens it unfolded, even where the filter hides it", async () => {
    await page.goto(`/review/${roomId}`);
    const pip = review.turnsAfter(asked, "Pip").first();
    const href = await pip.getByTestId("turn-permalink").getAttribute("href");
    expect(href).toMatch(/\?turn=/);
    await page.goto(`${href}&agent=not-an-agent`);
    const focused = page.locator('[data-testid="review-turn"][data-focused="true"]');
    await expect(focused).toHaveAttribute("data-agent", "Pip");
    await expect(focused.locator("details")).toHaveAttribute("open", "");
    await expect(focused.locator("summary")).toBeFocused();
  });

  await test.step("search finds the message, marks it, and opens it in the timeline", async () => {
    await page.goto(`/review/${roomId}`);
    await page.getByRole("searchbox", { name: "Search messages" }).fill("2fa CODE");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=2fa/);
    const result = page.getByTestId("search-result").filter({ hasText: asked });
    await expect(result.locator("mark")).toHaveText("2FA code");
    await result.getByRole("link", { name: /Open in the timeline/ }).click();
    await expect(page).toHaveURL(/msg=\d+/);
    await expect(review.message(asked).locator("mark")).toHaveText("2FA code");
  });

  await test.step("the header links to the charts, and a broken deep link says so", async () => {
    await expect(page.getByRole("link", { name: "Charts" })).toHaveAttribute(
      "href",
      `/review/${roomId}/charts`,
    );
    await page.goto(`/review/${roomId}?turn=nope`);
    await expect(page.getByText("That link leads nowhere in this room")).toBeVisible();
  });
});
