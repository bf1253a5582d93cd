// The glossary: each term a reader meets, defined once in plain words, with the lesson (and section) that teaches it.
// The glossary page lists them; scripts/remarkGlossaryLinks.mjs links each term's first use in every lesson to it.

export interface GlossaryTerm {
  /** kebab-case; the term's anchor on /glossary/. */
  readonly id: string;
  /** As displayed, and matched in lesson prose (whole word, any case). */
  readonly term: string;
  /** Other spellings and plurals matched in lesson prose. */
  readonly aliases?: readonly string[];
  /** One or two plain sentences, at most GLOSSARY_SHORT_MAX_CHARS characters. */
  readonly short: string;
  /** The slug of the lesson that teaches it: src/content/lessons/<lesson>.mdx. */
  readonly lesson: string;
  /** The id of the h2/h3 heading in that lesson where it is taught. */
  readonly section?: string;
  /** Lessons that use the word in another sense (a listener's bias, a benefit as a gain): not linked there. */
  readonly unlinkedIn?: readonly string[];
}

export const GLOSSARY_SHORT_MAX_CHARS = 240;

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'one-eighth-rule',
    term: '1/8 rule',
    aliases: ['one-eighth rule'],
    short:
      'NwAvGuy’s rule of thumb: keep a source’s output impedance at most one eighth of your headphone’s impedance, checked against its lowest impedance to be cautious. Then the response can barely change.',
    lesson: 'output-impedance',
    section: 'the-18-rule',
  },
  {
    id: 'a-weighting',
    term: 'A-weighting',
    aliases: ['A-weighted', 'dBA'],
    short:
      'A filter that counts low and very high frequencies less than the midrange. A sound level measured through it is written in dBA, the unit noise exposure limits use.',
    lesson: 'hearing-safety',
    section: 'the-limit-85-dba-for-8-hours',
  },
  {
    id: 'abx-test',
    term: 'ABX test',
    aliases: ['ABX tests', 'ABX', 'A/B/X method', 'A/B/X'],
    short:
      'A blind comparison: you can play A, B and X, which is secretly A or B, picked at random each trial, and you say which one X is. Guessing gets about half right.',
    lesson: 'hearing-differences',
    section: 'blind-the-abx-test',
  },
  {
    id: 'back-emf',
    term: 'Back-EMF',
    short:
      'The voltage a moving voice coil generates in its magnet’s field. It opposes the current driving the coil, and near resonance the current it pushes back through the circuit brakes the diaphragm.',
    lesson: 'output-impedance',
    section: 'inside-a-dynamic-driver',
  },
  {
    id: 'balanced-armature',
    term: 'Balanced armature',
    aliases: ['balanced-armature'],
    short:
      'A tiny driver type used in in-ear monitors. A multi-driver earphone has several, each fed its share of the spectrum by a passive crossover network, so its impedance swings widely with frequency.',
    lesson: 'output-impedance',
    section: 'why-multi-driver-iems-care-and-planars-dont',
  },
  {
    id: 'balanced-output',
    term: 'Balanced output',
    aliases: ['balanced outputs', 'bridged output', 'bridged outputs', 'balanced headphone output'],
    short:
      'A headphone output with two amplifiers per channel, one driving each end of the driver in opposite phase (a bridged output). It gives twice the voltage, and twice the output impedance.',
    lesson: 'balanced-outputs',
    section: 'single-ended-and-bridged',
  },
  {
    id: 'bias',
    term: 'Bias',
    aliases: ['bias current', 'bias currents', 'quiescent current', 'bias point'],
    short:
      'The steady current a stage carries with no signal, also called quiescent current; it sets the resting point the signal swings around. In a push-pull output stage it decides the class.',
    lesson: 'output-stage-classes',
    section: 'the-output-stage-push-and-pull',
    unlinkedIn: ['hearing-differences'],
  },
  {
    id: 'bit-depth',
    term: 'Bit depth',
    aliases: ['bit depths'],
    short:
      'How many bits each digital sample has. N bits can hold 2 to the power N different values; each extra bit halves the rounding step and lowers the noise floor.',
    lesson: 'bits-and-dither',
    section: 'the-ideal-n-bit-converter',
  },
  {
    id: 'blind-test',
    term: 'Blind test',
    aliases: ['blind tests', 'blind comparison', 'double-blind'],
    short:
      'A comparison in which you don’t know which device is playing, so what you expect can’t shape what you hear. In a double-blind test nobody present knows either, so nobody can give it away.',
    lesson: 'hearing-differences',
    section: 'blind-the-abx-test',
  },
  {
    id: 'charge-pump',
    term: 'Charge pump',
    short:
      'A circuit that switches capacitors to make a negative rail from a positive one, so an output running from a single supply can be centred on true ground.',
    lesson: 'power-supplies',
    section: 'one-supply-both-directions',
  },
  {
    id: 'class-a',
    term: 'Class A',
    short:
      'An output stage whose devices conduct through the whole cycle and never switch off. It has no crossover distortion, but it draws its full current, and makes heat, even with no music playing.',
    lesson: 'output-stage-classes',
    section: 'the-output-stage-push-and-pull',
  },
  {
    id: 'class-ab',
    term: 'Class AB',
    short:
      'A push-pull output stage with a small bias current, so both transistors conduct around the zero crossing and class B’s dead zone fills in. At large signals each still switches off for part of the cycle.',
    lesson: 'output-stage-classes',
    section: 'the-output-stage-push-and-pull',
  },
  {
    id: 'class-b',
    term: 'Class B',
    short:
      'A push-pull output stage with no bias current: each transistor conducts for exactly half the cycle. It wastes the least power, but leaves a dead zone around zero that causes crossover distortion.',
    lesson: 'output-stage-classes',
    section: 'the-output-stage-push-and-pull',
  },
  {
    id: 'clipping',
    term: 'Clipping',
    aliases: ['clipped'],
    short:
      'What happens when a signal asks for more than a stage can give, such as more voltage than its supply rails allow: the tops of the waveform are sliced off flat. One of the most audible faults an amplifier has.',
    lesson: 'amplification',
    section: 'headroom-and-what-clipping-is',
  },
  {
    id: 'cathode-follower',
    term: 'Cathode follower',
    aliases: ['cathode followers'],
    short:
      'A tube stage whose output, taken from the tube’s cathode, follows its input voltage. Tube amplifiers without an output transformer drive headphones with one, and it leaves them a high output impedance.',
    lesson: 'tube-vs-solid-state',
    section: 'what-warm-measurably-is',
  },
  {
    id: 'common-mode-rejection',
    term: 'Common-mode rejection',
    short:
      'How well a balanced input cancels interference that lands equally on both its signal wires, by subtracting one wire from the other. It helps on cables between boxes; a headphone has no such input.',
    lesson: 'balanced-outputs',
    section: 'common-mode-rejection-on-interconnects-not-in-the-headphone',
  },
  {
    id: 'crest-factor',
    term: 'Crest factor',
    aliases: ['crest factors'],
    short:
      'The ratio of a signal’s peak level to its rms level (its effective average), usually in dB. Music’s peaks stand far above its average, so a source needs headroom above the level you listen at.',
    lesson: 'sensitivity-and-power',
    section: 'music-has-peaks-crest-factor-and-headroom',
  },
  {
    id: 'crossover-distortion',
    term: 'Crossover distortion',
    short:
      'Distortion from the dead zone of a class B output stage, where neither transistor conducts as the signal crosses zero. Unlike clipping, it takes a larger share of the signal the quieter the music.',
    lesson: 'output-stage-classes',
    section: 'class-b-and-its-dead-zone',
  },
  {
    id: 'crosstalk',
    term: 'Crosstalk',
    short:
      'A little of one channel leaking into the other. On a single-ended headphone cable it comes from the ground wire both channels share; a balanced connection gives each driver its own return wire.',
    lesson: 'balanced-outputs',
    section: 'no-shared-ground-wire',
  },
  {
    id: 'dac',
    term: 'DAC',
    aliases: ['DACs', 'digital-to-analog converter', 'digital-to-analog converters'],
    short:
      'A digital-to-analog converter: it turns the numbers of digital audio into a voltage. Its line output feeds an amplifier; the DAC itself is not a headphone amplifier.',
    lesson: 'what-a-dac-does',
    section: 'the-dacs-job-numbers-to-a-voltage',
  },
  {
    id: 'damping-factor',
    term: 'Damping factor',
    aliases: ['damping factors'],
    short:
      'A headphone’s nominal impedance divided by the source’s output impedance. Once the output impedance is small next to the driver’s own resistance, raising it further changes almost nothing.',
    lesson: 'output-impedance',
    section: 'damping-factor-what-it-does-and-does-not-mean',
  },
  {
    id: 'db-mw',
    term: 'dB/mW',
    short:
      'Sensitivity stated as the sound pressure level a headphone makes from 1 milliwatt of electrical power. Converting it to dB/V needs the headphone’s impedance.',
    lesson: 'sensitivity-and-power',
    section: 'two-ways-to-state-sensitivity',
  },
  {
    id: 'db-spl',
    term: 'dB SPL',
    aliases: ['sound pressure level', 'sound pressure levels', 'SPL'],
    short:
      'Sound pressure level: how loud a sound is, in decibels above a reference pressure near the quietest sound a person can hear. Listening levels and headphone sensitivity are given in it.',
    lesson: 'sensitivity-and-power',
    section: 'two-ways-to-state-sensitivity',
  },
  {
    id: 'db-v',
    term: 'dB/V',
    short:
      'Sensitivity stated as the sound pressure level a headphone makes from 1 volt rms. Sources set a voltage, so it tells you directly how loud a given source will play.',
    lesson: 'sensitivity-and-power',
    section: 'two-ways-to-state-sensitivity',
  },
  {
    id: 'dbfs',
    term: 'dBFS',
    short: 'Decibels relative to full scale, the largest level a digital format can hold. 0 dBFS is full scale, so every level in dBFS is zero or negative.',
    lesson: 'bits-and-dither',
  },
  {
    id: 'dbu',
    term: 'dBu',
    short: 'Decibels relative to 0.775 volts rms. The professional nominal line level is +4 dBu.',
    lesson: 'dac-amp-combos',
    section: 'nominal-levels-and-full-scale',
  },
  {
    id: 'dbv',
    term: 'dBV',
    short: 'Decibels relative to 1 volt rms. The consumer nominal line level is −10 dBV.',
    lesson: 'dac-amp-combos',
    section: 'nominal-levels-and-full-scale',
  },
  {
    id: 'decibel',
    term: 'Decibel',
    aliases: ['decibels'],
    short:
      'A logarithmic way to compare two levels, written dB. For voltages the difference in dB is 20 times the base-10 logarithm of their ratio; for powers, 10 times.',
    lesson: 'hearing-differences',
    section: 'predict-before-you-listen',
  },
  {
    id: 'digital-volume',
    term: 'Digital volume',
    aliases: ['digital volume control', 'digital volume controls'],
    short:
      'A volume control that multiplies each sample by a number below 1. Both channels stay exactly matched, but each decibel of cut costs a decibel of signal-to-noise ratio unless extra bits are kept.',
    lesson: 'bits-and-dither',
    section: 'digital-volume-rounds-again',
  },
  {
    id: 'dither',
    term: 'Dither',
    aliases: ['dithered'],
    short:
      'A small random number added to each sample before it is rounded to fewer bits. It turns the distortion that rounding makes on quiet signals into a steady hiss, and lets sounds smaller than one step survive.',
    lesson: 'bits-and-dither',
    section: 'dither-trade-distortion-for-hiss',
  },
  {
    id: 'dose',
    term: 'Dose',
    short:
      'Your day’s sound exposure as a share of an exposure limit’s budget. Under the NIOSH limit, 85 dBA for 8 hours spends 100%, and every 3 dB louder spends it twice as fast.',
    lesson: 'hearing-safety',
    section: 'the-limit-85-dba-for-8-hours',
  },
  {
    id: 'dropout',
    term: 'Dropout',
    aliases: ['dropout voltage'],
    short:
      'How far short of its supply rails an output stage stops: the voltage it needs to keep working. The largest clean peak is the rail voltage minus the dropout.',
    lesson: 'amplification',
    section: 'the-ceiling-supply-rails',
  },
  {
    id: 'dynamic-driver',
    term: 'Dynamic driver',
    aliases: ['dynamic drivers'],
    short:
      'The usual headphone driver: a coil of wire in a magnet’s field, fixed to a diaphragm on a springy suspension. Its impedance peaks at the resonance of the moving parts.',
    lesson: 'output-impedance',
    section: 'inside-a-dynamic-driver',
  },
  {
    id: 'efficiency',
    term: 'Efficiency',
    short:
      'The share of the power taken from the supply that reaches the load; the rest heats the output devices. A class B stage is far more efficient than a class A one.',
    lesson: 'output-stage-classes',
    section: 'efficiency-and-heat',
  },
  {
    id: 'equaliser',
    term: 'Equaliser',
    aliases: ['equalisers', 'equalizer', 'equalizers', 'EQ'],
    short:
      'A filter that raises or lowers some frequencies relative to others; tone controls are a simple one. A high output impedance makes one by accident, shaped differently for every headphone.',
    lesson: 'eq-and-tone-controls',
    section: 'tone-controls-and-eq-are-filters',
  },
  {
    id: 'exchange-rate',
    term: 'Exchange rate',
    short:
      'How many decibels louder halve the time you may listen. NIOSH uses 3 dB, the equal-energy rule; the US legal limit, OSHA’s, uses 5 dB.',
    lesson: 'hearing-safety',
    section: 'three-decibels-double-the-dose',
  },
  {
    id: 'frequency-response',
    term: 'Frequency response',
    aliases: ['frequency responses'],
    short:
      'How a device’s output level changes with frequency for the same input level, usually plotted in dB relative to 1 kHz from 20 Hz to 20 kHz. A flat response treats every frequency alike.',
    lesson: 'output-impedance',
    section: 'the-voltage-divider',
  },
  {
    id: 'full-scale',
    term: 'Full scale',
    aliases: ['full-scale'],
    short:
      'The largest level a digital signal can hold, 0 dBFS. A DAC gives its largest output at full scale, and a digital boost that would go past it gets clipped.',
    lesson: 'bits-and-dither',
  },
  {
    id: 'gain',
    term: 'Gain',
    aliases: ['voltage gain', 'gains'],
    short:
      'How many times larger an amplifier’s output voltage is than its input, as a ratio or in dB. More gain only gets you loud with less turn of the knob; it doesn’t raise the most the amplifier can deliver.',
    lesson: 'amplification',
    section: 'three-jobs-voltage-current-power',
    unlinkedIn: ['bits-and-dither'],
  },
  {
    id: 'gain-staging',
    term: 'Gain staging',
    short:
      'Setting each stage’s level so the loudest peaks fit through every stage without clipping, without turning the signal so far down that noise catches up.',
    lesson: 'dac-amp-combos',
    section: 'explore-gain-staging',
  },
  {
    id: 'gang-error',
    term: 'Gang error',
    aliases: ['channel imbalance'],
    short:
      'The difference in attenuation between the two tracks of an analog volume control at the same knob position. It grows near the bottom of the range, so one channel can play louder than the other.',
    lesson: 'gain-and-noise',
    section: 'volume-controls-drift-apart-at-the-bottom',
  },
  {
    id: 'ground-loop',
    term: 'Ground loop',
    aliases: ['ground loops'],
    short:
      'Two boxes joined by an audio cable and also by another path, such as their mains earths. Current flows round the loop through the signal’s ground wire and adds hum.',
    lesson: 'connections',
    section: 'what-goes-wrong-3-ground-loops',
  },
  {
    id: 'harmonic',
    term: 'Harmonic',
    aliases: ['harmonics'],
    short:
      'A tone at a whole multiple of another tone’s frequency: the 2nd harmonic is twice the frequency, an octave up. A stage with a bent transfer curve adds harmonics that weren’t in the signal.',
    lesson: 'tube-vs-solid-state',
    section: 'the-shape-of-the-curve-decides-the-harmonics',
  },
  {
    id: 'harmonic-distortion',
    term: 'Harmonic distortion',
    short:
      'New tones at whole multiples of each input frequency, added by a stage whose transfer curve isn’t straight. A lopsided curve adds mostly even harmonics; a curve bent alike at both ends, odd ones.',
    lesson: 'tube-vs-solid-state',
    section: 'the-shape-of-the-curve-decides-the-harmonics',
  },
  {
    id: 'headroom',
    term: 'Headroom',
    short:
      'How far a signal’s peaks sit below the point where a stage clips, in decibels. Negative headroom means the peaks are clipped.',
    lesson: 'amplification',
    section: 'headroom-and-what-clipping-is',
  },
  {
    id: 'images',
    term: 'Images',
    aliases: ['image frequencies'],
    short:
      'Copies of the music that a sampled signal carries above half the sample rate, mirrored around each multiple of the sample rate. A reconstruction filter removes them.',
    lesson: 'sample-rates',
    section: 'images-at-kfs--f',
  },
  {
    id: 'impedance',
    term: 'Impedance',
    aliases: ['impedances'],
    short: 'Resistance to alternating current, in ohms (Ω). Unlike a resistor’s, a headphone’s impedance changes with frequency.',
    lesson: 'output-impedance',
  },
  {
    id: 'integrated-loudness',
    term: 'Integrated loudness',
    aliases: ['LUFS'],
    short:
      'A measure of loudness from ITU-R BS.1770, in LUFS: the signal is filtered to weight frequencies roughly as the ear does, its power averaged over the whole program, and quiet parts left out.',
    lesson: 'hearing-differences',
    section: 'why-levels-must-match',
  },
  {
    id: 'internal-resistance',
    term: 'Internal resistance',
    short:
      'The resistance inside a battery. Its voltage falls by the current times this resistance while it supplies a current, so the rails sag a little on bass hits.',
    lesson: 'power-supplies',
    section: 'batteries-no-ripple-but-resistance',
  },
  {
    id: 'jitter',
    term: 'Jitter',
    short:
      'Error in when each tick of a DAC’s clock arrives, so each sample comes out at a slightly wrong level. It adds noise that grows with the signal’s frequency, or sidebands if the clock wobbles regularly.',
    lesson: 'jitter',
    section: 'a-timing-error-becomes-a-level-error',
  },
  {
    id: 'level-matching',
    term: 'Level matching',
    aliases: ['level-matching', 'level-matched', 'level matched', 'level-match', 'loudness-matched', 'loudness matched'],
    short:
      'Setting two sources to the same level, within about 0.1 dB, before you compare them. Without it, the louder one tends to be heard as better rather than as louder.',
    lesson: 'hearing-differences',
    section: 'why-levels-must-match',
  },
  {
    id: 'line-level',
    term: 'Line level',
    aliases: ['line levels', 'line-level'],
    short:
      'The signal level between boxes. Its nominal level, where a typical signal sits, is −10 dBV for consumer and +4 dBu for professional equipment; full scale sits 16 to 20 dB higher (about 2 Vrms for consumer DACs).',
    lesson: 'dac-amp-combos',
    section: 'nominal-levels-and-full-scale',
  },
  {
    id: 'line-output',
    term: 'Line output',
    aliases: ['line outputs'],
    short:
      'An output meant to feed the input of another device, such as an amplifier, which draws very little current. A DAC chip’s line output is not built to drive headphones.',
    lesson: 'what-a-dac-does',
    section: 'a-dac-chips-output-is-a-line-output',
  },
  {
    id: 'lsb',
    term: 'LSB',
    aliases: ['least significant bit'],
    short: 'Least significant bit: the gap between neighbouring values of a digital sample, the smallest step a converter can take.',
    lesson: 'bits-and-dither',
  },
  {
    id: 'niosh-exposure-limit',
    term: 'NIOSH exposure limit',
    aliases: ['NIOSH limit', 'NIOSH rule', 'NIOSH'],
    short:
      'The noise limit the US National Institute for Occupational Safety and Health recommends: 85 dBA as an 8-hour average, the allowed time halved for every 3 dB more. Written for work, not as a safe target.',
    lesson: 'hearing-safety',
    section: 'the-limit-85-dba-for-8-hours',
  },
  {
    id: 'noise-floor',
    term: 'Noise floor',
    aliases: ['noise floors'],
    short:
      'The level of the steady noise a device or a recording has with no music playing. Sounds below it are buried in hiss; it is often quoted relative to full scale or to a voltage.',
    lesson: 'bits-and-dither',
    section: 'the-ideal-n-bit-converter',
  },
  {
    id: 'noise-shaping',
    term: 'Noise shaping',
    short:
      'Feeding each sample’s rounding error back into the next sample. It moves the noise towards the top of the band, where hearing is less sensitive, at the cost of more noise in total.',
    lesson: 'bits-and-dither',
    section: 'noise-shaping',
  },
  {
    id: 'nyquist-frequency',
    term: 'Nyquist frequency',
    aliases: ['Nyquist'],
    short:
      'Half the sample rate. A sampled signal carries every frequency below it exactly, provided the signal contained nothing above it.',
    lesson: 'sample-rates',
    section: 'sampling-and-the-nyquist-frequency',
  },
  {
    id: 'op-amp',
    term: 'Op-amp',
    aliases: ['op-amps', 'operational amplifier', 'operational amplifiers'],
    short:
      'An amplifier on a chip with an enormous internal gain. The stage built around it uses negative feedback to keep its transfer curve almost perfectly straight, right up to its rails.',
    lesson: 'tube-vs-solid-state',
    section: 'the-shape-of-the-curve-decides-the-harmonics',
  },
  {
    id: 'otl',
    term: 'OTL amplifier',
    aliases: ['OTL amplifiers', 'OTL', 'output-transformerless'],
    short:
      'An output-transformerless tube amplifier: it drives the headphone straight from a tube, with no transformer to bring its output impedance down, so that impedance stays high.',
    lesson: 'tube-vs-solid-state',
    section: 'what-warm-measurably-is',
  },
  {
    id: 'output-impedance',
    term: 'Output impedance',
    aliases: ['output impedances'],
    short:
      'The impedance that in effect sits in series with a source’s output. With a headphone it forms a voltage divider, so the response follows the headphone’s impedance curve unless it is low.',
    lesson: 'output-impedance',
    section: 'the-voltage-divider',
  },
  {
    id: 'oversampling',
    term: 'Oversampling',
    aliases: ['oversampling filter', 'oversampling filters'],
    short:
      'Calculating new samples between the original ones with a digital filter, which removes the images before the analog output and keeps the response flat almost to the Nyquist frequency.',
    lesson: 'sample-rates',
    section: 'what-an-oversampling-filter-does',
  },
  {
    id: 'p-value',
    term: 'p-value',
    aliases: ['p value', 'p-values'],
    short:
      'In an ABX test, the chance of scoring at least as well as you did by guessing. It is not the chance that you were guessing, and it says nothing about how big the difference is.',
    lesson: 'hearing-differences',
    section: 'what-p-means-and-what-it-doesnt',
  },
  {
    id: 'peaking-filter',
    term: 'Peaking filter',
    aliases: ['peaking filters'],
    short: 'A filter that raises or lowers a band around a centre frequency by a set gain. Its Q sets the width: the higher the Q, the narrower the band.',
    lesson: 'eq-and-tone-controls',
    section: 'the-peaking-filter',
  },
  {
    id: 'planar-magnetic',
    term: 'Planar magnetic',
    aliases: ['planar magnetics', 'planars', 'planar'],
    short:
      'A driver that spreads a flat conductor across its diaphragm instead of winding a voice coil. Its impedance is nearly a plain resistance, so a source’s output impedance changes its level, not its tone.',
    lesson: 'output-impedance',
    section: 'why-multi-driver-iems-care-and-planars-dont',
  },
  {
    id: 'psrr',
    term: 'PSRR',
    aliases: ['power-supply rejection ratio', 'power-supply rejection', 'supply rejection'],
    short:
      'Power-supply rejection ratio: how weakly an amplifier’s output follows ripple and noise on its supply, in dB. It is high at low frequencies and falls as the frequency rises.',
    lesson: 'power-supplies',
    section: 'the-amplifiers-own-rejection',
  },
  {
    id: 'push-pull',
    term: 'Push-pull',
    short:
      'An output stage with two devices: one pushes current into the headphone while the signal is positive, the other pulls current out of it while the signal is negative.',
    lesson: 'output-stage-classes',
    section: 'the-output-stage-push-and-pull',
  },
  {
    id: 'quantization',
    term: 'Quantization',
    aliases: ['quantisation', 'quantization error', 'quantization noise', 'rounding error', 'rounding noise'],
    short:
      'Rounding each sample to the nearest value its bits can hold. On busy music the rounding error is a hiss; on a quiet signal that spans only a few steps it follows the signal and becomes distortion.',
    lesson: 'bits-and-dither',
    section: 'the-ideal-n-bit-converter',
  },
  {
    id: 'rail-splitter',
    term: 'Rail splitter',
    aliases: ['rail splitters'],
    short:
      'A circuit that makes a mid-point at half a single supply’s voltage and calls it ground, so an output running from one battery or USB can swing both ways around it.',
    lesson: 'portable-vs-desktop',
    section: 'the-supply-sets-the-swing',
  },
  {
    id: 'reconstruction-filter',
    term: 'Reconstruction filter',
    aliases: ['reconstruction filters', 'reconstruction'],
    short:
      'The part of a DAC that smooths its steps into a continuous wave and removes the images of the music above half the sample rate.',
    lesson: 'sample-rates',
    section: 'images-at-kfs--f',
  },
  {
    id: 'rectifier',
    term: 'Rectifier',
    aliases: ['rectifiers'],
    short:
      'Diodes that pass current one way only, turning a transformer’s AC into pulses of one polarity. A full-wave rectifier uses both halves of each mains cycle, a half-wave one only one.',
    lesson: 'power-supplies',
    section: 'from-the-wall-to-the-rails',
  },
  {
    id: 'regulator',
    term: 'Regulator',
    aliases: ['regulators', 'linear regulator', 'linear regulators'],
    short:
      'A circuit that holds a supply rail at a fixed voltage and removes most of the ripple on its input, as long as its input stays far enough above its output.',
    lesson: 'power-supplies',
    section: 'regulators',
  },
  {
    id: 'reservoir-capacitor',
    term: 'Reservoir capacitor',
    aliases: ['reservoir capacitors'],
    short:
      'The capacitor after a rectifier. It charges near the top of each pulse and feeds the amplifier in between, its voltage falling meanwhile: that fall is the ripple.',
    lesson: 'power-supplies',
    section: 'from-the-wall-to-the-rails',
  },
  {
    id: 'ripple',
    term: 'Ripple',
    short:
      'The sawtooth left on a rectified supply as its reservoir capacitor sags between charging pulses. It repeats at twice the mains frequency with a full-wave rectifier, and reaches your ears as hum.',
    lesson: 'power-supplies',
    section: 'ripple-the-capacitors-sawtooth',
  },
  {
    id: 'sample-rate',
    term: 'Sample rate',
    aliases: ['sample rates', 'sampling rate'],
    short: 'How many samples are played per second: 44,100 for a CD, written 44.1 kHz. Half of it is the Nyquist frequency.',
    lesson: 'sample-rates',
    section: 'sampling-and-the-nyquist-frequency',
  },
  {
    id: 'sensitivity',
    term: 'Sensitivity',
    short:
      'How loud a headphone plays for a standard electrical input: the sound pressure level per milliwatt (dB/mW) or per volt (dB/V). The two convert through the headphone’s impedance.',
    lesson: 'sensitivity-and-power',
    section: 'two-ways-to-state-sensitivity',
  },
  {
    id: 'shelf-filter',
    term: 'Shelf filter',
    aliases: ['shelf filters', 'low shelf', 'high shelf', 'shelf', 'shelves'],
    short:
      'A filter that raises or lowers everything beyond a frequency: a low shelf the bass, a high shelf the treble. Its shelf frequency is where it reaches half its gain in dB.',
    lesson: 'eq-and-tone-controls',
    section: 'shelves-and-peaks',
  },
  {
    id: 'sidebands',
    term: 'Sidebands',
    aliases: ['sideband'],
    short:
      'New tones either side of a tone, at its frequency plus and minus another frequency. A clock that wobbles regularly puts a pair beside every tone in the music.',
    lesson: 'jitter',
    section: 'sinusoidal-jitter-makes-sidebands',
  },
  {
    id: 'signal-to-noise-ratio',
    term: 'Signal-to-noise ratio',
    aliases: ['signal-to-noise ratios', 'SNR'],
    short:
      'How far a signal’s level sits above the noise, in dB. For a converter it is given for a full-scale sine; quieter music keeps less of it.',
    lesson: 'bits-and-dither',
    section: 'the-ideal-n-bit-converter',
  },
  {
    id: 'sinad',
    term: 'SINAD',
    aliases: ['signal to noise and distortion', 'signal-to-noise-and-distortion ratio'],
    short:
      'Signal to noise and distortion: how far a test tone stands above everything a device adds to it, noise and distortion together, in dB. Higher is better; it is THD+N turned upside down.',
    lesson: 'gain-and-noise',
    section: 'where-the-noise-comes-from-and-what-gain-does-to-it',
  },
  {
    id: 'supply-rails',
    term: 'Supply rails',
    aliases: ['supply rail', 'rails'],
    short:
      'The DC voltages an amplifier runs from, often one positive and one negative so that its output can swing both ways around 0 V. The output can never go past them.',
    lesson: 'amplification',
    section: 'the-ceiling-supply-rails',
  },
  {
    id: 'thd',
    term: 'THD',
    aliases: ['total harmonic distortion'],
    short:
      'Total harmonic distortion: the combined level of the harmonics a stage adds, as a share of the original tone, in % or dB. On its own it predicts poorly how a distortion sounds.',
    lesson: 'amplification',
    section: 'explore-drive-an-op-amp-stage-into-its-rails',
  },
  {
    id: 'thd-n',
    term: 'THD+N',
    short:
      'Total harmonic distortion plus noise: everything a device adds to a test tone, harmonics and noise together, as a share of its output, in % or dB. Lower is better.',
    lesson: 'myths-and-measurements',
    section: 'claim-5-reduces-distortion',
  },
  {
    id: 'transfer-curve',
    term: 'Transfer curve',
    aliases: ['transfer curves', 'transfer characteristic'],
    short:
      'A plot of a stage’s output voltage against its input voltage. A straight line makes a perfect, larger copy; any bend or flat part adds distortion.',
    lesson: 'amplification',
    section: 'explore-drive-an-op-amp-stage-into-its-rails',
  },
  {
    id: 'triode',
    term: 'Triode',
    aliases: ['triodes'],
    short:
      'A vacuum tube with three electrodes: the voltage on its grid controls the current to its plate. That current curves rather than following the grid voltage in a straight line, so a triode stage adds mostly 2nd harmonic.',
    lesson: 'tube-vs-solid-state',
    section: 'the-shape-of-the-curve-decides-the-harmonics',
  },
  {
    id: 'voltage-divider',
    term: 'Voltage divider',
    short:
      'Two impedances in series across a voltage: each gets a share of it in proportion to its impedance. A source’s output impedance and a headphone form one.',
    lesson: 'output-impedance',
    section: 'the-voltage-divider',
  },
  {
    id: 'volume-control',
    term: 'Volume control',
    aliases: ['volume controls', 'volume knob', 'potentiometer', 'potentiometers'],
    short:
      'The control that sets how loud you listen by taking away part of what the gain can give. An analog one is usually a dual potentiometer: one resistive track per channel, turned by one shaft.',
    lesson: 'gain-and-noise',
    section: 'where-the-knob-ends-up',
  },
  {
    id: 'wall-wart',
    term: 'Wall-wart',
    aliases: ['wall-warts'],
    short:
      'A power supply in a plug. Some deliver AC and leave the rectifier and regulators to the amplifier; others deliver DC, sometimes from a converter switching at a high frequency.',
    lesson: 'power-supplies',
    section: 'wall-warts',
  },
  {
    id: 'zero-order-hold',
    term: 'Zero-order hold',
    aliases: ['NOS', 'non-oversampling'],
    short:
      'Holding each sample’s voltage until the next one, as a non-oversampling (NOS) DAC does. It dulls the treble a little towards the top of the band and barely filters the images.',
    lesson: 'sample-rates',
    section: 'the-zero-order-hold-and-its-droop',
  },
  {
    id: 'crossfeed',
    term: 'Crossfeed',
    aliases: ['crossfed'],
    short:
      'Feeding each channel to the other ear too, quieter, a little later and with less treble, so that headphones sound more like a pair of loudspeakers. Done with an RC network or a digital filter such as bs2b.',
    lesson: 'crossfeed',
    section: 'what-crossfeed-does',
  },
  {
    id: 'interaural-time-difference',
    term: 'Interaural time difference',
    aliases: ['ITD'],
    short:
      'How much later a sound reaches the far ear than the near one: up to about 0.7 ms for a source at your side, about a quarter of a millisecond for a loudspeaker 30° off centre.',
    lesson: 'crossfeed',
    section: 'two-ears-two-speakers',
  },
  {
    id: 'interaural-level-difference',
    term: 'Interaural level difference',
    aliases: ['ILD'],
    short:
      'How much quieter a sound is at the far ear than at the near one. The head shadows treble far more than bass; on headphones, a sound in one channel is not heard at the far ear at all.',
    lesson: 'crossfeed',
    section: 'two-ears-two-speakers',
  },
  {
    id: 'codec',
    term: 'Codec',
    aliases: ['codecs', 'lossy codec'],
    short:
      'A coder and decoder: it packs audio into fewer bits for sending and unpacks it again. A lossy codec (SBC, AAC, aptX, LDAC, Opus) leaves out what the ear is least likely to notice.',
    lesson: 'bluetooth',
    section: 'what-a-codec-does',
  },
  {
    id: 'bitrate',
    term: 'Bitrate',
    aliases: ['bitrates'],
    short: 'How many bits a stream carries per second, in kb/s (1 kb/s = 1000 bits per second). CD audio is 1411.2 kb/s; Bluetooth codecs send a few hundred.',
    lesson: 'bluetooth',
    section: 'bits-per-sample',
  },
  {
    id: 'output-transformer',
    term: 'Output transformer',
    aliases: ['output transformers', 'transformer-coupled'],
    short:
      'A transformer between a tube and the headphone. Its turns ratio steps the voltage down and the impedance down by the square, so a tube can drive a low-impedance load and show it a low output impedance.',
    lesson: 'tube-output-transformers',
    section: 'a-transformer-steps-impedance-by-the-square-of-its-turns-ratio',
  },
  {
    id: 'turns-ratio',
    term: 'Turns ratio',
    short:
      'How many turns a transformer’s primary winding has for each turn of its secondary. Voltage scales by it, impedance by its square.',
    lesson: 'tube-output-transformers',
    section: 'a-transformer-steps-impedance-by-the-square-of-its-turns-ratio',
  },
  {
    id: 'primary-inductance',
    term: 'Primary inductance',
    short:
      'The inductance of a transformer’s primary winding, which sits across the signal: at low frequencies it shunts the signal away and sets the bass corner.',
    lesson: 'tube-output-transformers',
    section: 'both-ends-of-the-band',
  },
  {
    id: 'leakage-inductance',
    term: 'Leakage inductance',
    short:
      'The part of a transformer’s magnetic field that links one winding but not the other. It acts as a small inductance in series and, with the winding capacitance, limits the treble.',
    lesson: 'tube-output-transformers',
    section: 'both-ends-of-the-band',
  },
  {
    id: 'hybrid-amplifier',
    term: 'Hybrid amplifier',
    aliases: ['hybrid amplifiers', 'hybrid amp', 'hybrid'],
    short:
      'An amplifier with a tube voltage stage followed by a solid-state buffer: the tube stage sets the gain and the harmonics, the buffer gives a low output impedance.',
    lesson: 'tube-output-transformers',
    section: 'the-hybrid-a-tube-for-the-voltage-a-transistor-for-the-current',
  },
  {
    id: 'dc-offset',
    term: 'DC offset',
    aliases: ['output offset'],
    short:
      'A steady voltage at an amplifier’s output with no music playing. A few millivolts are harmless; tens push the headphone’s diaphragm off centre, and volts can overheat its coil.',
    lesson: 'protection-and-turn-on',
    section: 'dc-at-the-output',
  },
  {
    id: 'coupling-capacitor',
    term: 'Coupling capacitor',
    aliases: ['coupling capacitors', 'output capacitor', 'DC-blocking capacitor'],
    short:
      'A capacitor in series with the output that passes the music but blocks DC. With the headphone it forms a high-pass filter, so it must be large to keep the bass.',
    lesson: 'protection-and-turn-on',
    section: 'the-cures-a-capacitor-or-a-servo',
  },
  {
    id: 'dc-servo',
    term: 'DC servo',
    aliases: ['DC servos'],
    short:
      'A slow integrator that measures the DC at an amplifier’s output and feeds back a correction, holding the offset near zero without a capacitor in the signal path.',
    lesson: 'protection-and-turn-on',
    section: 'the-cures-a-capacitor-or-a-servo',
  },
  {
    id: 'turn-on-thump',
    term: 'Turn-on thump',
    aliases: ['turn-on thumps'],
    short:
      'The bang in the headphones as an amplifier is switched on, while its output settles: a coupling capacitor charging through the headphone, or an offset before the rails are up.',
    lesson: 'protection-and-turn-on',
    section: 'the-turn-on-thump',
  },
  {
    id: 'protection-relay',
    term: 'Protection relay',
    aliases: ['protection relays'],
    short:
      'A switch in the output that connects the headphone only once the amplifier has settled after switch-on, and disconnects it if DC appears at the output.',
    lesson: 'protection-and-turn-on',
    section: 'the-relay-and-the-bleed-resistor',
  },
  {
    id: 'bleed-resistor',
    term: 'Bleed resistor',
    aliases: ['bleed resistors'],
    short:
      'A resistor from the output to ground that lets a coupling capacitor charge, or discharge, while no headphone is connected.',
    lesson: 'protection-and-turn-on',
    section: 'the-relay-and-the-bleed-resistor',
  },
  {
    id: 'current-limit',
    term: 'Current limit',
    aliases: ['current limiting', 'short-circuit current'],
    short:
      'The most current an output stage lets flow before it holds the current there. It saves the amplifier from a short, and clips low-impedance headphones at high level.',
    lesson: 'protection-and-turn-on',
    section: 'short-circuits-and-current-limiting',
  },
  {
    id: 'audio-taper',
    term: 'Audio taper',
    aliases: ['log taper', 'logarithmic taper'],
    short:
      'A potentiometer law in which the wiper’s share of the track grows roughly exponentially with rotation, so each part of the turn changes the level by a similar number of decibels.',
    lesson: 'volume-controls',
    section: 'the-audio-taper',
  },
  {
    id: 'stepped-attenuator',
    term: 'Stepped attenuator',
    aliases: ['stepped attenuators'],
    short:
      'A volume control made of fixed resistors and a switch: each position selects its own divider, so the level moves in fixed steps and the channels match as closely as the resistors do.',
    lesson: 'volume-controls',
    section: 'stepped-attenuators',
  },
  {
    id: 'class-d',
    term: 'Class D',
    aliases: ['class-D', 'class D amplifier', 'class D amplifiers', 'class D amp', 'class D amps'],
    short:
      'An amplifier whose output transistors only switch fully on or fully off, hundreds of thousands of times a second; the width of the pulses carries the music, and an output filter smooths them.',
    lesson: 'class-d',
    section: 'switching-instead-of-sliding',
  },
  {
    id: 'pulse-width-modulation',
    term: 'Pulse-width modulation',
    aliases: ['PWM', 'pulse width modulation'],
    short:
      'Carrying a signal in the widths of fixed-rate pulses: wider pulses while the signal is high, narrower while it is low. Their average follows the signal.',
    lesson: 'class-d',
    section: 'switching-instead-of-sliding',
  },
  {
    id: 'switching-frequency',
    term: 'Switching frequency',
    aliases: ['switching frequencies', 'carrier frequency'],
    short:
      'How many pulses a class D amplifier makes each second, typically a few hundred kilohertz: far above hearing, so a simple filter can remove it.',
    lesson: 'class-d',
    section: 'switching-instead-of-sliding',
  },
];
