import type { AuthorStanding } from "@/lib/comments/author-moderation";
import { AuthorActions } from "./author-actions";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const WORDS = {
  "hide-all": "All comments hidden",
  suspend: "Posting suspended",
  lift: "Suspension lifted",
} as const;

/** One record of what was done to an author, with who and when. */
function Record({ entry }: { entry: AuthorStanding["history"][number] }) {
  return (
    <li>
      {WORDS[entry.action]} by {entry.moderator ?? "[deleted account]"} on {when.format(entry.createdAt)} UTC
      {entry.action === "hide-all"
        ? ` (${entry.comments} ${entry.comments === 1 ? "comment" : "comments"})`
        : ""}
    </li>
  );
}

/**
 * An author's standing on the moderation page (suspended or not, what moderators did and when)
 * with the actions on the author: hide all of their comments, suspend or lift their posting.
 */
export function AuthorPanel({ author, self }: { author: AuthorStanding; self: boolean }) {
  return (
    <div data-author-actions={author.id} className="rounded-md bg-[var(--bg-soft)] px-3 py-2 text-sm">
      <p>
        <span className="font-semibold">{author.name}</span>
        {author.postingSuspendedAt ? (
          <strong className="ml-2 text-red-800 dark:text-red-300">Posting suspended</strong>
        ) : null}
      </p>
      {author.history.length > 0 ? (
        <ul className="mt-1 list-none pl-0 text-[var(--fg-muted)]">
          {author.history.map((entry) => (
            <Record key={`${entry.action}-${entry.createdAt.toISOString()}`} entry={entry} />
          ))}
        </ul>
      ) : null}
      {self ? null : (
        <div className="mt-2">
          <AuthorActions id={author.id} name={author.name} suspended={Boolean(author.postingSuspendedAt)} />
        </div>
      )}
    </div>
  );
}
