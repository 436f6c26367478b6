-- Existing rooms continue their message sequence where it stands.
UPDATE "Room" SET "lastSeq" = COALESCE((SELECT MAX("seq") FROM "ChatMessage" WHERE "ChatMessage"."roomId" = "Room"."id"), 0);
