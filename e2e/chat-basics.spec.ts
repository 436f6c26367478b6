import { type Browser, expect, type Page, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";
import { RoomPage } from "./pages/room";

async function guestInDemoRoom(browser: Browser): Promise<{ page: Page; room: RoomPage; roomId: string }> {
  const page = await (await browser.newContext()).newPage();
  await new AuthPages(page).continueAsGuest();
  await page
    .getByRole("link", { name: /Demo room/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/rooms\/[^/]+$/);
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  return { page, room, roomId: page.url().split("/").at(-1)! };
}

/** Opens an invite as a fresh guest; confirms with the invite page's Join button if there is one. */
async function guestJoins(browser: Browser, inviteUrl: string) {
  const page = await (await browser.newContext()).newPage();
  await new AuthPages(page).continueAsGuest();
  await page.goto(inviteUrl);
  const join = page.getByRole("button", { name: /^Join/ });
  await expect(page.getByLabel("Message", { exact: true }).or(join)).toBeVisible();
  if (await join.isVisible()) await join.click();
  await expect(page).toHaveURL(/\/rooms\/[^/]+$/);
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  return { page, room };
}

test("messages render Markdown safely, and links open in a new tab", async ({ browser }) => {
  const { page, room } = await guestInDemoRoom(browser);
  // No network in tests: answer the link's target ourselves.
  await page
    .context()
    .route("https://example.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>Docs</title>docs" }),
    );
  await room.send(
    "Here is **the plan** and `npm test`, see [the docs](https://example.com/docs) or https://example.com/raw",
  );
  const bubble = room.messages().filter({ hasText: "the plan" }).last();
  await expect(bubble.locator("strong")).toHaveText("the plan");
  await expect(bubble.locator("code")).toHaveText("npm test");
  const link = bubble.getByRole("link", { name: "the docs" });
  await expect(link).toHaveAttribute("href", "https://example.com/docs");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  // A bare URL becomes a link too (GitHub-flavoured Markdown).
  await expect(bubble.getByRole("link", { name: "https://example.com/raw" })).toBeVisible();

  const popup = page.waitForEvent("popup");
  await link.click();
  const opened = await popup;
  await expect(opened).toHaveURL("https://example.com/docs");
  await opened.close();

  // Raw HTML is shown as text, never run or rendered.
  await room.send('<img src="x" onerror="document.title=\'pwned\'"> <b>not bold</b>');
  const html = room.messages().filter({ hasText: "not bold" }).last();
  await expect(html).toContainText("<b>not bold</b>");
  await expect(html.locator("img, b")).toHaveCount(0);
  expect(await page.title()).not.toBe("pwned");
});

test("a display name set in Settings is what the other person sees", async ({ browser }) => {
  test.setTimeout(120_000);
  const ana = await guestInDemoRoom(browser);
  const inviteUrl = await ana.page.evaluate(
    async (id) => (await (await fetch(`/api/rooms/${id}`)).json()).inviteUrl as string,
    ana.roomId,
  );
  const bo = await guestJoins(browser, inviteUrl);

  await bo.page.goto("/settings");
  const field = bo.page.getByLabel("Display name");
  await expect(field).toHaveValue(/^Guest /);
  // A bad name is refused, kept in the field, and the error goes once it is fixed.
  await field.fill("<Bo>");
  await bo.page.getByRole("button", { name: "Save name" }).click();
  await expect(bo.page.getByText("Letters, numbers, spaces")).toBeVisible();
  await expect(field).toHaveValue("<Bo>");
  await field.fill("Bo Builder");
  await expect(bo.page.getByText("Letters, numbers, spaces")).toHaveCount(0);
  await bo.page.getByRole("button", { name: "Save name" }).click();
  await expect(bo.page.getByTestId("display-name-status")).toContainText("Saved");
  await expect(bo.page.getByTestId("settings-name")).toHaveText("Bo Builder");

  // Ana's member list hears the rename at once.
  await expect(ana.page.getByRole("complementary", { name: "People" }).getByText("Bo Builder")).toBeVisible();

  await bo.page.goBack();
  await bo.room.goto(ana.roomId);
  await bo.room.send("Hi Ana, it's Bo with a real name now");
  await expect(ana.room.messagesFrom("Bo Builder").filter({ hasText: "real name now" })).toBeVisible();
});

test("your last message can be edited and deleted; Enter while sending is queued", async ({ browser }) => {
  const { page, room } = await guestInDemoRoom(browser);
  await room.send("the billing page shows teh wrong currency");
  const bubble = room.messages().filter({ hasText: "wrong currency" }).last();
  await page.getByRole("button", { name: "Edit your last message" }).click();
  const editor = page.getByLabel("Edit your message");
  await expect(editor).toBeFocused();
  await editor.fill("the billing page shows the wrong currency");
  await editor.press("Enter");
  await expect(bubble).toContainText("shows the wrong currency");
  await expect(bubble.getByTestId("edited")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit your last message" })).toBeFocused();

  // Slow the next posts down so the second Enter lands while the first is on its way.
  await page.route("**/api/rooms/*/messages", async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const composer = room.composer();
  await composer.fill("first of two");
  await composer.press("Enter");
  await composer.fill("second of two");
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
  await expect(page.getByTestId("composer-status")).toContainText("Sending");
  const mine = room.messages().filter({ hasText: "of two" });
  await expect(mine).toHaveText(["first of two", "second of two"]);
  await page.unroute("**/api/rooms/*/messages");

  // Only the last one has Edit and Delete; deleting it leaves the first.
  await expect(page.getByRole("button", { name: "Edit your last message" })).toHaveCount(1);
  await page.getByRole("button", { name: "Delete your last message" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(room.messages().filter({ hasText: "second of two" })).toHaveCount(0);
  await expect(room.messages().filter({ hasText: "first of two" })).toHaveCount(1);
});

test("dialogs suggest a free agent colour, clear fixed errors and give focus back on Escape", async ({
  browser,
}) => {
  const { page } = await guestInDemoRoom(browser);
  const add = page.getByRole("complementary", { name: "People" }).getByRole("button", { name: "Add agent" });
  await add.click();
  const dialog = page.getByRole("dialog", { name: "New agent" });
  await expect(dialog).toBeVisible();
  // Sam, Maya and Pip wear #2563eb, #db2777 and #16a34a.
  await expect(dialog.getByLabel("Colour")).toHaveValue("#059669");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();

  // Errors go away as the fields are fixed.
  await add.click();
  await dialog.getByRole("button", { name: /Create|Save/ }).click();
  await expect(dialog.getByText("Give the agent a name.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Quinn");
  await expect(dialog.getByText("Give the agent a name.")).toHaveCount(0);
  await page.keyboard.press("Escape");

  // Dialogs opened from the room's settings menu give focus back to the menu button too.
  const settings = page.getByRole("button", { name: "Room settings" });
  await settings.click();
  await page.getByRole("menuitem", { name: /Rename/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(settings).toBeFocused();
});

test("sign-in and registration keep what was typed after an error", async ({ page }) => {
  const auth = new AuthPages(page);
  await auth.register("Grace Hopper", "grace@example.com", "short");
  await expect(page.getByText("at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Grace Hopper");
  await expect(page.getByLabel("Email")).toHaveValue("grace@example.com");
  await page.getByLabel("Password").fill("long-enough-now");
  await expect(page.getByText("at least 8 characters")).toHaveCount(0);

  await auth.signIn("nobody-here@example.com", "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.com");
});
