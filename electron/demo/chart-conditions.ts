import type { AdministrationRoute } from '../../shared/chart/entry-kinds';

/**
 * What a demo chart is made of: common outpatient conditions as a Russian polyclinic records
 * them — the МКБ-10 code, the department, phrases a doctor writes, the medicines (МНН as the
 * ЕСКЛП writes them) and the laboratory tests that go with each. Phrases are combined at random,
 * so two visits for the same complaint do not read alike.
 */
export interface DemoLab {
  test: string;
  /** НСИ 1070 service code of the test. */
  testCode: string;
  unit: string;
  low: number;
  high: number;
  /** Decimal places the laboratory reports. */
  digits: number;
}

export interface DemoMedicineUse {
  /** МНН, lower case, as in the ЕСКЛП. */
  inn: string;
  /** Wanted tablet/capsule strengths in mg, most usual first. */
  doses: readonly number[];
  timesPerDay: number;
  /** Days of a course; null: taken until stopped (a chronic condition). */
  days: number | null;
  route: AdministrationRoute;
}

export interface DemoCondition {
  icd10: string;
  department: string;
  chronic: boolean;
  /** Youngest age in years it is given at. */
  minAge: number;
  /** Relative frequency among visits. */
  weight: number;
  complaints: readonly string[];
  history: readonly string[];
  examination: readonly string[];
  conclusion: readonly string[];
  medicines: readonly DemoMedicineUse[];
  labs: readonly DemoLab[];
  /** НСИ 1070 services done at the visit. */
  services: readonly string[];
}

export const demoLabs = {
  glucose: { test: 'Глюкоза крови натощак', testCode: 'A09.05.023', unit: 'ммоль/л', low: 3.9, high: 6.1, digits: 1 },
  hba1c: { test: 'Гликированный гемоглобин', testCode: 'A09.05.083', unit: '%', low: 4, high: 6, digits: 1 },
  cholesterol: { test: 'Холестерин общий', testCode: 'A09.05.026', unit: 'ммоль/л', low: 3.2, high: 5.2, digits: 2 },
  creatinine: { test: 'Креатинин', testCode: 'A09.05.020', unit: 'мкмоль/л', low: 62, high: 115, digits: 0 },
  tsh: { test: 'ТТГ', testCode: 'A09.05.065', unit: 'мМЕ/л', low: 0.4, high: 4, digits: 2 },
  alt: { test: 'АЛТ', testCode: 'A09.05.042', unit: 'Ед/л', low: 0, high: 41, digits: 0 },
  hemoglobin: { test: 'Гемоглобин', testCode: 'B03.016.003', unit: 'г/л', low: 120, high: 160, digits: 0 },
  leukocytes: { test: 'Лейкоциты', testCode: 'B03.016.003', unit: '×10⁹/л', low: 4, high: 9, digits: 1 },
} as const satisfies Record<string, DemoLab>;

const acuteRespiratory = {
  complaints: [
    'Заложенность носа, насморк, першение в горле.',
    'Боль в горле при глотании, слабость, температура до 37,8 °C.',
    'Сухой кашель, озноб, ломота в теле, температура до 38,2 °C.',
    'Насморк, чихание, головная боль, недомогание.',
  ],
  history: [
    'Заболел(а) остро 2 дня назад после переохлаждения.',
    'Болеет 3-й день, принимал(а) жаропонижающие самостоятельно.',
    'Контакт с больными ОРВИ в семье.',
  ],
  examination: [
    'Состояние удовлетворительное. Зев гиперемирован, миндалины не увеличены. Дыхание везикулярное, хрипов нет. ЧДД 17 в мин.',
    'Слизистая ротоглотки умеренно гиперемирована. Лимфоузлы не увеличены. Дыхание жесткое, хрипов нет. Т 37,6 °C.',
    'Носовое дыхание затруднено. Задняя стенка глотки зернистая. Тоны сердца ясные, ритм правильный.',
  ],
};

/** The conditions, by how often a polyclinic sees them. */
export const demoConditions: readonly DemoCondition[] = [
  {
    icd10: 'J06.9',
    department: 'Терапевтическое отделение',
    chronic: false,
    minAge: 0,
    weight: 30,
    ...acuteRespiratory,
    conclusion: [
      'ОРВИ, легкое течение. Обильное питье, постельный режим 3 дня. Повторный прием при сохранении температуры.',
      'Острая респираторная вирусная инфекция. Симптоматическая терапия, открыт больничный лист.',
    ],
    medicines: [{ inn: 'парацетамол', doses: [500], timesPerDay: 3, days: 5, route: 'oral' }],
    labs: [demoLabs.leukocytes],
    services: ['B01.047.001'],
  },
  {
    icd10: 'J02.9',
    department: 'Оториноларингологическое отделение',
    chronic: false,
    minAge: 3,
    weight: 8,
    ...acuteRespiratory,
    conclusion: ['Острый фарингит. Полоскания, щадящая диета, контроль через 5 дней.'],
    medicines: [{ inn: 'ибупрофен', doses: [200, 400], timesPerDay: 3, days: 5, route: 'oral' }],
    labs: [],
    services: [],
  },
  {
    icd10: 'J20.9',
    department: 'Терапевтическое отделение',
    chronic: false,
    minAge: 2,
    weight: 8,
    complaints: [
      'Кашель с мокротой, слабость, температура до 37,9 °C.',
      'Влажный кашель около недели, одышка при нагрузке.',
    ],
    history: [
      'Кашель после перенесенной ОРВИ, не проходит 7 дней.',
      'Болеет 5 дней, лечился самостоятельно без эффекта.',
    ],
    examination: [
      'Дыхание жесткое, рассеянные сухие хрипы с обеих сторон. SpO₂ 97 %. ЧДД 18 в мин.',
      'Перкуторно ясный легочный звук. Аускультативно — единичные влажные хрипы в нижних отделах.',
    ],
    conclusion: [
      'Острый бронхит. Назначена антибактериальная терапия, рентгенография легких. Контроль через 7 дней.',
      'Острый бронхит, средней тяжести. Обильное питье, муколитики, антибиотик курсом.',
    ],
    medicines: [{ inn: 'амоксициллин', doses: [500], timesPerDay: 3, days: 7, route: 'oral' }],
    labs: [demoLabs.leukocytes, demoLabs.hemoglobin],
    services: ['A06.09.007'],
  },
  {
    icd10: 'I10',
    department: 'Кардиологическое отделение',
    chronic: true,
    minAge: 35,
    weight: 14,
    complaints: [
      'Головная боль в затылочной области, повышение АД до 160/95 мм рт. ст.',
      'Жалоб активно не предъявляет. Контроль АД.',
      'Периодические головокружения, шум в ушах при подъеме давления.',
    ],
    history: [
      'Повышение АД в течение 5 лет, терапию принимает нерегулярно.',
      'Гипертензия выявлена при диспансеризации. Наследственность отягощена.',
      'На фоне терапии АД 130–140/80–85 мм рт. ст.',
    ],
    examination: [
      'АД 150/90 мм рт. ст., ЧСС 78 в мин. Тоны сердца приглушены, ритм правильный. Отеков нет.',
      'АД 135/85 мм рт. ст., пульс 72 в мин, ритмичный. Границы сердца не расширены.',
      'АД 145/92 мм рт. ст. Акцент II тона над аортой. Периферических отеков нет.',
    ],
    conclusion: [
      'Гипертоническая болезнь II стадии. Продолжить гипотензивную терапию, дневник АД, ограничение соли.',
      'Артериальная гипертензия, целевые цифры АД достигнуты. Терапию продолжить, контроль через 3 месяца.',
      'Гипертоническая болезнь, неконтролируемая. Коррекция терапии, ЭКГ, липидограмма.',
    ],
    medicines: [
      { inn: 'эналаприл', doses: [10, 5], timesPerDay: 2, days: null, route: 'oral' },
      { inn: 'амлодипин', doses: [5, 10], timesPerDay: 1, days: null, route: 'oral' },
      { inn: 'лозартан', doses: [50], timesPerDay: 1, days: null, route: 'oral' },
    ],
    labs: [demoLabs.creatinine, demoLabs.cholesterol],
    services: ['A05.10.006'],
  },
  {
    icd10: 'E11.9',
    department: 'Эндокринологическое отделение',
    chronic: true,
    minAge: 40,
    weight: 8,
    complaints: ['Сухость во рту, жажда, учащенное мочеиспускание.', 'Жалоб нет. Плановый контроль гликемии.'],
    history: [
      'Сахарный диабет 2 типа около 6 лет, на пероральной терапии.',
      'Гипергликемия выявлена 2 года назад. Диету соблюдает частично.',
    ],
    examination: [
      'ИМТ 31 кг/м². Кожа обычной окраски. Пульсация на стопах сохранена. Чувствительность не нарушена.',
      'Состояние удовлетворительное. АД 130/80 мм рт. ст. Осмотр стоп: без особенностей.',
    ],
    conclusion: [
      'Сахарный диабет 2 типа, компенсация неполная. Продолжить метформин, диета, контроль HbA1c через 3 месяца.',
      'СД 2 типа, целевой уровень гликемии достигнут. Терапию продолжить. Консультация офтальмолога.',
    ],
    medicines: [{ inn: 'метформин', doses: [1000, 850, 500], timesPerDay: 2, days: null, route: 'oral' }],
    labs: [demoLabs.glucose, demoLabs.hba1c, demoLabs.creatinine],
    services: [],
  },
  {
    icd10: 'E78.0',
    department: 'Терапевтическое отделение',
    chronic: true,
    minAge: 30,
    weight: 5,
    complaints: ['Жалоб нет. Повышенный холестерин по результатам диспансеризации.'],
    history: ['Гиперхолестеринемия выявлена год назад, диету соблюдает.'],
    examination: ['Ксантелазм нет. АД 128/82 мм рт. ст. Тоны сердца ясные.'],
    conclusion: ['Гиперхолестеринемия. Назначен статин, контроль липидов и АЛТ через 6 недель.'],
    medicines: [{ inn: 'аторвастатин', doses: [20, 40], timesPerDay: 1, days: null, route: 'oral' }],
    labs: [demoLabs.cholesterol, demoLabs.alt],
    services: [],
  },
  {
    icd10: 'K29.7',
    department: 'Гастроэнтерологическое отделение',
    chronic: false,
    minAge: 12,
    weight: 7,
    complaints: ['Боль в эпигастрии натощак, изжога, тошнота.', 'Тяжесть в эпигастрии после еды, отрыжка.'],
    history: [
      'Жалобы около месяца, связывает с нарушением диеты.',
      'Обострения весной и осенью, ФГДС 2 года назад — гастрит.',
    ],
    examination: [
      'Язык обложен белым налетом. Живот мягкий, болезненный в эпигастрии. Симптомов раздражения брюшины нет.',
    ],
    conclusion: ['Гастрит, обострение. Диета № 1, ингибитор протонной помпы 4 недели, ФГДС планово.'],
    medicines: [{ inn: 'омепразол', doses: [20], timesPerDay: 2, days: 28, route: 'oral' }],
    labs: [demoLabs.hemoglobin],
    services: ['A04.16.001'],
  },
  {
    icd10: 'M54.5',
    department: 'Неврологическое отделение',
    chronic: false,
    minAge: 18,
    weight: 9,
    complaints: [
      'Боль в поясничной области, усиливающаяся при наклонах.',
      'Тянущая боль в пояснице после подъема тяжести, ограничение движений.',
    ],
    history: ['Боль появилась 3 дня назад после физической нагрузки.', 'Подобные эпизоды 1–2 раза в год.'],
    examination: [
      'Напряжение паравертебральных мышц поясничного отдела. Симптом Ласега отрицательный. Рефлексы симметричные.',
      'Болезненность при пальпации L4–L5. Чувствительность не нарушена, сила в ногах сохранена.',
    ],
    conclusion: ['Люмбалгия, мышечно-тонический синдром. НПВС курсом, ЛФК после стихания боли.'],
    medicines: [{ inn: 'мелоксикам', doses: [15, 7.5], timesPerDay: 1, days: 7, route: 'oral' }],
    labs: [],
    services: [],
  },
  {
    icd10: 'N39.0',
    department: 'Урологическое отделение',
    chronic: false,
    minAge: 16,
    weight: 4,
    complaints: ['Учащенное болезненное мочеиспускание, дискомфорт внизу живота.'],
    history: ['Симптомы 2 дня, переохлаждение накануне.'],
    examination: ['Живот мягкий, болезненный над лоном. Симптом поколачивания отрицательный с обеих сторон.'],
    conclusion: [
      'Инфекция мочевыводящих путей. Антибактериальная терапия, обильное питье, общий анализ мочи повторно.',
    ],
    medicines: [{ inn: 'нитрофурантоин', doses: [100], timesPerDay: 2, days: 5, route: 'oral' }],
    labs: [demoLabs.leukocytes],
    services: ['B03.016.006'],
  },
  {
    icd10: 'E03.9',
    department: 'Эндокринологическое отделение',
    chronic: true,
    minAge: 20,
    weight: 3,
    complaints: ['Слабость, сонливость, зябкость, прибавка веса.', 'Жалоб нет. Контроль ТТГ.'],
    history: ['Гипотиреоз выявлен 3 года назад, принимает левотироксин.'],
    examination: ['Кожа сухая. Щитовидная железа не увеличена, безболезненна. ЧСС 64 в мин.'],
    conclusion: ['Гипотиреоз, медикаментозный эутиреоз. Терапию продолжить, ТТГ через 6 месяцев.'],
    medicines: [{ inn: 'левотироксин натрия', doses: [0.075, 0.05], timesPerDay: 1, days: null, route: 'oral' }],
    labs: [demoLabs.tsh],
    services: [],
  },
  {
    icd10: 'D50.9',
    department: 'Терапевтическое отделение',
    chronic: false,
    minAge: 14,
    weight: 3,
    complaints: ['Слабость, утомляемость, головокружение при вставании.'],
    history: ['Слабость нарастает в течение 2 месяцев.'],
    examination: ['Кожа и слизистые бледные. ЧСС 88 в мин. Систолический шум на верхушке.'],
    conclusion: ['Железодефицитная анемия легкой степени. Препараты железа, контроль гемоглобина через месяц.'],
    medicines: [],
    labs: [demoLabs.hemoglobin],
    services: [],
  },
  {
    icd10: 'J30.1',
    department: 'Аллергологическое отделение',
    chronic: false,
    minAge: 4,
    weight: 4,
    complaints: ['Чихание, водянистые выделения из носа, зуд глаз в период цветения.'],
    history: ['Сезонные симптомы в апреле–мае несколько лет подряд.'],
    examination: ['Слизистая носа бледная, отечная. Конъюнктива гиперемирована. Дыхание везикулярное.'],
    conclusion: ['Аллергический ринит, сезонный. Антигистаминные препараты на сезон, элиминация аллергена.'],
    medicines: [{ inn: 'цетиризин', doses: [10], timesPerDay: 1, days: 14, route: 'oral' }],
    labs: [],
    services: [],
  },
];

/** Allergies a demo patient may have; the first two are penicillins (АТХ J01C). */
export interface DemoAllergy {
  substance: string;
  /** The ЕСКЛП medicine the allergy is recorded from (МНН, lower case), when a drug. */
  inn: string | null;
  atcClass: string | null;
  reactions: readonly string[];
}

export const demoAllergies: readonly DemoAllergy[] = [
  {
    substance: 'Амоксициллин',
    inn: 'амоксициллин',
    atcClass: 'J01C',
    reactions: ['Крапивница', 'Отек Квинке', 'Зудящая сыпь'],
  },
  { substance: 'Пенициллины', inn: null, atcClass: 'J01C', reactions: ['Анафилактическая реакция', 'Крапивница'] },
  { substance: 'Ибупрофен', inn: 'ибупрофен', atcClass: 'M01A', reactions: ['Бронхоспазм', 'Сыпь'] },
  { substance: 'Пыльца березы', inn: null, atcClass: null, reactions: ['Ринит, конъюнктивит'] },
  { substance: 'Латекс', inn: null, atcClass: null, reactions: ['Контактный дерматит'] },
];

/** Amendments a demo doctor makes, with the reason kept beside the previous version. */
export const demoAmendments = {
  encounter: {
    reasons: ['Уточнение заключения после получения результатов анализов', 'Исправлена опечатка в заключении'],
    addenda: [' Дополнение: результаты анализов в пределах ожидаемого.', ' Рекомендована консультация кардиолога.'],
  },
  lab: { reasons: ['Исправлена ошибка при переносе результата из бланка лаборатории'] },
} as const;
