// The help texts, both drawn from the command table: `parallax --help` lists every command's usage, and
// `parallax <command> --help` (or `parallax help <command>`) shows one command's flags and an example.
import { COMMANDS, type CommandSpec, FLAGS, type FlagName, type FlagSpec } from './commands.js';

export const EXIT_CODES = `Exit codes:
  0  the command did its work (at least one article came through, when it reads articles)
  1  it could not: no article came through, the library could not be used, the report not written
  2  usage: an unknown command or option, a bad value, a missing or malformed --sources file`;

function flagLabel(name: FlagName): string {
  const spec: FlagSpec = FLAGS[name];
  const short = spec.short ? `-${spec.short}, ` : '';
  return `${short}--${name}${spec.value ? ` ${spec.value}` : ''}`;
}

/** Two columns: what to type, what it means (a long left column pushes its text to the next line). */
function columns(rows: [string, string][]): string {
  const width = Math.min(24, Math.max(...rows.map(([left]) => left.length)));
  return rows
    .map(([left, right]) =>
      left.length > width
        ? `  ${left}\n  ${' '.repeat(width)}  ${right}`
        : `  ${left.padEnd(width)}  ${right}`,
    )
    .join('\n');
}

/** A command's usage lines; a line that starts with spaces continues the one above. */
function usageLines(command: CommandSpec): string[] {
  return command.usage.map((line) =>
    line.startsWith(' ') ? `  ${' '.repeat('parallax '.length)}${line.trimStart()}` : `  parallax ${line}`,
  );
}

export function commandHelp(command: CommandSpec): string {
  const usage = usageLines(command).join('\n');
  const flags = Object.entries(command.flags) as [FlagName, string][];
  const options = columns([
    ...flags.map(([name, text]): [string, string] => [flagLabel(name), text]),
    ['-h, --help', 'this help'],
  ]);
  return `Usage:
${usage}

${command.about}

Options:
${options}

Example:
  ${command.example}

${EXIT_CODES}
`;
}

export function generalHelp(): string {
  const usage = COMMANDS.flatMap(usageLines).join('\n');
  const list = columns(COMMANDS.map((c) => [c.name, c.summary]));
  return `parallax — compare how news outlets cover the same story

Usage:
${usage}
  parallax --help | --version

Commands:
${list}

"parallax <command> --help" shows a command's options, their defaults and an example.

${EXIT_CODES}
`;
}
