/**
 * Which origins are the browser host's own: loopback names on its own port. A page
 * may be opened as 127.0.0.1 or localhost; both are ours, nothing else is (a rebound
 * DNS name, another website).
 */
export interface OwnOrigin {
  /** The host's origin, once it listens (http://host:port). */
  readonly origin: string;
  listeningOn(port: number): void;
  is(value: string | undefined): boolean;
  /** The origin the page was opened with, when it is ours; else the host's. */
  of(hostHeader: string | undefined): string;
}

export function createOwnOrigin(host: string): OwnOrigin {
  const loopbackNames = new Set([host, '127.0.0.1', 'localhost', '[::1]']);
  let port = 0;
  const is = (value: string | undefined) => {
    if (!value) return false;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' && loopbackNames.has(url.hostname) && url.port === String(port);
    } catch {
      return false;
    }
  };
  return {
    get origin() {
      return `http://${host}:${port}`;
    },
    listeningOn(listening) {
      port = listening;
    },
    is,
    of(hostHeader) {
      const candidate = `http://${hostHeader ?? ''}`;
      return is(candidate) ? candidate : `http://${host}:${port}`;
    },
  };
}
