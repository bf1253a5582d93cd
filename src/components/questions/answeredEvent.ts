// The event every question dispatches (bubbling) when the reader answers it, so an end-of-lesson check can count.

export const ANSWERED_EVENT = 'amp-lab-answered';

export interface AnsweredDetail {
  readonly questionId: string;
  readonly correct: boolean;
}

export function announceAnswer(from: Element, detail: AnsweredDetail): void {
  from.dispatchEvent(new CustomEvent<AnsweredDetail>(ANSWERED_EVENT, { detail, bubbles: true }));
}
