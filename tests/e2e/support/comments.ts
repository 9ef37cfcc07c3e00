import { renderCommentMarkdown } from "../../../lib/comments/markdown";
import { scriptClient } from "../../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../../playwright.config";

/**
 * Stores a comment straight in the e2e database, rendered by the renderer posting uses: for
 * tests about how a thread looks, not about the posting form.
 */
export async function seedComment(input: {
  authorEmail: string;
  course: string;
  lesson: string;
  body: string;
}) {
  const db = scriptClient(E2E_DATABASE_URL);
  try {
    const author = await db.user.findUniqueOrThrow({
      where: { email: input.authorEmail },
      select: { id: true },
    });
    await db.comment.create({
      data: {
        courseSlug: input.course,
        lessonSlug: input.lesson,
        authorId: author.id,
        body: input.body,
        html: renderCommentMarkdown(input.body),
      },
    });
  } finally {
    await db.$disconnect();
  }
}
