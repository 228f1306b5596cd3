// The pieces behind the command-line conventions: flags checked per command, did-you-mean, days of the
// calendar, terminal-safe output, and the counts behind "… and 37 more".
import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../src/cli/args.js';
import { COMMANDS, FLAGS } from '../src/cli/commands.js';
import { commandHelp } from '../src/cli/help.js';
import { neutraliseControls, oneLine } from '../src/cli/output.js';
import { didYouMean } from '../src/cli/suggest.js';
import { isCalendarDay } from '../src/text/calendar-day.js';

const usageError = (argv: string[]): string => {
  try {
    parseInvocation(argv);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('parseInvocation', () => {
  it('keeps every flag a command took before, with its value', () => {
    const story = parseInvocation([
      'story',
      'split',
      '3',
      '--articles',
      'a,b',
      '--articles',
      'c',
      '--db',
      'x.db',
    ]);
    expect(story).toMatchObject({
      command: 'story',
      positionals: ['split', '3'],
      articles: ['a', 'b', 'c'],
      db: 'x.db',
    });
    const stories = parseInvocation([
      '--db',
      'lib.db',
      'stories',
      '--since',
      '2024-02-29',
      '--outlet',
      'Bay Post',
      '--limit',
      '5',
    ]);
    expect(stories).toMatchObject({
      command: 'stories',
      since: '2024-02-29',
      outlet: 'Bay Post',
      limit: 5,
      format: 'text',
    });
    const analyze = parseInvocation([
      'analyze',
      '-',
      '-f',
      'md',
      '-o',
      'out',
      '--max-size',
      '2',
      '--sources',
      's.yaml',
    ]);
    expect(analyze).toMatchObject({ positionals: ['-'], format: 'md', formatGiven: true, out: 'out' });
    expect(analyze.config).toMatchObject({ maxInputBytes: 2 * 1024 * 1024, sourcesFile: 's.yaml' });
    const serve = parseInvocation([
      'serve',
      '--port',
      '0',
      '--host',
      '::1',
      '--allow-private',
      '--ignore-robots',
    ]);
    expect(serve).toMatchObject({ port: 0, host: '::1', allowPrivate: true, ignoreRobots: true });
    expect(parseInvocation(['watch', '--every', '90s', '--once'])).toMatchObject({
      everyMs: 90_000,
      once: true,
    });
    // After "--" a word that looks like a flag is an input.
    expect(parseInvocation(['annotate', '--', '--odd-name.txt']).positionals).toEqual(['--odd-name.txt']);
  });

  it('refuses a flag of another command, an unknown flag and a missing value, naming them', () => {
    expect(usageError(['search', 'x', '--since', '2024-01-01'])).toBe(
      'search takes no --since option (it is for stories); "parallax search --help" lists its options',
    );
    expect(usageError(['ingest', 'x', '--dbb', 'a.db'])).toMatch(
      /^unknown option --dbb for ingest; did you mean --db\?/,
    );
    expect(usageError(['stories', '--limit'])).toBe('--limit needs a value: --limit N');
    expect(usageError(['stories', '--limit', '-3'])).toMatch(
      /^--limit needs a value: --limit N \(.*--limit=-3\)$/,
    );
    expect(usageError(['stories', '--limit', '0'])).toMatch(/--limit takes a whole number of at least 1/);
    expect(usageError(['--outlet', 'x'])).toMatch(/^--outlet needs a command/);
  });

  it('gives every flag of the table to some command, and every command a help with its flags', () => {
    const used = new Set(COMMANDS.flatMap((c) => Object.keys(c.flags)));
    for (const flag of Object.keys(FLAGS)) {
      if (flag !== 'help' && flag !== 'version') expect(used.has(flag), flag).toBe(true);
    }
    for (const command of COMMANDS) {
      const help = commandHelp(command);
      for (const flag of Object.keys(command.flags))
        expect(help, `${command.name} --${flag}`).toContain(`--${flag}`);
    }
  });
});

describe('didYouMean', () => {
  const commands = COMMANDS.map((c) => c.name);
  it('finds a slip of the fingers and nothing for another word', () => {
    expect(didYouMean('ingets', commands)).toBe('ingest');
    expect(didYouMean('stroy', commands)).toBe('story');
    expect(didYouMean('Search', commands)).toBe('search');
    expect(didYouMean('serv', commands)).toBe('serve');
    expect(didYouMean('go', commands)).toBeNull();
    expect(didYouMean('frobnicate', commands)).toBeNull();
  });
});

describe('isCalendarDay', () => {
  it('accepts days that exist and nothing else', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01'])
      expect(isCalendarDay(day), day).toBe(true);
    for (const day of [
      '2025-02-29',
      '1900-02-29',
      '2025-02-30',
      '2025-04-31',
      '2025-13-01',
      '2025-00-01',
      '2025-01-00',
    ]) {
      expect(isCalendarDay(day), day).toBe(false);
    }
    for (const text of ['2025-2-3', '20250203', '2025-02-03T00:00', ' 2025-02-03', 'yesterday', '']) {
      expect(isCalendarDay(text), text).toBe(false);
    }
  });
});

describe('neutraliseControls', () => {
  it('turns every character a terminal acts on into a visible escape', () => {
    expect(neutraliseControls('Gate \u001b]0;pwned\u0007 jams')).toBe('Gate \\u001b]0;pwned\\u0007 jams');
    expect(neutraliseControls('a\u009b2Jb\u007fc\u0000d\re')).toBe('a\\u009b2Jb\\u007fc\\u0000d\\u000de');
    expect(neutraliseControls('report\u202etxt.exe \u2066x\u2069')).toBe(
      'report\\u202etxt.exe \\u2066x\\u2069',
    );
  });

  it('keeps line breaks, tabs and ordinary text of any script as they are', () => {
    const text = 'line one\n\tline two — «Київ», 東京, مرحبا\u200f, naïve ✓\n';
    expect(neutraliseControls(text)).toBe(text);
  });

  it('keeps JSON valid and its meaning unchanged', () => {
    const value = { title: 'A \u001b[31m red \u009b title \u202e', n: 1 };
    const json = neutraliseControls(JSON.stringify(value, null, 2));
    expect(json.includes('\u009b') || json.includes('\u202e')).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('oneLine keeps a field on its line', () => {
    expect(oneLine('Title\nsecond\r\n\tline')).toBe('Title second line');
  });
});
