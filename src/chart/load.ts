/**
 * LoadFiles: in-memory chart files → Chart tree, mirroring helm pkg/chart/loader/load.go (v3.21).
 * Pure: archives of subcharts (`charts/*.tgz`) are unpacked in memory.
 */
import { goStringFromBytes } from '../util/go-bytes.js';
import { newMap } from '../gotemplate/values.js';
import { parseValuesYaml, yamlToGo } from '../yaml/index.js';
import { loadArchiveFiles } from './archive.js';
import { ChartValidationError, decodeLock, decodeMetadata, validateMetadata } from './metadata.js';
import {
  addDependency,
  APIVERSION_V1,
  emptyMetadata,
  type BufferedFile,
  type Chart,
  type ChartFile,
  type Metadata,
} from './types.js';
import { pathExt } from '../util/go-path.js';

/** A loader failure with Helm's wrapped message (`cannot load Chart.yaml: ...`). */
export class ChartLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartLoadError';
  }
}

function wrap(prefix: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChartValidationError) throw e;
    throw new ChartLoadError(`${prefix}: ${(e as Error).message}`);
  }
}

function newChart(): Chart {
  return {
    raw: [],
    metadata: emptyMetadata(),
    lock: null,
    templates: [],
    values: newMap(),
    schema: null,
    files: [],
    parent: null,
    dependencies: [],
  };
}

/** Warnings the loader prints through Go's log package (deprecated requirements.yaml). */
export type WarnFn = (message: string) => void;

export interface LoadOptions {
  warn?: WarnFn;
}

function loadChartYaml(files: BufferedFile[], c: Chart): Metadata | null {
  let md: Metadata | null = null;
  for (const f of files) {
    c.raw.push({ name: f.name, data: f.data });
    if (f.name !== 'Chart.yaml') continue;
    md ??= emptyMetadata();
    const target = md;
    wrap('cannot load Chart.yaml', () =>
      decodeMetadata(yamlToGo(goStringFromBytes(f.data)), target),
    );
    // Helm 2 charts may omit apiVersion: treat them as v1.
    if (target.apiVersion === '') target.apiVersion = APIVERSION_V1;
  }
  return md;
}

/** LoadFiles. Subcharts under `charts/` are loaded recursively and attached in name order. */
export function loadFiles(files: BufferedFile[], opts: LoadOptions = {}): Chart {
  const c = newChart();
  let md = loadChartYaml(files, c);
  const subcharts = new Map<string, BufferedFile[]>();
  const v1 = (): boolean => md?.apiVersion === APIVERSION_V1;
  for (const f of files) {
    const file: ChartFile = { name: f.name, data: f.data };
    if (f.name === 'Chart.yaml') continue;
    if (f.name === 'Chart.lock') {
      wrap(
        'cannot load Chart.lock',
        () => (c.lock = decodeLock(yamlToGo(goStringFromBytes(f.data)))),
      );
    } else if (f.name === 'values.yaml') {
      wrap(
        'cannot load values.yaml',
        () =>
          (c.values = parseValuesYaml(goStringFromBytes(f.data), { goType: 'chartutil.Values' })),
      );
    } else if (f.name === 'values.schema.json') {
      c.schema = f.data;
    } else if (f.name === 'requirements.yaml') {
      md ??= emptyMetadata();
      if (!v1()) {
        opts.warn?.(
          'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
        );
      }
      const target = md;
      wrap('cannot load requirements.yaml', () =>
        decodeMetadata(yamlToGo(goStringFromBytes(f.data)), target),
      );
      if (v1()) c.files.push(file);
    } else if (f.name === 'requirements.lock') {
      wrap(
        'cannot load requirements.lock',
        () => (c.lock = decodeLock(yamlToGo(goStringFromBytes(f.data)))),
      );
      md ??= emptyMetadata();
      if (v1()) c.files.push(file);
    } else if (f.name.startsWith('templates/')) {
      c.templates.push(file);
    } else if (f.name.startsWith('charts/')) {
      if (f.name.endsWith('.prov')) {
        c.files.push(file);
        continue;
      }
      const fname = f.name.slice('charts/'.length);
      const cname = fname.split('/', 1)[0] as string;
      const list = subcharts.get(cname) ?? [];
      list.push({ name: fname, data: f.data });
      subcharts.set(cname, list);
    } else {
      c.files.push(file);
    }
  }
  if (md === null) throw new ChartLoadError('Chart.yaml file is missing');
  c.metadata = md;
  validateMetadata(c.metadata);
  for (const n of [...subcharts.keys()].sort()) loadSubchart(c, n, subcharts.get(n) ?? [], opts);
  return c;
}

function loadSubchart(c: Chart, n: string, files: BufferedFile[], opts: LoadOptions): void {
  if (n.startsWith('_') || n.startsWith('.')) return;
  const isArchive = pathExt(n) === '.tgz';
  const archive = files[0] as BufferedFile;
  // Returned as is, where every error of loading the subchart itself is wrapped below.
  if (isArchive && archive.name !== n) {
    throw new ChartLoadError(
      `error unpacking subchart tar in ${c.metadata.name}: expected ${n}, got ${archive.name}`,
    );
  }
  let sc: Chart;
  try {
    if (isArchive) {
      sc = loadFiles(loadArchiveFiles(archive.data), opts);
    } else {
      const buff: BufferedFile[] = [];
      for (const f of files) {
        const slash = f.name.indexOf('/');
        if (slash < 0) continue;
        buff.push({ name: f.name.slice(slash + 1), data: f.data });
      }
      sc = loadFiles(buff, opts);
    }
  } catch (e) {
    throw new ChartLoadError(
      `error unpacking subchart ${n} in ${c.metadata.name}: ${(e as Error).message}`,
    );
  }
  addDependency(c, sc);
}
