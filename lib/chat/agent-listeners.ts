import "server-only";
import WebSocket from "ws";
import { processSingleton } from "@/lib/async/process-singleton";
import { connectThreadSocket, type ThreadSocket, type TurnTakingFrame } from "@/lib/turn-taking";
import { appendMessage } from "./messages";
import { relayReply } from "./orchestrator";
import { turnTaking } from "./turn-taking-client";

interface ListenedAgent {
  id: string;
  roomId: string;
  name: string;
  threadId: string;
}

/**
 * The server listens on every active agent's thread, like a browser does: each bubble
 * is recorded in the room (once, by delivery id) and, when the reply is complete,
 * relayed to the other agents so they can answer each other.
 */
class AgentListeners {
  private readonly sockets = new Map<string, ThreadSocket>();
  private readonly replies = new Map<string, { key: string | null; lines: string[] }>();

  ensure(agent: ListenedAgent): void {
    if (this.sockets.has(agent.id)) return;
    const socket = connectThreadSocket({
      getConnectUrl: async () =>
        (await turnTaking().client.openThread({ thread_id: agent.threadId })).realtime.connect_url,
      onFrame: (frame) => void this.onFrame(agent, frame),
      onError: (error) => console.warn(`listener ${agent.name}: ${error.message}`),
      WebSocketImpl: WebSocket as never,
    });
    this.sockets.set(agent.id, socket);
  }

  forget(agentId: string): void {
    this.sockets.get(agentId)?.close();
    this.sockets.delete(agentId);
  }

  private async onFrame(agent: ListenedAgent, frame: TurnTakingFrame): Promise<void> {
    if (frame.type === "turn_taking.message") {
      const metadata = (frame.data.metadata ?? {}) as { reply_key?: string };
      const stored = await appendMessage({
        roomId: agent.roomId,
        authorType: "agent",
        agentId: agent.id,
        senderName: agent.name,
        content: frame.data.content,
        deliveryId: frame.data.message_id,
        replyKey: metadata.reply_key ?? null,
        position: frame.data.position,
      }).catch((error) => {
        console.error(`listener ${agent.name}: could not store a bubble`, error);
        return null;
      });
      if (!stored) return;
      const reply = this.replies.get(agent.id) ?? { key: metadata.reply_key ?? null, lines: [] };
      reply.lines.push(frame.data.content);
      this.replies.set(agent.id, reply);
    } else if (frame.type === "turn_taking.typing" && !frame.data.typing) {
      const reply = this.replies.get(agent.id);
      this.replies.delete(agent.id);
      if (reply && reply.lines.length > 0)
        await relayReply(agent, reply.lines).catch((e) => console.error(e));
    }
  }
}

export const agentListeners = (): AgentListeners =>
  processSingleton("agent-listeners", () => new AgentListeners());

export function ensureListeners(agents: ListenedAgent[]): void {
  for (const agent of agents) agentListeners().ensure(agent);
}
