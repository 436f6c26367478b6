import { pick } from "./hash";

type Steps = readonly [string, string, string];

// Safe, generic first steps: each is something the person can do right now, none assumes a cause.
const DOMAINS: { match: RegExp; steps: Steps }[] = [
  {
    // Wrong amounts and currencies are settings and records, not a failing card.
    match: /\b(currency|currencies|prices?|pricing|tax|vat|amounts?|totals?|plan price|exchange rate)\b/i,
    steps: [
      "check the country and currency set under billing settings",
      "compare the amount with your latest invoice or receipt",
      "send a screenshot with the page address so whoever handles billing can check the price settings",
    ],
  },
  {
    match: /\b(payments?|card|cards|invoices?|billing|charged?|subscriptions?|refunds?|checkout)\b/i,
    steps: [
      "double-check the card details and billing address",
      "try another card or browser to rule out a block on the bank's side",
      "grab the invoice or transaction ID so whoever handles billing can look it up",
    ],
  },
  {
    match:
      /\b(log(ging)? ?in|logged out|logs? (me )?out|logging me out|session|login|logins|sign(ing)? ?in|signin|password|passwords|2fa|mfa|sso|auth\w*|locked|account|credentials|otp)\b/i,
    steps: [
      "reset your password from the sign-in page",
      "try a private window so old cookies are out of the way",
      "check that caps lock or password-manager autofill isn't entering the wrong thing",
    ],
  },
  {
    match: /\b(slow|lag\w*|loading|load|timeouts?|timing out|spinner|hangs?|freez\w*|performance|latency)\b/i,
    steps: [
      "do a hard refresh (Ctrl or Cmd + Shift + R)",
      "try another network or switch the VPN off for a minute",
      "open the browser's network tab and note which request takes longest",
    ],
  },
  {
    match: /\b(deploy\w*|build|builds|pipeline|ci|release|docker|migrations?|compile\w*|tests?)\b/i,
    steps: [
      "open the logs of the step that failed and read the first error, not the last",
      "re-run it once to rule out a flaky step",
      "compare it with the last green run to see what changed",
    ],
  },
  {
    match: /\b(emails?|notifications?|inbox|spam|alerts?)\b/i,
    steps: [
      "check the spam or promotions folder",
      "confirm the address on your profile is the one you expect",
      "look at your notification settings for that channel",
    ],
  },
  {
    match: /\b(errors?|crash\w*|exceptions?|bugs?|500|404|broken)\b/i,
    steps: [
      "note the exact error text and the time it happened",
      "write down the steps that trigger it so we can reproduce it",
      "check the browser console or the server logs around that time",
    ],
  },
];

const GENERAL: Steps = [
  "reload and try once more so we know it's repeatable",
  "try a different browser or a private window",
  "note the exact error message and what you clicked right before",
];

const hits = (pattern: RegExp, text: string) => text.match(new RegExp(pattern.source, "gi"))?.length ?? 0;

/**
 * Three troubleshooting steps for the message, rotated by the seed so repeats read differently.
 * The domain with the most matching words wins; on a tie the more specific one listed first
 * ("the billing page shows the wrong currency" is about the currency, not a card).
 */
export function troubleshootingSteps(text: string, seed: number): Steps {
  let steps = GENERAL;
  let best = 0;
  for (const domain of DOMAINS) {
    const score = hits(domain.match, text);
    if (score > best) [steps, best] = [domain.steps, score];
  }
  const start = steps.indexOf(pick(steps.slice(0, 2), seed, "steps"));
  return [steps[start]!, steps[(start + 1) % 3]!, steps[(start + 2) % 3]!];
}
