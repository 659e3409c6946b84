import manifest from '../../resources/consent/manifest.json';
import text from '../../resources/consent/152-fz-v1.ru.md?raw';

/**
 * The consent to processing the patient reads before applying: the same published text the desk
 * prints (resources/consent/), and its version, which the application records.
 */
export const consentVersion = manifest.texts.find((entry) => entry.file === '152-fz-v1.ru.md')?.version ?? '1';

/** The text's blocks: headings (`#`) and paragraphs or list items, for plain rendering. */
export const consentBlocks: { kind: 'heading' | 'item' | 'paragraph'; text: string }[] = text
  .split(/\n+/)
  .map((line) => line.trim())
  .filter((line) => line !== '')
  .map((line) => {
    if (line.startsWith('#')) return { kind: 'heading' as const, text: line.replace(/^#+\s*/, '') };
    if (line.startsWith('- ')) return { kind: 'item' as const, text: line.slice(2) };
    return { kind: 'paragraph' as const, text: line };
  });
