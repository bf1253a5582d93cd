// Bluetooth codecs at their nominal (claimed) bitrates: what the standard or the maker states, each with the source
// it was read from (src/data/sources.json). None of these is a measurement of what a given phone actually sends.

export interface BluetoothCodecMode {
  readonly id: string;
  readonly label: string;
  readonly bitrateBitsPerSecond: number;
  readonly sampleRateHz: number;
  /** The PCM word length the codec accepts (what "24-bit" claims refer to). */
  readonly inputBitsPerSample: number;
  readonly sourceId: string;
  /** How the figure was read; says when it is a typical value rather than a fixed rate. */
  readonly note: string;
}

export const BLUETOOTH_CODECS: readonly BluetoothCodecMode[] = [
  { id: 'sbc', label: 'SBC, high quality (328 kb/s)', bitrateBitsPerSecond: 328_000, sampleRateHz: 44_100, inputBitsPerSample: 16, sourceId: 'speakingx-a2dp-sbc', note: 'A2DP’s recommended high-quality setting, joint stereo, bitpool 53.' },
  { id: 'aac', label: 'AAC, typical (about 300 kb/s)', bitrateBitsPerSecond: 300_000, sampleRateHz: 44_100, inputBitsPerSample: 16, sourceId: 'xda-aac-bitrate', note: 'Typical on Android for over-ear headphones, as a forum member observed; about 160 kb/s for true-wireless earbuds.' },
  { id: 'aptx', label: 'aptX (352 kb/s)', bitrateBitsPerSecond: 352_000, sampleRateHz: 44_100, inputBitsPerSample: 16, sourceId: 'welltempered-aptx', note: 'A fixed 4:1 reduction of 16-bit PCM.' },
  { id: 'aptx-hd', label: 'aptX HD (576 kb/s)', bitrateBitsPerSecond: 576_000, sampleRateHz: 48_000, inputBitsPerSample: 24, sourceId: 'welltempered-aptx', note: 'A fixed 4:1 reduction of 24-bit PCM at 48 kHz.' },
  { id: 'ldac-330', label: 'LDAC, connection priority (330 kb/s)', bitrateBitsPerSecond: 330_000, sampleRateHz: 96_000, inputBitsPerSample: 24, sourceId: 'androidauthority-ldac', note: 'Sony’s lowest LDAC mode, here with a 96 kHz, 24-bit input.' },
  { id: 'ldac-660', label: 'LDAC, normal (660 kb/s)', bitrateBitsPerSecond: 660_000, sampleRateHz: 96_000, inputBitsPerSample: 24, sourceId: 'androidauthority-ldac', note: 'Sony’s middle LDAC mode, 96 kHz, 24-bit input.' },
  { id: 'ldac-990', label: 'LDAC, quality priority (990 kb/s)', bitrateBitsPerSecond: 990_000, sampleRateHz: 96_000, inputBitsPerSample: 24, sourceId: 'sony-linkbuds-codecs', note: 'Sony: 990 kb/s at 96 or 48 kHz (909 kb/s at 88.2 or 44.1 kHz).' },
];
