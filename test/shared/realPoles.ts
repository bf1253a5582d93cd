// A gain with real-pole corners, g · Π jf/(jf + f_h) · Π f_l/(jf + f_l), at one frequency: the closed form the circuit
// lab's filter fit (unit tests) and its listening harness (browser tests) are checked against.
import { type Complex, complex, div, mul } from '../../src/dsp/complex';

export function realPoleGain(gain: number, highPassHz: readonly number[], lowPassHz: readonly number[], frequencyHz: number): Complex {
  let h = complex(gain);
  for (const f of highPassHz) h = mul(h, div(complex(0, frequencyHz), complex(f, frequencyHz)));
  for (const f of lowPassHz) h = mul(h, div(complex(f), complex(f, frequencyHz)));
  return h;
}
