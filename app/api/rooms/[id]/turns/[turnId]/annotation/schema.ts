import { z } from "zod";
import { NOTE_MAX, VERDICTS } from "@/lib/chat/annotation-types";

export const annotationSchema = z.object({
  verdict: z.enum(VERDICTS, { error: "Choose right, should have spoken, or should have stayed silent" }),
  note: z.string().trim().max(NOTE_MAX, `Notes can be at most ${NOTE_MAX} characters`).default(""),
});
export type AnnotationInput = z.infer<typeof annotationSchema>;
