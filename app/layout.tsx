import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { CopyButtons } from "@/components/mdx/copy-listener";
import { siteUrl } from "@/lib/env";
import { THEME_AUTO_CLASS, THEME_SCRIPT } from "@/lib/theme/script";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Lectern — interactive courses", template: "%s · Lectern" },
  description:
    "Interactive courses with server-graded quizzes and hands-on tools. Start with Docker, from your first container to multi-stage production images.",
  applicationName: "Lectern",
  openGraph: { type: "website", siteName: "Lectern" },
  // Files in public/, drawn from public/icon.svg by scripts/icons.ts.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1216" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-scroll-behavior: the site scrolls smoothly within a page (app/globals.css), and this
    // tells Next.js to turn that off while it moves to a new page's top, so a click on "Next" at a
    // part's foot lands at the next part's top at once instead of gliding past all of its text.
    <html lang="en" className={THEME_AUTO_CLASS} data-scroll-behavior="smooth" suppressHydrationWarning>
      <head>
        {/* Applies the theme before first paint (no flash of the wrong theme). */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col bg-[var(--bg)] text-[var(--fg)] antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-brand-600 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <div id="main" tabIndex={-1} className="flex-1 outline-none">
          {children}
        </div>
        <SiteFooter />
        <CopyButtons />
      </body>
    </html>
  );
}
