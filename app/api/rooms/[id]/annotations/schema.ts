import { z } from "zod";
import { VERDICTS } from "@/lib/chat/annotation-types";

const id = z.string().min(1).max(64);

/** `?verdict=&agent=&turn=&mine=1&cursor=&limit=`: every filter optional. */
export const annotationListSchema = z.object({
  verdict: z.enum(VERDICTS).optional(),
  agent: id.optional(),
  turn: id.optional(),
  mine: z.enum(["0", "1"]).optional(),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[\w-]{1,64}$/, "Not a cursor from this list")
    .transform((c) => {
      const at = c.indexOf("_");
      return { updatedAt: new Date(c.slice(0, at)), id: c.slice(at + 1) };
    })
    .refine((c) => !Number.isNaN(c.updatedAt.getTime()), "Not a cursor from this list")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AnnotationListQuery = z.infer<typeof annotationListSchema>;
