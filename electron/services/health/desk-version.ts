import packageJson from '../../../package.json' with { type: 'json' };

/** The desk's version, as its health report says it. */
export const deskVersion: string = packageJson.version;
