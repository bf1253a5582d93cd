// Crossfeed as Web Audio nodes: the stereo input split into its channels, each through a direct and a cross
// IIRFilterNode, and merged so that left out = direct(left) + cross(right), right out = direct(right) + cross(left).
// The same function builds it live and offline. Leaves out: the filters' design (src/dsp/crossfeed/bs2b.ts).
import type { Biquad } from '../dsp/biquad';

export interface CrossfeedGraph {
  readonly input: AudioNode;
  readonly output: AudioNode;
  dispose(): void;
}

/** One section as an IIRFilterNode: feedforward [b0, b1, b2], feedback [1, a1, a2]. */
function filterNode(ctx: BaseAudioContext, q: Biquad): IIRFilterNode {
  return new IIRFilterNode(ctx, { feedforward: [q.b0, q.b1, q.b2], feedback: [1, q.a1, q.a2] });
}

export function crossfeedNodes(ctx: BaseAudioContext, sections: { readonly direct: Biquad; readonly cross: Biquad }): CrossfeedGraph {
  const splitter = new ChannelSplitterNode(ctx, { numberOfOutputs: 2 });
  const merger = new ChannelMergerNode(ctx, { numberOfInputs: 2 });
  const filters: IIRFilterNode[] = [];
  for (const channel of [0, 1] as const) {
    const other = channel === 0 ? 1 : 0;
    const direct = filterNode(ctx, sections.direct);
    const cross = filterNode(ctx, sections.cross);
    splitter.connect(direct, channel);
    splitter.connect(cross, channel);
    direct.connect(merger, 0, channel);
    cross.connect(merger, 0, other);
    filters.push(direct, cross);
  }
  return {
    input: splitter,
    output: merger,
    dispose() {
      splitter.disconnect();
      for (const filter of filters) filter.disconnect();
      merger.disconnect();
    },
  };
}
