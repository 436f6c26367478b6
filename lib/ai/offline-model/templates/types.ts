import type { Intent } from "../intent";
import type { Area } from "../lexicon";
import type { Persona } from "../persona";

export interface ReplyContext {
  persona: Persona;
  intent: Intent;
  factual: boolean;
  /** What part of life the message is about (work, design, or lunch and games). */
  area: Area;
  /** The topic noun phrase, or "this" when the message has none. */
  subject: string;
  hasTopic: boolean;
  /** Whom to address by name, if anyone. */
  name: string | null;
  /** Troubleshooting steps that fit the topic (support replies use them). */
  steps: readonly [string, string, string];
  seed: number;
}

/** A reply in slots, so tone rules can drop the least important sentences first. */
export interface ReplyParts {
  opener?: string;
  core: string[];
  closer?: string;
}

export type Template = (c: ReplyContext) => ReplyParts;

/**
 * Per intent, plus "factual" (questions it cannot know the answer to), "reaction" (topic-less
 * chatter: "lol", "ok") and "social" (lunch, games, books: opinions and plans outside work).
 */
export type TemplateKey = Intent | "factual" | "reaction" | "social";
export type FamilyTemplates = Record<TemplateKey, readonly Template[]>;

/** ", Sam" or "" */
export const comma = (c: ReplyContext) => (c.name ? `, ${c.name}` : "");
/** " Sam" or "" */
export const space = (c: ReplyContext) => (c.name ? ` ${c.name}` : "");
export const Subject = (c: ReplyContext) => c.subject.charAt(0).toUpperCase() + c.subject.slice(1);

/** "is" or "are" for the subject: "the dashboard charts are", "the release is". */
export const is = (c: ReplyContext) =>
  /[^su']s$/i.test(c.subject) && !/^(this|news)$/i.test(c.subject) ? "are" : "is";
/** "sounds" or "sound". */
export const sounds = (c: ReplyContext) => (is(c) === "are" ? "sound" : "sounds");
