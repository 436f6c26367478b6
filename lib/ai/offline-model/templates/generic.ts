import { comma, type FamilyTemplates, is, Subject, sounds, space } from "./types";

/** Fallback for personas without a recognisable role: polite, curious, careful. */
export const genericTemplates: FamilyTemplates = {
  greeting: [
    (c) => ({ core: [`Hi${space(c)}! Good to see you here.`] }),
    (c) => ({ core: [`Hello${space(c)}!`], closer: "How's your day going?" }),
  ],
  farewell: [(c) => ({ core: [`Goodbye${comma(c)}!`] }), (c) => ({ core: [`See you later${comma(c)}.`] })],
  reaction: [
    (c) => ({ core: [`Ha, fair${comma(c)}.`] }),
    () => ({ core: ["Got it."] }),
    () => ({ core: ["Right."] }),
  ],
  resolved: [
    (c) => ({ core: [`Glad it's working now${comma(c)}.`] }),
    () => ({ core: ["Good news, nice one."] }),
  ],
  thanks: [
    (c) => ({ core: [`You're welcome${comma(c)}!`] }),
    (c) => ({ core: [`Happy to help${comma(c)}.`] }),
  ],
  help: [
    (c) => ({
      core: [`Sorry you're running into trouble with ${c.subject}.`],
      closer: "Can you share a bit more about what happened and what you expected?",
    }),
    (c) => ({ core: [`Let's figure out ${c.subject} together.`], closer: "What have you tried so far?" }),
  ],
  howto: [
    (c) => ({
      core: [`I'd start with the settings or the help page for ${c.subject}.`],
      closer: "Where did you look so far?",
    }),
    (c) => ({ core: [`Happy to work out ${c.subject} with you.`], closer: "Which step are you on?" }),
  ],
  question: [
    (c) => ({
      core: [
        `Good question about ${c.subject}.`,
        "I'd start by pinning down what we need from it, then compare a couple of options.",
      ],
    }),
    (c) => ({
      core: [`On ${c.subject}, I'd want a bit more context before answering properly.`],
      closer: "What's the goal behind it?",
    }),
  ],
  factual: [
    (c) => ({
      core: [`I don't have the details on ${c.subject}, so I won't guess.`],
      closer: "Does anyone here know for sure?",
    }),
  ],
  opinion: [
    (c) => ({
      core: [`On ${c.subject}, I'd lean towards whatever is simplest to try and easy to undo.`],
      closer: "What's pulling you towards it?",
    }),
    (c) => ({ core: [`I think ${c.subject} ${is(c)} worth a small experiment before we decide.`] }),
  ],
  plan: [
    (c) => ({ core: [`Sounds good, for ${c.subject} let's agree on the first step and who owns it.`] }),
    (c) => ({ core: [`For ${c.subject}, I'd write down the goal, the first step and a date to check in.`] }),
  ],
  statement: [
    (c) => ({
      core: [`Thanks for sharing that about ${c.subject}.`],
      closer: "What would you like to do next with it?",
    }),
    (c) => ({ core: [`Got it, ${c.subject}.`], closer: "Anything you need from me on that?" }),
  ],
  social: [
    (c) => ({ core: [`${Subject(c)} ${sounds(c)} good to me.`] }),
    (c) => ({ core: [`I'm happy with ${c.subject}, whatever works for everyone.`] }),
  ],
};
