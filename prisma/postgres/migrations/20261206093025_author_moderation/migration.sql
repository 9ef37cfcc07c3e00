-- AlterTable
ALTER TABLE "User" ADD COLUMN     "postingSuspendedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AuthorModeration" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "moderatorId" TEXT,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorModeration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthorModeration_authorId_createdAt_idx" ON "AuthorModeration"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuthorModeration_moderatorId_idx" ON "AuthorModeration"("moderatorId");

-- AddForeignKey
ALTER TABLE "AuthorModeration" ADD CONSTRAINT "AuthorModeration_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorModeration" ADD CONSTRAINT "AuthorModeration_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
