/**
 * A minimal valid lesson for the preview's "Template" start: frontmatter, a section heading,
 * a code block and a small quiz. `updated` is today's date so the frontmatter is current.
 */
export function lessonTemplate(today = new Date()): string {
  const updated = today.toISOString().slice(0, 10);
  return `---
title: "Your Lesson Title"
part: 11
slug: your-lesson-slug
summary: "One or two sentences for the course page, search results and link previews."
objectives:
  - State the one idea a learner should take away
  - Run the command that shows it
updated: ${updated}
draft: true
---

A short introduction: what this part covers and why it matters.

## A first section

Explain one idea, then show it:

\`\`\`dockerfile title="Dockerfile"
# syntax=docker/dockerfile:1
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
\`\`\`

<Callout type="tip" title="Keep it small">
One idea per section reads better than three.
</Callout>

\`\`\`quiz
id: your-lesson-check
title: Check your understanding
questions:
  - id: first-question
    type: single
    prompt: Which instruction sets the working directory?
    explanation: "\`WORKDIR\` sets the directory later instructions run in."
    choices:
      - text: "\`WORKDIR\`"
        correct: true
      - text: "\`CMD\`"
        explanation: "\`CMD\` is the default command of the container."
  - id: non-root
    type: truefalse
    prompt: "\`USER node\` makes the container run as a non-root user."
    answer: true
    explanation: The node images ship a \`node\` user for exactly this.
\`\`\`

## Summary

Recap the idea in two or three sentences, and lead in to the next part.
`;
}
