import { createSignal, onCleanup, Show } from "solid-js";

/** The output of a crop: a square for a profile picture, a tall 9:16 frame for a background. */
const SHAPES = { square: { width: 512, height: 512 }, tall: { width: 1080, height: 1920 } } as const;

/**
 * Frames a chosen image before it is uploaded: zoom and move it inside the shape, then
 * the visible part is drawn to a canvas and handed on as a WebP (PNG where the browser
 * cannot encode WebP). Nothing leaves the browser until "Use this".
 */
export function ImageCropper(props: {
  file: File;
  shape: keyof typeof SHAPES;
  onDone: (blob: Blob) => void;
  onCancel: () => void;
}) {
  const url = URL.createObjectURL(props.file);
  onCleanup(() => URL.revokeObjectURL(url));
  const [image, setImage] = createSignal<HTMLImageElement | null>(null);
  const [unreadable, setUnreadable] = createSignal(false);
  const [zoom, setZoom] = createSignal(1);
  const [x, setX] = createSignal(0.5);
  const [y, setY] = createSignal(0.5);
  const out = SHAPES[props.shape];

  /** The source rectangle the frame shows: the largest one of the frame's shape, shrunk by the zoom, placed by x/y. */
  const source = (img: HTMLImageElement) => {
    const ratio = out.width / out.height;
    let w = img.naturalWidth;
    let h = w / ratio;
    if (h > img.naturalHeight) {
      h = img.naturalHeight;
      w = h * ratio;
    }
    w /= zoom();
    h /= zoom();
    return { sx: (img.naturalWidth - w) * x(), sy: (img.naturalHeight - h) * y(), sw: w, sh: h };
  };

  let canvas: HTMLCanvasElement | undefined;
  const draw = () => {
    const img = image();
    const ctx = canvas?.getContext("2d");
    if (!img || !ctx) return;
    const { sx, sy, sw, sh } = source(img);
    ctx.clearRect(0, 0, out.width, out.height);
    ctx.drawImage(img, sx, sy, sw, sh, 0, 0, out.width, out.height);
  };

  const finish = () => {
    // Until the image has loaded the canvas is blank: uploading it would replace the picture with nothing.
    if (!image()) return;
    draw();
    canvas?.toBlob(
      (blob) => {
        if (blob) props.onDone(blob);
      },
      "image/webp",
      0.9,
    );
  };

  const slider = (label: string, value: () => number, set: (v: number) => void, min: number, max: number) => (
    <label class="field">
      <span class="field__label">{label}</span>
      <input
        type="range"
        min={min}
        max={max}
        step="0.01"
        value={value()}
        onInput={(e) => {
          set(Number(e.currentTarget.value));
          draw();
        }}
      />
    </label>
  );

  return (
    <div class="bio-cropper stack stack--tight" data-testid="bio-cropper">
      <img
        src={url}
        alt=""
        hidden
        onLoad={(e) => {
          setImage(e.currentTarget);
          draw();
        }}
        onError={() => setUnreadable(true)}
      />
      <Show when={unreadable()}>
        <p class="notice notice--error" role="alert" data-testid="bio-crop-error">
          This file cannot be read as an image. Choose a PNG, JPEG, GIF or WebP.
        </p>
      </Show>
      <canvas
        ref={canvas}
        width={out.width}
        height={out.height}
        class="bio-cropper__canvas"
        classList={{ "is-round": props.shape === "square" }}
        aria-label="Cropped image"
      />
      <Show when={image()}>
        {slider("Zoom", zoom, setZoom, 1, 4)}
        {slider("Left — right", x, setX, 0, 1)}
        {slider("Top — bottom", y, setY, 0, 1)}
      </Show>
      <div class="bio-cropper__actions">
        <button
          type="button"
          class="button button--primary button--small"
          data-testid="bio-crop-done"
          disabled={!image()}
          onClick={finish}
        >
          Use this
        </button>
        <button type="button" class="button button--small" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
