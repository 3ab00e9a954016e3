// RFC 8288 `Link` headers: finds the target of rel="next", resolved against the request URL.

/** The URL of the `rel` link (default "next") in a Link header, or undefined. */
export function linkTarget(header: string | string[] | undefined, base: string, rel = 'next'): string | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(', ') : header;
  const link = /<([^>]*)>((?:\s*;\s*[^;,]+(?:=(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const m of text.matchAll(link)) {
    const params = m[2] ?? '';
    for (const p of params.matchAll(/;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/gi)) {
      const rels = (p[1] ?? p[2] ?? '').toLowerCase().split(/\s+/);
      if (rels.includes(rel)) {
        try {
          return new URL(m[1] ?? '', base).toString();
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}
