// The amplifier-stage widget's schematic with the model's values at one instant: the bias point (no signal) or the
// drive's positive or negative peak. The node voltages and currents come from the same solved circuit as the plots.
import type { Circuit } from '../../schematics/types';
import { opAmpStageCircuit } from '../../schematics/circuits/opAmpStage';
import { pushPullStageCircuit } from '../../schematics/circuits/pushPullStage';
import { triodeStageCircuit } from '../../schematics/circuits/triodeStage';
import { opAmpPinVolts } from '../../../dsp/circuits/opAmpStage';
import { biasVoltage, pushPullOperatingPoint } from '../../../dsp/circuits/pushPullStage';
import { plateCurrentAmps } from '../../../dsp/circuits/triodeStage';
import { loadedFollowerKit, opAmpParams, pushPullParams, triodeParams, type AmpStageSettings, type StageView } from './views';

/** The op-amp stage's feedback network for a gain: Rg fixed at 1 kΩ, Rf = (G − 1)·Rg. */
const GROUND_RESISTOR_OHMS = 1000;
/** A typical grid-leak resistor (it only sets the input impedance here). */
const GRID_LEAK_OHMS = 1e6;

export function ampStageCircuit(settings: AmpStageSettings, view: StageView, inputVolts: number): Circuit {
  switch (settings.kind) {
    case 'triode': {
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
    case 'opamp': {
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
    case 'pushpull': {
      const p = pushPullParams(settings);
      const point = pushPullOperatingPoint(p, inputVolts);
      return pushPullStageCircuit({
        supplyVolts: p.railVolts,
        biasVolts: biasVoltage(p),
        emitterResistorOhms: p.emitterResistorOhms,
        loadOhms: p.loadOhms,
        className: p.outputClass,
        inputVolts,
        outputVolts: point.outputVolts,
        npnAmps: point.npnCurrentAmps,
        pnpAmps: point.pnpCurrentAmps,
        loadAmps: point.outputVolts / p.loadOhms,
      });
    }
    case 'follower':
      return loadedFollowerKit().circuit(settings, view, inputVolts);
  }
}
