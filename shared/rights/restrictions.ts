/**
 * Restricted records (F4, seed §5.3) and break-the-glass (issue 14): the words both ends share.
 *
 * A restriction (synced table `record_restrictions`) hides one chart entry (`entry_id`) or the
 * whole chart (`entry_id` null) from the cabinet and from staff outside the treating team, for
 * one of the lawful reasons, with its basis document and who decided; it is lifted, never deleted.
 * The patient's export says that information is withheld and why — never omits it silently.
 *
 * Break-the-glass (synced table `emergency_access`): a doctor outside the treating team, or
 * reaching a restricted entry, states a reason and touches their key; the grant lasts
 * `emergencyAccessHours` (a setting) and is reviewed by an auditor.
 */
export const restrictionReasons = ['harm', 'court_order'] as const;
export type RestrictionReason = (typeof restrictionReasons)[number];

export const emergencyReasons = ['life_threat', 'unconscious', 'urgent_care', 'team_unavailable', 'other'] as const;
export type EmergencyReason = (typeof emergencyReasons)[number];

/** The default length of a break-the-glass grant; the clinic's setting may change it (1–72 h). */
export const emergencyAccessHours = 24;
export const emergencyAccessHoursRange = { min: 1, max: 72 } as const;

export const emergencyVerdicts = ['justified', 'unjustified'] as const;
export type EmergencyVerdict = (typeof emergencyVerdicts)[number];

/** How far back an appointment with the patient keeps a doctor in the treating team. */
export const treatingTeamDays = 365;
