import type { AppError } from '../../../shared/errors/app-error';
import type { Store } from '../../store/open-store';

/** A background job of one person at one desk (an export, a request's file). */
export interface OwnedJob {
  owner: string;
  /** When it ended (ms since the epoch), or null while it runs. */
  endedAt: number | null;
}

export interface JobRegistry<J extends OwnedJob> {
  /** The store's jobs, those ended longer than the registry's keep time ago forgotten first. */
  jobs(store: Store, now: number): Map<string, J>;
  /** The job of that id if it is `owner`'s; otherwise `notFound()` is thrown (another's job is no job). */
  own(store: Store, now: number, owner: string, jobId: string, notFound: () => AppError): J;
}

/**
 * Jobs kept per open store — a desk's jobs live as long as its store, and tests' desks never share
 * them — and forgotten `keepMs` after they end (the screen's last poll or take comes before).
 */
export function jobRegistry<J extends OwnedJob>(keepMs: number): JobRegistry<J> {
  const registries = new WeakMap<Store, Map<string, J>>();
  const jobs = (store: Store, now: number): Map<string, J> => {
    let found = registries.get(store);
    if (!found) {
      found = new Map();
      registries.set(store, found);
    }
    for (const [id, job] of found) if (job.endedAt !== null && now - job.endedAt > keepMs) found.delete(id);
    return found;
  };
  return {
    jobs,
    own: (store, now, owner, jobId, notFound) => {
      const job = jobs(store, now).get(jobId);
      if (!job || job.owner !== owner) throw notFound();
      return job;
    },
  };
}
