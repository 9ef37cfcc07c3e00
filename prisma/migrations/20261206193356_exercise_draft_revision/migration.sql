-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExerciseDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExerciseDraft_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExerciseDraft" ("courseSlug", "exerciseId", "id", "learnerId", "lessonSlug", "source", "updatedAt") SELECT "courseSlug", "exerciseId", "id", "learnerId", "lessonSlug", "source", "updatedAt" FROM "ExerciseDraft";
DROP TABLE "ExerciseDraft";
ALTER TABLE "new_ExerciseDraft" RENAME TO "ExerciseDraft";
CREATE UNIQUE INDEX "ExerciseDraft_learnerId_courseSlug_lessonSlug_exerciseId_key" ON "ExerciseDraft"("learnerId", "courseSlug", "lessonSlug", "exerciseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
