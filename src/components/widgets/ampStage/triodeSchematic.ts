// The triode stage's schematic with the model's values at an input; the widget loads it with the stage (an exercise
// needs only the model, ./triode). Importing this module registers it with ./views.
import { plateCurrentAmps } from '../../../dsp/circuits/triodeStage';
import { triodeStageCircuit } from '../../schematics/circuits/triodeStage';
import { triodeParams } from './triode';
import { provideStageSchematic, type AmpStageSettings, type StageView } from './views';

/** A typical grid-leak resistor (it only sets the input impedance here). */
const GRID_LEAK_OHMS = 1e6;

function triodeCircuit(settings: AmpStageSettings, view: StageView, inputVolts: number) {
  const p = triodeParams(settings);
  const plateAmps = plateCurrentAmps(p, inputVolts);
  return triodeStageCircuit({
    tubeName: settings.tube,
    supplyVolts: p.supplyVolts,
    plateResistorOhms: p.plateResistorOhms,
    cathodeResistorOhms: p.cathodeResistorOhms,
    gridLeakOhms: GRID_LEAK_OHMS,
    gridVolts: inputVolts,
    cathodeVolts: plateAmps * p.cathodeResistorOhms,
    plateVolts: view.stage.transferVolts(inputVolts),
    plateAmps,
  });
}

provideStageSchematic('triode', triodeCircuit);
