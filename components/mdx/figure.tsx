/** An image from public/ with a caption. */
export function Figure({
  src,
  alt,
  caption,
  width,
  height,
}: {
  src: string;
  alt: string;
  caption?: string;
  width?: string;
  height?: string;
}) {
  return (
    <figure className="my-6">
      {/* biome-ignore lint/performance/noImgElement: lesson images are static files; next/image adds JS for no gain here */}
      <img
        src={src}
        alt={alt}
        width={width}
        height={height}
        loading="lazy"
        className="mx-auto h-auto max-w-full rounded-md"
      />
      {caption ? (
        <figcaption className="mt-2 text-center text-sm text-[var(--fg-muted)]">{caption}</figcaption>
      ) : null}
    </figure>
  );
}
