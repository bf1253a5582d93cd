// Which entries of src/data/sources.json the matcher's catalogue cites, found by walking every Cited figure.
import { HEADPHONES } from '../data/catalogue/headphones';
import { SOURCES } from '../data/catalogue/sources';
import type { Cited } from '../data/catalogue/types';

function citedFigures(): Cited<unknown>[] {
  const figures: Cited<unknown>[] = [];
  for (const h of HEADPHONES) {
    figures.push(h.nominalImpedanceOhms, h.sensitivity, h.impedance.targets);
    if (h.ratedMaximumInput) figures.push(h.ratedMaximumInput);
  }
  for (const s of SOURCES) {
    figures.push(s.inputFullScaleVoltsRms);
    for (const o of s.outputs) {
      figures.push(o.outputImpedanceOhms, ...o.ratings);
      if (o.noise) figures.push(o.noise);
      for (const g of o.gains) if (g.noise) figures.push(g.noise);
    }
  }
  return figures;
}

/** Every source id the catalogue cites, once each. */
export function catalogueSourceIds(): string[] {
  return [...new Set(citedFigures().map((f) => f.sourceId))];
}
