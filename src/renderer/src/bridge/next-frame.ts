/**
 * "Call me before the next paint": the renderer's readers hear of changes at most once
 * per animation frame, however many pushes arrived since the last one. A hidden window
 * gets no frames, so a timer stands in for the frame after a while (the title and the
 * counts stay right while the window is in the tray).
 */
export type FrameScheduler = (callback: () => void) => void;

/** Longest wait for a frame before the timer runs the callback instead. */
const HIDDEN_WINDOW_FALLBACK_MS = 250;

export const nextFrame: FrameScheduler = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_WINDOW_FALLBACK_MS);
};
