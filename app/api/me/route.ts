import { isStaff } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Who is signed in, for the header's account menu (no email: the page never needs it). */
export async function GET() {
  const user = await getSessionUser();
  return Response.json(
    {
      user: user
        ? { name: user.name, role: user.role, staff: isStaff(user.role), verified: user.emailVerified }
        : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
