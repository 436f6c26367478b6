import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the transcript review (/review and /review/[roomId]). */
export class ReviewPage {
  constructor(private readonly page: Page) {}

  async openFromNav(roomName: RegExp) {
    await this.page.getByRole("navigation").getByRole("link", { name: "Review" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await this.page.getByTestId("review-room-link").filter({ hasText: roomName }).first().click();
    await expect(this.page).toHaveURL(/\/review\/[^/?]+/);
  }

  message(text: string): Locator {
    return this.page.getByTestId("review-message").filter({ hasText: text });
  }

  /** The turns listed right after the message containing `text`: what each agent did about it. */
  turnsAfter(text: string, agent?: string, outcome?: string): Locator {
    const group = this.message(text).locator("xpath=following-sibling::li[1]");
    const agentSelector = agent ? `[data-agent=${JSON.stringify(agent)}]` : "";
    const outcomeSelector = outcome ? `[data-outcome=${JSON.stringify(outcome)}]` : "";
    return group.locator(`[data-testid="review-turn"]${agentSelector}${outcomeSelector}`);
  }

  /** Every turn on the page, of an agent and with an outcome when given. */
  turnsAll(agent?: string, outcome?: string): Locator {
    const agentSelector = agent ? `[data-agent=${JSON.stringify(agent)}]` : "";
    const outcomeSelector = outcome ? `[data-outcome=${JSON.stringify(outcome)}]` : "";
    return this.page.locator(`[data-testid="review-turn"]${agentSelector}${outcomeSelector}`);
  }

  /** An outcome's checkbox chip in the filter form. */
  filter(name: string): Locator {
    return this.page.getByRole("group", { name: "Outcomes" }).getByText(name, { exact: true });
  }
}
