-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "firstVisitedAt" DATETIME,
    "lastVisitedAt" DATETIME,
    "lastSection" TEXT,
    "completedAt" DATETIME,
    "completedBy" TEXT,
    "bestScore" INTEGER,
    "bestMaxScore" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LessonProgress_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "quizVersion" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");

-- CreateIndex
CREATE INDEX "Lesson_courseId_part_idx" ON "Lesson"("courseId", "part");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_courseId_slug_key" ON "Lesson"("courseId", "slug");

-- CreateIndex
CREATE INDEX "LessonProgress_courseSlug_lessonSlug_idx" ON "LessonProgress"("courseSlug", "lessonSlug");

-- CreateIndex
CREATE INDEX "LessonProgress_learnerId_courseSlug_lastVisitedAt_idx" ON "LessonProgress"("learnerId", "courseSlug", "lastVisitedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_learnerId_courseSlug_lessonSlug_key" ON "LessonProgress"("learnerId", "courseSlug", "lessonSlug");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_submissionId_key" ON "QuizAttempt"("submissionId");

-- CreateIndex
CREATE INDEX "QuizAttempt_learnerId_courseSlug_lessonSlug_quizId_createdAt_idx" ON "QuizAttempt"("learnerId", "courseSlug", "lessonSlug", "quizId", "createdAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_courseSlug_lessonSlug_quizId_quizVersion_idx" ON "QuizAttempt"("courseSlug", "lessonSlug", "quizId", "quizVersion");
