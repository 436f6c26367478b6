import { NextResponse } from "next/server";
import { badRequest } from "@/lib/chat/errors";
import { getReviewCharts } from "@/lib/chat/review-charts";
import { parseChartsQuery } from "@/lib/chat/review-index-query";
import { handler } from "@/lib/chat/route-helpers";

/** GET /api/review/charts?roomId=&q=&agent=&from=&to= — chart data for one room or all the caller's rooms. */
export const GET = handler(async (req, user) => {
  const parsed = parseChartsQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw badRequest(Object.values(parsed.fields)[0] ?? "Invalid query.", parsed.fields);
  return NextResponse.json(await getReviewCharts(user.id, parsed.value));
});
