import "server-only";
import { processSingleton } from "@/lib/async/process-singleton";
import { createTurnTakingClient, type TurnTakingClient, turnTakingConfigFromEnv } from "@/lib/turn-taking";
import { createKeepAliveFetch } from "@/lib/turn-taking/keep-alive-fetch";

/**
 * The server's one Turn-taking client: the hosted service when HUMALIKE_API_URL and
 * HUMALIKE_API_KEY are set, otherwise this process's own embedded engine over loopback
 * with the key server.ts provisioned. The key never leaves the server.
 */
export const turnTaking = (): { client: TurnTakingClient; mode: "embedded" | "hosted" } =>
  processSingleton("turn-taking-client", () => {
    const config = turnTakingConfigFromEnv(process.env, {
      baseUrl: `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      apiKey: process.env.ENGINE_APP_KEY ?? "",
    });
    return {
      client: createTurnTakingClient({
        baseUrl: config.baseUrl,
        apiKey: config.apiKey,
        // Calls reuse a few kept-alive sockets instead of opening one per concurrent call.
        fetch: createKeepAliveFetch(),
      }),
      mode: config.mode,
    };
  });
