import packageJson from '../package.json' with { type: 'json' };

/** The server's version, as reported by /health. */
export const serverVersion: string = packageJson.version;
