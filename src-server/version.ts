/** The hub's version is the project's: one number on the installer, the counter and the hub. */
import packageJson from '../package.json' with { type: 'json' };

export const HUB_VERSION: string = packageJson.version;
