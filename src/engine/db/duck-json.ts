// Parses JSON text written by DuckDB's to_json. DuckDB writes a DOUBLE or FLOAT that is NaN or
// infinite as a bare NaN, Infinity or -Infinity, which JSON.parse refuses; those become the
// strings "NaN", "Infinity" and "-Infinity", so one odd reading cannot fail a check's samples.

const NON_FINITE = ['-Infinity', 'Infinity', 'NaN'];

/** JSON.parse of DuckDB's to_json text, with non-finite numbers as strings. */
export function parseDuckJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!NON_FINITE.some((t) => text.includes(t))) throw err;
  }
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    const token = NON_FINITE.find((t) => text.startsWith(t, i));
    if (token) {
      out += `"${token}"`;
      i += token.length - 1;
    } else out += ch;
  }
  return JSON.parse(out);
}

/** parseDuckJson of a JSON object (one row). */
export function parseDuckJsonRow(text: string): Record<string, unknown> {
  return parseDuckJson(text) as Record<string, unknown>;
}
