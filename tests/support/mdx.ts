import remarkGfm from "remark-gfm";
import { bundleMdx } from "@/lib/content/compile";

/** The pipeline's compile of `source` with GitHub Markdown but without the guard (or any check). */
export function bundleWithoutGuard(source: string): Promise<string> {
  return bundleMdx(source, { remark: [remarkGfm], rehype: [] });
}
