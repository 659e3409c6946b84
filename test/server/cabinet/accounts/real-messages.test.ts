import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cabinetPaths, type Me } from '../../../../shared/cabinet/cabinet-api';
import { startMailSink, type MailSink } from '../../../support/mail-sink';
import { startSmsGateway, type SmsGateway } from '../../../support/sms-gateway';
import { useTestServer } from '../../support/test-server';
import { CabinetBrowser, cabinetOptions, publicUrl, registration } from './cabinet-browser';

// The real SMTP server and SMS gateway start first: the server's options name them.
let sink: MailSink;
let gateway: SmsGateway;
beforeAll(async () => {
  [sink, gateway] = await Promise.all([startMailSink(), startSmsGateway()]);
}, 60_000);
const opened = useTestServer(() => ({
  cabinet: {
    ...cabinetOptions(),
    background: true,
    transports: {
      mailFrom: '"Поликлиника" <noreply@clinic.test>',
      smtpUrl: sink.smtpUrl,
      smsGatewayUrl: gateway.url,
      smsGatewayToken: gateway.token,
    },
  },
}));
afterAll(async () => {
  await Promise.all([sink?.stop(), gateway?.stop()]);
});

describe('registration with the messages really sent', () => {
  it('confirms the e-mail by the link that arrived by SMTP and the phone by the code that arrived by SMS', async () => {
    const form = registration({ phone: '+79035550101' });
    const browser = new CabinetBrowser(opened.server);
    expect((await browser.post(cabinetPaths.register, form)).status).toBe(202);
    const mail = await sink.waitFor((message) => message.to.includes(form.email));
    const link = new RegExp(`${publicUrl}/confirm-email#token=([A-Za-z0-9_-]+)`).exec(mail.text);
    expect(link).not.toBeNull();
    const confirmed = await browser.post<Me>(cabinetPaths.emailConfirm, { token: link![1] });
    expect(confirmed.status).toBe(200);

    expect((await browser.post(cabinetPaths.phoneSend, {})).status).toBe(200);
    const sms = await gateway.waitFor((message) => message.to === '+79035550101');
    const code = /\b(\d{6})\b/.exec(sms.text)?.[1];
    const phone = await browser.post<Me>(cabinetPaths.phoneConfirm, { code });
    expect(phone.body.phoneConfirmed).toBe(true);
  });

  it('tells the owner of a taken e-mail by mail, and the one who tried nothing more than a new registrant hears', async () => {
    const form = registration();
    const browser = new CabinetBrowser(opened.server);
    await browser.post(cabinetPaths.register, form);
    await sink.waitFor((message) => message.to.includes(form.email));
    const again = await browser.post(cabinetPaths.register, { ...form, name: 'Мария' });
    expect(again.status).toBe(202);
    const notice = await sink.waitFor(
      (message) => message.to.includes(form.email) && message.subject === 'Попытка регистрации с вашим адресом',
    );
    expect(notice.text).not.toMatch(/confirm-email/);
  });
});
