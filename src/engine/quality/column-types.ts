// Classifies DuckDB column types (as DuckDB prints them) for the checks that need a kind of
// column: ranges and sums want numbers or time, freshness wants a date or timestamp.

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/i;
const TIMESTAMP = /^(DATE|TIMESTAMP(_S|_MS|_NS)?|TIMESTAMP WITH TIME ZONE)$/i;
const TEMPORAL = /^(DATE|TIME|TIME WITH TIME ZONE|TIMESTAMP(_S|_MS|_NS)?|TIMESTAMP WITH TIME ZONE|INTERVAL)$/i;

export const isNumericType = (type: string): boolean => NUMERIC.test(type.trim());
/** DATE or any TIMESTAMP: a point in time that freshness can measure. */
export const isTimestampType = (type: string): boolean => TIMESTAMP.test(type.trim());
/** Numbers and times: the types a range compares. */
export const isOrderedType = (type: string): boolean => isNumericType(type) || TEMPORAL.test(type.trim());
