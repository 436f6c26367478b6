import { expect, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";
import { ReviewPage } from "./pages/review";
import { RoomPage } from "./pages/room";

test("every agent decision, silences included, can be reviewed with its reasons", async ({ page }) => {
  test.setTimeout(120_000);
  await new AuthPages(page).continueAsGuest();
  await page
    .getByRole("link", { name: /Demo room/ })
    .first()
    .click();
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  const asked = "Sam, my password reset email never arrives. Can you help?";
  await room.send(asked);
  await room.waitForBubbleFrom("Sam");

  const review = new ReviewPage(page);
  await test.step("the room links to its review", async () => {
    await page.getByRole("link", { name: "Review decisions" }).click();
    await expect(page).toHaveURL(/\/review\/[^/?]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Demo room" })).toBeVisible();
  });
  await review.openFromNav(/Demo room/);

  await test.step("the transcript shows each agent's turn on the message", async () => {
    await expect(review.message(asked)).toBeVisible();
    await expect(review.turnsAfter(asked)).toHaveCount(3);
    await expect(review.turnsAfter(asked, "Sam", "replied")).toHaveCount(1);
    await expect(review.turnsAfter(asked, "Maya", "silent")).toHaveCount(1);
    await expect(review.turnsAfter(asked, "Pip", "silent")).toHaveCount(1);
    const stats = page.getByRole("table", { name: "Decisions per agent" });
    await expect(stats.getByRole("row", { name: /Sam/ })).toBeVisible();
  });

  await test.step("a decision unfolds, by keyboard, to show its reasons", async () => {
    const silent = review.turnsAfter(asked, "Maya", "silent");
    const reasons = silent.getByRole("list", { name: "Reasons for Maya's decision" });
    await expect(reasons).toBeHidden();
    await silent.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(reasons).toBeVisible();
    expect(await reasons.getByRole("listitem").count()).toBeGreaterThan(1);
    await expect(silent).toContainText(/score 0\.\d\d/);
  });

  await test.step("filters narrow the decisions but keep the conversation", async () => {
    await review.filter("Stayed silent").click();
    await expect(page).toHaveURL(/show=silent/);
    await expect(page.getByRole("checkbox", { name: "Stayed silent" })).toBeChecked();
    await expect(review.message(asked)).toBeVisible();
    await expect(review.turnsAfter(asked, "Sam")).toHaveCount(0);
    await expect(review.turnsAfter(asked, "Maya", "silent")).toHaveCount(1);
  });

  await test.step("a room that is not yours reads as not found", async () => {
    await page.goto("/review/not-a-room");
    await expect(page.getByRole("heading", { name: "Room not found" })).toBeVisible();
  });
});
