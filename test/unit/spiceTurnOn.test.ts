// The turn-on deck (test/spice/turnOnRelay.cir: a 4.5 V step into 220 µF, a 1 kΩ bleed, an ngspice switch as the
// relay, 32 Ω) against the model and the closed forms: the step left when the relay closes is 4.5·e^(−t_d/(R_b·C)),
// and it then falls with τ = C·(R_hp ∥ R_b); with the relay closed from the start, the whole 4.5 V arrives.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { realVectors } from '../../src/spice/results';
import { SpiceSimulator } from '../../src/spice/simulator';
import { connectedTimeConstantSeconds, headphoneVolts, stepAtConnectionVolts, TURN_ON_DEFAULTS, type TurnOnParams } from '../../src/dsp/protection/turnOn';

const DECK = readFileSync(new URL('../spice/turnOnRelay.cir', import.meta.url), 'utf8');
/** The deck switches the amplifier on at 1 ms (so the step is clean), and the relay's coil drive steps at TD. */
const SWITCH_ON_SECONDS = 1e-3;

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

async function run(relayDelaySeconds: number, bleed: string, stopSeconds: number) {
  const deck = DECK.replace(/^\.param .*$/m, `.param TD=${SWITCH_ON_SECONDS + relayDelaySeconds} RB=${bleed}`).replace(/^\.tran .*$/m, `.tran 10u ${stopSeconds} 0 10u uic`);
  const { result, messages } = await spice.run(deck);
  const { scale, vectors } = realVectors(result, ['v(hp)'], messages);
  return { time: scale, hp: vectors['v(hp)'] ?? [] };
}

/** The model's headphone voltage at a deck time (the deck's clock starts 1 ms before switch-on). */
const modelAt = (params: TurnOnParams, deckSeconds: number) => headphoneVolts(params, deckSeconds - SWITCH_ON_SECONDS);

describe('the turn-on thump in ngspice', () => {
  it('relay after 1 s, 1 kΩ bleed: ngspice leaves 47.8 mV, the model’s 4.5·e^(−1/0.22) within 0.5 %, then τ = 6.82 ms', async () => {
    const params = TURN_ON_DEFAULTS;
    const { time, hp } = await run(1, '1k', 1.06);
    const peak = Math.max(...hp);
    expect(Math.abs(peak / stepAtConnectionVolts(params) - 1)).toBeLessThan(0.005);
    expect(Math.max(...hp.filter((_, i) => (time[i] ?? 0) < SWITCH_ON_SECONDS + 0.999))).toBeLessThan(1e-6);
    const tau = connectedTimeConstantSeconds(params);
    // One τ after the relay closes, the step has fallen to 1/e of itself.
    const at = SWITCH_ON_SECONDS + 1 + tau;
    const index = time.findIndex((t) => t >= at);
    expect(Math.abs((hp[index] ?? 0) / modelAt(params, time[index] ?? 0) - 1)).toBeLessThan(0.01);
  }, 60_000);

  it('relay closed from the start: the whole 4.5 V, 140 mA into 32 Ω, falling as the model says within 1 % of the peak', async () => {
    const params = { ...TURN_ON_DEFAULTS, relayDelaySeconds: 0 };
    const { time, hp } = await run(-0.5e-3, '1k', 0.04);
    expect(Math.abs(Math.max(...hp) / 4.5 - 1)).toBeLessThan(0.005);
    let worst = 0;
    time.forEach((t, i) => {
      if (t > SWITCH_ON_SECONDS + 5e-6) worst = Math.max(worst, Math.abs((hp[i] ?? 0) - modelAt(params, t)));
    });
    expect(worst / 4.5).toBeLessThan(0.01);
  }, 60_000);

  it('no bleed resistor: after a 1 s relay delay the full step still arrives (the capacitor could not charge)', async () => {
    const { hp } = await run(1, '1e12', 1.03);
    expect(Math.abs(Math.max(...hp) / 4.5 - 1)).toBeLessThan(0.005);
  }, 60_000);
});
