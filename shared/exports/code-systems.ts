/**
 * The code and naming systems the exports write (../shared/DOMAIN.md, «Interoperability»): the
 * RuCore naming systems for FHIR identifiers, НСИ OIDs for codes (FHIR `urn:oid:` form) and for
 * the СЭМД's CDA attributes (bare OIDs).
 */
export const nsiOids = {
  snils: '1.2.643.100.3',
  icd10: '1.2.643.5.1.13.13.11.1005',
  gender: '1.2.643.5.1.13.13.11.1040',
  documentKinds: '1.2.643.5.1.13.13.11.1522',
  services: '1.2.643.5.1.13.13.11.1070',
  medicines: '1.2.643.5.1.13.13.99.2.611',
  confidentiality: '1.2.643.5.1.13.13.99.2.285',
  /** ЕНП (единый номер полиса ОМС). */
  enp: '1.2.643.5.1.13.13.99.2.197',
} as const;

export const fhirSystems = {
  snils: 'http://fhir.ru/core/systems/snils',
  passport: 'http://fhir.ru/core/systems/passport-RF',
  oms: 'http://fhir.ru/core/systems/OMS',
  icd10: `urn:oid:${nsiOids.icd10}`,
  services: `urn:oid:${nsiOids.services}`,
  medicines: `urn:oid:${nsiOids.medicines}`,
} as const;
