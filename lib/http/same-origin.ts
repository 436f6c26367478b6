/** Methods that change state: each needs a JSON body type and a same-origin Origin. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CrossSiteRefusal = { code: "forbidden:origin" | "forbidden:content_type"; message: string };

/** The host the browser used: behind a proxy, X-Forwarded-Host; otherwise Host. */
function requestHost(headers: Headers, url: string): string {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || new URL(url).host;
}

/**
 * Refuses cross-site writes: a form or `text/plain` body (sendable by any page without a
 * preflight) and any Origin other than the app's own. Browsers send Origin on every
 * POST/PATCH/DELETE, so a missing one is refused too.
 */
export function crossSiteRefusal(req: Request): CrossSiteRefusal | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const origin = req.headers.get("origin");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== requestHost(req.headers, req.url))
    return { code: "forbidden:origin", message: "This request must come from the Roundtable page itself." };
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json")
    return { code: "forbidden:content_type", message: "Send the request body as application/json." };
  return null;
}
