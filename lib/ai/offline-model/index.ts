import { OfflinePersonaModel } from "./model";

export { composeDetails, composeReply, MAX_REPLY_CHARS, type ReplyDetails } from "./compose";
export { type Conversation, parseSenderLines, readConversation, type Utterance } from "./conversation";
export { detectIntent, type Intent, type IntentInfo } from "./intent";
export { OFFLINE_MODEL_ID, OFFLINE_PROVIDER, OfflinePersonaModel } from "./model";
export { extractPersona, type Persona, type RoleFamily, type Tone } from "./persona";
export { extractTopic, type Topic } from "./topic";

/** A fresh offline model; it is stateless, so sharing `offlineModel` is just as good. */
export function createOfflineModel(): OfflinePersonaModel {
  return new OfflinePersonaModel();
}

export const offlineModel = createOfflineModel();
