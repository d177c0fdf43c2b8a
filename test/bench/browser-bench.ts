import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { standaloneValidatorModule } from '../../engine/index.js';
import { buildComponents } from '../../web-components/build.js';
import { compileProjectForm, readDefinition, readExample, SAMPLE_SOURCES } from '../support/project-forms.js';
import { type BenchOptions, formatMs, median, type Row } from './measure.js';

const ORIGIN = 'http://bench.mamis.test';
/**
 * The bench page. Its helpers run in the page and are written here as page script: functions
 * passed from Node would be serialised with the transpiler's helpers, which the page lacks.
 */
const PAGE = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">
import '/components.js';
import validator from '/validator.js';

function createForm(input) {
  const element = document.createElement('mamis-form');
  element.definition = input.definition;
  element.sources = input.sources;
  element.today = input.today;
  element.validator = validator;
  return element;
}

// Insert a form; resolve when its first focusable control is in the DOM and a frame is drawn,
// with the time to each.
window.benchFirstStep = async (input) => {
  const element = createForm(input);
  const started = performance.now();
  document.body.append(element);
  const control = () => element.shadowRoot?.querySelector('button, input, select, textarea, a[href]');
  await new Promise((resolve) => {
    if (control()) return resolve();
    const observer = new MutationObserver(() => {
      if (!control()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element.shadowRoot, { childList: true, subtree: true });
  });
  const inDom = performance.now() - started;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const drawn = performance.now() - started;
  element.remove();
  return { control: inDom, frame: drawn };
};

window.benchInsert = (input) => document.body.append(createForm(input));

// Time from the next keydown to a change of the focused field's error text.
window.benchArmKey = () => {
  let field = document.activeElement;
  while (field?.shadowRoot?.activeElement) field = field.shadowRoot.activeElement;
  const root = field.getRootNode();
  const errorText = () =>
    (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => root.getElementById(id))
      .filter((element) => element?.classList.contains('error'))
      .map((element) => element.textContent)
      .join('');
  const before = errorText();
  window.benchKeyTimer = new Promise((resolve) => {
    let pressed = 0;
    window.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (pressed === 0 || errorText() === before) return;
      observer.disconnect();
      resolve(performance.now() - pressed);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  });
};

window.benchReady = true;
</script></body></html>`;

interface BenchWindow {
  benchReady?: boolean;
  benchFirstStep(input: FormInput): Promise<{ control: number; frame: number }>;
  benchInsert(input: FormInput): void;
  benchArmKey(): void;
  benchKeyTimer: Promise<number>;
}

/**
 * Target 6 in headless Chromium, timed in the page with `performance.now()`: inserting
 * `<mamis-form>` (definition, validator, sources and today as properties, as an embedding site
 * passes them) until its first step's first control is in the DOM and a frame has been drawn;
 * and a key press in a field that shows an error until that field's error text has changed.
 * Medians of many runs in one page.
 */
export async function browserBench(options: BenchOptions): Promise<Row[]> {
  const runs = options.quick ? 5 : 50;
  const out = await mkdtemp(path.join(tmpdir(), 'mamis-bench-browser-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const { bundle } = await buildComponents({ outdir: out, manifest: false });
    const files: Record<string, string> = {
      '/': PAGE,
      '/components.js': await readFile(bundle, 'utf8'),
      '/validator.js': standaloneValidatorModule(compileProjectForm('withdrawal')),
    };
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({ body: file, contentType: file === PAGE ? 'text/html' : 'text/javascript' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as BenchWindow).benchReady === true);
    const input = {
      definition: readDefinition('withdrawal'),
      sources: SAMPLE_SOURCES,
      today: readExample('withdrawal').today,
    };
    const firstStep: number[] = [];
    const firstControl: number[] = [];
    for (let index = 0; index < runs + 3; index++) {
      const ms = await page.evaluate((given) => (window as unknown as BenchWindow).benchFirstStep(given), input);
      // The first runs compile the bundle's code: a page keeps the form, so they are left out.
      if (index < 3) continue;
      firstStep.push(ms.frame);
      firstControl.push(ms.control);
    }
    const keyToError = await timeKeyPresses(page, input, runs);
    const first = median(firstStep);
    const key = median(keyToError);
    return [
      {
        // Most of the time to the frame is the wait for it: after its first few frames, headless
        // Chromium draws on a 60 Hz clock, and the step is in the DOM well before (in one run,
        // 0.3–1.7 ms each time, against 1–12 ms to the frame).
        target: `\`<mamis-form>\` inserted → first step interactive (median of ${runs})`,
        figure: `${formatMs(first)} (its control in the DOM: ${formatMs(median(firstControl))})`,
        peer: '—',
        ratio: '—',
        goal: '< 100 ms',
        met: first < 100,
      },
      {
        target: `key press → the field's error shown (median of ${runs})`,
        figure: formatMs(key),
        peer: '—',
        ratio: '—',
        goal: '< 5 ms',
        met: key < 5,
      },
    ];
  } finally {
    await browser.close();
    await rm(out, { recursive: true, force: true });
  }
}

interface FormInput {
  readonly definition: unknown;
  readonly sources: unknown;
  readonly today: string;
}

/**
 * Opens the withdrawal's field step, asks for the confirm step with nothing filled in (every
 * field shows its error), then types into 退会希望年月日 and deletes again, each key changing
 * the field's message (入力してください ⇄ yyyy/mm/dd の形式で…).
 */
async function timeKeyPresses(page: Page, input: FormInput, runs: number): Promise<number[]> {
  await page.evaluate((given) => (window as unknown as BenchWindow).benchInsert(given), input);
  await page.getByRole('button', { name: '退会する' }).click();
  await page.getByRole('button', { name: '実行する' }).click();
  await page.getByRole('button', { name: '確認画面に進む' }).click();
  await page.getByRole('textbox', { name: /退会希望年月日/ }).focus();
  const times: number[] = [];
  for (let index = 0; index < runs + 2; index++) {
    await page.evaluate(() => (window as unknown as BenchWindow).benchArmKey());
    await page.keyboard.press(index % 2 === 0 ? '2' : 'Backspace');
    const ms = await page.evaluate(() => (window as unknown as BenchWindow).benchKeyTimer);
    if (index >= 2) times.push(ms);
  }
  return times;
}
