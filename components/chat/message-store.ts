import type { ChatMessageDTO } from "@/lib/chat/types";

/**
 * The room's messages as the browser knows them: `confirmed` are persisted (they have a seq);
 * `provisional` are agent bubbles seen on an agent's socket before the room stream echoed them,
 * keyed by delivery id. A confirmed message with the same delivery id replaces its provisional
 * twin, and nothing is ever shown twice (dedupe by message id and by delivery id).
 */
export interface MessageStore {
  confirmed: ChatMessageDTO[];
  provisional: ChatMessageDTO[];
}

export const PROVISIONAL_ID_PREFIX = "provisional:";

export function createStore(initial: readonly ChatMessageDTO[]): MessageStore {
  return addConfirmed({ confirmed: [], provisional: [] }, initial);
}

export function lastSeq(store: MessageStore): number {
  return store.confirmed.at(-1)?.seq ?? 0;
}

/** Merges persisted messages in seq order, dropping duplicates and provisional twins. */
export function addConfirmed(store: MessageStore, incoming: readonly ChatMessageDTO[]): MessageStore {
  if (incoming.length === 0) return store;
  const ids = new Set(store.confirmed.map((m) => m.id));
  const deliveries = new Set(store.confirmed.flatMap((m) => (m.deliveryId ? [m.deliveryId] : [])));
  const fresh: ChatMessageDTO[] = [];
  for (const message of incoming) {
    if (ids.has(message.id)) continue;
    if (message.deliveryId && deliveries.has(message.deliveryId)) continue;
    ids.add(message.id);
    if (message.deliveryId) deliveries.add(message.deliveryId);
    fresh.push(message);
  }
  if (fresh.length === 0) return store;
  const previousLast = lastSeq(store);
  const appendOnly = fresh.every((m, i) => m.seq > (i === 0 ? previousLast : (fresh[i - 1]?.seq ?? 0)));
  const confirmed = appendOnly
    ? [...store.confirmed, ...fresh]
    : [...store.confirmed, ...fresh].sort((a, b) => a.seq - b.seq);
  const provisional = store.provisional.filter((p) => !p.deliveryId || !deliveries.has(p.deliveryId));
  return {
    confirmed,
    provisional: provisional.length === store.provisional.length ? store.provisional : provisional,
  };
}

/** Adds an agent bubble seen on its socket unless the room stream already delivered it. */
export function addProvisional(store: MessageStore, bubble: ChatMessageDTO): MessageStore {
  const deliveryId = bubble.deliveryId;
  if (!deliveryId) return store;
  if (store.confirmed.some((m) => m.deliveryId === deliveryId)) return store;
  if (store.provisional.some((m) => m.deliveryId === deliveryId)) return store;
  const provisional = [...store.provisional, bubble].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.position ?? 0) - (b.position ?? 0),
  );
  return { ...store, provisional };
}

/** Replaces a confirmed message with its edited version; unknown messages are ignored. */
export function updateConfirmed(store: MessageStore, message: ChatMessageDTO): MessageStore {
  const index = store.confirmed.findIndex((m) => m.id === message.id);
  if (index < 0) return store;
  const current = store.confirmed[index]!;
  // An older copy (the stream's echo of an earlier edit) never overwrites a newer one.
  if (current.editedAt && message.editedAt && current.editedAt > message.editedAt) return store;
  const confirmed = [...store.confirmed];
  confirmed[index] = message;
  return { ...store, confirmed };
}

/** Drops a deleted message. */
export function removeConfirmed(store: MessageStore, id: string): MessageStore {
  if (!store.confirmed.some((m) => m.id === id)) return store;
  return { ...store, confirmed: store.confirmed.filter((m) => m.id !== id) };
}

/** Confirmed messages in seq order, then bubbles still waiting for their echo. */
export function visibleMessages(store: MessageStore): ChatMessageDTO[] {
  return store.provisional.length === 0 ? store.confirmed : [...store.confirmed, ...store.provisional];
}

export function isProvisional(message: ChatMessageDTO): boolean {
  return message.id.startsWith(PROVISIONAL_ID_PREFIX);
}
