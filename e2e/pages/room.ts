import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for a chat room (/rooms/[id]). */
export class RoomPage {
  constructor(private readonly page: Page) {}

  /** The message composer (Ctrl/Cmd+K focuses it). */
  composer(): Locator {
    return this.page.getByLabel("Message", { exact: true });
  }

  async goto(roomId: string) {
    await this.page.goto(`/rooms/${encodeURIComponent(roomId)}`);
    await expect(this.composer()).toBeVisible();
  }

  /** Types and sends with Enter; resolves once the server accepted it (the composer is cleared). */
  async send(text: string) {
    const composer = this.composer();
    await composer.fill(text);
    await composer.press("Enter");
    await expect(composer).toHaveValue("");
    await expect(this.page.getByTestId("composer-error")).toHaveCount(0);
  }

  /** Every bubble in the room, in order (system notices included; see data-author). */
  messages(): Locator {
    return this.page.getByTestId("message");
  }

  messagesFrom(name: string): Locator {
    return this.page.locator(`[data-testid="message"][data-sender=${JSON.stringify(name)}]`);
  }

  typingIndicator(name: string): Locator {
    return this.page.getByTestId(`typing-${name}`);
  }

  /** Waits until `name` has more than `after` bubbles (default: any) and returns the newest. */
  async waitForBubbleFrom(
    name: string,
    { after = 0, timeout = 30_000 }: { after?: number; timeout?: number } = {},
  ) {
    const bubbles = this.messagesFrom(name);
    await expect.poll(() => bubbles.count(), { timeout }).toBeGreaterThan(after);
    return bubbles.last();
  }
}
