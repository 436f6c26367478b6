import { NextResponse } from "next/server";
import { badRequest } from "@/lib/chat/errors";
import { listReviewIndex } from "@/lib/chat/review-index";
import { parseIndexQuery } from "@/lib/chat/review-index-query";
import { handler } from "@/lib/chat/route-helpers";

/** GET /api/review/rooms?q=&agent=&from=&to=&sort=&dir=&page=&size= — the review index, one page. */
export const GET = handler(async (req, user) => {
  const parsed = parseIndexQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw badRequest(Object.values(parsed.fields)[0] ?? "Invalid query.", parsed.fields);
  return NextResponse.json(await listReviewIndex(user.id, parsed.value));
});
