// "Show the working": the matcher's formulas with the reader's numbers in them, typeset by KaTeX. KaTeX and the
// formulas load only when the reader opens the panel, so they cost nothing before then.
import { useEffect, useState } from 'preact/hooks';
import type { HeadphoneLoad, MatchResult, SourceOutputModel } from '../../../dsp/matching/match';

export interface MatcherWorkingProps {
  idPrefix: string;
  result: MatchResult;
  headphone: HeadphoneLoad;
  output: SourceOutputModel;
  levelDbSpl: number;
  crestFactorDb: number;
}

interface Typesetter {
  katex: typeof import('katex').default;
  workingFormulas: typeof import('./workingFormulas').workingFormulas;
}
let typesetter: Promise<Typesetter> | null = null;
const loadTypesetter = (): Promise<Typesetter> =>
  (typesetter ??= Promise.all([import('katex'), import('./workingFormulas')]).then(([k, f]) => ({
    katex: k.default,
    workingFormulas: f.workingFormulas,
  })).catch((error: unknown) => {
    typesetter = null;
    throw error;
  }));

export function MatcherWorking(props: MatcherWorkingProps) {
  const [open, setOpen] = useState(false);
  const [tools, setTools] = useState<Typesetter | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!open || tools) return;
    loadTypesetter().then(setTools, () => setFailed(true));
  }, [open, tools]);
  const formulas = open && tools ? tools.workingFormulas(props) : [];
  return (
    <details class="matcher-working" id={`${props.idPrefix}-working`} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show the working with your numbers</summary>
      {open && !tools && !failed && <p class="control-hint">Loading the formulas…</p>}
      {failed && <p class="field-problem">The formulas could not load. Check your connection and open this panel again.</p>}
      <ol>
        {formulas.map(([what, tex]) => (
          <li>
            <span>{what}:</span>
            <div
              class="working-math"
              dangerouslySetInnerHTML={{ __html: tools ? tools.katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' }) : '' }}
            />
          </li>
        ))}
      </ol>
      <p class="control-hint">S_V is the sensitivity in dB SPL per volt; L your average level; C the crest factor; Z the nominal impedance.</p>
    </details>
  );
}
