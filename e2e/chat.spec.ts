import { type Browser, expect, type Page, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";
import { RoomPage } from "./pages/room";

const AGENTS = ["Sam", "Maya", "Pip"];

async function guestInDemoRoom(browser: Browser): Promise<{ page: Page; room: RoomPage; roomId: string }> {
  const page = await (await browser.newContext()).newPage();
  await new AuthPages(page).continueAsGuest();
  await page
    .getByRole("link", { name: /Demo room/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/rooms\/[^/]+$/);
  const roomId = page.url().split("/").at(-1)!;
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  return { page, room, roomId };
}

async function joinByInvite(browser: Browser, inviteUrl: string) {
  const page = await (await browser.newContext()).newPage();
  await new AuthPages(page).continueAsGuest();
  await page.goto(inviteUrl);
  await page.getByRole("button", { name: "Join room" }).click();
  await expect(page).toHaveURL(/\/rooms\/[^/]+$/);
  const room = new RoomPage(page);
  await expect(room.composer()).toBeVisible();
  return { page, room };
}

const agentBubbleCounts = async (room: RoomPage) => {
  const [Sam = 0, Maya = 0, Pip = 0] = await Promise.all(AGENTS.map((a) => room.messagesFrom(a).count()));
  return { Sam, Maya, Pip };
};

/** Waits for the agents to finish: no typing indicator and no new bubble for a while. */
async function settled(room: RoomPage, quietMs = 6000) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const typing = await Promise.all(AGENTS.map((a) => room.typingIndicator(a).count()));
    const count = await room.messages().count();
    if (count !== last || typing.some((t) => t > 0)) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since > quietMs) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const texts = (room: RoomPage) => room.messages().allInnerTexts();

test("two people and three agents: the right agent answers, paced, and everyone sees the same transcript", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ana = await guestInDemoRoom(browser);
  const inviteUrl = await ana.page.evaluate(
    async (id) => (await (await fetch(`/api/rooms/${id}`)).json()).inviteUrl as string,
    ana.roomId,
  );
  const bo = await joinByInvite(browser, inviteUrl);

  await test.step("a message addressed to Sam gets a paced reply from Sam only", async () => {
    const before = await agentBubbleCounts(ana.room);
    await ana.room.send("Sam, I can't log in to my account since this morning. Can you help?");
    await expect(ana.room.typingIndicator("Sam")).toBeVisible({ timeout: 15_000 });
    await ana.room.waitForBubbleFrom("Sam", { after: before.Sam });
    await settled(ana.room);
    const after = await agentBubbleCounts(ana.room);
    expect(after.Sam - before.Sam).toBeGreaterThanOrEqual(1);
    expect(after.Sam - before.Sam).toBeLessThanOrEqual(5);
    expect(after.Maya).toBe(before.Maya);
    expect(after.Pip).toBe(before.Pip);
  });

  await test.step("chatter between the two people gets no agent reply", async () => {
    const before = await agentBubbleCounts(ana.room);
    const nameOf = (page: Page) =>
      page.evaluate(async () => (await (await fetch("/api/auth/session")).json()).user.name as string);
    const [anaName, boName] = [await nameOf(ana.page), await nameOf(bo.page)];
    await ana.room.send(`${boName}, did you finish the quarterly report?`);
    await bo.room.send(`${anaName}, yes! Sent it to you this morning.`);
    await settled(ana.room, 8000);
    expect(await agentBubbleCounts(ana.room)).toEqual(before);
  });

  await test.step("a question to the room is answered by the most relevant agent", async () => {
    const before = await agentBubbleCounts(bo.room);
    await bo.room.send("Does anyone know why my invoice shows the wrong amount this month?");
    await bo.room.waitForBubbleFrom("Sam", { after: before.Sam });
    await settled(bo.room);
    const after = await agentBubbleCounts(bo.room);
    expect(after.Maya).toBe(before.Maya);
    expect(after.Pip).toBe(before.Pip);
  });

  await test.step("reloading in the middle of a paced reply loses and doubles nothing", async () => {
    const before = await agentBubbleCounts(ana.room);
    await ana.room.send(
      "Sam, my password reset email never arrives. I checked spam twice. What else can I try?",
    );
    await ana.room.waitForBubbleFrom("Sam", { after: before.Sam });
    await ana.page.reload();
    await expect(ana.room.composer()).toBeVisible();
    await settled(ana.room);
    await settled(bo.room);
    const anaTexts = await texts(ana.room);
    expect(new Set(anaTexts.map((t, i) => `${i}:${t}`)).size).toBe(anaTexts.length);
    expect(anaTexts).toEqual(await texts(bo.room));
  });

  await test.step("both people see the same transcript after a fresh load", async () => {
    await bo.page.reload();
    await expect(bo.room.composer()).toBeVisible();
    // Until the page hydrates, times show as UTC HH:MM from the server; then in the reader's locale.
    const anaTexts = await texts(ana.room);
    await expect.poll(() => texts(bo.room)).toEqual(anaTexts);
  });
});
