/**
 * The user values of the action's inputs, in Helm's order (values files, then the inline
 * `values` as one more file, then set, set-string, set-json, set-file: pkg/cli/values
 * options.go MergeValues). Paths are relative to the workspace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GoMap } from '../gotemplate/values.js';
import { mergeUserValues } from '../values/options.js';
import type { ValuesInputs } from './inputs.js';

const INLINE = '\0inline-values';

export function userValues(v: ValuesInputs, workspace: string): GoMap {
  return mergeUserValues(
    {
      valueFiles: v.inline ? [...v.files, INLINE] : v.files,
      values: v.set,
      stringValues: v.setString,
      jsonValues: v.setJson,
      fileValues: v.setFile,
    },
    (path) => (path === INLINE ? v.inline : readFileSync(resolve(workspace, path))),
  );
}
