/**
 * Request ids correlate a 5xx log line with a supporter's report of it. A counter after the
 * process id and start time is enough to be unique among a server's processes; it needs no
 * randomness and says nothing about the client.
 */
let counter = 0;
const prefix = `${process.pid.toString(36)}-${Date.now().toString(36)}`;

export function nextRequestId(): string {
  return `${prefix}-${(++counter).toString(36)}`;
}
