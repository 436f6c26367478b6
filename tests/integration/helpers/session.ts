import type { RoomSummary } from "@/lib/chat/types";

/** A signed-in person talking to the app over plain HTTP (cookies kept like a browser). */
export class HttpSession {
  private readonly jar = new Map<string, string>();
  /** Every response body this session received, to check that no secret ever leaks. */
  readonly bodies: string[] = [];

  constructor(readonly baseUrl: string) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      this.jar.set(name!, value.join("="));
    }
  }

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      redirect: "manual",
      ...init,
      // Like a browser on the app's own page: writes carry the app's Origin.
      headers: { cookie: this.cookie, origin: this.baseUrl, ...(init.headers as Record<string, string>) },
    });
    this.remember(res);
    return res;
  }

  async json<T = Record<string, unknown>>(path: string, init: RequestInit & { body?: string } = {}) {
    const res = await this.fetch(path, {
      ...init,
      headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) },
    });
    const text = await res.text();
    this.bodies.push(text);
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Joins through an invite link the way the invite page's Join button does; returns the room id. */
  async joinByInvite(inviteUrl: string): Promise<{ status: number; roomId?: string }> {
    const code = inviteUrl.split("/").at(-1)!;
    const res = await this.json<{ roomId?: string }>(`/api/invites/${code}`, { method: "POST" });
    return { status: res.status, roomId: res.body?.roomId };
  }

  /** A password sign-in through Auth.js's endpoint; returns the status and where it redirects. */
  async signInWithPassword(email: string, password: string): Promise<Response> {
    const csrfRes = await this.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/rooms" }),
    });
  }

  /** The demo room every new person lands in, with its three agents. */
  async demoRoom(): Promise<RoomSummary> {
    const rooms = await this.json<{ rooms: RoomSummary[] }>("/api/rooms");
    const demo = rooms.body.rooms?.find((r) => r.isDemo);
    if (!demo) throw new Error(`no demo room (GET /api/rooms answered ${rooms.status})`);
    return demo;
  }

  async signInAsGuest(): Promise<{ id: string; name: string }> {
    const csrfRes = await this.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/guest", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/rooms" }),
    });
    if (res.status !== 302) throw new Error(`guest sign-in failed: ${res.status}`);
    const session = await this.json<{ user: { id: string; name: string } }>("/api/auth/session");
    return session.body.user;
  }
}

export async function waitUntil<T>(
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  stepMs = 200,
) {
  const start = Date.now();
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
