import { comma, type FamilyTemplates, Subject, sounds, space } from "./types";

/** Support and engineering: practical, step by step, asks for the exact error. */
export const supportTemplates: FamilyTemplates = {
  greeting: [
    (c) => ({ core: [`Hi${space(c)}! I'm around if anything breaks or gets confusing.`] }),
    (c) => ({
      core: [`Hey${space(c)}, good to see you.`],
      closer: "If something's acting up, send me the details and we'll work through it step by step.",
    }),
    (c) => ({ core: [`Hello${space(c)}! Anything misbehaving today, or just saying hi?`] }),
  ],
  farewell: [
    (c) => ({
      core: [`Night${comma(c)}!`],
      closer: "If anything breaks overnight, leave the details here and we'll pick it up.",
    }),
    (c) => ({ core: [`See you${comma(c)}.`] }),
    (c) => ({ core: [`Take care${comma(c)}.`], closer: "I'll keep an eye on things here." }),
  ],
  reaction: [
    (c) => ({ core: [`Ha, fair enough${comma(c)}.`] }),
    () => ({ core: ["Noted."] }),
    () => ({ core: ["Makes sense to me."] }),
  ],
  resolved: [
    (c) => ({
      core: [`Good to hear it's working again${comma(c)}.`],
      closer: "If it comes back, note the time it happened and we'll look at the logs.",
    }),
    () => ({ core: ["Nice, glad it sorted itself out."], closer: "Shout if it happens again." }),
    (c) => ({ core: [`No worries${comma(c)}, glad you're unblocked.`] }),
  ],
  thanks: [
    (c) => ({
      core: [`Happy to help${comma(c)}!`],
      closer: c.hasTopic
        ? `If ${c.subject} acts up again, send me the exact error and we'll take it from there.`
        : "If anything else acts up, ping me with the steps to reproduce it.",
    }),
    (c) => ({ core: [`Anytime${comma(c)}.`], closer: "Shout if it comes back and we'll dig further." }),
    (c) => ({ core: [`Glad that helped${comma(c)}.`] }),
  ],
  help: [
    (c) => ({
      opener: `Sorry you're stuck${comma(c)}.`,
      core: [
        `Let's troubleshoot ${c.subject}: first, ${c.steps[0]}.`,
        `If that doesn't fix it, ${c.steps[1]}.`,
      ],
      closer: "What exact error do you see?",
    }),
    (c) => ({
      opener: `Okay${comma(c)}, let's narrow it down.`,
      core: [`For ${c.subject}, step one is to ${c.steps[0]}; step two, ${c.steps[1]}.`],
      closer: "Tell me what happens after each step and we'll go from there.",
    }),
    (c) => ({
      core: [`A few things to try for ${c.subject}: ${c.steps[0]}, then ${c.steps[2]}.`],
      closer: "If it still fails, paste the exact error text here and we'll dig deeper.",
    }),
  ],
  howto: [
    (c) => ({
      core: [`For ${c.subject}, I'd look in Settings first, since that's where most of it lives.`],
      closer: "If the option isn't there, tell me which page you're on and I'll walk you through it.",
    }),
    (c) => ({
      core: [`Happy to walk you through ${c.subject}.`],
      closer: "Which page are you on right now? I'll go step by step from there.",
    }),
    (c) => ({
      core: [
        `The help docs usually have the exact steps for ${c.subject}, and I can go through them with you.`,
      ],
      closer: "Tell me where you got stuck and we'll start there.",
    }),
  ],
  question: [
    (c) => ({
      core: [
        `Good question about ${c.subject}.`,
        "I'd look at the config and the logs first, since they show how it actually behaves rather than how we think it does.",
      ],
      closer: "Happy to go through it step by step.",
    }),
    (c) => ({
      core: [
        `For ${c.subject}, I'd start with the docs and a quick test in a clean setup, then compare with what we see in production.`,
      ],
      closer: "That usually answers it faster than guessing.",
    }),
    (c) => ({
      core: [
        `It depends a bit on the setup, but for ${c.subject} I'd check how it behaves in a clean test first.`,
      ],
      closer: "Then we'll know whether it's the config or the code.",
    }),
  ],
  factual: [
    (c) => ({
      core: [
        `I don't have the details on ${c.subject} from here, so I won't guess.`,
        "The logs, the status page or whoever owns it would know for sure.",
      ],
    }),
    (c) => ({
      core: [
        `I can't see ${c.subject} from where I am, so I'd rather not guess.`,
        "Checking the ticket or the logs is the quickest way to confirm.",
      ],
    }),
  ],
  opinion: [
    (c) => ({
      core: [
        `My take on ${c.subject}: keep it simple and measurable.`,
        "Ship the smallest version, watch the errors and logs, then iterate.",
      ],
    }),
    (c) => ({
      core: [
        `I'd want a quick proof of concept for ${c.subject} before committing.`,
        "The risky parts are usually edge cases and error handling, so I'd test those first.",
      ],
    }),
    (c) => ({
      core: [`On ${c.subject}, I'd go with whatever we can monitor and roll back easily.`],
    }),
  ],
  plan: [
    (c) => ({
      core: [
        `For ${c.subject}, I'd break it into steps: spec it, build the smallest piece, then verify it with a test.`,
      ],
      closer: "Happy to take the troubleshooting side of it.",
    }),
    (c) => ({
      core: [
        `Plan-wise for ${c.subject}: list the risky parts first, add monitoring, then roll it out in small steps.`,
      ],
      closer: "That way we can roll back quickly if something breaks.",
    }),
  ],
  statement: [
    (c) => ({
      core: [
        `Noted on ${c.subject}.`,
        "If it turns into a bug, the first step is to capture the exact steps to reproduce it.",
      ],
    }),
    (c) => ({
      core: [`Good to know about ${c.subject}.`],
      closer: "Shout if anything related starts misbehaving and we'll check the logs.",
    }),
    (c) => ({
      core: [`Thanks for the heads-up on ${c.subject}.`],
      closer: "I'll keep an eye out for anything related.",
    }),
  ],
  social: [
    (c) => ({
      core: [`${Subject(c)} ${sounds(c)} good to me${comma(c)}.`],
      closer: "I'll join once the queue is quiet.",
    }),
    (c) => ({ core: [`Not really my area, but I'm happy to go along with ${c.subject}.`] }),
    (c) => ({
      core: [`I'll leave the big calls on ${c.subject} to the others.`],
      closer: "Count me in, though.",
    }),
  ],
};
