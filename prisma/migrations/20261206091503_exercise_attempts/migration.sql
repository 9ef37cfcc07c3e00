-- CreateTable
CREATE TABLE "ExerciseAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "exerciseVersion" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "hintsUsed" INTEGER NOT NULL,
    "gradeMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExerciseAttempt_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseHintRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "exerciseVersion" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "hintIndex" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExerciseHintRequest_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExerciseDraft_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExerciseAttempt_learnerId_courseSlug_lessonSlug_exerciseId_createdAt_idx" ON "ExerciseAttempt"("learnerId", "courseSlug", "lessonSlug", "exerciseId", "createdAt");

-- CreateIndex
CREATE INDEX "ExerciseAttempt_courseSlug_lessonSlug_exerciseId_exerciseVersion_idx" ON "ExerciseAttempt"("courseSlug", "lessonSlug", "exerciseId", "exerciseVersion");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseAttempt_learnerId_submissionId_key" ON "ExerciseAttempt"("learnerId", "submissionId");

-- CreateIndex
CREATE INDEX "ExerciseHintRequest_courseSlug_lessonSlug_exerciseId_idx" ON "ExerciseHintRequest"("courseSlug", "lessonSlug", "exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseHintRequest_learnerId_courseSlug_lessonSlug_exerciseId_exerciseVersion_checkId_hintIndex_key" ON "ExerciseHintRequest"("learnerId", "courseSlug", "lessonSlug", "exerciseId", "exerciseVersion", "checkId", "hintIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseDraft_learnerId_courseSlug_lessonSlug_exerciseId_key" ON "ExerciseDraft"("learnerId", "courseSlug", "lessonSlug", "exerciseId");
