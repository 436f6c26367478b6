import { NextResponse } from "next/server";
import { badRequest } from "@/lib/chat/errors";
import { chartsScope, getReviewCharts, loadChart } from "@/lib/chat/review-charts";
import { parseChartsQuery } from "@/lib/chat/review-index-query";
import { handler } from "@/lib/chat/route-helpers";

/**
 * GET /api/review/charts?roomId=&q=&agent=&from=&to=&chart= — chart data for one room or all the
 * caller's rooms: every chart, or with `chart` (speak-rate, delay, decisions, credits, reasons) one.
 */
export const GET = handler(async (req, user) => {
  const parsed = parseChartsQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw badRequest(Object.values(parsed.fields)[0] ?? "Invalid query.", parsed.fields);
  const { chart, ...query } = parsed.value;
  if (!chart) return NextResponse.json(await getReviewCharts(user.id, query));
  const scope = await chartsScope(user.id, query);
  return NextResponse.json({ room: scope.room, chart, data: await loadChart(scope, chart) });
});
