import { describe, expect, it } from 'vitest';
import { renderMessage, TemplateParamError } from '../../../server/notifications/templates';

describe('the patient’s messages about a record request, in Russian (F3)', () => {
  it('says the number and the last day when a request is received', () => {
    const message = renderMessage('record_request_received', { number: 'З-2026-000042', dueOn: '2027-01-14' });
    expect(message.subject).toBe('Запрос документов З-2026-000042 принят');
    expect(message.text).toContain('до 14.01.2027 включительно');
    expect(message.sms).toBe('Запрос документов З-2026-000042 принят, срок — до 14.01.2027.');
  });

  it('says the files are ready, until which day (Moscow) and where — nothing clinical', () => {
    const message = renderMessage('record_request_ready', {
      number: 'З-2026-000042',
      availableUntil: '2027-02-13T21:30:00.000Z',
      link: 'https://lk.clinic.ru/cabinet/record-requests',
    });
    expect(message.text).toContain('до 14.02.2027');
    expect(message.html).toContain('href="https://lk.clinic.ru/cabinet/record-requests"');
    expect(message.sms).toContain('скачайте их в личном кабинете до 14.02.2027');
  });

  it('tells of the delay of an overdue request, and sends the confirmation code with its warning', () => {
    expect(renderMessage('record_request_delayed', { number: 'З-2026-000042', dueOn: '2027-01-14' }).sms).toBe(
      'Срок по запросу документов З-2026-000042 истёк. Запрос передан ответственному сотруднику.',
    );
    expect(renderMessage('record_request_code', { code: '457566' }).sms).toMatch(
      /^Код для запроса документов: 457566\. Никому не сообщайте/,
    );
  });

  it('refuses to render without a parameter or with a day that is not one', () => {
    expect(() => renderMessage('record_request_received', { number: 'З-2026-000042' })).toThrow(TemplateParamError);
    expect(() =>
      renderMessage('record_request_ready', { number: 'З-2026-000042', availableUntil: 'скоро', link: 'https://x.ru' }),
    ).toThrow(TemplateParamError);
  });
});
