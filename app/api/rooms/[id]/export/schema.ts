import { z } from "zod";
import { EXPORT_KINDS } from "@/lib/chat/room-export";

/** `?format=json` (the whole room, one document) or `?format=csv&kind=…` (one kind per file). */
export const roomExportSchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("json") }),
  z.object({
    format: z.literal("csv"),
    kind: z.enum(EXPORT_KINDS, { error: `kind must be one of ${EXPORT_KINDS.join(", ")}` }),
  }),
]);
