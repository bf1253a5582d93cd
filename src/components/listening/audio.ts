// Everything a listening panel needs once the reader presses Play or Download. Loaded only by dynamic
// import, so none of it (Tone.js included) is part of the page's initial JavaScript.
export { AbPlayer } from '../../audio/abPlayer';
export { AudioStartError, getAudioContext, openAudioContext } from '../../audio/context';
export { decodeUserFile, programBuffer, ProgramFileError } from '../../audio/program';
export { downloadBlob, renderToWav } from '../../audio/render';
export { loudnessMatch, loudnessMatchedPair, matchProblemText } from '../../audio/loudnessMatch';
