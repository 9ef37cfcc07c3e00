import { Island } from "@/components/islands/island";
import { findStack, type StackId } from "@/lib/docker/size-data";

/**
 * `<SizeCalculator stack="node" />` in a lesson. Rendered on the server as the lesson's size
 * tables (readable without JavaScript); the client island turns it into the calculator.
 */
export function SizeCalculator({ stack }: { stack?: string }) {
  const initial: StackId = stack && findStack(stack as StackId) ? (stack as StackId) : "node";
  return (
    <section
      aria-labelledby="size-calculator-title"
      data-size-calculator=""
      className="size-calculator not-prose my-8 rounded-xl border border-[var(--border)] p-4 sm:p-5"
    >
      <h3 id="size-calculator-title" className="mt-0 text-lg font-semibold">
        Image size calculator
      </h3>
      <p className="mt-1 mb-4 text-sm text-[var(--fg-muted)]">
        Compare the published sizes per stack, see what they cost in pull time, storage and transfer, or try
        your own numbers. Sizes count 1 GB as 1000 MB, like <code>docker images</code>.
      </p>
      <noscript>
        <p className="mb-4 text-sm">
          The calculator needs JavaScript; here are the lesson’s figures as tables.
        </p>
      </noscript>
      <Island name="size-calculator" props={{ initialStack: initial }} />
    </section>
  );
}
