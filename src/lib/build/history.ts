/**
 * The git history of the error files, for the change log (src/lib/build/changes.ts): every commit
 * that touched a file of the folder, oldest first, with the file's text before and after.
 *
 * Only what the commit holds is read (commit dates, committed texts), so a build of one commit
 * gives the same history wherever it runs. Along the first parent only: a change counts from
 * when it reached the branch being built (a merge), not from when it was written elsewhere.
 *
 * No history is no failure: a tarball without .git, a shallow clone (which would show every
 * error as new on the clone's one commit), a machine without git. `readHistory` then says why,
 * and the change log falls back to each page's lastReviewed.
 */
import { spawnSync } from 'node:child_process';

export interface FileChange {
  commit: string;
  /** Committer date of the commit, ISO 8601. */
  date: string;
  /** The file name after the commit, in the folder ("client-inactive.mdx"). */
  path: string;
  /** Its name before, when git saw a rename. */
  oldPath?: string;
  /** Its text before the commit; undefined when the commit added it. */
  before?: string | undefined;
  after: string;
}

export type History = { changes: FileChange[] } | { unavailable: string };

function git(dir: string, args: string[], input?: string) {
  return spawnSync('git', args, {
    cwd: dir,
    input,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
}

/** The history of the files of `dir` (the folder of content/errors/). */
export function readHistory(dir: string): History {
  const shallow = git(dir, ['rev-parse', '--is-shallow-repository', '--show-prefix']);
  if (shallow.error) return { unavailable: `git could not run (${shallow.error.message})` };
  if (shallow.status !== 0) return { unavailable: 'the content is not in a git repository' };
  const [isShallow, prefix = ''] = shallow.stdout.toString().split('\n');
  if (isShallow === 'true') return { unavailable: 'the git clone is shallow' };

  const log = git(dir, [
    '-c',
    'core.quotePath=false',
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '-M',
    '--name-status',
    '--relative',
    '-z',
    '--format=%x1e%H %cI',
    '--',
    '.',
  ]);
  if (log.status !== 0) return { unavailable: `git log failed: ${log.stderr.toString().trim()}` };

  const found: Omit<FileChange, 'before' | 'after'>[] = [];
  for (const record of log.stdout.toString().split('\x1e').slice(1)) {
    // "<hash> <date>\0\n<status>\0<path>\0[<new path>\0]…"
    const [head, ...fields] = record.split('\0').map((f) => f.replace(/^\n/, ''));
    const [commit, date] = head!.split(' ') as [string, string];
    while (fields.at(-1) === '') fields.pop();
    for (let i = 0; i < fields.length;) {
      const status = fields[i++]!.trim();
      if (status.startsWith('R')) {
        const oldPath = fields[i++]!;
        found.push({ commit, date, path: fields[i++]!, oldPath });
      } else if (status === 'D') i++;
      else found.push({ commit, date, path: fields[i++]! });
    }
  }
  found.reverse();

  // Every text in one `git cat-file --batch`: after (commit:path) and before (commit^:oldPath).
  const wanted = found.flatMap((c) => [
    `${c.commit}:${prefix}${c.path}`,
    `${c.commit}^:${prefix}${c.oldPath ?? c.path}`,
  ]);
  const batch = git(dir, ['cat-file', '--batch'], wanted.join('\n') + '\n');
  if (batch.status !== 0) return { unavailable: `git cat-file failed: ${batch.stderr.toString().trim()}` };
  const texts: (string | undefined)[] = [];
  const out = batch.stdout;
  for (let at = 0; texts.length < wanted.length;) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString();
    const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      texts.push(undefined); // "<name> missing": the file did not exist before this commit
      at = eol + 1;
    } else {
      texts.push(out.subarray(eol + 1, eol + 1 + Number(size)).toString('utf8'));
      at = eol + 1 + Number(size) + 1;
    }
  }
  return { changes: found.map((c, i) => ({ ...c, after: texts[2 * i] ?? '', before: texts[2 * i + 1] })) };
}
