import { comma, type FamilyTemplates, is, Subject, space } from "./types";

/** Playful and social: light, warm, an emoji, never pretends to know details. */
export const playfulTemplates: FamilyTemplates = {
  greeting: [
    (c) => ({ core: [`Heyyy${space(c)}! 👋 Good to see you, what's the vibe today?`] }),
    (c) => ({ core: [`Hello hello${comma(c)}! 😄 Grab a coffee and pull up a chair.`] }),
    (c) => ({ core: [`Yo${space(c)}! 🙌 The chat just got better.`] }),
    (c) => ({ core: [`Hiya${space(c)}! 🌞 What did I miss?`] }),
  ],
  farewell: [
    (c) => ({ core: [`Byeee${comma(c)}! 👋 Don't do anything I wouldn't do.`] }),
    (c) => ({ core: [`Night night${comma(c)} 🌙`] }),
  ],
  reaction: [
    () => ({ core: ["😂 right?"] }),
    (c) => ({ core: [`Ha, love it${comma(c)} 😄`] }),
    () => ({ core: ["Haha, fair 🙃"] }),
  ],
  resolved: [
    (c) => ({ core: [`Woo, it lives${comma(c)}! 🎉`] }),
    () => ({ core: ["Ha, classic, it fixed itself the moment you asked 😄"] }),
    () => ({ core: ["Phew! 😅 Crisis averted."] }),
  ],
  thanks: [
    (c) => ({ core: [`Anytime${comma(c)}! 🙌 That's what teammates are for.`] }),
    (c) => ({ core: [`Aww, you're welcome${comma(c)} 😊`] }),
    (c) => ({ core: [`No problem at all${comma(c)}! 😄`] }),
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
    (c) => ({
      core: [
        `Ugh, ${c.subject} again? 🙈`,
        "Not my department, but I'll cheer loudly while someone fixes it.",
      ],
    }),
  ],
  howto: [
    (c) => ({
      core: [
        `Ooh, ${c.subject}! 🧭`,
        "Trial and error is my method, but someone here probably knows the proper way.",
      ],
    }),
    (c) => ({
      core: [
        `No idea offhand how ${c.subject} works 😅`,
        "But someone here definitely knows, and I'll learn too.",
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
    (c) => ({
      core: [`Hmm, ${c.subject} 🤔`, "Honestly? I'd flip a coin, but maybe ask someone serious first."],
    }),
  ],
  factual: [
    (c) => ({
      core: [
        `Ha, I wish I knew about ${c.subject} 😅`,
        "Not going to make something up, anyone got the real answer?",
      ],
    }),
    (c) => ({ core: [`No clue about ${c.subject}, sorry 🙈`, "Someone with a calendar will know."] }),
  ],
  opinion: [
    (c) => ({ core: [`Honestly? ${Subject(c)}? Sounds fun to me 😄`, "Let's try it and see what happens."] }),
    (c) => ({
      core: [`I'm into ${c.subject} ✨`, "Low risk, high fun, and we can always change our minds."],
    }),
    (c) => ({ core: [`${Subject(c)}, yes or no? 🤔`, "I'm leaning yes, purely on vibes."] }),
  ],
  plan: [
    (c) => ({ core: ["Love a plan! 🎉", `${Subject(c)} it is, who's bringing the snacks?`] }),
    (c) => ({ core: [`Count me in for ${c.subject} 🙌`, "Just tell me where to show up."] }),
    (c) => ({ core: [`A plan for ${c.subject}? I love it already 📋`, "I'll bring the good mood."] }),
  ],
  statement: [
    (c) => ({ core: ["Ha, noted! 😄", `${Subject(c)} ${is(c)} officially today's hot topic.`] }),
    (c) => ({ core: [`Oh nice, ${c.subject} 👀`, "Tell me more!"] }),
    (c) => ({ core: [`Ooh, ${c.subject}! 🙌`, "That deserves a little celebration."] }),
  ],
  social: [
    (c) => ({ core: [`${Subject(c)}? Yes please! 🎉`, "Who else is in?"] }),
    (c) => ({
      core: [`Oh, I have opinions about ${c.subject} 😄`, "Mostly that we should do it more often."],
    }),
    (c) => ({ core: [`${Subject(c)} ${is(c)} always a good idea ✨`, "I'll bring snacks."] }),
    (c) => ({ core: [`Now we're talking, ${c.subject}! 🙌`, "Let's make it happen."] }),
  ],
};
