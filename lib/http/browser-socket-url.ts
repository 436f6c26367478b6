/**
 * The embedded engine answers the app over loopback, so its connect_url names 127.0.0.1.
 * The browser reaches the same server under the origin it used (localhost, a LAN address,
 * a proxy's name): the socket URL is moved there, which also keeps it within the CSP's
 * connect-src 'self'. `origin` is the request's same-origin Origin header.
 */
export function browserSocketUrl(connectUrl: string, origin: string | null): string {
  if (!origin) return connectUrl;
  try {
    const from = new URL(origin);
    const url = new URL(connectUrl);
    url.protocol = from.protocol === "https:" ? "wss:" : "ws:";
    url.hostname = from.hostname;
    url.port = from.port; // "" (the scheme's default) clears the engine's port too
    return url.toString();
  } catch {
    return connectUrl;
  }
}
