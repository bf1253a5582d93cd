// The tube-output widget's two chains: A an ideal source (flat, 0 Ω), B the chosen output's response into the
// headphone (src/dsp/tubeOutput/responseChain.ts), loudness-matched. Loaded on Play only.
import type { ChainPair } from '../../listening/ListeningPanel';
import { BYPASS_CHAIN } from '../../../audio/chainSettings';
import { headphoneById } from '../../../dsp/headphones';
import { responseChain } from '../../../dsp/tubeOutput/responseChain';
import { type Topology, responseIntoLoad, topologySource } from '../../../dsp/tubeOutput/topologies';
import { type TransformerSettings, transformerParams } from './view';

export function tubeOutputChains(topology: Topology, transformer: TransformerSettings, headphoneId: string, sampleRateHz: number): ChainPair {
  const h = responseIntoLoad(topologySource(topology, transformerParams(transformer)), headphoneById(headphoneId).impedance);
  return { a: BYPASS_CHAIN, b: responseChain(h, sampleRateHz) };
}
