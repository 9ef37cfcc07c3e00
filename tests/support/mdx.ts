import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";

/** mdx-bundler with the pipeline's settings (lib/content/compile.ts) but without the guard. */
export async function bundleWithoutGuard(source: string): Promise<string> {
  const result = await bundleMDX({
    source,
    cwd: path.join(process.cwd(), "content"),
    globals: { "react/jsx-dev-runtime": { varName: "_jsx_dev_runtime", type: "cjs" } },
    mdxOptions(options) {
      options.development = true;
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
      return options;
    },
    esbuildOptions(options) {
      options.minify = false;
      options.logLevel = "silent";
      return options;
    },
  });
  return result.code;
}
