-- AlterTable
ALTER TABLE "User" ADD COLUMN "postingSuspendedAt" DATETIME;

-- CreateTable
CREATE TABLE "AuthorModeration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "moderatorId" TEXT,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuthorModeration_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuthorModeration_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AuthorModeration_authorId_createdAt_idx" ON "AuthorModeration"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuthorModeration_moderatorId_idx" ON "AuthorModeration"("moderatorId");
