// Whether an error means the database is not reachable right now (refused or dropped
// connection, server shutting down or starting): the API answers 503 and the next request
// tries again, since the pool opens new connections on demand.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** SQLSTATE: admin shutdown, crash shutdown, cannot connect now, database being dropped or starting. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '57P04']);
const DROPPED =
  /Connection terminated|connection .*(closed|ended)|Client has encountered a connection error/i;

export function isDatabaseOutage(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))
    )
      return true;
    if (DROPPED.test(e.message)) return true;
    // AggregateError (a refused connection to every address of localhost).
    if (e instanceof AggregateError && e.errors.some(isDatabaseOutage)) return true;
  }
  return false;
}
