/**
 * Release history helpers (helm/helm pkg/releaseutil/{sorter,filter}.go, v3.21) plus the two
 * lookups the storage facade and the verbs need: the latest revision (ST-14) and the latest
 * deployed one (ST-15). Sorting functions return new arrays.
 */
import { parseInLocation, ZERO_UNIX } from '../gotime/time.js';
import { UTC } from '../gotime/zone.js';
import type { HelmTime, Release, Status } from './types.js';

/** Unix seconds of a stored time (Time.Unix); the zero time is year 1. */
export function unixSeconds(t: HelmTime): number {
  if (t === '') return ZERO_UNIX;
  return parseInLocation('2006-01-02T15:04:05Z07:00', t, UTC).sec;
}

/** SortByRevision: ascending revision. */
export function sortByRevision(list: readonly Release[]): Release[] {
  return [...list].sort((a, b) => a.version - b.version);
}

/** SortByName: ascending name (byte order). */
export function sortByName(list: readonly Release[]): Release[] {
  return [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** SortByDate: ascending `last_deployed`, compared in whole seconds as Helm does. */
export function sortByDate(list: readonly Release[]): Release[] {
  const keyed = list.map((r) => ({ r, t: unixSeconds(r.info.last_deployed) }));
  return keyed.sort((a, b) => a.t - b.t).map((x) => x.r);
}

/** Reverse(list, sortFn): the sort, descending. */
export function reverse(
  list: readonly Release[],
  sort: (l: readonly Release[]) => Release[],
): Release[] {
  return sort(list).reverse();
}

/** The highest revision regardless of status (Storage.Last, ST-14); undefined if empty. */
export function latest(list: readonly Release[]): Release | undefined {
  return reverse(list, sortByRevision)[0];
}

/** The highest `deployed` revision (Storage.Deployed, ST-15); undefined if none. */
export function lastDeployed(list: readonly Release[]): Release | undefined {
  return latest(list.filter(statusFilter('deployed')));
}

/** A predicate over releases (releaseutil.FilterFunc). */
export type ReleaseFilter = (rel: Release) => boolean;

/** StatusFilter: releases with exactly this status. */
export function statusFilter(status: Status): ReleaseFilter {
  return (rel) => rel.info.status === status;
}

/** Any: true if at least one filter accepts (false for none). */
export function anyFilter(...filters: ReleaseFilter[]): ReleaseFilter {
  return (rel) => filters.some((f) => f(rel));
}

/** All: true if every filter accepts (true for none). */
export function allFilter(...filters: ReleaseFilter[]): ReleaseFilter {
  return (rel) => filters.every((f) => f(rel));
}

/** FilterFunc.Filter: the releases a filter accepts, in order. */
export function filterReleases(list: readonly Release[], f: ReleaseFilter): Release[] {
  return list.filter(f);
}
