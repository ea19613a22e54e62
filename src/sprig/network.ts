/**
 * `getHostByName` (sprig v3.2.3 network.go). Helm (3.11.1+) replaces it unless DNS lookups are
 * enabled with --enable-dns, and hookline never resolves names while rendering: it returns ""
 * as Helm's default does (helm/helm pkg/engine/engine.go initFunMap).
 */
import { fn } from '../gotemplate/functions.js';
import type { GoFuncValue } from '../gotemplate/values.js';

export const networkFuncs: GoFuncValue[] = [
  fn('getHostByName', { params: ['string'] }, (_name: string) => ''),
];
