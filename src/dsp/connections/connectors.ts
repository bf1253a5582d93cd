// What each contact of the connectors in a headphone setup carries: RCA, 3.5 mm and 6.35 mm TRS, TRRS headsets (CTIA
// and OMTP), balanced TRS line, 3-pin XLR, 4-pin XLR for balanced headphones and the 4.4 mm Pentaconn, each with the
// sources it was read from. Plain data. Leaves out: dimensions, contact ratings, the 2.5 mm balanced plug and mini-XLR,
// and the order of the 4.4 mm plug's five poles, which no primary source read for this project gives.

/** What a contact carries. "plus"/"minus" are the two legs of one balanced channel. */
export type ContactSignal =
  | 'signal'
  | 'ground'
  | 'left'
  | 'right'
  | 'microphone'
  | 'hot'
  | 'cold'
  | 'left-plus'
  | 'left-minus'
  | 'right-plus'
  | 'right-minus';

/** Short names for drawings and tables. */
export const SIGNAL_SHORT_LABELS: Readonly<Record<ContactSignal, string>> = {
  signal: 'Signal',
  ground: 'Ground',
  left: 'Left (L)',
  right: 'Right (R)',
  microphone: 'Microphone',
  hot: 'Hot (+)',
  cold: 'Cold (\u2212)',
  'left-plus': 'L+',
  'left-minus': 'L\u2212',
  'right-plus': 'R+',
  'right-minus': 'R\u2212',
};

/** What each signal is, in words. */
export const SIGNAL_DESCRIPTIONS: Readonly<Record<ContactSignal, string>> = {
  signal: 'the audio signal',
  ground: 'the shield and the return path shared by the signals',
  left: 'the left channel',
  right: 'the right channel',
  microphone: 'the microphone (and the remote buttons)',
  hot: 'the balanced signal, in phase',
  cold: 'the balanced signal, inverted',
  'left-plus': 'left channel, driven side (+)',
  'left-minus': 'left channel, return or inverted side (\u2212)',
  'right-plus': 'right channel, driven side (+)',
  'right-minus': 'right channel, return or inverted side (\u2212)',
};

export interface Contact {
  /** e.g. "tip", "ring-1", "sleeve", "pin-2", "centre", "shell". */
  readonly id: string;
  /** e.g. "Tip", "Ring 1", "Pin 2", "Centre pin". */
  readonly name: string;
  /** null where no source read here ties a signal to this contact. */
  readonly signal: ContactSignal | null;
}

/** How the drawing shows it: a coaxial plug or a phone plug from the side, a circular pin connector end-on. */
export type ConnectorShape = 'coaxial' | 'phone-plug' | 'circular-pins';

/**
 * How far the assignment can be trusted: a published specification, makers' documentation that agrees, a convention
 * with no standard behind it, or not confirmed (the contacts are then drawn without signals).
 */
export type AssignmentBasis = 'specification' | 'maker-documentation' | 'convention' | 'unconfirmed';

export type ConnectorId =
  | 'rca'
  | 'trs-3.5'
  | 'trs-6.35'
  | 'trrs-ctia'
  | 'trrs-omtp'
  | 'trs-balanced'
  | 'xlr-3'
  | 'xlr-4-headphone'
  | 'pentaconn-4.4';

export interface Connector {
  readonly id: ConnectorId;
  readonly name: string;
  readonly shape: ConnectorShape;
  /** Outside diameter of a phone plug's shaft, mm; null for RCA and XLR. */
  readonly diameterMm: number | null;
  /** What it connects, one phrase. */
  readonly use: string;
  readonly balanced: boolean;
  /** Phone plugs from the tip towards the handle; RCA centre then shell; XLR pin 1 upwards. */
  readonly contacts: readonly Contact[];
  /** Every signal the connector carries, whether or not each is tied to a contact here. */
  readonly signals: readonly ContactSignal[];
  readonly assignmentBasis: AssignmentBasis;
  /** Ids in src/data/sources.json. */
  readonly sourceIds: readonly string[];
  /** Where the assignment comes from and what to watch for. */
  readonly note: string;
}

function contact(id: string, name: string, signal: ContactSignal | null): Contact {
  return { id, name, signal };
}

const TRS_STEREO_CONTACTS: readonly Contact[] = [
  contact('tip', 'Tip', 'left'),
  contact('ring', 'Ring', 'right'),
  contact('sleeve', 'Sleeve', 'ground'),
];

export const CONNECTORS: readonly Connector[] = [
  {
    id: 'rca',
    name: 'RCA (phono)',
    shape: 'coaxial',
    diameterMm: null,
    use: 'Unbalanced line level, one channel per plug.',
    balanced: false,
    contacts: [contact('centre', 'Centre pin', 'signal'), contact('shell', 'Shell', 'ground')],
    signals: ['signal', 'ground'],
    assignmentBasis: 'maker-documentation',
    sourceIds: ['art-eq341-manual', 'allen-heath-pa-guide'],
    note: 'ART’s manual: the RCA jacks are unbalanced, the pin high (+) and the outside low (\u2212). Allen & Heath: RCA phono connectors are 2-wire unbalanced.',
  },
  {
    id: 'trs-3.5',
    name: '3.5 mm TRS (stereo mini-jack)',
    shape: 'phone-plug',
    diameterMm: 3.5,
    use: 'Stereo headphones and line connections on portable and computer gear, unbalanced.',
    balanced: false,
    contacts: TRS_STEREO_CONTACTS,
    signals: ['left', 'right', 'ground'],
    assignmentBasis: 'maker-documentation',
    sourceIds: ['allen-heath-pa-guide', 'headfi-596713-diy-cables'],
    note: 'Tip left, ring right, sleeve ground: Allen & Heath’s connector notes for headphones and the Head-Fi DIY cable table for 3.5 mm stereo plugs.',
  },
  {
    id: 'trs-6.35',
    name: '6.35 mm (¼-inch) TRS',
    shape: 'phone-plug',
    diameterMm: 6.35,
    use: 'Stereo headphones on desktop amps, interfaces and mixers, unbalanced.',
    balanced: false,
    contacts: TRS_STEREO_CONTACTS,
    signals: ['left', 'right', 'ground'],
    assignmentBasis: 'maker-documentation',
    sourceIds: ['allen-heath-pa-guide', 'headfi-596713-diy-cables'],
    note: 'The same assignment as the 3.5 mm plug, scaled up: tip left, ring right, sleeve ground.',
  },
  {
    id: 'trrs-ctia',
    name: '3.5 mm TRRS headset, CTIA order',
    shape: 'phone-plug',
    diameterMm: 3.5,
    use: 'Phone headsets with a microphone, in the order Android requires.',
    balanced: false,
    contacts: [
      contact('tip', 'Tip', 'left'),
      contact('ring-1', 'Ring 1', 'right'),
      contact('ring-2', 'Ring 2', 'ground'),
      contact('sleeve', 'Sleeve', 'microphone'),
    ],
    signals: ['left', 'right', 'ground', 'microphone'],
    assignmentBasis: 'specification',
    sourceIds: ['android-headset-jack-spec', 'headfi-596713-diy-cables'],
    note: 'Android’s headset specification requires the CTIA order “LRGM” (left, right, ground, microphone, from the tip; ring 1 is the ring next to the tip) and requires CTIA jacks to accept 3-pole and mono plugs.',
  },
  {
    id: 'trrs-omtp',
    name: '3.5 mm TRRS headset, OMTP order',
    shape: 'phone-plug',
    diameterMm: 3.5,
    use: 'Older phone headsets: microphone and ground swapped relative to CTIA.',
    balanced: false,
    contacts: [
      contact('tip', 'Tip', 'left'),
      contact('ring-1', 'Ring 1', 'right'),
      contact('ring-2', 'Ring 2', 'microphone'),
      contact('sleeve', 'Sleeve', 'ground'),
    ],
    signals: ['left', 'right', 'microphone', 'ground'],
    assignmentBasis: 'specification',
    sourceIds: ['android-headset-jack-spec'],
    note: 'Android’s specification lists the OMTP order “LRMG” as optional for devices. A CTIA headset in an OMTP jack, or the reverse, has its ground and microphone contacts crossed.',
  },
  {
    id: 'trs-balanced',
    name: '6.35 mm TRS, balanced line',
    shape: 'phone-plug',
    diameterMm: 6.35,
    use: 'One balanced line-level channel per plug, as on audio interfaces and studio monitors.',
    balanced: true,
    contacts: [contact('tip', 'Tip', 'hot'), contact('ring', 'Ring', 'cold'), contact('sleeve', 'Sleeve', 'ground')],
    signals: ['hot', 'cold', 'ground'],
    assignmentBasis: 'maker-documentation',
    sourceIds: ['art-eq341-manual', 'allen-heath-pa-guide'],
    note: 'The same plug as a stereo headphone plug but wired as one balanced channel: tip hot (+), ring cold (\u2212), sleeve ground.',
  },
  {
    id: 'xlr-3',
    name: 'XLR, 3-pin (balanced line)',
    shape: 'circular-pins',
    diameterMm: null,
    use: 'One balanced channel per connector: microphones, pro line outputs, and pairs of them on some balanced headphone amps.',
    balanced: true,
    contacts: [contact('pin-1', 'Pin 1', 'ground'), contact('pin-2', 'Pin 2', 'hot'), contact('pin-3', 'Pin 3', 'cold')],
    signals: ['ground', 'hot', 'cold'],
    assignmentBasis: 'maker-documentation',
    sourceIds: ['art-eq341-manual', 'allen-heath-pa-guide', 'headfi-596713-diy-cables', 'innerfidelity-sony-plug'],
    note: 'Pin 1 ground (shield), pin 2 hot (+), pin 3 cold (\u2212), as makers’ manuals give it (“pin 2 hot”). The standards that fix it (AES14, IEC 60268-12) were not read here. The pins are numbered on the insert.',
  },
  {
    id: 'xlr-4-headphone',
    name: 'XLR, 4-pin (balanced headphones)',
    shape: 'circular-pins',
    diameterMm: null,
    use: 'Both channels of a balanced headphone on one connector, on desktop balanced amps.',
    balanced: true,
    contacts: [
      contact('pin-1', 'Pin 1', 'left-plus'),
      contact('pin-2', 'Pin 2', 'left-minus'),
      contact('pin-3', 'Pin 3', 'right-plus'),
      contact('pin-4', 'Pin 4', 'right-minus'),
    ],
    signals: ['left-plus', 'left-minus', 'right-plus', 'right-minus'],
    assignmentBasis: 'convention',
    sourceIds: ['headfi-596713-diy-cables', 'innerfidelity-sony-plug'],
    note: 'Pin 1 L+, pin 2 L\u2212, pin 3 R+, pin 4 R\u2212: a convention, not a standard — the Head-Fi table says no official pin-out exists and that this is how AKG K1000 and HiFiMAN cables are wired. There is no ground pin; check an amp’s manual before wiring a cable.',
  },
  {
    id: 'pentaconn-4.4',
    name: '4.4 mm Pentaconn (JEITA RC-8141C), five poles',
    shape: 'phone-plug',
    diameterMm: 4.4,
    use: 'Balanced headphones on portable players, dongles and desktop amps.',
    balanced: true,
    contacts: [
      contact('tip', 'Tip', null),
      contact('ring-1', 'Ring 1', null),
      contact('ring-2', 'Ring 2', null),
      contact('ring-3', 'Ring 3', null),
      contact('sleeve', 'Sleeve', null),
    ],
    signals: ['left-plus', 'left-minus', 'right-plus', 'right-minus', 'ground'],
    assignmentBasis: 'unconfirmed',
    sourceIds: ['jeita-balanced-news'],
    note: 'JEITA’s RC-8141C adds this 4.4 mm, five-pole plug: four signal lines (L+, L\u2212, R+, R\u2212) and a ground. Which pole carries which was not found in a primary source (JEITA, Nippon Dics or Sony), so the poles are drawn without signals.',
  },
];

export function connectorById(id: ConnectorId): Connector {
  const found = CONNECTORS.find((c) => c.id === id);
  if (!found) throw new RangeError(`no connector with id ${id}`);
  return found;
}
