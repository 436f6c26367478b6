import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";
import { ReviewPage } from "./pages/review";
import { RoomPage } from "./pages/room";

const ASKED = "Sam, my password reset email never arrives. Can you help?";
const GENERAL = "anyone have thoughts on the new dashboard colours?";

test("a reviewer annotates a decision, exports it as an eval set, and replays with 'only answer when asked'", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await new AuthPages(page).continueAsGuest();
  await page
    .getByRole("link", { name: /Demo room/ })
    .first()
    .click();
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  await room.send(ASKED);
  await room.waitForBubbleFrom("Sam");
  await room.send(GENERAL);
  await room.waitForBubbleFrom("Maya");

  const review = new ReviewPage(page);
  await page.getByRole("link", { name: "Review decisions" }).click();
  await expect(page).toHaveURL(/\/review\/[^/?]+$/);
  const reviewUrl = page.url();

  await test.step("a decision is marked wrong, with a note, by keyboard", async () => {
    const maya = review.turnsAfter(GENERAL, "Maya", "replied");
    await maya.locator("summary").focus();
    await page.keyboard.press("Enter");
    const editor = maya.getByTestId("annotation-editor");
    await expect(editor.getByRole("group", { name: /Your review of Maya/ })).toBeEnabled();
    await editor.getByRole("radio", { name: "Should have stayed silent" }).check();
    await editor.getByLabel("Note (optional)").fill("Nobody asked Maya; let people answer first");
    await editor.getByRole("button", { name: "Save annotation" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(editor).toHaveAttribute("data-saved", "should_stay_silent");
  });

  await test.step("the annotation is kept and listed, filterable by verdict", async () => {
    await page.reload();
    const maya = review.turnsAfter(GENERAL, "Maya", "replied");
    await maya.locator("summary").click();
    await expect(maya.getByRole("radio", { name: "Should have stayed silent" })).toBeChecked();
    await page
      .getByRole("navigation", { name: "Review tools" })
      .getByRole("link", { name: "Annotations" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Annotations/ })).toBeVisible();
    await expect(page.getByTestId("annotation")).toHaveCount(1);
    await expect(page.getByTestId("annotation").first()).toHaveAttribute(
      "data-verdict",
      "should_stay_silent",
    );
    await page
      .getByRole("navigation", { name: "Filter by verdict" })
      .getByRole("link", { name: "Right decision" })
      .click();
    await expect(page.getByText("No annotation matches")).toBeVisible();
    await page
      .getByRole("navigation", { name: "Filter by verdict" })
      .getByRole("link", { name: "Any verdict" })
      .click();
    await expect(page.getByTestId("annotation")).toHaveCount(1);
  });

  await test.step("the eval set downloads and runs through eval:decisions", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export as eval set" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
    const file = path.join(tmpdir(), `roundtable-eval-${Date.now()}.jsonl`);
    await download.saveAs(file);
    const [line] = readFileSync(file, "utf8").trim().split("\n");
    const json = JSON.parse(line!);
    expect(json).toMatchObject({ agent: { name: "Maya" }, label: "stay_silent" });
    expect(json.history.at(-1).content).toBe(GENERAL);
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const run = spawnSync(tsx, ["scripts/eval-decisions.ts", file], { encoding: "utf8" });
    expect(run.stderr).not.toMatch(/malformed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1 decisions/m);
  });

  await test.step("a what-if replay with 'only answer when asked' shows the flipped decisions", async () => {
    await page.goto(`${reviewUrl}/what-if`);
    await expect(page.getByRole("heading", { level: 1, name: /What-if replay/ })).toBeVisible();
    await page.getByLabel("Agent").selectOption({ label: "Maya" });
    await page.getByRole("button", { name: "Only answer when asked" }).click();
    await expect(page.getByLabel("System prompt")).toHaveValue(
      /Only speak when someone addresses you directly\./,
    );
    await page.getByRole("button", { name: "Replay decisions" }).click();
    await expect(page.getByTestId("what-if-summary")).toContainText(/would now stay silent/);
    const flipped = page.locator('[data-testid="what-if-row"][data-flipped="true"]');
    await expect(flipped.filter({ hasText: GENERAL })).toHaveCount(1);
    await expect(flipped.first()).toContainText("Flipped");
    await expect(
      page.getByRole("heading", { level: 2, name: /Maya: [1-9]\d* of \d+ decisions flip/ }),
    ).toBeVisible();
  });
});
