import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs generated Python against the micrograd stand-in in this folder. python3 is required: a
 * machine without it fails these tests with a message saying so, rather than skipping them
 * and passing without having checked anything.
 */

/** This folder: put on PYTHONPATH so `from micrograd.engine import Value` finds the stand-in. */
export const SHIM_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The interpreter `python3` on PATH runs, once asked; see {@link interpreter}. */
let resolved: string | null = null;

/**
 * The python3 on PATH, as the binary it finally runs. A version manager's `python3` is often a
 * shell shim (pyenv's costs about 0.7 s of CPU per start, the interpreter itself 0.04 s), and
 * these tests start python dozens of times: ask the shim once which interpreter it picks
 * (sys.executable), then run that directly. The same Python either way.
 */
function interpreter(): string {
  resolved ??= execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'python3';
  return resolved;
}

/** Runs `code` (fed on stdin) with python3 and returns what it printed. Throws on any error. */
export function runPython(code: string): string {
  return runWith(interpreter(), code);
}

function runWith(python: string, code: string): string {
  try {
    return execFileSync(python, ['-'], {
      input: code,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: SHIM_DIR, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('python3 is not installed or not on PATH: the generated-Python tests need it (CI machines have it).');
    }
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`python3 failed:\n${stderr}\n--- program ---\n${code}`);
  }
}

/** One `print(label, x.data, x.grad)` line of a generated program. */
export interface PrintedNode {
  label: string;
  data: number;
  grad: number;
}

/** Reads the label, data and grad lines a generated program prints (labels may have spaces). */
export function parsePrinted(stdout: string): PrintedNode[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parts = line.split(' ');
      const grad = parsePythonFloat(parts.pop()!);
      const data = parsePythonFloat(parts.pop()!);
      return { label: parts.join(' '), data, grad };
    });
}

/** Python's repr of a float (or an int, or True/False from relu's comparison) as a number. */
export function parsePythonFloat(text: string): number {
  switch (text) {
    case 'inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    case 'nan':
      return NaN;
    case 'True':
      return 1;
    case 'False':
      return 0;
  }
  const x = Number(text);
  if (Number.isNaN(x)) throw new Error(`not a Python number: '${text}'`);
  return x;
}

/** The environment variable that lets a machine without PyTorch run the suite without the torch checks. */
export const SKIP_TORCH_ENV = 'MICROGRAD_SKIP_TORCH';

/** What to do when no interpreter imports torch, in words a person can act on. */
export const NO_TORCH_MESSAGE =
  'The PyTorch export tests need a Python that can import torch, and none was found ' +
  '(tried $MICROGRAD_TORCH_PYTHON, the python3 on PATH, /usr/bin/python3, /usr/local/bin/python3). ' +
  'Install it: `sudo apt-get install python3-torch python3-nbformat` (Debian/Ubuntu; then /usr/bin/python3 has it) ' +
  'or `pip install torch nbformat`. To run the other tests without these checks, set ' +
  `${SKIP_TORCH_ENV}=1.`;

/** The interpreter that imports torch, and the torch version it has. */
export interface TorchPython {
  python: string;
  torchVersion: string;
}

let torchFound: TorchPython | null | undefined;

/**
 * Finds the Python that can import torch, rather than assuming the first python3 on PATH does:
 * Debian's python3-torch is importable only from Debian's own /usr/bin/python3, which a version
 * manager's python3 hides. Asked once; null when none can.
 */
export function findTorchPython(): TorchPython | null {
  if (torchFound !== undefined) return torchFound;
  const candidates = [process.env.MICROGRAD_TORCH_PYTHON, 'python3', '/usr/bin/python3', '/usr/local/bin/python3'];
  torchFound = null;
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const [python, version] = execFileSync(candidate, ['-c', 'import sys, torch; print(sys.executable); print(torch.__version__)'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
        .trim()
        .split('\n');
      torchFound = { python: python || candidate, torchVersion: version! };
      break;
    } catch {
      // not installed, or no torch there: try the next one
    }
  }
  return torchFound;
}

/**
 * The torch interpreter, or null when the person opted out with MICROGRAD_SKIP_TORCH=1. Without
 * torch and without the opt-out it throws {@link NO_TORCH_MESSAGE}: a test that needs torch
 * fails, never passes having checked nothing.
 */
export function torchOrOptOut(): TorchPython | null {
  const found = findTorchPython();
  if (found) return found;
  if (process.env[SKIP_TORCH_ENV] === '1') return null;
  throw new Error(NO_TORCH_MESSAGE);
}

/** Runs `code` with the torch interpreter (the micrograd stand-in on its path too) and returns what it printed. */
export function runTorch(torch: TorchPython, code: string): string {
  return runWith(torch.python, code);
}
