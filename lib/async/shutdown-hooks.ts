import { processSingleton } from "./process-singleton";

type Hook = () => Promise<void>;

const hooks = () => processSingleton("shutdown-hooks", () => new Set<Hook>());

/** Work to finish before the process exits: server.ts runs it on SIGTERM, before closing the database. */
export function onShutdown(hook: Hook): void {
  hooks().add(hook);
}

/** Runs every hook; one failing does not keep the others from finishing. */
export async function runShutdownHooks(): Promise<void> {
  const results = await Promise.allSettled([...hooks()].map((hook) => hook()));
  for (const result of results) {
    if (result.status === "rejected") console.error("shutdown:", result.reason);
  }
}
