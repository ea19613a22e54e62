/**
 * The whole sprig v3.2.3 text function map (Masterminds/sprig functions.go `genericMap`), as Helm
 * uses it: `env` and `expandenv` are not registered (Helm deletes them, helm/helm
 * pkg/engine/funcs.go). Each group lives in its own module and exports `<group>Funcs`; when two
 * groups define a name, the later group in the list below wins.
 */
import type { FuncMap } from '../gotemplate/functions.js';
import type { GoFuncValue } from '../gotemplate/values.js';
import { FuncError, fn, funcMap } from '../gotemplate/functions.js';
import { systemClock, type Clock } from '../gotime/clock.js';
import { conversionFuncs } from './conversion.js';
import { cryptoFuncs } from './crypto.js';
import { dateFuncs } from './dates.js';
import { defaultFuncs } from './defaults.js';
import { dictFuncs } from './dicts.js';
import { encodingFuncs } from './encoding.js';
import { listFuncs } from './lists.js';
import { mathFuncs } from './math.js';
import { networkFuncs } from './network.js';
import { pathFuncs } from './paths.js';
import { randomFuncs } from './random.js';
import { reflectFuncs } from './reflect.js';
import { regexFuncs } from './regex.js';
import { semverFuncs } from './semver.js';
import { stringFuncs } from './strings.js';
import { urlFuncs } from './urls.js';

/** `hello` (sprig's own test function) and `fail` (flow control: always returns its error). */
const miscFuncs: GoFuncValue[] = [
  fn('hello', { params: [] }, () => 'Hello!'),
  fn('fail', { params: ['string'], returnsError: true }, (msg: string) => {
    throw new FuncError(msg);
  }),
];

export interface SprigOptions {
  /** The clock certificates are dated by (the real one unless the caller injects another). */
  readonly clock?: Clock;
}

/** A fresh FuncMap with every sprig function Helm exposes. */
export function sprigFuncs(options: SprigOptions = {}): FuncMap {
  const clock = options.clock ?? systemClock;
  return funcMap(
    ...miscFuncs,
    ...randomFuncs,
    ...dateFuncs,
    ...stringFuncs,
    ...conversionFuncs,
    ...mathFuncs,
    ...listFuncs,
    ...dictFuncs,
    ...defaultFuncs,
    ...reflectFuncs,
    ...networkFuncs,
    ...pathFuncs,
    ...encodingFuncs,
    ...cryptoFuncs(clock),
    ...semverFuncs,
    ...regexFuncs,
    ...urlFuncs,
  );
}
