-- AlterTable
ALTER TABLE "ExerciseDraft" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;
