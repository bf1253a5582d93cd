// What the main thread and the limiter worklet agree on: the processor's registered name and the
// message that lets it end. Leaves out: the limiter itself (src/dsp/limiter.ts).

/** Name the limiter AudioWorkletProcessor is registered under. */
export const LIMITER_PROCESSOR_NAME = 'amp-lab-peak-limiter';

/** Posted to the node's port when its stage is disposed: the processor stops and can be collected. */
export const LIMITER_RELEASE_MESSAGE = 'release';

/** Channels the limiter always processes (inputs are up- or down-mixed to stereo before it). */
export const LIMITER_CHANNEL_COUNT = 2;
