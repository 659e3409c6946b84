import type { Knex } from 'knex';
import type { DeadlineSettings } from '../../shared/domain/application';
import type { NotificationTransports } from '../notifications/notification-types';

/** The identity provider the cabinet trusts for federated sign-in (the government portal in real life). */
export interface OidcSettings {
  /** The issuer's URL; its `/.well-known/openid-configuration` is read at start. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This cabinet's callback, registered with the provider: `<publicUrl>/api/cabinet/oidc/callback`. */
  redirectUri: string;
}

/** What the cabinet's parts need from the server that composes them (server/app.ts). */
export interface CabinetDeps {
  db: Knex;
  now: () => Date;
  /** The server's master key (blobs at rest); the cabinet derives its own keys from it (HKDF). */
  masterKey: Buffer;
  /** The cabinet's public address, for links in messages: `https://lk.clinic.ru` (no trailing slash). */
  publicUrl: string;
  /** The clinic's video service: a remote visit's room is `<videoBaseUrl>/<room>` (issue 13, E3). */
  videoBaseUrl?: string;
  /** Where messages go (server/notifications/). */
  transports: NotificationTransports;
  oidc?: OidcSettings;
  deadlines: DeadlineSettings;
  /** Session cookies get `Secure` when the server speaks TLS. */
  secureCookies: boolean;
  /** Turns the per-route rate limits off (tests); per-account lockouts stay. */
  rateLimit: boolean;
}
