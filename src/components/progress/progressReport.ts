// The progress page's script: fills ProgressReport.astro's markup from this browser's storage, keeps it current
// when progress changes (here or in another tab), and runs export, import and reset. With storage blocked it says
// so and leaves the controls hidden. Stored text is only ever written with textContent.
import { formatPValue } from '../../dsp/binomial';
import {
  IMPORT_MAX_CHARS,
  IMPORT_TOO_LARGE_MESSAGE,
  PROGRESS_EVENT,
  PROGRESS_STORAGE_KEY,
  exportProgress,
  importProgress,
  progressStorage,
  readProgress,
  resetProgress,
  type ProgressData,
  type StorageLike,
} from '../../lib/progress';
import { summarizeProgress, wasVisited, type PlaceSummary } from '../../lib/progressSummary';
import { withBase } from '../../lib/paths';

export const EXPORT_FILE_NAME = 'amp-lab-progress.json';

const BLOCKED_NOTE =
  'Progress can’t be kept in this browser: its storage is blocked (private browsing or a privacy setting may do ' +
  'that). Everything else on Amp Lab still works; only this record of what you have done is missing.';
const EMPTY_NOTE =
  'No progress yet. Open a lesson, answer its questions or try a listening exercise, and it shows up here. ' +
  'It is kept in this browser only.';
const SOME_NOTE = 'Here is what you have done so far. It is kept in this browser only.';
/** A site path safe to link (under the site's base): same origin, letters, digits, dashes and slashes only. */
const PAGE_PATH = /^\/(?!\/)[a-z0-9/-]*$/;

const day = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const pText = (p: number): string => {
  const shown = formatPValue(p);
  return shown.startsWith('<') ? `p ${shown}` : `p = ${shown}`;
};

function describeState(place: PlaceSummary): { state: string; text: string } {
  if (place.doneAt !== undefined) return { state: 'done', text: `Done ✓ ${day(place.doneAt)}` };
  if (place.visitedAt !== undefined) return { state: 'visited', text: `Visited ${day(place.visitedAt)}` };
  return wasVisited(place) ? { state: 'visited', text: 'Visited' } : { state: 'new', text: 'Not visited yet' };
}

function detailLines(place: PlaceSummary): string[] {
  const lines: string[] = [];
  const answered = place.answersRight + place.answersWrong;
  if (answered > 0) lines.push(`Questions answered: ${answered} (${place.answersRight} right, ${place.answersWrong} wrong)`);
  for (const e of place.exercises) lines.push(`${e.title}: ${e.correct} of ${e.total} right`);
  for (const run of place.abx) lines.push(`Blind test on ${day(run.at)}: ${run.correct} of ${run.trials} correct, ${pText(run.pValue)}`);
  return lines;
}

function fillPlace(item: Element, place: PlaceSummary): void {
  const state = item.querySelector<HTMLElement>('[data-progress-state]');
  const detail = item.querySelector<HTMLElement>('[data-progress-detail]');
  if (state) {
    const { state: name, text } = describeState(place);
    state.dataset['state'] = name;
    state.textContent = text;
  }
  if (detail) {
    const lines = detailLines(place);
    detail.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
    detail.hidden = lines.length === 0;
  }
}

function placeItem(key: string, place: PlaceSummary): HTMLLIElement {
  const item = document.createElement('li');
  const label = PAGE_PATH.test(key) ? Object.assign(document.createElement('a'), { href: withBase(key) }) : document.createElement('span');
  label.textContent = key.startsWith('/') ? `Page ${key}` : `Lesson “${key}” (no longer in the course)`;
  const state = Object.assign(document.createElement('span'), { className: 'progress-state' });
  state.dataset['progressState'] = '';
  const detail = Object.assign(document.createElement('ul'), { className: 'progress-detail' });
  detail.dataset['progressDetail'] = '';
  item.append(label, ' ', state, detail);
  fillPlace(item, place);
  return item;
}

function render(root: HTMLElement, data: ProgressData): void {
  const items = [...root.querySelectorAll<HTMLElement>('[data-progress-lesson]')];
  const summary = summarizeProgress(data, items.map((item) => item.dataset['progressLesson'] ?? ''));
  for (const item of items) {
    const place = summary.lessons.get(item.dataset['progressLesson'] ?? '');
    if (place) fillPlace(item, place);
  }
  const totals: Record<string, string> = {
    visited: `${summary.lessonsVisited} of ${summary.lessonCount}`,
    done: `${summary.lessonsDone} of ${summary.lessonCount}`,
    answers: `${summary.answersRight + summary.answersWrong} (${summary.answersRight} right)`,
    exercises: String(summary.exercisesDone),
    abx: String(summary.abxRuns),
  };
  for (const cell of root.querySelectorAll<HTMLElement>('[data-total]')) cell.textContent = totals[cell.dataset['total'] ?? ''] ?? '';
  const elsewhere = root.querySelector<HTMLElement>('[data-progress-elsewhere]');
  root.querySelector('[data-progress-elsewhere-list]')?.replaceChildren(...[...summary.elsewhere].map(([key, place]) => placeItem(key, place)));
  if (elsewhere) elsewhere.hidden = summary.elsewhere.size === 0;
  const status = root.querySelector<HTMLElement>('[data-progress-status]');
  const anything = [...summary.lessons.values(), ...summary.elsewhere.values()].some(wasVisited);
  if (status) status.textContent = anything ? SOME_NOTE : EMPTY_NOTE;
  const totalsList = root.querySelector<HTMLElement>('[data-progress-summary]');
  if (totalsList) totalsList.hidden = false;
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: EXPORT_FILE_NAME });
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium and Firefox read the blob once the download starts; FileSaver.js waits 40 s before revoking too.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

function wireActions(root: HTMLElement, storage: StorageLike): void {
  const actions = root.querySelector<HTMLElement>('[data-progress-actions]');
  const message = root.querySelector<HTMLElement>('[data-progress-message]');
  const confirm = root.querySelector<HTMLElement>('[data-reset-confirm]');
  const button = (name: string) => root.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`);
  const fileInput = root.querySelector<HTMLInputElement>('input[data-action="import"]');
  const say = (text: string, result: 'ok' | 'error') => {
    if (!message) return;
    message.textContent = text;
    message.dataset['result'] = result;
  };
  const closeConfirm = () => {
    if (confirm) confirm.hidden = true;
    button('reset')?.focus();
  };

  button('export')?.addEventListener('click', () => {
    download(exportProgress(storage));
    say(`Your progress was saved as ${EXPORT_FILE_NAME}.`, 'ok');
  });
  fileInput?.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    fileInput.value = '';
    if (file.size > IMPORT_MAX_CHARS) {
      say(IMPORT_TOO_LARGE_MESSAGE, 'error');
      return;
    }
    const result = importProgress(await file.text(), storage);
    if (result.ok) say(`Imported your progress from “${file.name}”.`, 'ok');
    else say(result.message, 'error');
  });
  button('reset')?.addEventListener('click', () => {
    if (!confirm) return;
    confirm.hidden = false;
    button('reset-confirm')?.focus();
  });
  button('reset-cancel')?.addEventListener('click', closeConfirm);
  button('reset-confirm')?.addEventListener('click', () => {
    resetProgress(storage);
    closeConfirm();
    say('Your progress in this browser was deleted.', 'ok');
  });
  if (actions) actions.hidden = false;
}

/** Shows the stored progress in `root` (ProgressReport.astro's markup) and keeps it current. */
export function startProgressReport(root: HTMLElement): void {
  const storage = progressStorage();
  if (!storage) {
    const status = root.querySelector<HTMLElement>('[data-progress-status]');
    if (status) {
      status.textContent = BLOCKED_NOTE;
      status.dataset['blocked'] = '';
    }
    return;
  }
  const update = () => render(root, readProgress(storage));
  update();
  window.addEventListener(PROGRESS_EVENT, update);
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) update();
  });
  wireActions(root, storage);
}
