// The filter sections that play a tube amp's output into a headphone (src/dsp/tubeOutput/responseChain.ts): their
// digital response, evaluated on the unit circle, follows the analog H(s) relative to 1 kHz across the audio band.
import { describe, expect, it } from 'vitest';
import { cascadeResponseAtHz } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { TUBE_OUTPUT_HEADPHONES } from '../../src/dsp/tubeOutput/topologies';
import { logFrequencies } from '../../src/dsp/sourceLoad';
import { MEASURED_TRANSFORMER } from '../../src/dsp/tubeOutput/outputTransformer';
import { responseChain } from '../../src/dsp/tubeOutput/responseChain';
import { TOPOLOGIES, relativeResponseDbAtHz, responseIntoLoad, topologySource } from '../../src/dsp/tubeOutput/topologies';

describe('the tube-output chain', () => {
  for (const topology of TOPOLOGIES) {
    for (const turnsRatio of topology === 'transformer' ? [4, MEASURED_TRANSFORMER.turnsRatio] : [MEASURED_TRANSFORMER.turnsRatio]) {
      for (const model of TUBE_OUTPUT_HEADPHONES) {
        it(`${topology}${topology === 'transformer' ? ` ${turnsRatio.toFixed(1)}:1` : ''} into ${model.name}: the sections at 48 kHz follow H(s) within 0.15 dB to 10 kHz and 0.4 dB to 16 kHz`, () => {
          const h = responseIntoLoad(topologySource(topology, { ...MEASURED_TRANSFORMER, turnsRatio }), model.impedance);
          const { sections } = responseChain(h, 48_000);
          for (const f of logFrequencies(20, 16_000, 60)) {
            const digitalDb = 20 * Math.log10(abs(cascadeResponseAtHz(sections, f, 48_000)));
            expect(Math.abs(digitalDb - relativeResponseDbAtHz(h, f)), `at ${f.toFixed(0)} Hz`).toBeLessThan(f <= 10_000 ? 0.15 : 0.4);
          }
        });
      }
    }
  }
});
