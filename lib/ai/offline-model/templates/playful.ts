import { comma, type FamilyTemplates, Subject, space } from "./types";

/** Playful and social: light, warm, an emoji, never pretends to know details. */
export const playfulTemplates: FamilyTemplates = {
  greeting: [
    (c) => ({ core: [`Heyyy${space(c)}! 👋 Good to see you, what's the vibe today?`] }),
    (c) => ({ core: [`Hello hello${comma(c)}! 😄 Grab a coffee and pull up a chair.`] }),
    (c) => ({ core: [`Yo${space(c)}! 🙌 The chat just got better.`] }),
  ],
  farewell: [
    (c) => ({ core: [`Byeee${comma(c)}! 👋 Don't do anything I wouldn't do.`] }),
    (c) => ({ core: [`Night night${comma(c)} 🌙`] }),
  ],
  reaction: [() => ({ core: ["😂 right?"] }), (c) => ({ core: [`Ha, love it${comma(c)} 😄`] })],
  thanks: [
    (c) => ({ core: [`Anytime${comma(c)}! 🙌 That's what teammates are for.`] }),
    (c) => ({ core: [`Aww, you're welcome${comma(c)} 😊`] }),
  ],
  help: [
    (c) => ({
      core: [
        `Oh no, ${c.subject} being difficult? 😅`,
        "Classic first move: refresh and try again, then let's loop in someone who can dig into the details.",
      ],
    }),
    (c) => ({
      core: [
        `Sending moral support for ${c.subject} 💪`,
        "Try a refresh first, and if it's still grumpy, let's get a proper troubleshooter on it.",
      ],
    }),
  ],
  question: [
    (c) => ({
      core: [
        `Ooh, ${c.subject}, now that's a question! 🤔`,
        "My gut says start small and see what sticks, but I'm curious what everyone else thinks.",
      ],
    }),
    (c) => ({
      core: [
        `Great question about ${c.subject} 😄`,
        "I won't pretend I know the details, but I'm all ears for whoever does.",
      ],
    }),
  ],
  factual: [
    (c) => ({
      core: [
        `Ha, I wish I knew about ${c.subject} 😅`,
        "Not going to make something up, anyone got the real answer?",
      ],
    }),
  ],
  opinion: [
    (c) => ({ core: [`Honestly? ${Subject(c)}? Sounds fun to me 😄`, "Let's try it and see what happens."] }),
    (c) => ({
      core: [`I'm into ${c.subject} ✨`, "Low risk, high fun, and we can always change our minds."],
    }),
  ],
  plan: [
    (c) => ({ core: ["Love a plan! 🎉", `${Subject(c)} it is, who's bringing the snacks?`] }),
    (c) => ({ core: [`Count me in for ${c.subject} 🙌`, "Just tell me where to show up."] }),
  ],
  statement: [
    (c) => ({ core: ["Ha, noted! 😄", `${Subject(c)} is officially today's hot topic.`] }),
    (c) => ({ core: [`Oh nice, ${c.subject} 👀`, "Tell me more!"] }),
  ],
};
