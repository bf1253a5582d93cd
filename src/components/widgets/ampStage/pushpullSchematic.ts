// The push-pull stage's schematic with the model's values at an input; the widget loads it with the stage (an
// exercise needs only the model, ./pushpull). Importing this module registers it with ./views.
import { biasVoltage, pushPullOperatingPoint } from '../../../dsp/circuits/pushPullStage';
import { pushPullStageCircuit } from '../../schematics/circuits/pushPullStage';
import { pushPullParams } from './pushpull';
import { provideStageSchematic, type AmpStageSettings, type StageView } from './views';

function pushPullCircuit(settings: AmpStageSettings, _view: StageView, inputVolts: number) {
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

provideStageSchematic('pushpull', pushPullCircuit);
