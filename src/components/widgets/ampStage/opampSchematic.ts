// The op-amp stage's schematic with the model's values at an input; the widget loads it with the stage (an exercise
// needs only the model, ./opamp). Importing this module registers it with ./views.
import { opAmpPinVolts } from '../../../dsp/circuits/opAmpStage';
import { opAmpStageCircuit } from '../../schematics/circuits/opAmpStage';
import { opAmpParams } from './opamp';
import { provideStageSchematic, type AmpStageSettings, type StageView } from './views';

/** The feedback network for a gain: Rg fixed at 1 kΩ, Rf = (G − 1)·Rg. */
const GROUND_RESISTOR_OHMS = 1000;

function opAmpCircuit(settings: AmpStageSettings, view: StageView, inputVolts: number) {
  const p = opAmpParams(settings);
  const loadVolts = view.stage.transferVolts(inputVolts);
  return opAmpStageCircuit({
    gain: p.gain,
    supply: { kind: 'split', volts: p.railVolts },
    feedbackResistorOhms: (p.gain - 1) * GROUND_RESISTOR_OHMS,
    groundResistorOhms: GROUND_RESISTOR_OHMS,
    buildOutOhms: p.buildOutOhms,
    loadOhms: p.loadOhms,
    inputVolts,
    outputVolts: opAmpPinVolts(p, inputVolts),
    loadVolts,
    loadAmps: loadVolts / p.loadOhms,
  });
}

provideStageSchematic('opamp', opAmpCircuit);
