// Shows a prediction as committed: the chosen option checked, every option disabled, the commit button gone and the
// reveal (the reader's prediction beside the model's answer) in view, with the chosen option's feedback.

export function optionText(input: HTMLInputElement): string {
  return input.closest('label')?.querySelector('.option-text')?.textContent?.trim() ?? '';
}

/** Locks `form` on `chosenText`; `withFeedback` also shows that option's feedback (as after a commit). */
export function lockPrediction(form: HTMLFormElement, chosenText: string, withFeedback: boolean): void {
  form.dataset['locked'] = 'true';
  let chosen: HTMLInputElement | undefined;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    input.checked = optionText(input) === chosenText;
    if (input.checked) chosen = input;
    input.disabled = true;
  }
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (submit) submit.hidden = true;
  const yours = form.querySelector<HTMLElement>('[data-your-prediction]');
  if (yours) yours.textContent = chosenText;
  const reveal = form.querySelector<HTMLElement>('.prediction-reveal');
  if (reveal) reveal.hidden = false;
  const feedback = form.querySelector<HTMLElement>('.feedback');
  if (withFeedback && chosen && feedback) {
    const correct = chosen.dataset['correct'] === 'true';
    feedback.textContent = `${correct ? 'Right.' : 'Not quite.'} ${chosen.dataset['feedback'] ?? ''}`;
    feedback.dataset['result'] = correct ? 'correct' : 'wrong';
  }
}
