/** TOTP's rules live in shared/: the server checks codes for enrolled desks, a lone desk for itself. */
export { newTotpSecret, totpCodeAt, totpUri, verifyTotpCode, type TotpCheck } from '../../shared/auth/totp';
