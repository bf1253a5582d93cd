// The cathode follower's schematic with the model's values at an input; the widget loads it with the stage.
// Importing this module registers it with ./views.
import { cathodeFollowerBiasPoint } from '../../../dsp/circuits/cathodeFollower';
import { cathodeFollowerCircuit } from '../../schematics/circuits/cathodeFollower';
import { followerParams } from './follower';
import { provideStageSchematic, type AmpStageSettings, type StageView } from './views';

function followerCircuit(s: AmpStageSettings, view: StageView, inputVolts: number) {
  const params = followerParams(s);
  const idleCathodeVolts = cathodeFollowerBiasPoint(params).cathodeVolts;
  const outputVolts = view.stage.transferVolts(inputVolts);
  const cathodeVolts = idleCathodeVolts + outputVolts;
  return cathodeFollowerCircuit({
    tubeLabel: `${params.parallelSections} × ${params.tube.name}`,
    supplyVolts: params.supplyVolts,
    gridBiasVolts: params.gridBiasVolts,
    cathodeResistorOhms: params.cathodeResistorOhms,
    loadOhms: params.loadOhms,
    inputVolts,
    cathodeVolts,
    outputVolts,
    tubeAmps: cathodeVolts / params.cathodeResistorOhms + outputVolts / params.loadOhms,
  });
}

provideStageSchematic('follower', followerCircuit);
