/**
 * The pages' Content-Security-Policy. Scripts run only with this response's nonce (Next adds
 * it to its own inline and bundle scripts when the proxy passes the policy on the request);
 * `strict-dynamic` lets those load the chunks they import. Styles allow inline attributes,
 * which Radix and the chat's agent colours use. Nothing may frame the app.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  dev: boolean;
  /** Extra origins the browser connects to (a hosted Turn-taking socket). */
  connect?: readonly string[];
  /** Where a sign-in form may lead (GitHub's OAuth page). */
  formActions?: readonly string[];
}): string {
  const script = [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`];
  // React's development build evaluates code for its debugging aids.
  if (options.dev) script.push(`'unsafe-eval'`);
  return [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${["'self'", ...(options.connect ?? [])].join(" ")}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action ${["'self'", ...(options.formActions ?? [])].join(" ")}`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/** The socket origin (ws: or wss:) of a configured base URL, for connect-src. */
export function socketOrigins(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    const secure = u.protocol === "https:" || u.protocol === "wss:";
    return [`${secure ? "wss:" : "ws:"}//${u.host}`];
  } catch {
    return [];
  }
}
