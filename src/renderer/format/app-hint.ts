// Engine hints are written for the `ingot` command line; in the app the CLI is not at hand (the
// workspace is held by `ingot serve`). This rewrites the commands a hint names into what to do in
// the app, in one place, for every error the app shows. Unknown commands are left as they are.

interface HintRule {
  pattern: RegExp;
  replacement: string;
}

/** Most specific first: whole phrases before single commands. */
const RULES: readonly HintRule[] = [
  // Read-only SQL: the app has no write mode.
  {
    pattern: /A script that changes data needs write access \(`ingot sql --write`\)\.|To change data by hand, run it with `ingot sql --write` in a terminal while no other Ingot window or server has this workspace open\./g,
    replacement: ' The SQL screen only reads; to change data by hand, stop `ingot serve` and run the statement with `ingot sql --write` in a terminal.',
  },
  // Loading again from scratch: the Replace button of a source.
  { pattern: /\b(?:ingest|load)(?: it)?(?: again)? with --replace\b/g, replacement: 'load it again with Replace on the Ingest screen' },
  // Rebuilding a model in full: the Full refresh box of the Runs screen.
  { pattern: /with `ingot run ([^`\s]+) --full-refresh`/g, replacement: 'with a run of `$1` on the Runs screen, Full refresh ticked' },
  // Export folders: the example folder name is what goes in the Folder box.
  { pattern: /`ingot export [a-z]+ ([^`\s]+)`/g, replacement: '$1' },
  { pattern: /\be\.g\. --project-name (\S+?)(\.?)$/g, replacement: 'e.g. $1$2' },
  { pattern: /\bwith --layer \(e\.g\. --layer ([^)]+)\)/g, replacement: 'in Layers (e.g. $1)' },
  // Where to look things up.
  { pattern: /`ingot tables`/g, replacement: 'the Tables screen' },
  { pattern: /`ingot sql "DESCRIBE [^`]*"`/g, replacement: 'the table on the Tables screen' },
  { pattern: /`ingot preview`/g, replacement: 'Preview on the Ingest screen' },
  { pattern: / \(`ingot check` judges the published table, which this run left as it was\)/g, replacement: '' },
  { pattern: /`ingot quarantine [^`]*`/g, replacement: 'The Quality screen' },
  { pattern: /\(or `ingot runs`\) /g, replacement: '' },
  // Building and loading: the Runs and Ingest screens.
  { pattern: /\bRun `ingot run ([^`\s]+)`/g, replacement: 'Start a run of `$1` on the Runs screen' },
  { pattern: /`ingot run ([^`\s]+)`/g, replacement: 'a run of `$1` on the Runs screen' },
  { pattern: /`ingot run`/g, replacement: 'a run on the Runs screen' },
  { pattern: /`ingot ingest ([^`\s]+)`/g, replacement: 'Load $1 on the Ingest screen' },
  { pattern: /`ingot ingest`/g, replacement: 'Load on the Ingest screen' },
];

/** `text` (a hint or warning from the engine) with its CLI commands put as steps in the app. */
export function hintForTheApp(text: string): string {
  return RULES.reduce((out, rule) => out.replace(rule.pattern, rule.replacement), text).replace(/\s{2,}/g, ' ').trim();
}
