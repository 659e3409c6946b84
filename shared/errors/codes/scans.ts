import type { CodeEntries } from '../code-entries';

/**
 * Scans of identity documents (B4): each failed check has its own code, with the measured
 * value; the scanner and its jobs.
 */
export const scanCodes = {
  'scan.format.unsupported': {
    ru: 'Файл не JPEG, PNG или PDF (проверено по содержимому, а не по имени файла)',
    en: 'The file is not a JPEG, PNG or PDF (checked by its content, not its name)',
  },
  'scan.format.damaged': {
    ru: 'Файл {format} повреждён и не читается',
    en: 'The {format} file is damaged and cannot be read',
  },
  'scan.size.too_large': {
    ru: 'Размер файла {size} МБ, нужно не больше {max} МБ',
    en: 'The file is {size} MB; at most {max} MB is allowed',
  },
  'scan.resolution.low': {
    ru: 'Разрешение {dpi} dpi, нужно не меньше {min} dpi',
    en: 'Resolution {dpi} dpi; at least {min} dpi is needed',
  },
  'scan.brightness.low': {
    ru: 'Скан слишком тёмный: яркость {brightness} %, нужно не меньше {min} %',
    en: 'The scan is too dark: brightness {brightness} %; at least {min} % is needed',
  },
  'scan.sharpness.low': {
    ru: 'Скан нерезкий: резкость {sharpness}, нужно не меньше {min}',
    en: 'The scan is blurred: sharpness {sharpness}; at least {min} is needed',
  },
  'scan.pdf.too_many_pages': {
    ru: 'В PDF {pages} страниц, можно не больше {max}',
    en: 'The PDF has {pages} pages; at most {max} are allowed',
  },
  'scan.pdf.no_image': {
    ru: 'На странице {page} PDF нет отсканированного изображения',
    en: 'Page {page} of the PDF has no scanned image',
  },
  'scan.pdf.image_unsupported': {
    ru: 'Изображение на странице {page} PDF сжато способом {filter}, который не читается; сохраните скан в JPEG или PNG',
    en: 'The image on page {page} of the PDF uses {filter} compression, which cannot be read; save the scan as JPEG or PNG',
  },
  'scan.image.too_large': {
    ru: 'Изображение {width}×{height} пикселей ({megapixels} Мп), можно не больше {max} Мп',
    en: 'The image is {width}×{height} pixels ({megapixels} MP); at most {max} MP is allowed',
  },
  'scan.pdf.image_too_large': {
    ru: 'Изображение на странице {page} PDF {width}×{height} пикселей ({megapixels} Мп), можно не больше {max} Мп',
    en: 'The image on page {page} of the PDF is {width}×{height} pixels ({megapixels} MP); at most {max} MP is allowed',
  },
  'scan.data.inflates_too_much': {
    ru: 'Сжатые данные файла ({part}) разворачиваются больше, чем заявлено в нём самом; файл не принят',
    en: 'The compressed data of the file ({part}) expands beyond what the file itself declares; it was not accepted',
  },
  'scan.analysis.timeout': {
    ru: 'Проверка скана не закончилась за {seconds} с и остановлена; сохраните скан заново и повторите',
    en: 'Checking the scan did not finish within {seconds} s and was stopped; save the scan again and retry',
  },
  'scan.analysis.failed': {
    ru: 'Проверку скана пришлось прервать: файлу нужно больше памяти, чем скану документа',
    en: 'Checking the scan was stopped: the file needs more memory than a document scan does',
  },
  'scan.not_found': { ru: 'Скан не найден', en: 'Scan not found' },
  'scan.unavailable': {
    ru: 'На этом рабочем месте сканы не принимаются (нет хранилища сканов)',
    en: 'This workstation takes no scans (it has no scan vault)',
  },
  'scan.upload.unknown': {
    ru: 'Загрузка файла не найдена или устарела; выберите файл заново',
    en: 'The file upload is unknown or expired; choose the file again',
  },
  'scan.upload.offset': {
    ru: 'Часть файла пришла не по порядку (ожидалось с байта {expected}); повторите загрузку',
    en: 'A part of the file arrived out of order (byte {expected} was expected); upload it again',
  },
  'scan.upload.too_large': {
    ru: 'Файл больше {max} МБ и не загружается',
    en: 'The file is larger than {max} MB and is not uploaded',
  },
  'scan.upload.busy': {
    ru: 'Рабочее место занято приёмом других файлов; повторите через минуту',
    en: 'The workstation is busy receiving other files; try again in a minute',
  },
  'scan.upload.empty': { ru: 'Файл пустой', en: 'The file is empty' },
  'scan.pdf.no_page': {
    ru: 'В PDF нет страницы {page} (страниц: {pages})',
    en: 'The PDF has no page {page} (it has {pages})',
  },
  'scanner.job_unknown': {
    ru: 'Сканирование не найдено или устарело; начните его заново',
    en: 'The scan job is unknown or expired; start the scan again',
  },
  'scan.file.missing': {
    ru: 'Файл скана {sha256} отсутствует на этом рабочем месте',
    en: 'The scan file {sha256} is missing on this workstation',
  },
  'scan.file.damaged': {
    ru: 'Файл скана {sha256} повреждён или изменён и не открыт',
    en: 'The scan file {sha256} is damaged or was altered; it was not opened',
  },
  'scanner.unavailable': {
    ru: 'Программа сканирования scanimage не установлена (apt-get install sane-utils)',
    en: 'The scanimage program is not installed (apt-get install sane-utils)',
  },
  'scanner.none': {
    ru: 'Сканер не найден: проверьте, что он включён и подключён',
    en: 'No scanner found: check that it is switched on and connected',
  },
  'scanner.busy': {
    ru: 'Сканер занят: дождитесь конца другого сканирования и повторите',
    en: 'The scanner is busy: wait for the other scan to finish and try again',
  },
  'scanner.timeout': {
    ru: 'Сканер не закончил за {seconds} с; сканирование остановлено',
    en: 'The scanner did not finish within {seconds} s; the scan was stopped',
  },
  'scanner.failed': {
    ru: 'Сканирование не удалось: {detail}',
    en: 'The scan failed: {detail}',
  },
} as const satisfies CodeEntries<'scan' | 'scanner'>;
