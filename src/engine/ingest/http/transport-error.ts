// What went wrong below HTTP (no status to look at): the connection could not be opened, timed
// out, was reset, the TLS handshake failed, the body was cut short or was too large. The retry
// loop decides from `retryable`; the messages name the URL (already free of secrets).

export type TransportFailure = 'connect_timeout' | 'read_timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'truncated' | 'too_large' | 'network';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly code?: string,
    /** For truncated bodies: bytes received, and the length the server announced. */
    readonly received?: number,
    readonly expected?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  /** Worth trying again: the network or the server may do better next time. */
  get retryable(): boolean {
    return this.failure !== 'dns' && this.failure !== 'tls' && this.failure !== 'too_large';
  }
}

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** Classifies an error from node:http / node:tls into a TransportError. */
export function transportError(err: unknown, target: string): TransportError {
  if (err instanceof TransportError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  const text = e.message ?? String(err);
  if (TLS_CODES.test(code) || /ssl|tls|certificate|wrong version number/i.test(text)) {
    return new TransportError('tls', `the TLS (https) handshake with ${target} failed: ${text}`, code);
  }
  if (code === 'ECONNREFUSED') return new TransportError('refused', `${target} refused the connection (nothing is listening there)`, code);
  if (code === 'ENOTFOUND') return new TransportError('dns', `the host of ${target} was not found (DNS)`, code);
  if (code === 'EAI_AGAIN') return new TransportError('network', `the host of ${target} could not be looked up right now (DNS)`, code);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return new TransportError('reset', `${target} closed the connection unexpectedly`, code);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return new TransportError('network', `${target} cannot be reached (${code})`, code);
  return new TransportError('network', `the request to ${target} failed: ${text}`, code || undefined);
}
