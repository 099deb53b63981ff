/**
 * Runs one OCR tool as a child process at the lowest priority the OS gives (nice 19 on Linux, the
 * idle class on Windows), one thread, no shell: reading a page must never take the CPU from the
 * counter. The child is killed on timeout or when the worker stops.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import os from 'node:os';

export interface ToolRun {
  done: Promise<string>;
  child: ChildProcess;
}

/** A tool's own failure: the command, its exit and what it said, for the status line and the log. */
export class ToolFailure extends Error {
  constructor(
    readonly command: string,
    readonly code: string | number | null,
    readonly stderr: string,
  ) {
    super(`${command} failed (${String(code)}): ${stderr.trim().slice(0, 300)}`);
  }
}

export function runLow(command: string, args: string[], timeoutMs: number): ToolRun {
  let child!: ChildProcess;
  const done = new Promise<string>((resolve, reject) => {
    child = execFile(
      command,
      args,
      {
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        windowsHide: true,
        // Tesseract uses every core through OpenMP unless told; one is enough in the background.
        env: { ...process.env, OMP_THREAD_LIMIT: '1', LC_ALL: 'C.UTF-8' },
      },
      (error, stdout, stderr) => {
        if (error) reject(new ToolFailure(command, (error as NodeJS.ErrnoException).code ?? error.signal ?? null, stderr || error.message));
        else resolve(stdout);
      },
    );
  });
  lowerPriority(child);
  return { done, child };
}

function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return; // not started (ENOENT): the callback reports it
  try {
    os.setPriority(child.pid, os.constants.priority.PRIORITY_LOW);
  } catch (err) {
    // The process may already have exited; a page read at normal priority is still read.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}
