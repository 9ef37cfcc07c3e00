import Link from "next/link";
import type { ComponentProps } from "react";

/** Internal links navigate client-side; external ones open normally and say so to assistive tech. */
export function MdxLink({ href = "", children, ...rest }: ComponentProps<"a">) {
  if (href.startsWith("/")) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  }
  const external = /^https?:\/\//.test(href);
  return (
    <a href={href} {...rest} {...(external ? { rel: "noopener noreferrer" } : {})}>
      {children}
    </a>
  );
}
