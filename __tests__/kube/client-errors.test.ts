/**
 * Errors that name their cause (issue 9): a refused connection, a TLS server whose certificate
 * is not trusted, a server that accepts and never answers (the per-request timeout), an unknown
 * context, and a kubeconfig that is not YAML (file and line, never content).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { UnreachableError } from '../../src/kube/client.js';
import { KubeconfigError } from '../../src/kube/kubeconfig-errors.js';
import { createNodeClient } from '../../src/kube/node-client.js';
import { unreachableMessage } from '../../src/kube/reachable.js';
import { withRetries } from '../../src/kube/retry.js';
import { selfSigned } from '../helpers/tls.js';

function kubeconfig(server: string, opts: { insecure?: boolean; context?: string } = {}): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: ${server}`,
    ...(opts.insecure === false ? [] : ['    insecure-skip-tls-verify: true']),
    'users:',
    '- name: u',
    '  user:',
    '    token: s3cr3t-token-value',
    'contexts:',
    '- name: ctx',
    '  context: { cluster: c, user: u, namespace: default }',
    `current-context: ${opts.context ?? 'ctx'}`,
    '',
  ].join('\n');
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function listen<S extends NetServer | TlsServer>(server: S): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => sockets.add(s));
  server.on('secureConnection', (s: Socket) => sockets.add(s));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

describe('unreachable clusters name the cause', () => {
  it('connection refused: "Kubernetes cluster unreachable: connect ECONNREFUSED 127.0.0.1:PORT"', async () => {
    const server = createNetServer();
    const port = await listen(server);
    await closers.pop()!(); // the port is now closed
    const client = withRetries(
      createNodeClient({ kubeconfig: kubeconfig(`https://127.0.0.1:${port}`) }),
    );
    await expect(unreachableMessage(client)).resolves.toBe(
      `Kubernetes cluster unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('an untrusted certificate: x509: certificate signed by unknown authority', async () => {
    const server = createTlsServer(selfSigned(), (s) => s.end());
    const port = await listen(server);
    const client = createNodeClient({
      kubeconfig: kubeconfig(`https://127.0.0.1:${port}`, { insecure: false }),
    });
    await expect(unreachableMessage(client)).resolves.toBe(
      'Kubernetes cluster unreachable: x509: certificate signed by unknown authority',
    );
  });

  it('a server that accepts and never answers: the per-request timeout ends the call', async () => {
    const server = createNetServer(() => {
      /* accept, read nothing, answer nothing */
    });
    const port = await listen(server);
    const client = createNodeClient({
      kubeconfig: kubeconfig(`https://127.0.0.1:${port}`),
      requestTimeoutMs: 300,
    });
    const err = await client
      .get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'default' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as UnreachableError).reason).toBe('timeout');
    // With retries the call is still bounded: by retries and by the budget.
    const retried = withRetries(client, { maxRetries: 2, baseDelayMs: 1 });
    await expect(unreachableMessage(retried)).resolves.toMatch(
      /^Kubernetes cluster unreachable: request timed out: the server did not answer \(after 3 attempts\)$/,
    );
  });
});

describe('kubeconfig errors', () => {
  it('an unknown context: context "x" does not exist', () => {
    expect(() =>
      createNodeClient({ kubeconfig: kubeconfig('https://127.0.0.1:1'), context: 'nope' }),
    ).toThrow('Kubernetes cluster unreachable: context "nope" does not exist');
    expect(() =>
      createNodeClient({ kubeconfig: kubeconfig('https://127.0.0.1:1', { context: 'gone' }) }),
    ).toThrow('context "gone" does not exist');
  });

  it('invalid YAML names the file and line, never the content (token included)', () => {
    const text = kubeconfig('https://127.0.0.1:1').replace(
      '    token: s3cr3t-token-value',
      '    token: s3cr3t-token-value\n  - broken: [',
    );
    let err: unknown;
    try {
      createNodeClient({ kubeconfig: text, source: { path: '/home/u/.kube/config' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KubeconfigError);
    const message = (err as Error).message;
    expect(message).toMatch(
      /^error loading config file "\/home\/u\/\.kube\/config": yaml: line 12: /,
    );
    expect(message).not.toContain('s3cr3t');
    expect(message).not.toContain('broken');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names the action input when the kubeconfig came from one', () => {
    expect(() =>
      createNodeClient({
        kubeconfig: 'token: abc\n\tbad: tab',
        source: { description: 'the action input "kubeconfig"' },
      }),
    ).toThrow(/^error loading config from the action input "kubeconfig": yaml: line 2: /);
  });
});
