import type { MetadataRoute } from "next";
import { getCatalog } from "@/lib/content/catalog";
import { siteUrl } from "@/lib/env";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1 },
    ...getCatalog().flatMap((course) => [
      { url: `${base}/courses/${course.slug}`, changeFrequency: "weekly" as const, priority: 0.9 },
      ...course.lessons.map((l) => ({
        url: `${base}/courses/${course.slug}/${l.slug}`,
        lastModified: l.updated,
        changeFrequency: "monthly" as const,
        priority: 0.8,
      })),
    ]),
  ];
}
