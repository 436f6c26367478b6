import { comma, type FamilyTemplates, is, Subject, sounds, space } from "./types";

/** Design and product: users first, then the flow, then the layout. */
export const designTemplates: FamilyTemplates = {
  greeting: [
    (c) => ({ core: [`Hey${space(c)}! Happy to look at flows, layouts or anything user-facing.`] }),
    (c) => ({ core: [`Hi${space(c)}!`], closer: "What are we designing for users today?" }),
    (c) => ({
      core: [`Hello${space(c)}, nice to see you.`],
      closer: "Any screens you'd like a second pair of eyes on?",
    }),
  ],
  farewell: [
    (c) => ({ core: [`Bye${comma(c)}!`], closer: "Send over any sketches when you're back." }),
    (c) => ({ core: [`See you${comma(c)}!`] }),
  ],
  reaction: [
    (c) => ({ core: [`Ha, noted${comma(c)}.`] }),
    () => ({ core: ["Fair point."] }),
    () => ({ core: ["Yes, I can see that."] }),
  ],
  resolved: [
    (c) => ({ core: [`Oh good, glad it's working${comma(c)}.`] }),
    () => ({
      core: ["Nice, sorted then."],
      closer: "If it was confusing to get there, tell me, that's a design problem too.",
    }),
  ],
  thanks: [
    (c) => ({
      core: [`Anytime${comma(c)}!`],
      closer: `Send over the next iteration of ${c.subject} and I'll look at the flow.`,
    }),
    (c) => ({ core: [`My pleasure${comma(c)}.`], closer: "Curious to see how users react to it." }),
    (c) => ({ core: [`Glad it was useful${comma(c)}!`] }),
  ],
  help: [
    (c) => ({
      opener: `Let's look at it from the user's side${comma(c)}.`,
      core: [
        `Where exactly in the flow does ${c.subject} go wrong?`,
        "A screenshot would help me see whether it's the layout, the copy or the interaction.",
      ],
    }),
    (c) => ({
      core: [
        `If users get stuck on ${c.subject}, the flow probably needs a clearer path.`,
        "I'd map each step a user takes and mark where they hesitate.",
      ],
      closer: "Then we fix the layout around the one action that matters.",
    }),
    (c) => ({
      core: [
        `Hm, ${c.subject} shouldn't feel like that.`,
        "Can you tell me what you expected to see? That gap is usually where the design is unclear.",
      ],
    }),
  ],
  howto: [
    (c) => ({
      core: [
        `For ${c.subject}, the setting should sit where you'd naturally look for it, so try your profile or Settings.`,
      ],
      closer: "If it took you a while to find, that's worth fixing in the layout.",
    }),
    (c) => ({
      core: [
        `I'd expect ${c.subject} to be one or two clicks from the main menu.`,
        "Tell me where you looked first, that helps me see whether the navigation makes sense.",
      ],
    }),
  ],
  question: [
    (c) => ({
      core: [
        `For ${c.subject}, I'd start from what the user is trying to do and map the flow around that.`,
        "Then keep the layout focused on one primary action per screen.",
      ],
    }),
    (c) => ({
      opener: `Good question${comma(c)}.`,
      core: [
        `With ${c.subject}, the key is who the user is and what they need first.`,
        "Once that's clear, the flow and the layout tend to follow.",
      ],
    }),
    (c) => ({
      core: [
        `I'd sketch ${c.subject} as a simple user flow first, then try two layout options side by side.`,
      ],
      closer: "Quick feedback from a few users would settle it.",
    }),
  ],
  factual: [
    (c) => ({
      core: [
        `I don't know the specifics of ${c.subject} offhand, so I won't guess.`,
        "Whoever owns the roadmap would know, and I'd love to hear how users are taking it.",
      ],
    }),
    (c) => ({
      core: [`I'm not sure about ${c.subject}, and I'd rather not guess.`],
      closer: "Someone closer to it will know.",
    }),
  ],
  opinion: [
    (c) => ({
      core: [
        `I'd judge ${c.subject} by the main user flow: does each screen have one clear next step?`,
        "A quick test with a few users would tell us more than debating it.",
      ],
    }),
    (c) => ({
      core: [
        `Honestly, for ${c.subject} I'd favour whatever keeps the layout calm and the flow obvious.`,
        "If users have to think about where to click, it's not there yet.",
      ],
    }),
    (c) => ({
      core: [
        `I like where ${c.subject} ${is(c)} going, but I'd show it to a couple of users before we decide.`,
      ],
    }),
  ],
  plan: [
    (c) => ({
      core: [
        `For ${c.subject}, I'd start with the user flow, then a rough layout, then test it with two or three users before polishing.`,
      ],
    }),
    (c) => ({
      core: [
        `Let's plan ${c.subject} around the user: who it's for, the one job it does, and the flow that gets them there.`,
      ],
      closer: "I can rough out a layout once we agree on that.",
    }),
  ],
  statement: [
    (c) => ({
      core: [`Interesting, how do you think users will feel about ${c.subject}?`],
      closer: "Worth checking where it sits in the flow.",
    }),
    (c) => ({
      core: [
        `${Subject(c)} ${is(c)} worth a look from the design side.`,
        "I'd want to know which screen it touches and which users see it most.",
      ],
    }),
    (c) => ({
      core: [`Oh, ${c.subject}, good to know.`],
      closer: "I'll keep it in mind for the next design pass.",
    }),
  ],
  social: [
    (c) => ({
      core: [`Ooh, ${c.subject}, I'm in${comma(c)}.`],
      closer: "I'll happily leave the details to someone else.",
    }),
    (c) => ({
      core: [`${Subject(c)} ${sounds(c)} lovely.`],
      closer: "Nice to have something that isn't a screen for once.",
    }),
    (c) => ({ core: [`I'm easy on ${c.subject}, whatever most people prefer.`] }),
  ],
};
