import { defineConfig } from 'vitest/config';

/** Files that replace a module with `vi.mock`: they need a module registry of their own. */
const mockingFiles = ['test/shared/domain/patient-address.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Most suites wait on servers, sockets and timers rather than the CPU: three files at once
    // keep a 2-core machine busy.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // The files of one worker share its loaded modules: importing the desk's and the server's
        // code again for each of ~260 files was half of the suite's time. Every file still makes
        // its own databases, folders, servers and ports.
        test: {
          name: 'unit',
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...mockingFiles],
        },
      },
      { extends: true, test: { name: 'isolated', include: mockingFiles } },
    ],
  },
});
