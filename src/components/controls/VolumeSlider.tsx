// The listening volume: a labelled slider over the safety stage's range, shown in dB, "−∞ dB" at the bottom (muted).
import { VOLUME_MAX_DB, VOLUME_MIN_DB } from '../../audio/volume';
import { Slider } from './Slider';

export interface VolumeSliderProps {
  id: string;
  volumeDb: number;
  onChange: (volumeDb: number) => void;
}

const formatVolume = (db: number) => `${db <= VOLUME_MIN_DB ? '−∞' : db.toFixed(0).replace('-', '−')} dB`;

export function VolumeSlider({ id, volumeDb, onChange }: VolumeSliderProps) {
  return <Slider id={id} label="Volume" value={volumeDb} min={VOLUME_MIN_DB} max={VOLUME_MAX_DB} step={1} format={formatVolume} onChange={onChange} />;
}
