import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';

/** The serious and critical findings of axe on the page as it is now (WCAG 2.1 AA rules). */
export async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/**
 * The page as it is now, in the light scheme and then the dark one (the theme follows the system's
 * `prefers-color-scheme`, so one walk covers both): no serious or critical axe findings in either,
 * and, with `shot`, a screenshot of each (`<dir>/<name>-<width>x<height>[-dark].png`). The page is
 * left light.
 */
export async function expectAccessibleInBothSchemes(page: Page, shot?: { dir: string; name: string }): Promise<void> {
  // axe weighs the colours as they are: none may be half-way through a scheme's transition.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  const size = page.viewportSize();
  const findings: Record<string, Awaited<ReturnType<typeof seriousViolations>>> = {};
  if (shot) await mkdir(shot.dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    findings[scheme] = await seriousViolations(page);
    if (shot && size) {
      const suffix = `${size.width}x${size.height}${scheme === 'dark' ? '-dark' : ''}`;
      await page.screenshot({ path: `${shot.dir}/${shot.name}-${suffix}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(findings).toEqual({ light: [], dark: [] });
}
