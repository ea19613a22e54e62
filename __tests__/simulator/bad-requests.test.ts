/**
 * The simulator never crashes on a bad request: every one below gets a `kind: Status` body whose
 * `code` is the HTTP status (4xx), and the server keeps answering afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(async () => {
  await sim.close();
});

function send(
  method: string,
  path: string,
  body?: string,
  type = 'application/json',
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> =
      body === undefined
        ? {}
        : { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) };
    const req = request(`${sim.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const CM = '/api/v1/namespaces/default/configmaps';
interface Case {
  method: string;
  path: string;
  body?: string;
  type?: string;
}

// Objects, not tuples: jest-each would take a missing trailing element for a `done` callback.
const CASES: Array<[string, Case]> = [
  ['POST a JSON array', { method: 'POST', path: CM, body: '[1,2]' }],
  ['POST null', { method: 'POST', path: CM, body: 'null' }],
  ['POST an empty body', { method: 'POST', path: CM, body: '' }],
  [
    'POST YAML that does not parse',
    { method: 'POST', path: CM, body: 'a: [', type: 'application/yaml' },
  ],
  [
    'POST with the wrong kind',
    { method: 'POST', path: CM, body: '{"kind":"Secret","metadata":{"name":"x"}}' },
  ],
  ['POST metadata as a string', { method: 'POST', path: CM, body: '{"metadata":"x"}' }],
  ['POST a name that is a number', { method: 'POST', path: CM, body: '{"metadata":{"name":5}}' }],
  [
    'POST deeply nested JSON',
    {
      method: 'POST',
      path: CM,
      body: `{"metadata":{"name":"deep"},"data":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    },
  ],
  ['GET with a bad limit', { method: 'GET', path: `${CM}?limit=abc` }],
  ['GET with a bad continue token', { method: 'GET', path: `${CM}?limit=1&continue=%%%` }],
  [
    'GET with a broken URL escape',
    { method: 'GET', path: '/api/v1/namespaces/%E0%A4%A/configmaps' },
  ],
  ['GET a subresource that does not exist', { method: 'GET', path: `${CM}/x/nothing` }],
  ['GET too many path segments', { method: 'GET', path: `${CM}/x/status/more` }],
  [
    'watch with a non-numeric resourceVersion',
    { method: 'GET', path: `${CM}?watch=true&resourceVersion=abc` },
  ],
  [
    'GET with an unknown fieldSelector field',
    { method: 'GET', path: `${CM}?fieldSelector=spec.x%3D1` },
  ],
  ['PUT to a collection', { method: 'PUT', path: CM, body: '{}' }],
  [
    'PATCH a missing object',
    { method: 'PATCH', path: `${CM}/missing`, body: '{}', type: 'application/merge-patch+json' },
  ],
  [
    'merge patch with an array',
    { method: 'PATCH', path: `${CM}/present`, body: '[1]', type: 'application/merge-patch+json' },
  ],
  [
    'JSON patch with an object',
    { method: 'PATCH', path: `${CM}/present`, body: '{}', type: 'application/json-patch+json' },
  ],
  [
    'JSON patch with a bad pointer',
    {
      method: 'PATCH',
      path: `${CM}/present`,
      body: '[{"op":"add","path":"nope","value":1}]',
      type: 'application/json-patch+json',
    },
  ],
  [
    'JSON patch with a malformed op',
    {
      method: 'PATCH',
      path: `${CM}/present`,
      body: '[{"op":5}]',
      type: 'application/json-patch+json',
    },
  ],
  [
    'apply without fieldManager',
    {
      method: 'PATCH',
      path: `${CM}/present`,
      body: '{"apiVersion":"v1","kind":"ConfigMap"}',
      type: 'application/apply-patch+yaml',
    },
  ],
  [
    'apply with invalid YAML',
    {
      method: 'PATCH',
      path: `${CM}/present?fieldManager=x`,
      body: 'a: [',
      type: 'application/apply-patch+yaml',
    },
  ],
  [
    'apply with managedFields',
    {
      method: 'PATCH',
      path: `${CM}/present?fieldManager=x`,
      body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"managedFields":[]}}',
      type: 'application/apply-patch+yaml',
    },
  ],
  [
    'DELETE with a malformed body',
    { method: 'DELETE', path: `${CM}/present`, body: '{"propagationPolicy":' },
  ],
  [
    'DELETE with an unknown propagationPolicy',
    { method: 'DELETE', path: `${CM}/present?propagationPolicy=Sideways` },
  ],
  [
    'bad fieldValidation value',
    { method: 'POST', path: `${CM}?fieldValidation=Loose`, body: '{"metadata":{"name":"fv"}}' },
  ],
  ['log of a ConfigMap', { method: 'GET', path: `${CM}/present/log` }],
  ['POST to discovery', { method: 'POST', path: '/api/v1', body: '{}' }],
];

describe('bad requests', () => {
  beforeAll(async () => {
    await send('POST', CM, '{"metadata":{"name":"present"}}');
  });

  it.each(CASES)('%s → a Status error', async (_name, c) => {
    const res = await send(c.method, c.path, c.body, c.type);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const status = JSON.parse(res.text) as { kind: string; code: number; status: string };
    expect(status).toMatchObject({ kind: 'Status', status: 'Failure', code: res.status });
  });

  it('keeps serving afterwards', async () => {
    const res = await send('GET', `${CM}/present`);
    expect(res.status).toBe(200);
  });
});
