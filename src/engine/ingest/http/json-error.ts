// Finds where a response stops being valid JSON: the byte offset of the first syntax error and a
// short reason ("ends early" for a truncated body). JSON.parse says that a body is invalid; this
// says where, for the message. Runs only on bodies that already failed to parse.

export interface JsonErrorLocation {
  /** Zero-based byte offset into the (decoded) response body. */
  offset: number;
  reason: string;
  /** True when the body ends before the JSON does. */
  truncated: boolean;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number | undefined): boolean => c !== undefined && (isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));

class Scanner {
  i = 0;
  constructor(readonly b: Uint8Array) {}

  get done(): boolean {
    return this.i >= this.b.length;
  }

  /** The byte at the current position (a method, so checks after moving on are not narrowed away). */
  c(): number | undefined {
    return this.b[this.i];
  }

  ws(): void {
    while (!this.done && WS.has(this.b[this.i] as number)) this.i++;
  }

  /** Reads a string starting at the quote; returns an error reason or undefined. */
  string(): string | undefined {
    this.i++;
    while (!this.done) {
      const c = this.b[this.i] as number;
      if (c === QUOTE) {
        this.i++;
        return undefined;
      }
      if (c < 0x20) return 'a control character inside a string';
      if (c === BACKSLASH) {
        this.i++;
        const e = this.c();
        if (e === undefined) return undefined;
        if (e === 0x75) {
          for (let k = 1; k <= 4; k++) {
            if (this.i + k >= this.b.length) return undefined;
            if (!isHex(this.b[this.i + k])) return 'a \\u escape needs four hex digits';
          }
          this.i += 4;
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) {
          return 'an invalid escape sequence';
        }
      }
      this.i++;
    }
    return undefined;
  }

  number(): string | undefined {
    if (this.c() === 0x2d) this.i++;
    if (this.c() === 0x30) this.i++;
    else if (isDigit(this.c())) while (isDigit(this.c())) this.i++;
    else return this.done ? undefined : 'a number needs digits';
    if (this.c() === 0x2e) {
      this.i++;
      if (!isDigit(this.c())) return this.done ? undefined : 'a number needs digits after the decimal point';
      while (isDigit(this.c())) this.i++;
    }
    if (this.c() === 0x65 || this.c() === 0x45) {
      this.i++;
      if (this.c() === 0x2b || this.c() === 0x2d) this.i++;
      if (!isDigit(this.c())) return this.done ? undefined : 'a number needs digits in its exponent';
      while (isDigit(this.c())) this.i++;
    }
    return undefined;
  }

  literal(word: string): string | undefined {
    for (const ch of word) {
      if (this.done) return undefined;
      if (this.c() !== ch.charCodeAt(0)) return `unexpected character (expected ${word})`;
      this.i++;
    }
    return undefined;
  }

  /** A scalar value at the current position, or a reason it is not one. */
  scalar(): string | undefined {
    const c = this.c();
    if (c === QUOTE) return this.string();
    if (c === 0x2d || isDigit(c)) return this.number();
    if (c === 0x74) return this.literal('true');
    if (c === 0x66) return this.literal('false');
    if (c === 0x6e) return this.literal('null');
    return `unexpected character "${String.fromCharCode(c ?? 0x3f)}" where a value should start`;
  }

  /** After `{` or `,` in an object: a key and its colon. */
  key(): string | undefined {
    this.ws();
    if (this.done) return undefined;
    if (this.c() !== QUOTE) return 'expected a quoted property name';
    const bad = this.string();
    if (bad || this.done) return bad;
    this.ws();
    if (this.done) return undefined;
    if (this.c() !== COLON) return 'expected ":" after a property name';
    this.i++;
    return undefined;
  }
}

/** Where `body` stops being JSON, or undefined when it is valid JSON. */
export function locateJsonError(body: Uint8Array): JsonErrorLocation | undefined {
  const s = new Scanner(body);
  const stack: number[] = [];
  const at = (reason: string | undefined): JsonErrorLocation =>
    s.done || reason === undefined
      ? { offset: body.length, reason: 'the body ends before the JSON does (it looks truncated)', truncated: true }
      : { offset: s.i, reason, truncated: false };
  s.ws();
  if (s.done) return { offset: 0, reason: 'the body is empty', truncated: true };
  for (;;) {
    // A value is expected here.
    s.ws();
    if (s.done) return at(undefined);
    if (s.c() === OPEN_OBJECT || s.c() === OPEN_ARRAY) {
      const open = s.c() as number;
      s.i++;
      s.ws();
      const close = open === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
      if (s.c() === close) {
        s.i++;
      } else {
        stack.push(open);
        if (open === OPEN_OBJECT) {
          const bad = s.key();
          if (bad || s.done) return at(bad);
        }
        continue;
      }
    } else {
      const bad = s.scalar();
      if (bad) return at(bad);
    }
    // After a value: a separator, a closing bracket, or the end.
    for (;;) {
      s.ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return s.done ? undefined : { offset: s.i, reason: 'unexpected data after the end of the JSON value', truncated: false };
      if (s.done) return at(undefined);
      if (s.c() === COMMA) {
        s.i++;
        if (top === OPEN_OBJECT) {
          const bad = s.key();
          if (bad || s.done) return at(bad);
        }
        break;
      }
      if ((top === OPEN_OBJECT && s.c() === CLOSE_OBJECT) || (top === OPEN_ARRAY && s.c() === CLOSE_ARRAY)) {
        s.i++;
        stack.pop();
        continue;
      }
      return { offset: s.i, reason: `expected "," or "${top === OPEN_OBJECT ? '}' : ']'}"`, truncated: false };
    }
  }
}
