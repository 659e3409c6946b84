import { validateEnp } from '../../../shared/domain/identifiers/enp';
import type { PolicyRejectionReason } from '../../../shared/domain/documents/oms-policy';
import type { ServiceContext } from '../../core/context';
import { lookup, type DictionaryEntry } from '../dictionaries/lookup';

/** An OMS policy as the registry is asked about it. Dates ISO. */
export interface PolicyToCheck {
  form: 'unified' | 'temporary' | 'old';
  series: string | null;
  number: string;
  insurerCode: string;
  issueDate: string | null;
  expiryDate: string | null;
}

export interface PolicyVerdict {
  status: 'confirmed' | 'rejected';
  reason: PolicyRejectionReason | null;
  /** Who answered: the desk's own checks, or the OMS registry behind the clinic's server. */
  source: 'local' | 'registry';
}

/**
 * The OMS registry (B7). Today the desk answers itself (`localOmsRegistry`): the number's check
 * digit, the dates, the insurer in the insurers dictionary — and the clerk decides what the
 * checks cannot (the insurer's answer on the phone). The central server's registry lookup will
 * be another implementation of this interface, asked the same way.
 */
export interface OmsRegistry {
  check(policy: PolicyToCheck, today: string): Promise<PolicyVerdict>;
}

/** What the desk can tell from the policy alone; null when nothing is wrong with it. */
export function localPolicyProblem(
  policy: PolicyToCheck,
  today: string,
  insurer: DictionaryEntry | null,
): PolicyRejectionReason | null {
  if (policy.form === 'unified' && validateEnp(policy.number) !== null) return 'wrong_number';
  if (policy.form === 'temporary' && !/^\d{9}$/.test(policy.number)) return 'wrong_number';
  if (policy.expiryDate !== null && policy.expiryDate < today) return 'expired';
  if (!insurerInForce(insurer, today)) return 'insurer_unknown';
  return null;
}

/** The insurer is in the dictionary, not retired, and works on `today` (its VALID_FROM…VALID_TO). */
export function insurerInForce(insurer: DictionaryEntry | null, today: string): boolean {
  if (!insurer || insurer.retired) return false;
  const { validFrom, validTo } = insurer.data;
  if (typeof validFrom === 'string' && validFrom > today) return false;
  return !(typeof validTo === 'string' && validTo < today);
}

/** The registry as the desk answers it today, from the active insurers dictionary. */
export function localOmsRegistry(ctx: Pick<ServiceContext, 'store'>): OmsRegistry {
  return {
    check(policy, today) {
      const problem = localPolicyProblem(policy, today, lookup(ctx, 'insurers', policy.insurerCode));
      return Promise.resolve(
        problem
          ? { status: 'rejected', reason: problem, source: 'local' }
          : { status: 'confirmed', reason: null, source: 'local' },
      );
    },
  };
}
