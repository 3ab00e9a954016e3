// Finds the table functions in a model's parse tree that read files (read_csv, read_parquet, glob,
// …). A model reads tables of the workspace: Ingot tracks their versions to know when to rebuild a
// model, but it cannot see a file change, so a model that reads a file directly would go stale.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Table functions that read files or list them. */
const FILE_READER = /^(read_\w+|sniff_csv|glob|parquet_(scan|metadata|schema|file_metadata|kv_metadata)|\w+_scan)$/i;

export interface FileRead {
  /** The function as written, e.g. read_csv. */
  name: string;
  /** DuckDB's query location of the call (a byte offset into the SQL). */
  location: number | undefined;
}

/** Every file-reading table function called in `tree` (the JSON of json_serialize_sql), in walk order. */
export function fileReads(tree: string): FileRead[] {
  const found: FileRead[] = [];
  const walk = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const fn = node.function;
    if (node.type === 'TABLE_FUNCTION' && fn !== null && typeof fn === 'object' && !Array.isArray(fn) && typeof fn.function_name === 'string' && FILE_READER.test(fn.function_name)) {
      const location = typeof node.query_location === 'number' && node.query_location < Number.MAX_SAFE_INTEGER ? node.query_location : undefined;
      found.push({ name: fn.function_name, location });
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(JSON.parse(tree) as Json);
  return found;
}
