import { NextResponse } from "next/server";
import { availableModels, DEFAULT_MODEL_ID } from "@/lib/ai/models";
import { handler } from "@/lib/chat/route-helpers";

export const GET = handler(async () =>
  NextResponse.json({
    models: availableModels().map(({ id, label, description, available }) => ({
      id,
      label,
      description,
      available,
    })),
    defaultModelId: DEFAULT_MODEL_ID,
  }),
);
