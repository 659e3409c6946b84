import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/api/sync-status';
import type { LocalizedText } from '../../shared/errors/catalog';
import { formatClock } from '../format/date-time';
import { useLanguage } from '../i18n/language';
import { useSyncStatus } from './sync-status-context';

/** How the state should feel: all well, busy, cut off, never set up, or refused. */
export type SyncTone = 'ok' | 'working' | 'offline' | 'off' | 'error';

export interface SyncProgressView {
  /** «Первая синхронизация: 120 000 из 1 000 000». */
  text: string;
  /** 0–100 when the total is known; null draws an indeterminate bar. */
  percent: number | null;
}

export interface SyncSummary {
  tone: SyncTone;
  /** One line for the status bar and the sync page's «Состояние». */
  text: string;
  progress: SyncProgressView | null;
}

function describeProgress(t: TFunction, progress: NonNullable<SyncStatus['progress']>): SyncProgressView {
  const { phase, done, total } = progress;
  if (total === null) return { text: t(`sync.progress.${phase}Open`, { done }), percent: null };
  return {
    text: t(`sync.progress.${phase}`, { done, total }),
    percent: total > 0 ? Math.min(100, (done / total) * 100) : 100,
  };
}

/** The line «Нет связи с сервером с 14:05, в очереди 3 изменения» and its kin, from one answer. */
export function describeSync(
  t: TFunction,
  pick: (text: LocalizedText) => string,
  status: SyncStatus,
  now: Date,
): SyncSummary {
  const time = status.lastSyncAt ? formatClock(status.lastSyncAt, now) : null;
  const withQueue = (text: string) =>
    status.pending > 0
      ? t('sync.summary.withQueue', { summary: text, queue: t('sync.summary.queue', { count: status.pending }) })
      : text;
  switch (status.status) {
    case 'not_configured':
      return { tone: 'off', text: t('sync.summary.notConfigured'), progress: null };
    case 'connecting':
      return { tone: 'working', text: withQueue(t('sync.summary.connecting')), progress: null };
    case 'syncing': {
      const progress = status.progress ? describeProgress(t, status.progress) : null;
      return { tone: 'working', text: progress?.text ?? t('sync.summary.syncing'), progress };
    }
    case 'online':
      return {
        tone: 'ok',
        text: withQueue(time ? t('sync.summary.online', { time }) : t('sync.summary.onlineNever')),
        progress: null,
      };
    case 'offline':
      return {
        tone: 'offline',
        text: withQueue(time ? t('sync.summary.offline', { time }) : t('sync.summary.offlineNever')),
        progress: null,
      };
    case 'refused':
      return {
        tone: 'error',
        text: withQueue(
          status.error
            ? t('sync.summary.refused', { message: pick(status.error.message) })
            : t('sync.summary.refusedNoReason'),
        ),
        progress: null,
      };
  }
}

/** The polled status as one line, with the answer itself when there is one. */
export function useSyncSummary(): { summary: SyncSummary; status: SyncStatus | null } {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { state } = useSyncStatus();
  const answer = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : null;
  if (answer) return { summary: describeSync(t, pick, answer, new Date()), status: answer };
  if (state.status === 'failed') {
    return {
      summary: {
        tone: 'error',
        text: t('sync.summary.unknown', { message: pick(state.error.message) }),
        progress: null,
      },
      status: null,
    };
  }
  return { summary: { tone: 'working', text: t('sync.summary.loading'), progress: null }, status: null };
}
