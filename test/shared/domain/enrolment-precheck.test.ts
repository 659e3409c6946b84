import { describe, expect, it } from 'vitest';
import {
  emptyPatientForm,
  precheck,
  type CheckMoment,
  type PatientFormField,
  type PatientFormValues,
} from '../../../renderer/screens/patients/create/patient-form-model';
import { snilsCheck } from '../../../shared/domain/identifiers/snils';

const codes = (values: Partial<PatientFormValues>, moment: CheckMoment) =>
  Object.fromEntries(
    Object.entries(precheck({ ...emptyPatientForm, ...values }, () => moment)).map(([field, problem]) => [
      field,
      problem?.code,
    ]),
  ) as Partial<Record<PatientFormField, string>>;

describe('the enrolment form judges each field when it is ready to be judged (B1, UX.md)', () => {
  it('says nothing about a form nobody has typed in, and names every blank required field on moving on', () => {
    expect(codes({}, 'live')).toEqual({});
    expect(codes({}, 'left')).toEqual({});
    expect(codes({}, 'final')).toEqual({
      surname: 'input.required',
      name: 'input.required',
      birthDate: 'input.required',
      sex: 'input.required',
    });
  });

  it('names a wrong alphabet at once, but a name still being typed («Римский-») only once the clerk has left it', () => {
    expect(codes({ surname: 'Smith' }, 'live')).toEqual({ surname: 'patient.name.alphabet' });
    expect(codes({ surname: 'Smith', foreign: true }, 'live')).toEqual({});
    expect(codes({ surname: 'Римский-' }, 'live')).toEqual({});
    expect(codes({ surname: 'Римский-' }, 'left')).toEqual({ surname: 'patient.name.shape' });
  });

  it('checks a masked field as soon as every slot is filled; unfinished, only once left', () => {
    const body = '112233445';
    const wrong = body + String((Number(snilsCheck(body)) + 1) % 100).padStart(2, '0');
    expect(codes({ snils: '112-233-4' }, 'live')).toEqual({});
    expect(codes({ snils: '112-233-4' }, 'left')).toEqual({ snils: 'patient.snils.format' });
    expect(
      codes({ snils: `${wrong.slice(0, 3)}-${wrong.slice(3, 6)}-${wrong.slice(6, 9)} ${wrong.slice(9)}` }, 'live'),
    ).toEqual({ snils: 'patient.snils.checksum' });
    expect(codes({ birthDate: '31.02.2000' }, 'live')).toEqual({ birthDate: 'patient.birth_date.invalid' });
    expect(codes({ phone: '+7 (123) 456-78-90' }, 'live')).toEqual({ phone: 'patient.phone.code' });
    expect(codes({ inn: '500123456' }, 'left')).toEqual({ inn: 'patient.inn.format' });
  });

  it('judges an e-mail once left, and an address’s characters at once but its lack of letters only once left', () => {
    expect(codes({ email: 'anna@' }, 'live')).toEqual({});
    expect(codes({ email: 'anna@' }, 'left')).toEqual({ email: 'patient.email.format' });
    expect(codes({ address: 'кв. \u202e21' }, 'live')).toEqual({ address: 'patient.address.invisible' });
    expect(codes({ address: '123456, ' }, 'live')).toEqual({});
    expect(codes({ address: '123456, ' }, 'left')).toEqual({ address: 'patient.address.no_letters' });
  });
});
