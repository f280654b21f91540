/// <reference types="@kusto/language-service-next" />
/**
 * Loads the official Kusto.Language parser (a Bridge.NET build that defines globals) once per process, lazily:
 * loading costs ~0.4 s and ~150 MB, so modules that never parse KQL never pay for it.
 */

export type KustoLanguage = typeof Kusto.Language;

let loaded: KustoLanguage | undefined;
let kindNames: string[] | undefined;

export function kusto(): KustoLanguage {
  if (!loaded) {
    // Side-effect requires (lazy, so not imports): the Bridge runtime first, then the language; both assign globals.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@kusto/language-service-next/bridge.min.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    loaded = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
  }
  return loaded;
}

/** SyntaxKind number → name, built once (enum lookups through Bridge are slow). */
export function syntaxKindName(kind: number): string {
  if (!kindNames) {
    const names: string[] = [];
    const enumObj = kusto().Syntax.SyntaxKind as unknown as Record<string, unknown>;
    for (const key of Object.keys(enumObj)) {
      const v = enumObj[key];
      if (typeof v === 'number') names[v] = key;
    }
    kindNames = names;
  }
  return kindNames[kind] ?? `Kind${kind}`;
}
