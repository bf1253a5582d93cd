// Play/stop toggle with a loading state while audio starts. It is never `disabled`, so keyboard focus
// stays on it while audio starts and it turns into Stop.
import './controls.css';

export type PlayState = 'stopped' | 'starting' | 'playing';

export interface PlayButtonProps {
  state: PlayState;
  onPlay: () => void;
  onStop: () => void;
  label?: string;
}

export function PlayButton({ state, onPlay, onStop, label = 'Play' }: PlayButtonProps) {
  const playing = state === 'playing';
  return (
    <button
      type="button"
      class={`play-button${playing ? ' is-playing' : ''}`}
      aria-busy={state === 'starting'}
      aria-disabled={state === 'starting'}
      onClick={state === 'starting' ? undefined : playing ? onStop : onPlay}
    >
      <span aria-hidden="true" class="play-icon">{playing ? '■' : '▶'}</span>
      {state === 'starting' ? 'Starting audio…' : playing ? 'Stop' : label}
    </button>
  );
}
