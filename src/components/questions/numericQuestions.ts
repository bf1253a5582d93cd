// Interactive part of <NumericQuestion> (loaded on the first touch of a question): checks the typed number against the model's answer within the stated
// tolerance, names a tempting mistake when the reader made it, shows the working, and draws new values on
// "Try another" (the generator module loads then, not before).
import { lessonOf } from '../../lib/lessonOf';
import { recordAnswer } from '../../lib/progress';
import { parseReaderNumber } from '../../lib/readerNumber';
import { seededRandom } from '../../lib/seededShuffle';
import { announceAnswer } from './answeredEvent';
import type { NumericGenerator, NumericProblem } from './numeric/types';
import { describeTolerance, formatAnswer, withinTolerance } from './numeric/types';

const generators = import.meta.glob<Record<string, NumericGenerator>>(['./numeric/*.ts', '!./numeric/types.ts']);

async function loadGenerator(spec: string): Promise<NumericGenerator | undefined> {
  const [file, name] = spec.split('/');
  const load = generators[`./numeric/${file ?? ''}.ts`];
  if (!load || !name) return undefined;
  return (await load())[name];
}

function show(form: HTMLFormElement, problem: NumericProblem): void {
  const set = (selector: string, text: string): void => {
    const element = form.querySelector<HTMLElement>(selector);
    if (element) element.textContent = text;
  };
  set('[data-prompt]', problem.prompt);
  set('[data-unit]', problem.unit);
  set('[data-tolerance]', describeTolerance(problem));
  const list = form.querySelector<HTMLOListElement>('[data-working] ol');
  if (list) list.replaceChildren(...problem.working.map((step) => Object.assign(document.createElement('li'), { textContent: step })));
}

export function initNumericQuestions(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-numeric-question]')) {
    form.dataset['ready'] = 'true';
    const questionId = form.dataset['numericQuestion'] ?? '';
    let problem = JSON.parse(form.dataset['problem'] ?? '{}') as NumericProblem;
    let drawNumber = 0;
    const input = form.querySelector<HTMLInputElement>('input');
    const feedback = form.querySelector<HTMLElement>('.feedback');
    const working = form.querySelector<HTMLElement>('[data-working]');
    const say = (text: string, result: 'correct' | 'wrong' | 'none'): void => {
      if (!feedback) return;
      feedback.textContent = text;
      feedback.dataset['result'] = result;
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const given = parseReaderNumber(input?.value ?? '');
      if (!Number.isFinite(given)) {
        say('Type a number first (for example 2.5).', 'none');
        return;
      }
      const correct = withinTolerance(problem, given);
      const mistake = correct ? undefined : problem.mistakes?.find((m) => withinTolerance(problem, given, m.answer));
      say(
        correct
          ? `Right: the model gives ${formatAnswer(problem)}.`
          : `Not quite: the model gives ${formatAnswer(problem)}.${mistake ? ` ${mistake.why}` : ''}`,
        correct ? 'correct' : 'wrong',
      );
      if (working) working.hidden = false;
      recordAnswer(questionId, lessonOf(form), correct);
      announceAnswer(form, { questionId, correct });
    });

    form.querySelector<HTMLButtonElement>('[data-try-another]')?.addEventListener('click', () => {
      void (async () => {
        let generator: NumericGenerator | undefined;
        try {
          generator = await loadGenerator(form.dataset['generator'] ?? '');
        } catch {
          generator = undefined;
        }
        if (!generator) {
          say('New values could not be loaded (are you offline?). Try again in a moment.', 'none');
          return;
        }
        drawNumber += 1;
        problem = generator(seededRandom(`${questionId}#${drawNumber}`));
        show(form, problem);
        if (input) input.value = '';
        if (working) working.hidden = true;
        form.dataset['draw'] = String(drawNumber);
        say(`New values: ${problem.prompt}`, 'none');
        input?.focus();
      })();
    });
  }
}
