import type { Connection } from 'vscode-languageserver/node';
import { showWarning } from './showWarning';
import { RESTRICTED_CONFIG_KEYS, SETTINGS_SECTION, SettingKeys, settingValueProblem, t, type Locale, type SettingKey } from '../core';

/** Settings the `--no-custom-schema` server never uses (as VS Code in an untrusted workspace): `schema` and the restricted rule options. */
const RESTRICTED: readonly string[] = RESTRICTED_CONFIG_KEYS;

/**
 * The editor's settings with the VS Code names (`incidentReport.locale`, …): asked with
 * `workspace/configuration` (section `incidentReport`, per document) when the client can answer it
 * with more than null, else taken from `initializationOptions` (`{ "incidentReport": { … } }`). A
 * setting the editor sends counts as set explicitly, so it wins over `.incident-report.json`, as in
 * VS Code. A value that cannot be used is logged once and left out.
 */
export class ClientSettings {
  private readonly cache = new Map<string, Promise<Record<string, unknown>>>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
    private initial: unknown,
    private readonly customSchema: boolean,
    private readonly locale: Locale,
  ) {}

  /** The explicit value of each setting for the document `uri` (`undefined` for one not set). */
  async explicit(uri: string | null): Promise<(key: SettingKey) => unknown> {
    const key = uri ?? '';
    let section = this.cache.get(key);
    if (!section) {
      section = this.read(uri);
      this.cache.set(key, section);
    }
    const values = await section;
    return (setting) => (this.customSchema || !RESTRICTED.includes(setting) ? this.value(values, setting) : undefined);
  }

  /** The editor said its settings changed (`workspace/didChangeConfiguration`): ask again. */
  changed(pushed: unknown): void {
    this.cache.clear();
    this.logged.clear();
    if (!this.canAsk && pushed !== undefined && pushed !== null) this.initial = pushed;
  }

  private async read(uri: string | null): Promise<Record<string, unknown>> {
    let raw: unknown = sectionOf(this.initial);
    if (this.canAsk) {
      try {
        // Some clients answer with the whole settings object instead of the section: both are read.
        // A client without settings for the section answers null (Neovim, Helix, eglot): the
        // initializationOptions stay then.
        const answer = sectionOf(await this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION }));
        if (answer !== undefined) raw = answer;
      } catch (error) {
        this.connection.console.warn(`incident-report: workspace/configuration failed (${error instanceof Error ? error.message : String(error)}); using initializationOptions`);
      }
    }
    return isObject(raw) ? raw : {};
  }

  private value(values: Record<string, unknown>, key: SettingKey): unknown {
    // `validate.onType` as a nested object (what VS Code sends) or as a dotted key.
    const value = key in values ? values[key] : key.split('.').reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), values);
    const problem = settingValueProblem(key, value);
    if (!problem) return value;
    const said = `${key}\u0000${JSON.stringify(value)}`;
    if (!this.logged.has(said)) {
      this.logged.add(said);
      showWarning(this.connection, `Incident Report: ${SETTINGS_SECTION}.${key}: ${t(this.locale, problem)} (${t(this.locale, IGNORED)})`);
    }
    return undefined;
  }
}

const IGNORED = { en: 'the setting is ignored until this is fixed', de: 'die Einstellung wird ignoriert, bis das behoben ist' };

function sectionOf(options: unknown): unknown {
  if (!isObject(options)) return undefined;
  return isObject(options[SETTINGS_SECTION]) ? options[SETTINGS_SECTION] : options;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
