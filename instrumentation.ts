// Runs once when a Next.js server boots: starts the mail sender inside the app server process
// (lib/jobs/mail-sender.ts). Not during `next build`, and not in the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailSender } = await import("./lib/jobs/mail-sender");
  startMailSender();
}
