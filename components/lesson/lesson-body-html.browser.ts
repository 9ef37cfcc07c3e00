// What the browser build gets for ./lesson-body-html.tsx (next.config.mjs): the lesson body is
// rendered on the server only, and <LessonBody> never renders this in the browser.
export default function LessonBodyHtml(_: { bodyKey: string }): null {
  throw new Error("The lesson body is rendered on the server only");
}

export function LessonBodyTree(): null {
  throw new Error("The lesson body is rendered on the server only");
}
