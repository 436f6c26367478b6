import type { RoleFamily } from "../persona";
import { designTemplates } from "./design";
import { genericTemplates } from "./generic";
import { playfulTemplates } from "./playful";
import { supportTemplates } from "./support";
import type { FamilyTemplates } from "./types";

export const TEMPLATES: Record<RoleFamily, FamilyTemplates> = {
  support: supportTemplates,
  design: designTemplates,
  playful: playfulTemplates,
  generic: genericTemplates,
};

export type { FamilyTemplates, ReplyContext, ReplyParts, Template, TemplateKey } from "./types";
