// Completes package-lock.json with the platform-specific optional packages (native builds of
// @swc/core and unrs-resolver) that the npm registry reachable here does not serve for other
// platforms. `npm install` silently drops them from the lock, and `npm ci` then refuses the lock
// as out of sync. Each entry is recorded as optional with its os/cpu/libc, so `npm ci` skips it
// on machines it does not fit and installs it where it does. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;

/** os/cpu/libc from a platform package name such as `core-linux-arm64-musl`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const osIndex = parts.findIndex((p) =>
    ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'].includes(p),
  );
  if (osIndex < 0) return null;
  const os = parts[osIndex];
  const cpu = parts[osIndex + 1];
  const abi = parts[osIndex + 2];
  const libc = os === 'linux' && abi ? (abi.startsWith('musl') ? ['musl'] : ['glibc']) : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${path}/node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[key] = { version, optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: added ${added} platform entries`);
