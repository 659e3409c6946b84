/** An OMS policy's confirmation (B7): not yet checked, confirmed, or rejected with a reason. */
export const policyStatuses = ['unchecked', 'confirmed', 'rejected'] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

/**
 * Why a policy is rejected: the number is wrong (check digit, or the registry does not know it),
 * it has expired, the insurer is not in the insurers dictionary, or the insurer says no.
 */
export const policyRejectionReasons = ['wrong_number', 'expired', 'insurer_unknown', 'insurer_refused'] as const;
export type PolicyRejectionReason = (typeof policyRejectionReasons)[number];
