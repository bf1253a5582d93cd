/**
 * A stepped attenuator built as a ladder of fixed resistors, one divider per step: each position is its own series
 * resistor Rs over a shunt Rsh, switched in whole. Models the step law and how far two channels can differ when each
 * resistor is within a tolerance. Leaves out: switch contact resistance, the load after it and make-before-break
 * switching.
 */

export interface LadderStep {
  readonly attenuationDb: number;
  readonly seriesOhms: number;
  readonly shuntOhms: number;
}

/**
 * The steps of an attenuator of total resistance R in steps of stepDb down from 0 dB: Rsh = R·10^(a/20),
 * Rs = R − Rsh, so every position presents the same R to the source.
 */
export function ladderSteps(totalOhms: number, stepDb: number, count: number): LadderStep[] {
  if (!(totalOhms > 0 && stepDb > 0 && Number.isInteger(count) && count >= 1)) throw new RangeError('a ladder needs R > 0, a step > 0 dB and at least one step');
  return Array.from({ length: count }, (_, i) => {
    const attenuationDb = -i * stepDb;
    const shuntOhms = totalOhms * 10 ** (attenuationDb / 20);
    return { attenuationDb, seriesOhms: totalOhms - shuntOhms, shuntOhms };
  });
}

/** A divider's ratio Rsh/(Rs + Rsh). */
export function dividerRatio(seriesOhms: number, shuntOhms: number): number {
  return shuntOhms / (seriesOhms + shuntOhms);
}

/**
 * The worst-case difference between two channels' dividers, dB, each resistor within ±t: one channel's ratio at its
 * highest, Rsh(1 + t)/(Rs(1 − t) + Rsh(1 + t)), the other's at its lowest, Rsh(1 − t)/(Rs(1 + t) + Rsh(1 − t)).
 * At 0 dB (Rs = 0) it is 0; deep down (Rs ≫ Rsh) it tends to 20·log10(((1 + t)/(1 − t))²) ≈ 34.7·t dB.
 */
export function worstChannelMatchDb(step: LadderStep, toleranceNormalized: number): number {
  const t = toleranceNormalized;
  if (!(t >= 0 && t < 1)) throw new RangeError(`a tolerance needs 0 ≤ t < 1, not ${t}`);
  const { seriesOhms: rs, shuntOhms: rsh } = step;
  const high = dividerRatio(rs * (1 - t), rsh * (1 + t));
  const low = dividerRatio(rs * (1 + t), rsh * (1 - t));
  return 20 * Math.log10(high / low);
}

/** The limit of worstChannelMatchDb far down the ladder: 40·log10((1 + t)/(1 − t)). */
export function deepChannelMatchLimitDb(toleranceNormalized: number): number {
  const t = toleranceNormalized;
  return 40 * Math.log10((1 + t) / (1 - t));
}
