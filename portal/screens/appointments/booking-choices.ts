import type { CabinetAppointment, CabinetBookingOptions } from '../../../shared/cabinet/appointments-api';

export type Specialist = CabinetBookingOptions['specialists'][number];
export type Service = CabinetBookingOptions['services'][number];

/** Whom the patient looks for: anyone of a specialty, or one specialist. */
export type BookingTarget = { kind: 'specialty'; code: string } | { kind: 'specialist'; id: string };

/** The specialists of a specialty, by name. */
export function specialistsOf(options: CabinetBookingOptions, specialty: string): Specialist[] {
  return options.specialists
    .filter((specialist) => specialist.specialtyCode === specialty)
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** Only the services the target offers: the specialist's, or any specialist's of the specialty; by name. */
export function servicesFor(options: CabinetBookingOptions, target: BookingTarget | null): Service[] {
  if (!target) return [];
  const offering =
    target.kind === 'specialist'
      ? options.specialists.filter((specialist) => specialist.id === target.id)
      : specialistsOf(options, target.code);
  const offered = new Set(offering.flatMap((specialist) => specialist.serviceTypeIds));
  return options.services
    .filter((service) => offered.has(service.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/**
 * A move starts from the visit's own specialist and service, found by their names (the visit
 * carries names, not ids); nothing is chosen when a name is not found once.
 */
export function movedFrom(
  options: CabinetBookingOptions,
  visit: Pick<CabinetAppointment, 'specialistName' | 'serviceName'>,
): { target: BookingTarget; serviceTypeId: string | null } | null {
  const specialists = options.specialists.filter((specialist) => specialist.name === visit.specialistName);
  if (specialists.length !== 1) return null;
  const target: BookingTarget = { kind: 'specialist', id: specialists[0]!.id };
  const services = servicesFor(options, target).filter((service) => service.name === visit.serviceName);
  return { target, serviceTypeId: services.length === 1 ? services[0]!.id : null };
}
