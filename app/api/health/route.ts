import { checkHealth } from "@/lib/health/check";

export const dynamic = "force-dynamic";

/** For load balancers: 200 with `status: "ok"` when the app and its database answer, else 503. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
