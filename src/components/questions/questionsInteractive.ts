// The code that checks answers, for every kind of question; loaded by questionsBoot on the first touch of one.
import { initChoiceQuestions } from './choiceQuestions';
import { initNumericQuestions } from './numericQuestions';

export function initQuestions(): void {
  initChoiceQuestions();
  initNumericQuestions();
}
