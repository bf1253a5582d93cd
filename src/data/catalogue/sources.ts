// Catalogue of real headphone sources: phone adapter, laptop, dongle, audio interface, DAC/amp combos, separate
// amplifiers and a tube OTL. Every figure names the source it was read from (src/data/sources.json) and whether it
// is an estimate. Conventions: ratings are the largest clean output at the highest gain, in the quantity published
// (W or Vrms); noise is an rms voltage at the jack converted from the published form; gains are relative to
// inputFullScaleVoltsRms (a built-in DAC's full scale, or the DAC assumed in front of a separate amplifier).

import type { CatalogueSource, Cited } from './types';

/** The DAC assumed in front of a separate amplifier: a typical 2 Vrms line output. */
const ASSUMED_DAC_IN_FRONT: Cited<number> = {
  value: 2.0,
  sourceId: 'ti-pcm5102a',
  estimate: true,
  note: 'Assumed source: a typical DAC line output. TI’s PCM5102A is specified at 2.1 Vrms full scale; 2.0 Vrms is the round figure used here.',
};

export const SOURCES: readonly CatalogueSource[] = [
  {
    id: 'apple-usbc-adapter',
    maker: 'Apple',
    model: 'USB-C to 3.5 mm Headphone Jack Adapter (US model A2049)',
    kind: 'phone-adapter',
    volumeControl: 'digital',
    inputFullScaleVoltsRms: {
      value: 1.0,
      sourceId: 'journaldulapin-apple-usbc',
      estimate: true,
      note:
        'About 1 Vrms at full digital volume for the US model, as recalled in the project’s reference sheet (§3, marked [verify]); ' +
        'not read from a measurement. Journal du Lapin found the EU model (A2155) markedly quieter than the US one (A2049) but ' +
        'measured no voltage; the reference sheet’s ≈0.5 Vrms for the EU model is likewise unconfirmed.',
    },
    outputs: [
      {
        id: 'se',
        label: '3.5 mm single-ended',
        outputImpedanceOhms: {
          value: 0.9,
          sourceId: 'frieve-apple-usbc',
          estimate: false,
          note: '0.9 Ω as quoted by a secondary summary of a third-party measurement; the primary measurement was not read.',
        },
        ratings: [
          {
            value: { loadOhms: 300, voltsRms: 1.0 },
            sourceId: 'journaldulapin-apple-usbc',
            estimate: true,
            note:
              'Assumed equal to the ≈1 Vrms full-scale figure (reference sheet §3, [verify]); no loaded maximum and no distortion ' +
              'limit were found. Into 32 Ω a 0.9 Ω output impedance would lower it by only 0.24 dB if the chip does not current-limit.',
          },
        ],
        noise: {
          value: { voltsRms: 2.24e-6, weighting: 'A' },
          sourceId: 'frieve-apple-usbc',
          estimate: true,
          note:
            'From the quoted 113 dB SNR, taken re the assumed 1.0 Vrms full scale: 1.0 × 10^(−113/20) ≈ 2.24 µV. ' +
            'The summary states neither the reference level nor the weighting; A-weighting assumed.',
        },
        gains: [{ id: 'fixed', label: 'Fixed', gain: 1 }],
      },
    ],
  },
  {
    id: 'apple-macbook-air-2024',
    maker: 'Apple',
    model: 'MacBook Air (2024) headphone jack',
    kind: 'laptop',
    volumeControl: 'digital',
    inputFullScaleVoltsRms: {
      value: 1.25,
      sourceId: 'apple-hires-headphones-mac',
      estimate: false,
      note:
        'Maker’s spec: up to 1.25 Vrms into headphones under 150 Ω, 3 Vrms from 150 Ω to 1 kΩ, chosen automatically from the load ' +
        'sensed when the plug goes in. Apple’s document names the MacBook Pro 14/16-inch (2021); the ASR review measured the same ' +
        'behaviour on a MacBook Air (2024): 1.25 V into 30 Ω, 2.97 V into 300 Ω, 1.00 V into 4.7 kΩ (line mode).',
    },
    outputs: [
      {
        id: 'se',
        label: '3.5 mm single-ended',
        outputImpedanceOhms: {
          value: 1.2,
          sourceId: 'asr-macbook-air-2024',
          estimate: true,
          note:
            'Derived, not measured: 48 mW into 30 Ω is 1.20 Vrms against 1.25 Vrms unloaded in that mode, so ' +
            '30 × (1.25/1.20 − 1) ≈ 1.25 Ω; 85 mW into 15 Ω gives ≈1.6 Ω, which may include current limiting. Rounded to 1.2 Ω.',
        },
        ratings: [
          {
            value: { loadOhms: 300, watts: 0.029 },
            sourceId: 'asr-macbook-air-2024',
            estimate: false,
            note: 'Measured by an ASR member at full volume in the 3 V mode (2.97 Vrms); distortion limit not stated in the part read.',
          },
          {
            value: { loadOhms: 30, watts: 0.048 },
            sourceId: 'asr-macbook-air-2024',
            estimate: false,
            note:
              'Measured at full volume in the 1.25 V mode (chosen automatically for loads under 150 Ω, so only the ' +
              '“< 150 Ω” gain applies to this load); distortion limit not stated in the part read.',
          },
          {
            value: { loadOhms: 15, watts: 0.085 },
            sourceId: 'asr-macbook-air-2024',
            estimate: false,
            note: 'Measured at full volume in the 1.25 V mode (1.13 Vrms, against 1.25 V ideal); distortion limit not stated.',
          },
        ],
        noise: null,
        gains: [
          { id: 'low-z', label: 'Automatic, load under 150 Ω (1.25 Vrms)', gain: 1 },
          { id: 'high-z', label: 'Automatic, load 150 Ω–1 kΩ (3 Vrms)', gain: 2.4 },
        ],
      },
    ],
  },
  {
    id: 'fiio-ka3',
    maker: 'FiiO',
    model: 'KA3 USB DAC dongle',
    kind: 'dap-dongle',
    volumeControl: 'digital',
    inputFullScaleVoltsRms: {
      value: 2.05,
      sourceId: 'audiocolumn-fiio-ka3',
      estimate: true,
      note:
        'Derived from the single-ended output’s 14 mW into 300 Ω: √(0.014 × 300) ≈ 2.05 Vrms, the same voltage as its 130 mW ' +
        'into 32 Ω (2.04 V), so the 3.5 mm output is voltage-limited near 2.05 Vrms. FiiO’s own full-scale figure was not read.',
    },
    outputs: [
      {
        id: 'se',
        label: '3.5 mm single-ended',
        outputImpedanceOhms: {
          value: 1.0,
          sourceId: 'audiocolumn-fiio-ka3',
          estimate: true,
          note: 'Not found in the source read; about 1 Ω assumed. Replace with FiiO’s published figure.',
        },
        ratings: [
          {
            value: { loadOhms: 16, watts: 0.12 },
            sourceId: 'audiocolumn-fiio-ka3',
            estimate: false,
            note: 'Maker’s spec as listed by the review; distortion condition not stated in the part read.',
          },
          {
            value: { loadOhms: 32, watts: 0.13 },
            sourceId: 'audiocolumn-fiio-ka3',
            estimate: false,
            note: 'Maker’s spec as listed by the review; distortion condition not stated in the part read.',
          },
          {
            value: { loadOhms: 300, watts: 0.014 },
            sourceId: 'audiocolumn-fiio-ka3',
            estimate: false,
            note: 'Maker’s spec as listed by the review; distortion condition not stated in the part read.',
          },
        ],
        noise: null,
        gains: [{ id: 'fixed', label: 'Fixed', gain: 1 }],
      },
      {
        id: 'bal',
        label: '4.4 mm balanced',
        outputImpedanceOhms: {
          value: 2.0,
          sourceId: 'audiocolumn-fiio-ka3',
          estimate: true,
          note: 'Not found in the source read; twice the assumed single-ended figure (two output stages in series).',
        },
        ratings: [
          {
            value: { loadOhms: 16, watts: 0.12 },
            sourceId: 'audiocolumn-fiio-ka3',
            estimate: false,
            note: 'Maker’s spec as listed by the review; no more than single-ended into 16 Ω (current-limited).',
          },
          {
            value: { loadOhms: 32, watts: 0.24 },
            sourceId: 'audiocolumn-fiio-ka3',
            estimate: false,
            note: 'Maker’s spec as listed by the review (2.77 Vrms): current-limited, short of four times single-ended.',
          },
          {
            value: { loadOhms: 300, watts: 0.056 },
            sourceId: 'audiocolumn-fiio-ka3',
            estimate: false,
            note: 'Maker’s spec as listed by the review (4.10 Vrms): four times the single-ended power, twice the voltage.',
          },
        ],
        noise: null,
        gains: [{ id: 'fixed', label: 'Fixed (balanced, twice the voltage)', gain: 2 }],
      },
    ],
  },
  {
    id: 'focusrite-scarlett-2i2-gen4',
    maker: 'Focusrite',
    model: 'Scarlett 2i2 (4th Gen) headphone output',
    kind: 'interface',
    inputFullScaleVoltsRms: {
      value: 2.86,
      sourceId: 'asr-scarlett-4th-gen',
      estimate: true,
      note:
        'Derived: 10 dBu (2.45 Vrms) into 300 Ω behind the specified 50 Ω output impedance → 2.45 × 350/300 ≈ 2.86 Vrms ' +
        'unloaded. The spec gives no unloaded level.',
    },
    outputs: [
      {
        id: 'se',
        label: '6.35 mm single-ended',
        outputImpedanceOhms: {
          value: 50,
          sourceId: 'asr-scarlett-4th-gen',
          estimate: false,
          note: 'Maker’s spec (“Impedance 50 Ω” under headphone outputs), as quoted in the announcement thread.',
        },
        ratings: [
          {
            value: { loadOhms: 33, watts: 0.032 },
            sourceId: 'asr-scarlett-4th-gen',
            estimate: false,
            note: 'Maker’s spec: maximum output power 32 mW into 33 Ω (maximum output level 2.5 dBu); distortion level not stated.',
          },
          {
            value: { loadOhms: 300, watts: 0.022 },
            sourceId: 'asr-scarlett-4th-gen',
            estimate: false,
            note: 'Maker’s spec: maximum output power 22 mW into 300 Ω (maximum output level 10 dBu); distortion level not stated.',
          },
        ],
        noise: {
          value: { voltsRms: 4.36e-6, weighting: 'A' },
          sourceId: 'asr-scarlett-4th-gen',
          estimate: false,
          note:
            'Dynamic range 115 dB(A) at 300 Ω, used as SNR re the 10 dBu (2.45 Vrms) maximum: 2.45 × 10^(−115/20) ≈ 4.36 µV. ' +
            'The 33 Ω figure (112 dB re 2.5 dBu, 1.03 Vrms) gives 2.59 µV.',
        },
        gains: [{ id: 'fixed', label: 'Fixed', gain: 1 }],
      },
    ],
  },
  {
    id: 'jds-element',
    maker: 'JDS Labs',
    model: 'Element DAC/amp (version in JDS Labs’ O2 comparison)',
    kind: 'combo',
    volumeControl: 'analog',
    inputFullScaleVoltsRms: {
      value: 2.0,
      sourceId: 'jds-o2-odac',
      estimate: true,
      note:
        'The comparison table quotes the amplifier’s THD+N with a 2 Vrms input; the internal DAC’s full-scale voltage is not ' +
        'given there, so 2.0 Vrms is assumed (× 4.7 = 9.4 V, close to the 9.2 V that 140 mW into 600 Ω needs).',
    },
    outputs: [
      {
        id: 'se',
        label: '6.35 mm single-ended',
        outputImpedanceOhms: {
          value: 0.1,
          sourceId: 'jds-o2-odac',
          estimate: false,
          note: 'Maker’s spec.',
        },
        ratings: [
          {
            value: { loadOhms: 600, watts: 0.14 },
            sourceId: 'jds-o2-odac',
            estimate: false,
            note: 'Maker’s spec, “Max Power @ 600 ohms”; distortion level not stated.',
          },
          {
            value: { loadOhms: 32, watts: 1.5 },
            sourceId: 'jds-o2-odac',
            estimate: false,
            note: 'Maker’s spec, “Max Power @ 32 ohms”; distortion level not stated.',
          },
        ],
        noise: null,
        gains: [
          {
            id: 'low',
            label: 'Low 1.0×',
            gain: 1.0,
            noise: {
              value: { voltsRms: 2.45e-6, weighting: 'A' },
              sourceId: 'jds-o2-odac',
              estimate: false,
              note: '−110 dBu A-weighted at 1.0× gain, volume at maximum (maker’s spec).',
            },
          },
          { id: 'high', label: 'High 4.7×', gain: 4.7 },
        ],
      },
    ],
  },
  {
    id: 'fiio-k13-r2r',
    maker: 'FiiO',
    model: 'K13 R2R DAC/amp',
    kind: 'combo',
    inputFullScaleVoltsRms: {
      value: 6.25,
      sourceId: 'frieve-fiio-k13-r2r',
      estimate: true,
      note:
        'Derived from 1220 mW into 32 Ω on the 6.35 mm output at high gain: √(1.22 × 32) ≈ 6.25 Vrms; with under 0.4 Ω ' +
        'output impedance the unloaded level is within 0.1 dB of it. The low and medium gain ratios were not read.',
    },
    outputs: [
      {
        id: 'se',
        label: '6.35 mm single-ended',
        outputImpedanceOhms: {
          value: 0.4,
          sourceId: 'fiio-k13-r2r-parameters',
          estimate: false,
          note: 'Spec says < 0.4 Ω (measured into 32 Ω).',
        },
        ratings: [
          {
            value: { loadOhms: 16, watts: 1.2 },
            sourceId: 'fiio-k13-r2r-parameters',
            estimate: false,
            note: 'Maker’s spec at 1 % THD+N, high gain: ≥ 1200 mW into 16 Ω (4.4 Vrms).',
          },
          {
            value: { loadOhms: 32, watts: 1.22 },
            sourceId: 'frieve-fiio-k13-r2r',
            estimate: false,
            note: 'Maker’s spec as summarised by Audio Review; distortion condition not stated there.',
          },
        ],
        noise: {
          value: { voltsRms: 8.83e-6, weighting: 'A' },
          sourceId: 'frieve-fiio-k13-r2r',
          estimate: true,
          note:
            'From SNR ≥ 117 dB(A) (maker’s spec as summarised), taken re the 6.25 Vrms maximum because the reference level is ' +
            'not stated: 6.25 × 10^(−117/20) ≈ 8.83 µV. An upper bound if the SNR is re a lower level.',
        },
        gains: [{ id: 'high', label: 'High gain', gain: 1 }],
      },
      {
        id: 'bal',
        label: '4.4 mm balanced',
        outputImpedanceOhms: {
          value: 0.8,
          sourceId: 'fiio-k13-r2r-parameters',
          estimate: true,
          note: 'Not read; twice the single-ended figure assumed (two output stages in series).',
        },
        ratings: [
          {
            value: { loadOhms: 32, watts: 2.4 },
            sourceId: 'frieve-fiio-k13-r2r',
            estimate: false,
            note: 'Maker’s spec as summarised by Audio Review (8.76 Vrms); distortion condition not stated there.',
          },
        ],
        noise: {
          value: { voltsRms: 1.25e-5, weighting: 'A' },
          sourceId: 'frieve-fiio-k13-r2r',
          estimate: true,
          note: '√2 × the single-ended estimate (two legs with uncorrelated noise); no balanced noise figure was read.',
        },
        gains: [{ id: 'high', label: 'High gain (balanced, twice the voltage)', gain: 2 }],
      },
    ],
  },
  {
    id: 'objective2',
    maker: 'JDS Labs (NwAvGuy’s design)',
    model: 'Objective2 (O2), JDS Labs build',
    kind: 'desktop-amp',
    volumeControl: 'analog',
    inputFullScaleVoltsRms: ASSUMED_DAC_IN_FRONT,
    outputs: [
      {
        id: 'se',
        label: '3.5 mm single-ended',
        outputImpedanceOhms: {
          value: 0.54,
          sourceId: 'jds-o2-odac',
          estimate: false,
          note: 'Maker’s spec (JDS Labs O2+ODAC table).',
        },
        ratings: [
          {
            value: { loadOhms: 600, watts: 0.088 },
            sourceId: 'jds-o2-odac',
            estimate: false,
            note: 'Maker’s spec, “Max Power @ 600 ohms”; distortion level not stated.',
          },
          {
            value: { loadOhms: 32, watts: 0.613 },
            sourceId: 'jds-o2-odac',
            estimate: false,
            note: 'Maker’s spec, “Max Power @ 32 ohms”; distortion level not stated.',
          },
          {
            value: { loadOhms: 300, voltsRms: 7.24 },
            sourceId: 'sbaf-o2-measurements',
            estimate: false,
            note: 'Measured at 1 % THD+N (SBAF, low-gain unit).',
          },
          {
            value: { loadOhms: 33, voltsRms: 4.24 },
            sourceId: 'sbaf-o2-measurements',
            estimate: false,
            note: 'Measured at 1 % THD+N (SBAF, low-gain unit).',
          },
        ],
        noise: null,
        gains: [
          {
            id: 'low',
            label: 'Low 1.0× (JDS Labs build; NwAvGuy’s standard build 2.5×)',
            gain: 1.0,
            noise: {
              value: { voltsRms: 2.75e-6, weighting: 'A' },
              sourceId: 'jds-o2-odac',
              estimate: false,
              note: '−109 dBu A-weighted at 1.0× gain, volume at maximum (maker’s spec).',
            },
          },
          { id: 'high', label: 'High 3.3× (JDS Labs build; standard build 6.5×)', gain: 3.3 },
        ],
      },
    ],
  },
  {
    id: 'schiit-magni-2',
    maker: 'Schiit',
    model: 'Magni 2',
    kind: 'desktop-amp',
    volumeControl: 'analog',
    inputFullScaleVoltsRms: ASSUMED_DAC_IN_FRONT,
    outputs: [
      {
        id: 'se',
        label: '6.35 mm single-ended',
        outputImpedanceOhms: {
          value: 0.2,
          sourceId: 'headfi-schiit-magni-2',
          estimate: false,
          note: 'Spec says < 0.2 Ω.',
        },
        ratings: [
          {
            value: { loadOhms: 16, watts: 1.8 },
            sourceId: 'headfi-schiit-magni-2',
            estimate: false,
            note: 'Maker’s spec, maximum power per channel; distortion level not stated.',
          },
          {
            value: { loadOhms: 32, watts: 1.2 },
            sourceId: 'headfi-schiit-magni-2',
            estimate: false,
            note: 'Maker’s spec, maximum power per channel; distortion level not stated.',
          },
          {
            value: { loadOhms: 50, watts: 1.0 },
            sourceId: 'headfi-schiit-magni-2',
            estimate: false,
            note: 'Maker’s spec, maximum power per channel; distortion level not stated.',
          },
          {
            value: { loadOhms: 300, watts: 0.26 },
            sourceId: 'headfi-schiit-magni-2',
            estimate: false,
            note: 'Maker’s spec, maximum power per channel; distortion level not stated.',
          },
          {
            value: { loadOhms: 600, watts: 0.13 },
            sourceId: 'headfi-schiit-magni-2',
            estimate: false,
            note: 'Maker’s spec, maximum power per channel; distortion level not stated.',
          },
        ],
        noise: {
          value: { voltsRms: 7.94e-6, weighting: 'unweighted' },
          sourceId: 'headfi-schiit-magni-2',
          estimate: false,
          note:
            'SNR > 102 dB unweighted re 1 Vrms (maker’s spec): 1 × 10^(−102/20) ≈ 7.94 µV, an upper bound. ' +
            'The gain setting it was measured at is not stated.',
        },
        gains: [
          { id: 'low', label: 'Low 1.5×', gain: 1.5 },
          { id: 'high', label: 'High 6×', gain: 6 },
        ],
      },
    ],
  },
  {
    id: 'bottlehead-crack',
    maker: 'Bottlehead',
    model: 'Crack OTL (kit v1.1, without Speedball)',
    kind: 'tube-otl',
    volumeControl: 'analog',
    inputFullScaleVoltsRms: ASSUMED_DAC_IN_FRONT,
    outputs: [
      {
        id: 'se',
        label: '6.35 mm single-ended',
        outputImpedanceOhms: {
          value: 100,
          sourceId: 'rca-6080',
          estimate: true,
          note:
            'Calculated, not published: a 6080 cathode follower’s rp/(µ + 1) with µ ≈ 2 and gm 6.5–7 mA/V gives 95–105 Ω ' +
            '(reference sheet §3: ≈95 Ω); rounded to the 100 Ω the output-impedance lesson uses.',
        },
        ratings: [
          {
            value: { loadOhms: 300, voltsRms: 8.5 },
            sourceId: 'bottlehead-crack',
            estimate: true,
            note:
              'Order-of-magnitude estimate; Bottlehead publishes no output figure. Assumes each 6080 section idles near 40 mA ' +
              '(not published): a cathode follower pulls the load negative only until the tube cuts off, so the peak load ' +
              'current is about the idle current, 40 mA × 300 Ω = 12 V peak ≈ 8.5 Vrms.',
          },
          {
            value: { loadOhms: 32, voltsRms: 0.9 },
            sourceId: 'bottlehead-crack',
            estimate: true,
            note: 'Same estimate: 40 mA × 32 Ω ≈ 1.3 V peak ≈ 0.9 Vrms, current-limited long before the voltage runs out.',
          },
        ],
        noise: null,
        gains: [{ id: 'fixed', label: 'Fixed (≈5×, estimated: 12AU7 gain stage into a 6080 follower)', gain: 5 }],
      },
    ],
  },
];
