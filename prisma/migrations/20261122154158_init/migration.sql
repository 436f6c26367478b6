-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT,
    "emailVerified" DATETIME,
    "image" TEXT,
    "passwordHash" TEXT,
    "isGuest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EngineAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "creditsBalance" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EngineApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "EngineApiKey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EngineAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineThread" (
    "pk" TEXT NOT NULL PRIMARY KEY,
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "turnEpoch" INTEGER NOT NULL DEFAULT 0,
    "integrations" TEXT,
    "agentName" TEXT,
    CONSTRAINT "EngineThread_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EngineAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineMessage" (
    "pk" TEXT NOT NULL PRIMARY KEY,
    "threadPk" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "epoch" INTEGER NOT NULL,
    "sender" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "clientTs" DATETIME,
    "receivedAt" DATETIME NOT NULL,
    "hasMedia" BOOLEAN NOT NULL DEFAULT false,
    "self" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "EngineMessage_threadPk_fkey" FOREIGN KEY ("threadPk") REFERENCES "EngineThread" ("pk") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineDecision" (
    "pk" TEXT NOT NULL PRIMARY KEY,
    "threadPk" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "reasons" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "billed" BOOLEAN NOT NULL,
    "agentName" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "EngineDecision_threadPk_fkey" FOREIGN KEY ("threadPk") REFERENCES "EngineThread" ("pk") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineReply" (
    "pk" TEXT NOT NULL PRIMARY KEY,
    "threadPk" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "draft" TEXT NOT NULL,
    "superseded" BOOLEAN NOT NULL,
    "metadata" TEXT,
    "source" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "EngineReply_threadPk_fkey" FOREIGN KEY ("threadPk") REFERENCES "EngineThread" ("pk") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineScheduled" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "replyPk" TEXT NOT NULL,
    "threadPk" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "isLast" BOOLEAN NOT NULL,
    "deliverAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "messageId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EngineScheduled_replyPk_fkey" FOREIGN KEY ("replyPk") REFERENCES "EngineReply" ("pk") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineEvent" (
    "pk" TEXT NOT NULL PRIMARY KEY,
    "threadPk" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "clientTs" DATETIME,
    "receivedAt" DATETIME NOT NULL,
    CONSTRAINT "EngineEvent_threadPk_fkey" FOREIGN KEY ("threadPk") REFERENCES "EngineThread" ("pk") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineUsage" (
    "pk" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "EngineUsage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EngineAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "EngineApiKey_keyHash_key" ON "EngineApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "EngineApiKey_accountId_idx" ON "EngineApiKey"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "EngineThread_accountId_id_key" ON "EngineThread"("accountId", "id");

-- CreateIndex
CREATE INDEX "EngineMessage_threadPk_receivedAt_seq_idx" ON "EngineMessage"("threadPk", "receivedAt", "seq");

-- CreateIndex
CREATE INDEX "EngineDecision_threadPk_epoch_idx" ON "EngineDecision"("threadPk", "epoch");

-- CreateIndex
CREATE INDEX "EngineReply_threadPk_idx" ON "EngineReply"("threadPk");

-- CreateIndex
CREATE INDEX "EngineScheduled_status_deliverAt_idx" ON "EngineScheduled"("status", "deliverAt");

-- CreateIndex
CREATE INDEX "EngineScheduled_threadPk_idx" ON "EngineScheduled"("threadPk");

-- CreateIndex
CREATE INDEX "EngineEvent_threadPk_receivedAt_idx" ON "EngineEvent"("threadPk", "receivedAt");

-- CreateIndex
CREATE INDEX "EngineUsage_accountId_createdAt_idx" ON "EngineUsage"("accountId", "createdAt");

