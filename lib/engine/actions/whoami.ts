import type { ActionContext } from "../context";
import { emptySchema, parseBody } from "../schemas";

export async function whoami(ctx: ActionContext, body: unknown) {
  parseBody(emptySchema, body);
  return { user_id: ctx.principal.accountId };
}
