/**
 * `--post-renderer` and `--post-renderer-args` of template, install and upgrade (Helm's
 * postRendererString flag). Apart from release-flags.ts: `template` (dist/template.cjs) takes
 * them too and must not load the cluster commands' modules.
 */
import { execPostRenderer } from '../runtime/post-renderer.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** `--post-renderer PATH` and `--post-renderer-args ARG` (repeatable). */
export const POST_RENDER_FLAGS: FlagSpec[] = [
  { name: 'post-renderer', kind: 'string' },
  { name: 'post-renderer-args', kind: 'stringArray' },
];

/**
 * The post-renderer the flags name (found now, as Helm finds it while reading the flag:
 * `invalid argument "x" for "--post-renderer" flag: unable to find binary at x: ...`).
 */
export function postRenderOption(
  args: ParsedArgs,
  io: CliIo,
): { postRender?: (manifest: string) => string } {
  const binary = args.strings.get('post-renderer');
  if (!binary) return {};
  try {
    const env = { ...process.env, PATH: io.env('PATH') };
    const postRender = execPostRenderer(binary, args.lists.get('post-renderer-args') ?? [], {
      env,
      cwd: io.cwd,
    });
    return { postRender };
  } catch (err) {
    throw new Error(
      `invalid argument ${JSON.stringify(binary)} for "--post-renderer" flag: ${(err as Error).message}`,
      { cause: err },
    );
  }
}
