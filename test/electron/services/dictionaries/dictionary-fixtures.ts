/** Small dictionary files written by the tests (never copies of published ones). */

const icd10Header = 'ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE';

/** Lines 2–9 are good; 10–14 are each refused for one reason. */
export function icd10Csv(options: { renameCholera?: string } = {}): string {
  return [
    icd10Header,
    '1;01;"I";"НЕКОТОРЫЕ ИНФЕКЦИОННЫЕ И ПАРАЗИТАРНЫЕ БОЛЕЗНИ";;;1;',
    '2;0101;"A00-A09";"КИШЕЧНЫЕ ИНФЕКЦИИ";1;;1;',
    '3;"0101A00";"A00";"Холера";2;;1;',
    `4;"0101A000";"A00.0";"${options.renameCholera ?? 'Холера, вызванная холерным вибрионом 01'}";3;;1;`,
    '5;"0101A001";"A00.1";"Холера, вызванная холерным вибрионом 01, биовар eltor";3;;1;',
    '6;"0101A010";"A01.0";"Брюшной тиф";2;1;1;"07.10.2020"',
    '7;"0116B59";"B59";"Пневмоцистоз";2;;0;"07.10.2020"',
    '8;"0408E710";"E71.0";"Болезнь ""кленового сиропа""";1;;1;',
    '9;"0101A0";"A0";"Обрезанный код";2;;1;',
    '10;"0101A001";"A00.1";"Повтор кода";3;;1;',
    '11;"0101A002";"A00.2";"Мало полей";3;;1',
    '12;"0101A003";"A00.3";"Незакрытая кавычка;3;;1;',
    '13;"0101A004";"A00.4";"Сирота";999;;1;',
  ].join('\r\n');
}

/** ОГРН with its check digit, from 12 digits. */
export function ogrn(body: string): string {
  return body + String((Number(body) % 11) % 10);
}

/** Lines 2–3 are good; 4–7 are each refused for one reason. */
export function insurersCsv(): string {
  const wrongOgrn = ogrn('102770000003').slice(0, 12) + String((Number(ogrn('102770000003')[12]) + 1) % 10);
  return [
    'CODE;NAME;OKATO;OKTMO;OGRN;VALID_FROM;VALID_TO',
    `45001;"ООО «Тестовая страховая компания»";45;45000000;${ogrn('102770000001')};01.01.2011;`,
    `50002;"АО «Пример-Мед»";46;;${ogrn('102500000002')};2015-03-01;31.12.2030`,
    `45003;"Неверный ОГРН";45;;${wrongOgrn};01.01.2011;`,
    `45004;"Наоборот";45;;${ogrn('102770000004')};01.01.2020;01.01.2019`,
    `45005;"Без региона";;;${ogrn('102770000005')};01.01.2020;`,
    `4500;"Короткий код";45;;${ogrn('102770000006')};01.01.2020;`,
  ].join('\n');
}
