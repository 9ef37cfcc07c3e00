-- AlterTable
ALTER TABLE "ExerciseDraft" ADD COLUMN "asideSource" TEXT;
